import { describe, expect, test } from "vitest";
import { zonedInputToUtc } from "#app/utils/format";
import { orderWaitlist, pickOffers, resolveEventTimes, rsvpSchema, seatsHeld, ticketCodeFrom } from "./rules";
import { DEFAULT_TIER_THRESHOLDS as T } from "../tiers";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 12, minute));
const entry = (id: string, minute: number, over: Partial<{ maxFollowers: number; attendedBefore: boolean; seats: number }> = {}) => ({
  id,
  waitlistedAt: at(minute),
  maxFollowers: 500,
  attendedBefore: false,
  seats: 1,
  ...over,
});

describe("seats", () => {
  test("going and offered RSVPs hold one seat plus their guests; the others hold none", () => {
    expect(seatsHeld("going", 2)).toBe(3);
    expect(seatsHeld("offered", 0)).toBe(1);
    for (const s of ["maybe", "not_going", "waitlisted", "expired"]) expect(seatsHeld(s, 2)).toBe(0);
  });
});

describe("waitlist order", () => {
  const list = [entry("c", 3), entry("a", 1, { attendedBefore: true }), entry("b", 2, { maxFollowers: 50_000 }), entry("d", 2)];
  test("first come: by time on the waitlist, then id", () => {
    expect(orderWaitlist(list, { priority: "first_come", priorityTiers: "" }, T).map((e) => e.id)).toEqual(["a", "b", "d", "c"]);
  });
  test("first-timers before fans who attended before", () => {
    expect(orderWaitlist(list, { priority: "first_timers", priorityTiers: "" }, T).map((e) => e.id)).toEqual(["b", "d", "c", "a"]);
  });
  test("chosen tiers first", () => {
    expect(orderWaitlist(list, { priority: "tiers", priorityTiers: "micro" }, T).map((e) => e.id)).toEqual(["b", "a", "d", "c"]);
    expect(orderWaitlist(list, { priority: "tiers", priorityTiers: "nano" }, T).map((e) => e.id)).toEqual(["a", "d", "c", "b"]);
  });
  test("offers go to everyone whose party fits, in order", () => {
    const parties = [entry("a", 1, { seats: 3 }), entry("b", 2, { seats: 1 }), entry("c", 3, { seats: 2 })];
    expect(pickOffers(parties, 2).map((e) => e.id)).toEqual(["b"]);
    expect(pickOffers(parties, 3).map((e) => e.id)).toEqual(["a"]);
    expect(pickOffers(parties, 6).map((e) => e.id)).toEqual(["a", "b", "c"]);
    expect(pickOffers(parties, 0)).toEqual([]);
  });
});

describe("event times", () => {
  const now = new Date("2026-10-20T12:00:00Z");
  test("start and end are read in the event's zone across the daylight saving change", () => {
    const t = resolveEventTimes({ startsAt: "2026-10-31T23:00", endsAt: "2026-11-01T03:00", rsvpDeadline: "2026-10-30T12:00", timeZone: "America/Toronto" }, zonedInputToUtc, now, true);
    expect(t.errors).toBeNull();
    expect(t.startsAt?.toISOString()).toBe("2026-11-01T03:00:00.000Z"); // EDT, UTC-4
    expect(t.endsAt?.toISOString()).toBe("2026-11-01T08:00:00.000Z"); // EST after 2 AM, UTC-5: a 5-hour night
  });
  test("the end follows the start, the deadline precedes it, new events start in the future", () => {
    const bad = resolveEventTimes({ startsAt: "2026-10-01T18:00", endsAt: "2026-10-01T17:00", rsvpDeadline: "2026-10-02T00:00", timeZone: "Europe/Paris" }, zonedInputToUtc, now, true);
    expect(bad.errors).toEqual({
      startsAt: ["Choose a start in the future."],
      endsAt: ["The end must be after the start."],
      rsvpDeadline: ["RSVPs must close before the event starts."],
    });
    expect(resolveEventTimes({ startsAt: "2026-10-01T18:00", endsAt: "2026-10-01T19:00", timeZone: "Europe/Paris" }, zonedInputToUtc, now, false).errors).toBeNull();
  });
});

describe("RSVP form", () => {
  const questions = [{ id: "q1", label: "Dietary needs?", type: "short" as const, options: [], required: true, lifeMoment: false }];
  test("going needs the required answers and plus-ones within the cap; not going needs nothing", () => {
    const schema = rsvpSchema(questions, 1);
    expect(schema.safeParse({ status: "not_going" }).success).toBe(true);
    const missing = schema.safeParse({ status: "going", plusOnes: "2" });
    expect(missing.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["plusOnes", "Bring up to 1 guest."],
      ["q_q1", "Please answer this question"],
    ]);
    expect(schema.safeParse({ status: "going", plusOnes: "1", q_q1: "Vegan" }).data).toMatchObject({ status: "going", plusOnes: 1, q_q1: "Vegan", showInGuestList: false });
  });
});

describe("scanned tickets", () => {
  const code = "AbCdEfGhIjKlMnOpQrStUvWx";
  test("the check-in address in a ticket's QR code gives its code", () => {
    expect(ticketCodeFrom(`https://kindred.example/checkin/${code}`)).toBe(code);
    expect(ticketCodeFrom(`  http://localhost:3000/checkin/${code}/ \n`)).toBe(code);
  });
  test("a bare code is accepted", () => {
    expect(ticketCodeFrom(code)).toBe(code);
  });
  test("anything else is not a ticket", () => {
    expect(ticketCodeFrom("https://example.com/menu")).toBeNull();
    expect(ticketCodeFrom("https://example.com/checkin/short")).toBeNull();
    expect(ticketCodeFrom("WIFI:S:venue;T:WPA;P:secret;;")).toBeNull();
    expect(ticketCodeFrom("")).toBeNull();
  });
});
