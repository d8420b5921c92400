/** Where a fan stands in one brand's program. */
export const AMBASSADOR_STATUSES = ["invited", "applied", "active", "paused", "alumni"] as const;
export type AmbassadorStatus = (typeof AMBASSADOR_STATUSES)[number];
