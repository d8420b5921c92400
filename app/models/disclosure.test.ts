import { describe, expect, test } from "vitest";
import { checkDisclosure, perkTypeOf, suggestDisclosure } from "./disclosure";
import { engagementRate, formatRate, viewEngagementRate } from "./engagement";

const brand = { name: "Juniper Bakery", disclosureText: "Gifted by Juniper Bakery" };

describe("checkDisclosure", () => {
  test("accepts clear disclosures at the start", () => {
    for (const caption of [
      "#ad Trying the new rye from @juniper",
      "Ad: my favourite croissant in town",
      "#gifted — thank you for the spring box!",
      "Gifted by Juniper Bakery 🥐 these buns are unreal",
      "Juniper Bakery sent me their new loaf and honestly…",
      "gifted by the lovely team at Juniper",
      "So good #sponsored… more below",
    ]) {
      expect(checkDisclosure(caption, brand), caption).toMatchObject({ ok: true });
    }
  });
  test("flags captions without one, without false positives from look-alike words", () => {
    for (const caption of ["#adventure time at the bakery #adorable", "Made the best sourdough, had a great day", "Loaded with butter #adcampaignideas", "Read the address: 401 Roncesvalles"]) {
      expect(checkDisclosure(caption, brand), caption).toMatchObject({ ok: false, buried: false });
    }
  });
  test("a disclosure at the end of the text does not count, even in a short caption", () => {
    for (const caption of ["Best croissant in town, run don't walk #ad", "Made the best sourdough with their flour. Gifted by Juniper Bakery"]) {
      expect(checkDisclosure(caption, brand), caption).toMatchObject({ ok: false, buried: true });
    }
  });
  test("“paid partnership” is refused: the program is unpaid", () => {
    for (const caption of ["Paid partnership with a bakery I already loved", "#paidpartnership so good"]) {
      expect(checkDisclosure(caption, brand), caption).toMatchObject({ ok: false, reason: expect.stringMatching(/unpaid/) });
    }
  });
  test("a disclosure buried after the first lines does not count", () => {
    const caption = `${"Rhubarb buns, flaky rye croissants, and a focaccia I will dream about for weeks. ".repeat(3)}#bread #toronto #ad`;
    expect(checkDisclosure(caption, brand)).toEqual({ ok: false, buried: true, reason: expect.stringMatching(/buried/) });
  });
  test("no caption means nothing to check", () => {
    expect(checkDisclosure("  ", brand)).toMatchObject({ ok: false, buried: false });
  });
});

describe("engagement rate", () => {
  test("(likes + comments + shares + saves) over followers at post time, and over views", () => {
    const n = { likes: 120, comments: 14, shares: 6, saves: 10, views: 3000 };
    expect(engagementRate(n, 5000)).toBeCloseTo(0.03);
    expect(viewEngagementRate(n)).toBeCloseTo(0.05);
    expect(engagementRate(n, 0)).toBeNull();
    expect(viewEngagementRate({ ...n, views: null })).toBeNull();
    expect(formatRate(0.03)).toBe("3.00 %");
    expect(formatRate(0.125)).toBe("12.5 %");
    expect(formatRate(null)).toBe("—");
  });
});

import { captionMentions, pickAttribution } from "./posts/rules";

describe("attribution of a post to a perk", () => {
  test("a caption names a product as words or as a hashtag, ignoring case and accents", () => {
    expect(captionMentions("Loving the Rye Starter!", "Rye starter")).toBe(true);
    expect(captionMentions("#RyeStarter day", "Rye starter")).toBe(true);
    expect(captionMentions("Crème brûlée kit is here", "Creme brulee kit")).toBe(true);
    expect(captionMentions("Sunday rye with the new starter, so tangy!", "Rye starter")).toBe(true);
    expect(captionMentions("rye bread", "Rye starter")).toBe(false);
    expect(captionMentions("anything", "")).toBe(false);
  });

  test("seeded product needs a mention; scoops and events count by timing", () => {
    const seeding = { type: "seeding", id: "s", names: ["Rye starter", "Spring box"] };
    const event = { type: "event", id: "e" };
    expect(pickAttribution([seeding, event], "Great night!")).toBe(event);
    expect(pickAttribution([seeding, event], "my spring box arrived")).toBe(seeding);
    expect(pickAttribution([seeding], "my cat")).toBeNull();
  });
});

import { describeNumbers } from "./engagement";

describe("a post's numbers in a list", () => {
  test("a post without any numbers says so instead of showing zeros", () => {
    const zero = { likes: 0, comments: 0, shares: 0, saves: 0, views: null, followersAtPost: 1000 };
    expect(describeNumbers({ ...zero, snapshots: 0 })).toBe("No numbers yet");
    expect(describeNumbers({ ...zero, likes: 320, comments: 41, snapshots: 1 })).toBe("320 likes · 41 comments · 0 shares · 0 saves · engagement 36.1 %");
  });
});

describe("suggestDisclosure", () => {
  const plain = { name: "Juniper Bakery", disclosureText: "" };
  test("suggests a gift only for product that was sent", () => {
    expect(suggestDisclosure("seeding", plain)).toBe("Gifted by Juniper Bakery #gifted");
    expect(suggestDisclosure("event", plain)).toBe("Invited by Juniper Bakery #ad");
    expect(suggestDisclosure("scoop", plain)).toBe("Early access from Juniper Bakery #ad");
    for (const perk of ["event", "scoop", null] as const) expect(suggestDisclosure(perk, brand), String(perk)).not.toMatch(/gift/i);
  });
  test("the brand's own wording is used where it is true", () => {
    expect(suggestDisclosure("seeding", brand)).toBe("Gifted by Juniper Bakery");
    expect(suggestDisclosure("event", { name: "Juniper Bakery", disclosureText: "#ad Juniper Bakery" })).toBe("#ad Juniper Bakery");
  });
  test("every suggestion passes the check it is suggested for", () => {
    for (const perk of ["seeding", "event", "scoop", null] as const) {
      const caption = `${suggestDisclosure(perk, plain)} what a lovely evening at the bakery`;
      expect(checkDisclosure(caption, plain), caption).toMatchObject({ ok: true });
    }
  });
  test("perkTypeOf reads what a post followed", () => {
    expect(perkTypeOf({ seedingRequestId: "r" })).toBe("seeding");
    expect(perkTypeOf({ eventId: "e" })).toBe("event");
    expect(perkTypeOf({ scoopId: "s" })).toBe("scoop");
    expect(perkTypeOf({})).toBeNull();
  });
});
