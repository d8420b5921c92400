// The directory's signal filters (also usable in saved views and audiences): what each means, in one place.
import { TIERS, tierFor, type Tier, type TierThresholds } from "../tiers";

/** "Rising": the largest account grew at least this much over 90 days. */
export const RISING_MIN = 0.2;
/** "Low branded-content saturation": at most this share of their recent posts disclose a brand relationship. */
export const LOW_SATURATION_MAX = 0.2;

export const SIGNAL_FILTER_LABELS = {
  rising: `Rising (+${RISING_MIN * 100} % or more in 90 days)`,
  engagement: "Engagement above the brand's median for their tier",
  saturation: `Low branded-content saturation (${LOW_SATURATION_MAX * 100} % or less)`,
} as const;

/** The brand's stored medians per tier ("{}" until the first daily refresh). */
export function readTierMedians(json: string | undefined): Partial<Record<Tier, number>> {
  try {
    const parsed = JSON.parse(json ?? "{}") as Record<string, unknown>;
    return Object.fromEntries(TIERS.filter((t) => typeof parsed[t] === "number").map((t) => [t, parsed[t] as number]));
  } catch {
    return {};
  }
}

export type SignalFacts = { maxFollowers: number; growth90: number | null; engagementMedian: number | null; saturation: number | null };
export type SignalFilter = { rising?: boolean; engagement?: boolean; lowSaturation?: boolean };

/** The same rules as the directory's SQL, for one fan (audiences). */
export function matchesSignals(f: SignalFilter, fan: SignalFacts, thresholds: TierThresholds, medians: Partial<Record<Tier, number>>) {
  if (f.rising && !(fan.growth90 !== null && fan.growth90 >= RISING_MIN)) return false;
  if (f.lowSaturation && !(fan.saturation !== null && fan.saturation <= LOW_SATURATION_MAX)) return false;
  if (f.engagement) {
    const m = medians[tierFor(fan.maxFollowers, thresholds)];
    if (m === undefined || fan.engagementMedian === null || !(fan.engagementMedian > m)) return false;
  }
  return true;
}
