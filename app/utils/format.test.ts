import { describe, expect, test } from "vitest";
import { formatDateTime } from "./format";

describe("formatDateTime", () => {
  test("shows a UTC instant in the given zone, across daylight saving time", () => {
    expect(formatDateTime("2026-07-01T16:30:00Z", "America/Toronto")).toBe("Jul 1, 2026, 12:30 PM EDT");
    expect(formatDateTime("2026-12-01T16:30:00Z", "America/Toronto")).toBe("Dec 1, 2026, 11:30 AM EST");
    expect(formatDateTime(new Date("2026-12-01T16:30:00Z"), "UTC")).toBe("Dec 1, 2026, 4:30 PM UTC");
  });
});
