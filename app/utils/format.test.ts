import { describe, expect, test } from "vitest";
import { endOfDayInZone, formatDateTime, formatRange, todayInZone, utcToZonedInput, viewerZoneFrom, zonedInputToUtc } from "./format";

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

describe("zonedInputToUtc / utcToZonedInput", () => {
  test("reads a wall-clock time in the event's zone on both sides of the daylight saving change", () => {
    // Toronto leaves daylight time on 2026-11-01: 18:30 is 22:30 UTC before and 23:30 UTC after.
    expect(zonedInputToUtc("2026-10-31T18:30", "America/Toronto")?.toISOString()).toBe("2026-10-31T22:30:00.000Z");
    expect(zonedInputToUtc("2026-11-02T18:30", "America/Toronto")?.toISOString()).toBe("2026-11-02T23:30:00.000Z");
    expect(zonedInputToUtc("2026-03-09T18:30", "Europe/Paris")?.toISOString()).toBe("2026-03-09T17:30:00.000Z");
    expect(zonedInputToUtc("2026-04-09T18:30", "Europe/Paris")?.toISOString()).toBe("2026-04-09T16:30:00.000Z");
  });
  test("round-trips through the form value", () => {
    for (const zone of ["America/Toronto", "Europe/Paris", "Asia/Kolkata", "UTC"]) {
      for (const value of ["2026-03-08T12:00", "2026-07-01T09:15", "2026-11-01T23:45"]) {
        expect(utcToZonedInput(zonedInputToUtc(value, zone)!, zone)).toBe(value);
      }
    }
  });
  test("rejects values that are not a date and time", () => {
    expect(zonedInputToUtc("", "UTC")).toBeNull();
    expect(zonedInputToUtc("2026-02-30T10:00", "UTC")).toBeNull();
    expect(zonedInputToUtc("2026-13-01T10:00", "UTC")).toBeNull();
    expect(zonedInputToUtc("tomorrow", "UTC")).toBeNull();
  });
  test("formats a range in one zone", () => {
    expect(formatRange("2026-12-05T23:30:00Z", "2026-12-06T02:00:00Z", "America/Toronto")).toMatch(/Dec 5, 2026, 6:30\s*–\s*9:00\sPM EST/);
  });
});


test("dates read the same on the server and in any browser: plain spaces only", () => {
  const range = formatRange("2026-12-11T23:00:00Z", "2026-12-12T01:30:00Z", "America/Toronto");
  expect(range).toBe("Fri, Dec 11, 2026, 6:00 – 8:30 PM EST");
  expect(formatDateTime("2026-12-11T23:00:00Z", "UTC")).toBe("Dec 11, 2026, 11:00 PM UTC");
  expect(`${range}${formatDateTime(new Date(), "Asia/Tokyo")}`).not.toMatch(/[\u00a0\u2009\u202f]/);
});


test("the viewer's zone comes from its cookie only when it is a real zone", () => {
  expect(viewerZoneFrom("a=1; kindred_tz=Asia%2FTokyo; b=2")).toBe("Asia/Tokyo");
  expect(viewerZoneFrom("kindred_tz=Not%2FAZone")).toBeNull();
  expect(viewerZoneFrom("kindred_tz=%3Cscript%3E")).toBeNull();
  expect(viewerZoneFrom(null)).toBeNull();
});
