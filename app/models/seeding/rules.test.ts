import { describe, expect, test } from "vitest";
import { followUpSchedule, parseFollowUpDays, trackingRowsFromCsv } from "./rules";
import { isAllowedDestination, parseAllowedDomains, referrerDomain, withUtm } from "../tracked-links";

describe("follow-ups", () => {
  test("default day 7 and 14 after delivery, then the request settles a day later", () => {
    const delivered = new Date("2026-11-02T15:00:00Z");
    const { followUps, settleAt } = followUpSchedule(delivered, parseFollowUpDays("7, 14"));
    expect(followUps.map((d) => d.toISOString())).toEqual(["2026-11-09T15:00:00.000Z", "2026-11-16T15:00:00.000Z"]);
    expect(settleAt.toISOString()).toBe("2026-11-17T15:00:00.000Z");
  });
  test("brand-configured days are cleaned, sorted and deduplicated", () => {
    expect(parseFollowUpDays("14,3,3, x, 0, 200, 10")).toEqual([3, 10, 14]);
    expect(parseFollowUpDays("")).toEqual([]);
  });
});

describe("tracking CSV", () => {
  test("reads request ids or emails with carrier, number and link", () => {
    const r = trackingRowsFromCsv([["Request ID", "Carrier", "Tracking number", "Tracking link"], ["req1", "Canada Post", "123", "https://track.example/123"], ["", "", "", ""]]);
    expect(r).toEqual({ ok: true, rows: [{ line: 2, requestId: "req1", email: "", carrier: "Canada Post", trackingNumber: "123", trackingUrl: "https://track.example/123" }] });
    expect(trackingRowsFromCsv([["name", "code"]])).toMatchObject({ ok: false });
  });
});

describe("redirect allow-list", () => {
  const allowed = parseAllowedDomains("juniperbakery.example, https://shop.juniper.example/path, *.cdn.example, not a domain");
  test("reads the brand's domains", () => {
    expect(allowed).toEqual(["juniperbakery.example", "shop.juniper.example", "cdn.example"]);
  });
  test("allows the brand's domains and their subdomains only", () => {
    expect(isAllowedDestination("https://juniperbakery.example/spring", allowed)).toBe(true);
    expect(isAllowedDestination("https://www.juniperbakery.example/spring?x=1", allowed)).toBe(true);
    expect(isAllowedDestination("http://shop.juniper.example/", allowed)).toBe(true);
  });
  test("refuses look-alikes, other hosts, credentials and other schemes", () => {
    for (const url of [
      "https://juniperbakery.example.evil.com/",
      "https://evil-juniperbakery.example/",
      "https://evil.com/?next=https://juniperbakery.example",
      "https://juniperbakery.example@evil.com/",
      "https://user:pw@juniperbakery.example/",
      "javascript:alert(1)//juniperbakery.example",
      "//evil.com",
      "ftp://juniperbakery.example/file",
      "not a url",
    ]) {
      expect(isAllowedDestination(url, allowed), url).toBe(false);
    }
  });
  test("adds UTM parameters and keeps only the referring domain", () => {
    expect(withUtm("https://juniperbakery.example/spring?ref=a", { source: "kindred", medium: "ambassador", campaign: "spring", content: "priya" })).toBe(
      "https://juniperbakery.example/spring?ref=a&utm_source=kindred&utm_medium=ambassador&utm_campaign=spring&utm_content=priya",
    );
    expect(referrerDomain("https://www.instagram.com/p/abc?x=1")).toBe("instagram.com");
    expect(referrerDomain(null)).toBe("");
    expect(referrerDomain("garbage")).toBe("");
  });
});

describe("campaign form", () => {
  test("each variant has its own name and stock; empty rows are ignored", async () => {
    const { CampaignSchema } = await import("./rules");
    const parse = (variants: unknown[]) => CampaignSchema.safeParse({ name: "Box", mode: "request", audienceKind: "all", products: [{ name: "Starter", value: "24", variants }] });
    expect(parse([{ name: "One size", stock: "20" }, { name: "", stock: "" }]).data?.products[0].variants).toEqual([{ name: "One size", stock: 20 }]);
    // "3" in the stock box is three (it used to be read as a variant called "3").
    expect(parse([{ name: "Small", stock: "3" }]).data?.products[0].variants).toEqual([{ name: "Small", stock: 3 }]);
    expect(parse([{ name: "Small", stock: "" }]).error?.issues[0]).toMatchObject({ path: ["products", 0, "variants", 0, "stock"], message: "Stock must be a whole number" });
    expect(parse([{ name: "", stock: "4" }]).error?.issues[0]).toMatchObject({ path: ["products", 0, "variants", 0, "name"], message: "Name the variant." });
    expect(parse([{ name: "", stock: "" }]).error?.issues[0]).toMatchObject({ path: ["products", 0, "variants"], message: expect.stringMatching(/^Add at least one variant/) });
  });
});
