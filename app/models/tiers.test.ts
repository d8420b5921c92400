import { describe, expect, test } from "vitest";
import { DEFAULT_TIER_THRESHOLDS, describeTier, tierFor, tierRange } from "./tiers";

describe("tierFor", () => {
  test("puts each default boundary in the higher tier", () => {
    expect(tierFor(0)).toBe("nano");
    expect(tierFor(999)).toBe("nano");
    expect(tierFor(1_000)).toBe("micro");
    expect(tierFor(99_999)).toBe("micro");
    expect(tierFor(100_000)).toBe("macro");
    expect(tierFor(999_999)).toBe("macro");
    expect(tierFor(1_000_000)).toBe("mega");
    expect(tierFor(2_000_000_000)).toBe("mega");
  });

  test("uses a brand's own thresholds", () => {
    const local = { tierMicroMin: 500, tierMacroMin: 10_000, tierMegaMin: 50_000 };
    expect(tierFor(499, local)).toBe("nano");
    expect(tierFor(500, local)).toBe("micro");
    expect(tierFor(10_000, local)).toBe("macro");
    expect(tierFor(50_000, local)).toBe("mega");
  });

  test("ranges agree with tierFor at every boundary", () => {
    for (const n of [0, 999, 1_000, 99_999, 100_000, 999_999, 1_000_000]) {
      const tier = tierFor(n);
      const r = tierRange(tier, DEFAULT_TIER_THRESHOLDS);
      expect(r.gte === undefined || n >= r.gte).toBe(true);
      expect(r.lt === undefined || n < r.lt).toBe(true);
    }
  });

  test("describes the rule in words", () => {
    expect(describeTier("nano")).toBe("nano: under 1,000 followers");
    expect(describeTier("micro")).toBe("micro: 1,000 – 99,999 followers");
    expect(describeTier("mega")).toBe("mega: 1,000,000+ followers");
  });
});
