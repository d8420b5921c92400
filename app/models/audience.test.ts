import { describe, expect, test } from "vitest";
import { z } from "zod";
import { audienceFields, checkAudience, matchesAudience, readAudience } from "./audience";
import { DEFAULT_TIER_THRESHOLDS as T } from "./tiers";

const fan = (over: Partial<Parameters<typeof matchesAudience>[1]> = {}) => ({ id: "a1", status: "active", city: "Toronto", maxFollowers: 500, tagNames: ["bakers-club"], ...over });

describe("matchesAudience", () => {
  test("everyone active is in 'all'; paused, invited and alumni fans never are", () => {
    expect(matchesAudience({ kind: "all", values: [] }, fan(), T)).toBe(true);
    for (const status of ["paused", "invited", "applied", "alumni"]) expect(matchesAudience({ kind: "all", values: [] }, fan({ status }), T)).toBe(false);
  });
  test("tiers use the brand's thresholds", () => {
    expect(matchesAudience({ kind: "tier", values: ["nano"] }, fan({ maxFollowers: 999 }), T)).toBe(true);
    expect(matchesAudience({ kind: "tier", values: ["nano"] }, fan({ maxFollowers: 1000 }), T)).toBe(false);
    expect(matchesAudience({ kind: "tier", values: ["micro", "macro"] }, fan({ maxFollowers: 1000 }), T)).toBe(true);
    expect(matchesAudience({ kind: "tier", values: ["nano"] }, fan({ maxFollowers: 1000 }), { ...T, tierMicroMin: 5000 })).toBe(true);
  });
  test("tags, cities and hand-picked lists", () => {
    expect(matchesAudience({ kind: "tag", values: ["bakers-club", "vip"] }, fan(), T)).toBe(true);
    expect(matchesAudience({ kind: "tag", values: ["vip"] }, fan(), T)).toBe(false);
    expect(matchesAudience({ kind: "city", values: ["Toronto"] }, fan(), T)).toBe(true);
    expect(matchesAudience({ kind: "city", values: ["Ottawa"] }, fan(), T)).toBe(false);
    expect(matchesAudience({ kind: "list", values: ["a1"] }, fan(), T)).toBe(true);
    expect(matchesAudience({ kind: "list", values: ["a2"] }, fan(), T)).toBe(false);
  });
  test("stored audiences read back safely", () => {
    expect(readAudience("tag", '["x"]')).toEqual({ kind: "tag", values: ["x"] });
    expect(readAudience("tag", "not json")).toEqual({ kind: "tag", values: [] });
    expect(readAudience("bogus", '["x"]')).toEqual({ kind: "all", values: [] });
  });
  test("a narrowed audience needs values, and tiers must be real", () => {
    const schema = z.object(audienceFields(true)).superRefine(checkAudience);
    expect(schema.safeParse({ audienceKind: "all" }).success).toBe(true);
    expect(schema.safeParse({ audienceKind: "tag", audienceValues: "a, b" }).data?.audienceValues).toEqual(["a", "b"]);
    expect(schema.safeParse({ audienceKind: "city" }).error?.issues[0].message).toBe("Choose a city, or send to all active ambassadors.");
    expect(schema.safeParse({ audienceKind: "tier", audienceValues: ["giant"] }).error?.issues[0].message).toMatch(/Tiers are nano/);
    expect(z.object(audienceFields(false)).safeParse({ audienceKind: "list" }).success).toBe(false);
  });
});

describe("cities", () => {
  test("one city whatever the accents, case, spaces or hyphens", async () => {
    const { cityKey, groupCities } = await import("./cities");
    expect(cityKey(" Montréal ")).toBe(cityKey("MONTREAL"));
    expect(cityKey("Trois-Rivières")).toBe(cityKey("trois rivieres"));
    expect(cityKey("Toronto")).not.toBe(cityKey("Ottawa"));
    expect(groupCities([{ city: "Montreal", count: 1 }, { city: "Montréal", count: 3 }, { city: "", count: 9 }]).map((c) => [c.city, c.spellings.length])).toEqual([["Montréal", 2]]);
  });
});
