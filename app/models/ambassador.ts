import { z } from "zod";
import { TIERS } from "./tiers";

/** Where a fan stands in one brand's program. */
export const AMBASSADOR_STATUSES = ["invited", "applied", "active", "paused", "alumni"] as const;
export type AmbassadorStatus = (typeof AMBASSADOR_STATUSES)[number];

/** Orders of the ambassador directory. */
export const SORTS = { name: "Name", followers: "Most followers", recent: "Newest", touch: "Longest without a touch" } as const;
export type Sort = keyof typeof SORTS;

const FilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(AMBASSADOR_STATUSES).optional().catch(undefined),
  tier: z.enum(TIERS).optional().catch(undefined),
  tag: z.string().max(40).optional().catch(undefined),
  city: z.string().max(80).optional().catch(undefined),
  quiet: z
    .literal("1")
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  sort: z.enum(Object.keys(SORTS) as [Sort, ...Sort[]]).optional().catch(undefined),
});

/** The directory's filters from a URL's search parameters; nonsense values are dropped, not errors. */
export function parseDirectoryFilter(params: URLSearchParams) {
  return FilterSchema.parse(Object.fromEntries([...params].filter(([, v]) => v !== "")));
}
