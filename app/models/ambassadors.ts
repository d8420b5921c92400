import { z } from "zod";
import { PLATFORMS } from "./profile";
import { TIERS } from "./tiers";

/** Where a fan stands in one brand's program. */
export const AMBASSADOR_STATUSES = ["invited", "applied", "active", "paused", "alumni"] as const;
export type AmbassadorStatus = (typeof AMBASSADOR_STATUSES)[number];

/** Orders of the ambassador directory. */
export const SORTS = { name: "Name", followers: "Most followers", recent: "Newest", touch: "Longest without a touch" } as const;
export type Sort = keyof typeof SORTS;
export const DEFAULT_SORT: Sort = "name";

/** Time windows for "joined within" and "last touch within" filters, in days. */
export const WINDOWS = { "7": "7 days", "30": "30 days", "90": "90 days", "365": "a year" } as const;
type Window = keyof typeof WINDOWS;
const windowField = z
  .enum(Object.keys(WINDOWS) as [Window, ...Window[]])
  .optional()
  .catch(undefined);

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
  platform: z.enum(PLATFORMS).optional().catch(undefined),
  joined: windowField,
  touched: windowField,
});

/** The directory's filters from a URL's search parameters; nonsense values are dropped, not errors. */
export function parseDirectoryFilter(params: URLSearchParams) {
  return FilterSchema.parse(Object.fromEntries([...params].filter(([, v]) => v !== "")));
}
