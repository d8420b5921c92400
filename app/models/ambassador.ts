/** Where a fan stands in one brand's program. */
export const AMBASSADOR_STATUSES = ["invited", "applied", "active", "paused", "alumni"] as const;
export type AmbassadorStatus = (typeof AMBASSADOR_STATUSES)[number];

/** Orders of the ambassador directory. */
export const SORTS = { name: "Name", followers: "Most followers", recent: "Newest", touch: "Longest without a touch" } as const;
export type Sort = keyof typeof SORTS;
