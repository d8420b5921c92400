import { describe, expect, test } from "vitest";
import { safeRedirect, sameOriginPath } from "./http.server";

describe("safeRedirect", () => {
  test.each(["/b/juniper/events?tab=past#next", "/me", "/%2F%2Fevil.example", "/a%5Cb"])("keeps the same-site path %s", (to) => {
    expect(safeRedirect(to)).toBe(to);
  });

  test.each([
    "//evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "",
  ])("sends %j to the fallback", (to) => {
    expect(safeRedirect(to, "/home")).toBe("/home");
    expect(sameOriginPath(to)).toBeNull();
  });

  test.each(["/\t/evil.example", "/\r\nSet-Cookie: x=1", "/a\u0000b", "/\n/evil.example"])("answers %j with a 400", (to) => {
    let thrown: unknown;
    try {
      safeRedirect(to);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(400);
    expect(sameOriginPath(to)).toBeNull();
  });
});
