import { describe, expect, test } from "vitest";
import { action as checkinAction, loader as checkinLoader } from "#app/routes/b.$brand.events_.$id_.checkin";
import { attendeesCsv } from "#app/models/events.server";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, cookieFor } from "#tests/utils";
import { addStaff, createAmbassador, createBrand, createEvent, createUser, uniqueEmail } from "#tests/factories";

async function setup(capacity: number | null = 3) {
  const owner = await createUser(db);
  const brand = await createBrand(db, { ownerId: owner.id });
  const organizer = await createUser(db);
  await addStaff(db, brand.id, organizer.id, "organizer");
  const event = await createEvent(db, brand.id, { capacity, audienceKind: "tag", audienceValues: ["bakers-club"], timeZone: "America/Toronto" });
  return { brand, event, cookie: await cookieFor(organizer.id), params: { brand: brand.slug, id: event.id }, path: `/b/${brand.slug}/events/${event.id}/checkin` };
}

describe("the door", () => {
  test("walk-in search lists only people the event is for, and only close matches", async () => {
    const s = await setup();
    await createAmbassador(db, s.brand.id, { name: "Maria Lopez", email: uniqueEmail("ml"), tags: ["bakers-club"], status: "active" });
    await createAmbassador(db, s.brand.id, { name: "Mario Rossi", email: uniqueEmail("mr"), tags: [], status: "active" });
    await createAmbassador(db, s.brand.id, { name: "Anna Marinelli", email: uniqueEmail("am"), tags: ["bakers-club"], status: "paused" });
    await createAmbassador(db, s.brand.id, { name: "Tamara King", email: uniqueEmail("tk"), tags: ["bakers-club"], status: "active" });
    const board = await callLoader(checkinLoader, `${s.path}?q=mar`, { cookie: s.cookie, params: s.params });
    // Mario is not in the event's audience, Anna is paused, "Tamara" only contains the letters.
    expect(board.data.walkInCandidates.map((a: { name: string }) => a.name)).toEqual(["Maria Lopez"]);
  });

  test("a stranger is added at the door as a guest, checked in, and invited to the program only if asked", async () => {
    const s = await setup();
    const bad = await callAction(checkinAction, s.path, { cookie: s.cookie, params: s.params, form: { intent: "walk-in-guest", name: "Jo", email: "not-an-email" } });
    expect(bad.status).toBe(400);
    expect(bad.data.message).toBe("Enter a valid email address, like name@example.com.");

    const ok = await callAction(checkinAction, s.path, { cookie: s.cookie, params: s.params, form: { intent: "walk-in-guest", name: "Jo Door", email: "Jo.Door@example.com" } });
    expect(ok.data).toEqual({ ok: true, message: "Jo Door is checked in as a guest." });
    const jo = await db.ambassador.findUniqueOrThrow({ where: { brandId_email: { brandId: s.brand.id, email: "jo.door@example.com" } }, include: { rsvps: true, invites: true } });
    expect(jo).toMatchObject({ status: "invited", source: "walk-in" });
    expect(jo.invites).toHaveLength(0);
    expect(jo.rsvps).toMatchObject([{ status: "going", walkIn: true }]);
    expect(jo.rsvps[0].checkedInAt).not.toBeNull();
    expect((await db.event.findUniqueOrThrow({ where: { id: s.event.id } })).seatsTaken).toBe(1);

    const invited = await callAction(checkinAction, s.path, { cookie: s.cookie, params: s.params, form: { intent: "walk-in-guest", name: "Kim Door", email: "kim.door@example.com", invite: "on" } });
    expect(invited.data.message).toBe("Kim Door is checked in as a guest. An invitation to the program is on its way.");
    expect(await db.fanInvite.count({ where: { brandId: s.brand.id, ambassador: { email: "kim.door@example.com" } } })).toBe(1);

    // Two taps at once for a new address make one guest with one seat.
    const taps = await Promise.all([1, 2].map(() => callAction(checkinAction, s.path, { cookie: s.cookie, params: s.params, form: { intent: "walk-in-guest", name: "Lee Twice", email: "lee.twice@example.com" } })));
    expect(taps.map((t) => t.status)).toEqual([200, 200]);
    expect(await db.ambassador.count({ where: { brandId: s.brand.id, email: "lee.twice@example.com" } })).toBe(1);
    expect((await db.event.findUniqueOrThrow({ where: { id: s.event.id } })).seatsTaken).toBe(3);
    // The same person twice is one seat.
    await callAction(checkinAction, s.path, { cookie: s.cookie, params: s.params, form: { intent: "walk-in-guest", name: "Jo Door", email: "jo.door@example.com" } });
    expect((await db.event.findUniqueOrThrow({ where: { id: s.event.id } })).seatsTaken).toBe(3);
  });

  test("a full event offers no walk-ins and keeps nothing of a guest turned away", async () => {
    const s = await setup(1);
    await callAction(checkinAction, s.path, { cookie: s.cookie, params: s.params, form: { intent: "walk-in-guest", name: "First In", email: "first@example.com" } });
    const board = await callLoader(checkinLoader, s.path, { cookie: s.cookie, params: s.params });
    expect(board.data.full).toBe(true);
    const turned = await callAction(checkinAction, s.path, { cookie: s.cookie, params: s.params, form: { intent: "walk-in-guest", name: "Too Late", email: "late@example.com" } });
    expect(turned.status).toBe(409);
    expect(turned.data.message).toBe("The event is full — no seat for a walk-in.");
    expect(await db.ambassador.count({ where: { brandId: s.brand.id, email: "late@example.com" } })).toBe(0);
  });

  test("the attendee file gives times in the event's zone as well as UTC", async () => {
    const s = await setup();
    await callAction(checkinAction, s.path, { cookie: s.cookie, params: s.params, form: { intent: "walk-in-guest", name: "Jo Door", email: "jo@example.com" } });
    const file = (await attendeesCsv(s.brand.id, s.event.id))!;
    const [header, row] = file.rows;
    const at = (name: string) => row[header.indexOf(name)];
    expect(header).toContain("Checked in at (America/Toronto)");
    const utc = new Date(at("Checked in at (UTC)"));
    const local = new Intl.DateTimeFormat("sv-SE", { timeZone: "America/Toronto", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(utc);
    expect(at("Checked in at (America/Toronto)")).toBe(local);
  });
});
