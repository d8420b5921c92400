export const TIERS = ["nano", "micro", "macro", "mega"] as const;
export type Tier = (typeof TIERS)[number];

export type TierThresholds = { tierMicroMin: number; tierMacroMin: number; tierMegaMin: number };

/** A brand's thresholds with its median engagement per tier (JSON, kept by the daily signals refresh), as selected below. */
export type TierSettings = TierThresholds & { tierEngagementMedians?: string };

/** The brand columns that hold its tier thresholds, and its median engagement per tier (a Prisma select). */
export const TIER_THRESHOLDS_SELECT = { tierMicroMin: true, tierMacroMin: true, tierMegaMin: true, tierEngagementMedians: true } as const;

export const DEFAULT_TIER_THRESHOLDS: TierThresholds = { tierMicroMin: 1_000, tierMacroMin: 100_000, tierMegaMin: 1_000_000 };

/** The tier for a follower count: each threshold is the smallest count of the next tier up. */
export function tierFor(followers: number, t: TierThresholds = DEFAULT_TIER_THRESHOLDS): Tier {
  if (followers >= t.tierMegaMin) return "mega";
  if (followers >= t.tierMacroMin) return "macro";
  if (followers >= t.tierMicroMin) return "micro";
  return "nano";
}

/** Follower range of a tier, as Prisma-friendly bounds (min inclusive, max exclusive). */
export function tierRange(tier: Tier, t: TierThresholds = DEFAULT_TIER_THRESHOLDS): { gte?: number; lt?: number } {
  switch (tier) {
    case "nano":
      return { lt: t.tierMicroMin };
    case "micro":
      return { gte: t.tierMicroMin, lt: t.tierMacroMin };
    case "macro":
      return { gte: t.tierMacroMin, lt: t.tierMegaMin };
    case "mega":
      return { gte: t.tierMegaMin };
  }
}

const fmt = new Intl.NumberFormat("en");

/** "micro: 1,000 – 99,999 followers" */
export function describeTier(tier: Tier, t: TierThresholds = DEFAULT_TIER_THRESHOLDS) {
  const r = tierRange(tier, t);
  if (r.gte === undefined) return `${tier}: under ${fmt.format(r.lt!)} followers`;
  if (r.lt === undefined) return `${tier}: ${fmt.format(r.gte)}+ followers`;
  return `${tier}: ${fmt.format(r.gte)} – ${fmt.format(r.lt - 1)} followers`;
}
