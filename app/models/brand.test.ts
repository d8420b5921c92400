import { describe, expect, test } from "vitest";
import { BrandSchema, slugify } from "./brand";

const valid = { name: "Juniper Bakery", slug: "juniper-bakery", timeZone: "America/Toronto" };

describe("BrandSchema", () => {
  test("fills defaults for optional settings", () => {
    const r = BrandSchema.parse(valid);
    expect(r).toMatchObject({ color: "#7c3aed", tierMicroMin: 1000, tierMacroMin: 100000, tierMegaMin: 1000000, description: "" });
  });

  test("explains each bad field", () => {
    const r = BrandSchema.safeParse({ name: "J", slug: "Bad Slug!", timeZone: "Mars/Olympus", color: "red", logoUrl: "ftp://x", tierMicroMin: "5000", tierMacroMin: "4000", tierMegaMin: "4000" });
    expect(r.success).toBe(false);
    const messages = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toMatchObject({
      name: "The name needs at least 2 characters",
      slug: "Use lower-case letters, digits and single hyphens (e.g. juniper-bakery)",
      timeZone: "Choose a time zone from the list",
      color: "Use a colour like #b45309",
      logoUrl: "Enter a full image address starting with https://",
    });
  });

  test("requires tiers in increasing order", () => {
    const r = BrandSchema.safeParse({ ...valid, tierMicroMin: 5000, tierMacroMin: 4000, tierMegaMin: 4000 });
    expect(r.error?.issues.map((i) => i.path[0])).toEqual(["tierMacroMin", "tierMegaMin"]);
  });

  test("refuses reserved addresses", () => {
    expect(BrandSchema.safeParse({ ...valid, slug: "admin" }).error?.issues[0].message).toMatch(/reserved/);
  });
});

describe("slugify", () => {
  test("makes a web address from a name", () => {
    expect(slugify("Juniper Bakery & Café")).toBe("juniper-bakery-cafe");
    expect(slugify("  --Hello   World--  ")).toBe("hello-world");
  });
});
