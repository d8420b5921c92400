// A brand's relationship score: a weighted average of the signals, each first put on a 0–1 scale. It sits beside the
// signals on the fit panel, never instead of them, and shows its formula and each part's contribution.
import { z } from "zod";

export const SCORE_PARTS = {
  growth: "Growth (90 days; +50 % or more counts in full)",
  engagement: "Engagement (against the brand's median for their tier; twice the median counts in full)",
  authenticity: "Little branded content (1 − saturation)",
  quality: "Content quality (average rating ÷ 5)",
  local: "Lives in one of the brand's cities",
  attendance: "Comes to events they say yes to",
} as const;
export type ScorePart = keyof typeof SCORE_PARTS;
export type ScoreWeights = Record<ScorePart, number>;

export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = { growth: 20, engagement: 25, authenticity: 15, quality: 20, local: 10, attendance: 10 };

const weight = (label: string) => z.coerce.number({ error: `${label}: a whole number from 0 to 100` }).int(`${label}: a whole number from 0 to 100`).min(0, `${label}: 0 or more`).max(100, `${label}: 100 at most`);
export const ScoreWeightsSchema = z
  .object(Object.fromEntries(Object.keys(SCORE_PARTS).map((k) => [k, weight(SCORE_PARTS[k as ScorePart].split(" (")[0])])) as Record<ScorePart, ReturnType<typeof weight>>)
  .refine((w) => Object.values(w).some((v) => v > 0), { message: "Give at least one signal a weight above 0.", path: ["growth"] });

/** The brand's stored weights; anything missing or unreadable falls back to the default. */
export function readScoreWeights(json: string | null | undefined): ScoreWeights {
  try {
    const parsed = ScoreWeightsSchema.safeParse(JSON.parse(json || "{}"));
    return parsed.success ? parsed.data : DEFAULT_SCORE_WEIGHTS;
  } catch {
    return DEFAULT_SCORE_WEIGHTS;
  }
}

export type ScoreInputs = {
  growth90: number | null;
  engagement: number | null;
  tierMedian: number | null;
  saturation: number | null;
  quality: number | null;
  inBrandCity: boolean | null;
  attendanceShare: number | null;
};

const clamp = (n: number) => Math.min(1, Math.max(0, n));

/**
 * Each part on a 0–1 scale; an unknown signal counts 0 (not known is not good), except content a brand has not
 * rated and branded content of a fan without recent posts, which count half (neither good nor bad).
 */
export function scoreParts(i: ScoreInputs): Record<ScorePart, number> {
  return {
    growth: i.growth90 === null ? 0 : clamp(i.growth90 / 0.5),
    engagement: i.engagement === null || !i.tierMedian ? 0 : clamp(i.engagement / (2 * i.tierMedian)),
    authenticity: i.saturation === null ? 0.5 : clamp(1 - i.saturation),
    quality: i.quality === null ? 0.5 : clamp(i.quality / 5),
    local: i.inBrandCity ? 1 : 0,
    attendance: i.attendanceShare ?? 0,
  };
}

/** Score = Σ weight × part ÷ Σ weights, on 0–100; with each part's contribution in points. */
export function relationshipScore(i: ScoreInputs, weights: ScoreWeights) {
  const parts = scoreParts(i);
  const total = Object.values(weights).reduce((s, w) => s + w, 0) || 1;
  const contributions = Object.fromEntries((Object.keys(SCORE_PARTS) as ScorePart[]).map((k) => [k, (weights[k] * parts[k] * 100) / total])) as Record<ScorePart, number>;
  return { score: Object.values(contributions).reduce((s, c) => s + c, 0), parts, contributions };
}

export const SCORE_FORMULA = "score = Σ (weight × part) ÷ Σ weights × 100, each part from 0 to 1";
