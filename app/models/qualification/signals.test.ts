import { describe, expect, test } from "vitest";
import { DEFAULT_TIER_THRESHOLDS } from "../tiers";
import { brandedSaturation, contentQuality, disclosesBrandRelationship, engagement, expertise, growth, lifeMoments, localAudience, median, tierCrossedAt } from "./signals";

const NOW = new Date("2026-12-05T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

describe("fit signals, each against a value worked out by hand", () => {
  test("median", () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  test("expertise and life moments keep their sources and dates", () => {
    const applications = [
      { createdAt: "2026-03-01T00:00:00Z", answers: [{ label: "Favourite bake?", answer: "Rye" }, { label: "Moving soon?", answer: "Yes, to Ottawa", lifeMoment: true }, { label: "Anything else?", answer: " " }] },
      { createdAt: "2026-09-10T00:00:00Z", answers: [{ label: "New baby?", answer: "In January", lifeMoment: true }] },
    ];
    expect(expertise({ tags: ["sourdough"], interests: "baking, , food photography", applications })).toEqual({
      tags: ["sourdough"],
      interests: ["baking", "food photography"],
      answers: [{ label: "Favourite bake?", answer: "Rye", givenAt: new Date("2026-03-01T00:00:00Z") }],
    });
    // Newest first.
    expect(lifeMoments(applications)).toEqual([
      { label: "New baby?", answer: "In January", givenAt: new Date("2026-09-10T00:00:00Z") },
      { label: "Moving soon?", answer: "Yes, to Ottawa", givenAt: new Date("2026-03-01T00:00:00Z") },
    ]);
  });

  test("local audience: the city matched however it is spelled; attended 2 of 3 past events they said yes to", () => {
    const rsvps = [
      { status: "going", checkedInAt: daysAgo(40), startsAt: daysAgo(40) },
      { status: "going", checkedInAt: null, startsAt: daysAgo(20) }, // a no-show
      { status: "going", checkedInAt: daysAgo(5), startsAt: daysAgo(5) },
      { status: "going", checkedInAt: null, startsAt: daysAgo(-7) }, // upcoming: not counted
      { status: "not_going", checkedInAt: null, startsAt: daysAgo(60) },
    ];
    const local = localAudience("montreal", ["Toronto", "Montréal"], rsvps, NOW);
    expect(local).toEqual({ city: "montreal", inBrandCity: true, matchedCity: "Montréal", eventsGoing: 3, eventsAttended: 2, attendanceShare: 2 / 3 });
    expect(localAudience("Hamilton", ["Toronto"], [], NOW)).toMatchObject({ inBrandCity: false, matchedCity: null, attendanceShare: null });
    expect(localAudience("", ["Toronto"], [], NOW).inBrandCity).toBeNull();
  });

  test("content quality: the average of the ratings given (4 + 5 + 3) / 3 = 4", () => {
    expect(contentQuality([4, null, 5, 3])).toEqual({ rated: 3, average: 4 });
    expect(contentQuality([null])).toEqual({ rated: 0, average: null });
  });

  test("branded-content saturation: 2 of the 4 captioned posts of the last 90 days disclose a brand relationship", () => {
    expect(disclosesBrandRelationship("Loving these shoes #ad")).toBe(true);
    expect(disclosesBrandRelationship("Thanks @oatly — use code NOOR10 for 10% off")).toBe(true);
    expect(disclosesBrandRelationship("Paid partnership with a skincare brand")).toBe(true);
    expect(disclosesBrandRelationship("#adventure time in the mountains")).toBe(false);
    expect(disclosesBrandRelationship("My bread, my way")).toBe(false);
    const posts = [
      { caption: "Gifted by Juniper Bakery — the rye!", postedAt: daysAgo(3) },
      { caption: "In partnership with @coffeeco", postedAt: daysAgo(30) },
      { caption: "Sunday loaf", postedAt: daysAgo(45) },
      { caption: "Market haul", postedAt: daysAgo(89) },
      { caption: "", postedAt: daysAgo(10) }, // no caption: not counted
      { caption: "#sponsored long ago", postedAt: daysAgo(120) }, // outside the window
    ];
    expect(brandedSaturation(posts, NOW)).toEqual({ posts: 4, branded: 2, share: 0.5 });
  });

  test("engagement: medians by followers and by views over posts with numbers", () => {
    const p = (likes: number, followersAtPost: number, views: number | null, snapshots = 1) => ({ likes, comments: 0, shares: 0, saves: 0, views, followersAtPost, snapshots });
    // By followers: 10/100 = 0.1, 30/100 = 0.3, 50/1000 = 0.05 → median 0.1. By views: 30/300 = 0.1, 50/250 = 0.2 → median 0.15.
    const result = engagement([p(10, 100, null), p(30, 100, 300), p(50, 1000, 250), p(999, 100, 100, 0)]);
    expect(result).toEqual({ posts: 3, byFollowers: 0.1, byFollowersPosts: 3, byViews: 0.15000000000000002, byViewsPosts: 2 });
  });

  test("growth over 30/90/365 days from the follower history; null where the history is too short", () => {
    const history = [
      { followers: 800, recordedAt: daysAgo(200) },
      { followers: 1000, recordedAt: daysAgo(95) },
      { followers: 1100, recordedAt: daysAgo(40) },
      { followers: 1300, recordedAt: daysAgo(1) },
    ];
    // 30 days: base 1100 → (1300 − 1100) / 1100; 90 days: base 1000 → +30 %; 365 days: nothing that old.
    expect(growth(1300, history, NOW)).toEqual([
      { days: 30, from: 1100, change: 200 / 1100 },
      { days: 90, from: 1000, change: 0.3 },
      { days: 365, from: null, change: null },
    ]);
  });

  test("the day they crossed into their tier: the first snapshot at 1,000+ after one below (the latest such crossing)", () => {
    const history = [
      { followers: 900, recordedAt: daysAgo(100) },
      { followers: 1050, recordedAt: daysAgo(60) },
      { followers: 980, recordedAt: daysAgo(30) },
      { followers: 1200, recordedAt: daysAgo(10) },
    ];
    expect(tierCrossedAt(1200, history, DEFAULT_TIER_THRESHOLDS)).toEqual({ tier: "micro", at: daysAgo(10) });
    expect(tierCrossedAt(1200, [{ followers: 1200, recordedAt: daysAgo(10) }], DEFAULT_TIER_THRESHOLDS)).toEqual({ tier: "micro", at: null });
    expect(tierCrossedAt(500, history, DEFAULT_TIER_THRESHOLDS)).toEqual({ tier: "nano", at: null });
  });
});
