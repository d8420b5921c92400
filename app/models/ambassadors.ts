import { z } from "zod";
import { PLATFORMS } from "./profile";
import { TIERS } from "./tiers";

/** Where a fan stands in one brand's program. */
export const AMBASSADOR_STATUSES = ["invited", "applied", "active", "paused", "alumni"] as const;
export type AmbassadorStatus = (typeof AMBASSADOR_STATUSES)[number];

/** Orders of the ambassador directory. */
export const SORTS = { name: "Name", followers: "Most followers", recent: "Newest", touch: "Longest without a touch", growth: "Fastest growing (90 days)", engagement: "Highest engagement", saturation: "Least branded content" } as const;
export type Sort = keyof typeof SORTS;
export const DEFAULT_SORT: Sort = "name";

/** Time windows for "joined within" and "last touch within" filters, in days. */
export const WINDOWS = { "7": "7 days", "30": "30 days", "90": "90 days", "365": "a year" } as const;
type Window = keyof typeof WINDOWS;
const windowField = z
  .enum(Object.keys(WINDOWS) as [Window, ...Window[]])
  .optional()
  .catch(undefined);

const flag = z
  .literal("1")
  .optional()
  .catch(undefined)
  .transform((v) => v === "1");

const FilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(AMBASSADOR_STATUSES).optional().catch(undefined),
  tier: z.enum(TIERS).optional().catch(undefined),
  tag: z.string().max(40).optional().catch(undefined),
  city: z.string().max(80).optional().catch(undefined),
  quiet: flag,
  sort: z.enum(Object.keys(SORTS) as [Sort, ...Sort[]]).optional().catch(undefined),
  platform: z.enum(PLATFORMS).optional().catch(undefined),
  joined: windowField,
  touched: windowField,
  rising: flag,
  engagement: z.literal("above").optional().catch(undefined),
  saturation: z.literal("low").optional().catch(undefined),
});

/** The directory's filters from a URL's search parameters; nonsense values are dropped, not errors. */
export function parseDirectoryFilter(params: URLSearchParams) {
  return FilterSchema.parse(Object.fromEntries([...params].filter(([, v]) => v !== "")));
}

export type ParsedDirectoryFilter = ReturnType<typeof parseDirectoryFilter>;

/** A filter as its canonical query string (fixed order, only what is set), for links and saved views. */
export function directoryQuery(f: Partial<ParsedDirectoryFilter>) {
  const params = new URLSearchParams();
  for (const key of Object.keys(FilterSchema.shape) as (keyof ParsedDirectoryFilter)[]) {
    const v = f[key];
    if (v === true) params.set(key, "1");
    else if (typeof v === "string" && v) params.set(key, v);
  }
  return params.toString();
}

/** Filters whose members change with the calendar or with a search: a view using them is not offered as an audience. */
export function audienceReady(f: Partial<ParsedDirectoryFilter>) {
  return !f.q && !f.joined && !f.touched && !f.quiet;
}
