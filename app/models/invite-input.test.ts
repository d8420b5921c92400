import { describe, expect, test } from "vitest";
import { parseInviteList } from "./invite-input";

describe("parseInviteList", () => {
  test("reads the common ways people paste addresses", () => {
    const { entries, errors } = parseInviteList(
      ["ana@example.com", "Bo Chen <BO@example.com>", '"Cy, Jr." <cy@example.com>', "dee@example.com, Dee Park", "Eli Moss, eli@example.com; fay@example.com", "", "   "].join("\n"),
    );
    expect(errors).toEqual([]);
    expect(entries).toEqual([
      { email: "ana@example.com", name: null },
      { email: "bo@example.com", name: "Bo Chen" },
      { email: "cy@example.com", name: "Cy, Jr." },
      { email: "dee@example.com", name: "Dee Park" },
      { email: "eli@example.com", name: "Eli Moss" },
      { email: "fay@example.com", name: null },
    ]);
  });

  test("drops repeats and reports unreadable lines by number", () => {
    const { entries, errors } = parseInviteList("a@example.com\nA@EXAMPLE.COM\nnot an address\nb@\n");
    expect(entries).toHaveLength(1);
    expect(errors).toEqual([
      { line: 3, text: "not an address", reason: "no valid email address" },
      { line: 4, text: "b@", reason: "no valid email address" },
    ]);
  });
});
