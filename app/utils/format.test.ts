import { describe, expect, test } from "vitest";
import { endOfDayInZone, formatDateTime, todayInZone } from "./format";

describe("formatDateTime", () => {
  test("shows a UTC instant in the given zone, across daylight saving time", () => {
    expect(formatDateTime("2026-07-01T16:30:00Z", "America/Toronto")).toBe("Jul 1, 2026, 12:30 PM EDT");
    expect(formatDateTime("2026-12-01T16:30:00Z", "America/Toronto")).toBe("Dec 1, 2026, 11:30 AM EST");
    expect(formatDateTime(new Date("2026-12-01T16:30:00Z"), "UTC")).toBe("Dec 1, 2026, 4:30 PM UTC");
  });
});

describe("endOfDayInZone / todayInZone", () => {
  test("the end of a day in Toronto is the next morning in UTC, in winter and in summer", () => {
    expect(endOfDayInZone("2026-12-31", "America/Toronto").toISOString()).toBe("2027-01-01T04:59:59.000Z");
    expect(endOfDayInZone("2026-07-01", "America/Toronto").toISOString()).toBe("2026-07-02T03:59:59.000Z");
  });
  test("today depends on the zone", () => {
    const instant = new Date("2026-11-26T02:00:00Z");
    expect(todayInZone("America/Toronto", instant)).toBe("2026-11-25");
    expect(todayInZone("Europe/Paris", instant)).toBe("2026-11-26");
  });
});
