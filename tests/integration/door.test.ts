import { describe, expect, test } from "vitest";
import { staffScope } from "#tests/factories";
import { fanScope } from "#app/models/scope";
import { action as checkinAction, loader as checkinLoader } from "#app/routes/b.$brand.events_.$id_.checkin/route";
import { attendeesCsv } from "#app/models/events/export.server";
import { respondToEvent } from "#app/models/events/rsvp.server";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, cookieFor } from "#tests/utils";
import { addStaff, createAmbassador, createBrand, createEvent, createUser, uniqueEmail } from "#tests/factories";

async function setup(capacity: number | null = 3, maxPlusOnes = 0) {
  const owner = await createUser(db);
  const brand = await createBrand(db, { ownerId: owner.id });
  const organizer = await createUser(db);
  await addStaff(db, brand.id, organizer.id, "organizer");
  const event = await createEvent(db, brand.id, { capacity, maxPlusOnes, audienceKind: "tag", audienceValues: ["bakers-club"], timeZone: "America/Toronto" });
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

  test("a scanned ticket checks its guest in once, and every other scan says plainly what it found", async () => {
    const s = await setup(null, 1);
    const going = { status: "going" as const, plusOnes: 1, showInGuestList: false };
    const fan = async (name: string) => {
      const user = await createUser(db);
      const a = await createAmbassador(db, s.brand.id, { name, userId: user.id, email: user.email, tags: ["bakers-club"], status: "active" });
      return { user, a };
    };
    const [ada, ben] = [await fan("Ada Scan"), await fan("Ben Scan")];
    await respondToEvent(fanScope(ada.user), s.event.id, going);
    await respondToEvent(fanScope(ben.user), s.event.id, { ...going, plusOnes: 0 });
    await respondToEvent(fanScope(ben.user), s.event.id, { status: "not_going" });
    const other = await createEvent(db, s.brand.id, { title: "Another night", audienceKind: "tag", audienceValues: ["bakers-club"] });
    await respondToEvent(fanScope(ada.user), other.id, { ...going, plusOnes: 0 });
    const code = (eventId: string, ambassadorId: string) => db.rsvp.findUniqueOrThrow({ where: { eventId_ambassadorId: { eventId, ambassadorId } } }).then((r) => r.ticketCode);
    const scan = (text: string) => callAction(checkinAction, s.path, { cookie: s.cookie, params: s.params, form: { intent: "scan", code: text } });

    const adaTicket = `http://localhost:3000/checkin/${await code(s.event.id, ada.a.id)}`;
    // Two phones read the same ticket at once: one checks the guest in, the other sees it was.
    const [first, second] = await Promise.all([scan(adaTicket), scan(adaTicket)]);
    expect([first.data.scan.kind, second.data.scan.kind].sort()).toEqual(["already", "checked-in"]);
    const checkedIn = [first, second].find((r) => r.data.scan.kind === "checked-in")!;
    expect(checkedIn.data.scan).toEqual({ kind: "checked-in", name: "Ada Scan", plusOnes: 1 });
    const rsvp = await db.rsvp.findUniqueOrThrow({ where: { eventId_ambassadorId: { eventId: s.event.id, ambassadorId: ada.a.id } } });
    expect(rsvp.checkedInAt).not.toBeNull();
    expect((await scan(adaTicket)).data.scan).toEqual({ kind: "already", name: "Ada Scan", plusOnes: 1, at: rsvp.checkedInAt });
    expect(await db.timelineEvent.count({ where: { ambassadorId: ada.a.id, summary: { contains: "ticket scanned" } } })).toBe(1);

    expect((await scan(await code(s.event.id, ben.a.id))).data.scan).toEqual({ kind: "not-going", name: "Ben Scan", status: "not_going" });
    expect((await scan(`http://localhost:3000/checkin/${await code(other.id, ada.a.id)}`)).data.scan).toEqual({ kind: "other-event", title: "Another night" });
    // Another brand's ticket, or a QR code that is no ticket, is unknown here (nothing about the other brand shows).
    const elsewhere = await setup(null);
    const stranger = await createUser(db);
    await createAmbassador(db, elsewhere.brand.id, { userId: stranger.id, email: stranger.email, tags: ["bakers-club"], status: "active" });
    await respondToEvent(fanScope(stranger), elsewhere.event.id, { ...going, plusOnes: 0 });
    const foreign = await db.rsvp.findFirstOrThrow({ where: { eventId: elsewhere.event.id } });
    expect((await scan(foreign.ticketCode)).data.scan).toEqual({ kind: "unknown" });
    expect((await scan("https://example.com/menu")).data.scan).toEqual({ kind: "unknown" });
    const empty = await scan("  ");
    expect(empty.status).toBe(400);
    expect(empty.data.message).toBe("Nothing was scanned.");
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
    const file = (await attendeesCsv(staffScope(s.brand.id), s.event.id))!;
    const [header, row] = file.rows;
    const at = (name: string) => row[header.indexOf(name)];
    expect(header).toContain("Checked in at (America/Toronto)");
    const utc = new Date(at("Checked in at (UTC)"));
    const local = new Intl.DateTimeFormat("sv-SE", { timeZone: "America/Toronto", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(utc);
    expect(at("Checked in at (America/Toronto)")).toBe(local);
  });
});
