import { describe, expect, test } from "vitest";
import { DEFAULT_SCORE_WEIGHTS, ScoreWeightsSchema, readScoreWeights, relationshipScore } from "./score";

describe("the relationship score, worked out by hand", () => {
  test("each part on 0–1, weighted, on 0–100", () => {
    // growth +25 % → 0.5; engagement 6 % against a 4 % median → 6 / 8 = 0.75; saturation 20 % → 0.8; quality 4/5 = 0.8;
    // in a brand city → 1; came to 1 of 2 → 0.5.
    const inputs = { growth90: 0.25, engagement: 0.06, tierMedian: 0.04, saturation: 0.2, quality: 4, inBrandCity: true, attendanceShare: 0.5 };
    const r = relationshipScore(inputs, DEFAULT_SCORE_WEIGHTS);
    expect(r.parts.growth).toBeCloseTo(0.5, 10);
    expect(r.parts.engagement).toBeCloseTo(0.75, 10);
    expect(r.parts.authenticity).toBeCloseTo(0.8, 10);
    expect(r.parts.quality).toBeCloseTo(0.8, 10);
    expect(r.parts).toMatchObject({ local: 1, attendance: 0.5 });
    // (20·0.5 + 25·0.75 + 15·0.8 + 20·0.8 + 10·1 + 10·0.5) ÷ 100 × 100 = 10 + 18.75 + 12 + 16 + 10 + 5 = 71.75
    expect(r.score).toBeCloseTo(71.75, 10);
    expect(r.contributions.engagement).toBeCloseTo(18.75, 10);
  });

  test("unknown signals: growth, engagement, city and attendance count 0; unrated quality and no recent posts count half", () => {
    const r = relationshipScore({ growth90: null, engagement: null, tierMedian: null, saturation: null, quality: null, inBrandCity: null, attendanceShare: null }, DEFAULT_SCORE_WEIGHTS);
    // (15·0.5 + 20·0.5) ÷ 100 × 100 = 17.5
    expect(r.score).toBeCloseTo(17.5, 10);
  });

  test("a brand's own weights: only growth counts → the score is growth's part", () => {
    const weights = { growth: 10, engagement: 0, authenticity: 0, quality: 0, local: 0, attendance: 0 };
    expect(relationshipScore({ growth90: 1, engagement: null, tierMedian: null, saturation: null, quality: null, inBrandCity: null, attendanceShare: null }, weights).score).toBe(100);
  });

  test("weights are whole numbers 0–100, not all zero; unreadable stored weights fall back to the default", () => {
    expect(ScoreWeightsSchema.safeParse({ ...DEFAULT_SCORE_WEIGHTS, growth: 101 }).success).toBe(false);
    expect(ScoreWeightsSchema.safeParse({ growth: 0, engagement: 0, authenticity: 0, quality: 0, local: 0, attendance: 0 }).success).toBe(false);
    expect(readScoreWeights("")).toEqual(DEFAULT_SCORE_WEIGHTS);
    expect(readScoreWeights("not json")).toEqual(DEFAULT_SCORE_WEIGHTS);
    expect(readScoreWeights(JSON.stringify({ ...DEFAULT_SCORE_WEIGHTS, local: 30 })).local).toBe(30);
  });
});
