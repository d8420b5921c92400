import { describe, expect, test } from "vitest";
import { cleanHandle, detectDelimiter, guessMapping, mapRow, parseFollowers } from "./csv-import";

describe("CSV rows", () => {
  test("guesses columns from common header names and ignores unknown ones", () => {
    expect(guessMapping(["E-mail", "First Name", "last_name", "IG handle", "Instagram followers", "Favourite colour", "Tags", "Province"])).toEqual({
      0: "email",
      1: "firstName",
      2: "lastName",
      3: "instagram",
      4: "instagramFollowers",
      5: "ignore",
      6: "tags",
      7: "region",
    });
  });

  test("reads follower counts the way people type them", () => {
    expect(parseFollowers("12,400")).toBe(12400);
    expect(parseFollowers("12 400")).toBe(12400);
    expect(parseFollowers("12.4k")).toBe(12400);
    expect(parseFollowers("1.2M")).toBe(1200000);
    expect(parseFollowers("")).toBe(0);
    expect(parseFollowers("lots")).toBeNull();
    expect(parseFollowers("-5")).toBeNull();
  });

  test("cleans handles typed as @names or profile links", () => {
    expect(cleanHandle("@ana")).toBe("ana");
    expect(cleanHandle("instagram.com/ana.bakes/")).toBe("ana.bakes");
    expect(cleanHandle("https://www.tiktok.com/@ana?lang=en")).toBe("ana");
  });

  test("maps a row, or says exactly what is wrong", () => {
    const mapping = { 0: "email", 1: "name", 2: "instagram", 3: "instagramFollowers", 4: "tags" };
    expect(mapRow(["ANA@Example.com", "Ana Lima", "@ana", "2.5k", "Sourdough | Vegan Baking"], mapping)).toEqual({
      ok: true,
      fan: { email: "ana@example.com", name: "Ana Lima", city: "", region: "", tags: ["sourdough", "vegan-baking"], accounts: [{ platform: "instagram", handle: "ana", followers: 2500 }] },
      warnings: [],
    });
    expect(mapRow(["", "No Email"], mapping)).toEqual({ ok: false, reason: "missing email" });
    expect(mapRow(["not-an-email", "X"], mapping)).toEqual({ ok: false, reason: 'invalid email "not-an-email"' });
  });

  test("a follower count that can't be read is skipped and reported; the fan and the account are kept", () => {
    const mapping = { 0: "email", 1: "name", 2: "instagram", 3: "instagramFollowers" };
    const kept = (followers: string, warning: string) =>
      expect(mapRow(["a@example.com", "A", "@a", followers], mapping), followers).toEqual({
        ok: true,
        fan: expect.objectContaining({ email: "a@example.com", accounts: [{ platform: "instagram", handle: "a", followers: 0 }] }),
        warnings: [warning],
      });
    kept("99999999999", "Instagram followers 99999999999 is larger than any real account; imported without it");
    kept("many", 'Instagram followers "many" is not a number; imported without it');
    kept("-5", "Instagram followers -5 is negative; imported without it");
    kept("- 5", "Instagram followers - 5 is negative; imported without it");
    expect(mapRow(["a@example.com", "A", "", ""], mapping)).toMatchObject({ ok: true, warnings: [] });
    expect(mapRow(["bo@example.com"], { 0: "email" })).toMatchObject({ ok: true, fan: { name: "bo" } });
  });

  test("detects comma, semicolon and tab separated files", () => {
    expect(detectDelimiter("email,name,city")).toBe(",");
    expect(detectDelimiter("email;name;city")).toBe(";");
    expect(detectDelimiter("email\tname\tcity")).toBe("\t");
    expect(detectDelimiter("email")).toBe(",");
  });
});
