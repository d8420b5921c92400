import { describe, expect, test } from "vitest";
import { staffScope } from "#tests/factories";
import { fanScope } from "#app/models/scope";
import "#app/jobs.server";
import { checkIn, undoCheckIn, walkIn } from "#app/models/events/check-in.server";
import { wrapUpEvent } from "#app/models/events/emails.server";
import { getEventForFan, respondToEvent } from "#app/models/events/rsvp.server";
import { expireOffer, fillFreeSeats } from "#app/models/events/waitlist.server";
import { db } from "#app/utils/db.server";
import { parseStoredAttachments } from "#app/utils/email.server";
import { addStaff, createAmbassador, createBrand, createEvent, createUser } from "#tests/factories";
import { runAllJobs } from "#tests/utils";
import { NotFound } from "#app/models/errors";

async function brandWithFans(n: number, followers: (i: number) => number = () => 500) {
  const owner = await createUser(db);
  const brand = await createBrand(db, { ownerId: owner.id, name: "Event Bakery" });
  await db.brand.update({ where: { id: brand.id }, data: { disclosureText: "#guest of Event Bakery" } });
  const organizer = await createUser(db);
  await addStaff(db, brand.id, organizer.id, "organizer");
  const fans = [];
  for (let i = 0; i < n; i++) {
    const user = await createUser(db, { name: `Fan ${i}` });
    const ambassador = await createAmbassador(db, brand.id, { userId: user.id, email: user.email, name: `Fan ${i}`, followers: [followers(i)] });
    fans.push({ user, ambassador });
  }
  return { brand, owner, organizer, fans };
}

const going = (plusOnes = 0) => ({ status: "going" as const, plusOnes, showInGuestList: false });
const statusOf = async (eventId: string, ambassadorId: string) => (await db.rsvp.findUnique({ where: { eventId_ambassadorId: { eventId, ambassadorId } } }))?.status;

describe("RSVPs and capacity", () => {
  test("many RSVPs at once never exceed capacity: the rest are waitlisted", async () => {
    const { brand, fans } = await brandWithFans(24);
    const event = await createEvent(db, brand.id, { capacity: 5 });
    const results = await Promise.all(fans.map((f) => respondToEvent(fanScope(f.user), event.id, going())));
    const statuses = results.map((r) => (r.ok ? r.status : r.error));
    expect(statuses.filter((s) => s === "going")).toHaveLength(5);
    expect(statuses.filter((s) => s === "waitlisted")).toHaveLength(19);
    const after = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(after.seatsTaken).toBe(5);
    expect(await db.rsvp.count({ where: { eventId: event.id, status: "going" } })).toBe(5);
  });

  test("plus-ones count toward capacity, within the event's cap", async () => {
    const { brand, fans } = await brandWithFans(6);
    const event = await createEvent(db, brand.id, { capacity: 5, maxPlusOnes: 3 });
    const results = await Promise.all(fans.map((f) => respondToEvent(fanScope(f.user), event.id, going(1))));
    expect(results.filter((r) => r.ok && r.status === "going")).toHaveLength(2); // 2 × 2 seats; a third pair does not fit in 1 seat
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(4);
    // A going fan who wants more guests than the free seats gets a clear message and keeps their RSVP.
    const goingFan = fans.find((_, i) => results[i].ok && (results[i] as { status: string }).status === "going")!;
    const more = await respondToEvent(fanScope(goingFan.user), event.id, going(3));
    expect(more).toEqual({ ok: false, field: "plusOnes", error: "Only 1 more seat is free — bring fewer guests, or keep your current answer." });
    expect((await db.rsvp.findFirstOrThrow({ where: { eventId: event.id, ambassadorId: goingFan.ambassador.id } })).plusOnes).toBe(1);
  });

  test("maybe and not going hold no seats; after the deadline only cancelling works", async () => {
    const { brand, fans } = await brandWithFans(2);
    const event = await createEvent(db, brand.id, { capacity: 1 });
    expect(await respondToEvent(fanScope(fans[0].user), event.id, { status: "maybe", plusOnes: 0, showInGuestList: false })).toMatchObject({ ok: true, status: "maybe" });
    expect(await respondToEvent(fanScope(fans[1].user), event.id, going())).toMatchObject({ ok: true, status: "going" });
    await db.event.update({ where: { id: event.id }, data: { rsvpDeadline: new Date(Date.now() - 1000) } });
    expect(await respondToEvent(fanScope(fans[0].user), event.id, going())).toEqual({ ok: false, error: "RSVPs are closed for this event. You can still cancel." });
    expect(await respondToEvent(fanScope(fans[1].user), event.id, { status: "not_going" })).toMatchObject({ ok: true, status: "not_going" });
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(0);
  });
});

describe("waitlist", () => {
  test("a cancellation offers the seat to the next fan by email; claiming makes them going; every step is on the timeline", async () => {
    const { brand, fans } = await brandWithFans(3);
    const event = await createEvent(db, brand.id, { capacity: 2, title: "Croissant class" });
    for (const f of fans) await respondToEvent(fanScope(f.user), event.id, going());
    expect(await statusOf(event.id, fans[2].ambassador.id)).toBe("waitlisted");
    await runAllJobs();
    const waitlistMail = await db.outboxMessage.findFirst({ where: { to: fans[2].user.email, template: "event" }, orderBy: { createdAt: "desc" } });
    expect(waitlistMail?.subject).toBe("You're on the waitlist: Croissant class");

    await respondToEvent(fanScope(fans[0].user), event.id, { status: "not_going" });
    expect(await statusOf(event.id, fans[2].ambassador.id)).toBe("waitlisted"); // the offer is made by the job runner
    await runAllJobs();
    const offered = await db.rsvp.findFirstOrThrow({ where: { eventId: event.id, ambassadorId: fans[2].ambassador.id } });
    expect(offered.status).toBe("offered");
    expect(offered.offerExpiresAt!.getTime() - offered.offeredAt!.getTime()).toBe(24 * 3_600_000);
    const offerMail = await db.outboxMessage.findFirst({ where: { to: fans[2].user.email, template: "event" }, orderBy: { createdAt: "desc" } });
    expect(offerMail?.subject).toBe("A seat opened up for you: Croissant class");
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(2);

    // Nobody can jump the queue while the seat is offered.
    const late = await createUser(db);
    await createAmbassador(db, brand.id, { userId: late.id, email: late.email });
    expect(await respondToEvent(fanScope(late), event.id, going())).toMatchObject({ status: "waitlisted" });

    expect(await respondToEvent(fanScope(fans[2].user), event.id, going())).toMatchObject({ ok: true, status: "going", message: "The seat is yours — see you there!" });
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(2);
    const timeline = await db.timelineEvent.findMany({ where: { ambassadorId: fans[2].ambassador.id, kind: "event" }, orderBy: { createdAt: "asc" } });
    expect(timeline.map((t) => t.summary)).toEqual(["Joined the waitlist for Croissant class", "Offered a freed seat at Croissant class", "Claimed a freed seat at Croissant class"]);
    expect((await db.timelineEvent.findFirstOrThrow({ where: { ambassadorId: fans[0].ambassador.id, summary: { startsWith: "Cancelled" } } })).summary).toBe("Cancelled their RSVP to Croissant class");
  });

  test("an offer whose claim window has passed cannot be claimed, even before the expiry job runs; the seat moves on", async () => {
    const { brand, fans } = await brandWithFans(3);
    const event = await createEvent(db, brand.id, { capacity: 1, title: "Tasting" });
    for (const f of fans) await respondToEvent(fanScope(f.user), event.id, going());
    await respondToEvent(fanScope(fans[0].user), event.id, { status: "not_going" });
    await runAllJobs();
    expect(await statusOf(event.id, fans[1].ambassador.id)).toBe("offered");
    const offer = await db.rsvp.findFirstOrThrow({ where: { eventId: event.id, ambassadorId: fans[1].ambassador.id } });
    const late = new Date(offer.offerExpiresAt!.getTime() + 60_000);
    expect(await respondToEvent(fanScope(fans[1].user), event.id, going(), late)).toEqual({ ok: false, error: "This seat offer has run out, so the seat goes to the next person on the waitlist." });
    expect(await statusOf(event.id, fans[1].ambassador.id)).toBe("expired");
    expect(await statusOf(event.id, fans[2].ambassador.id)).toBe("offered");
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(1);
  });

  test("a free seat is offered even when the first in line needs more seats than are free", async () => {
    const { brand, fans } = await brandWithFans(3);
    const event = await createEvent(db, brand.id, { capacity: 3, maxPlusOnes: 2 });
    await respondToEvent(fanScope(fans[0].user), event.id, going());
    // Two seats free: a party of three waits…
    expect(await respondToEvent(fanScope(fans[1].user), event.id, going(2))).toMatchObject({ status: "waitlisted" });
    // …and so does the next fan, who would fit: the job runner offers the free seat to the first who fits.
    expect(await respondToEvent(fanScope(fans[2].user), event.id, going())).toMatchObject({ status: "waitlisted" });
    await runAllJobs();
    expect(await statusOf(event.id, fans[2].ambassador.id)).toBe("offered");
    expect(await statusOf(event.id, fans[1].ambassador.id)).toBe("waitlisted");
  });

  test("cancelling says what happens to the seat, and emails a calendar update that removes the event", async () => {
    const { brand, fans } = await brandWithFans(3);
    const event = await createEvent(db, brand.id, { capacity: 2, title: "Croissant class" });
    await respondToEvent(fanScope(fans[0].user), event.id, going());
    // Nobody waits: the message does not promise the seat to anyone.
    expect(await respondToEvent(fanScope(fans[0].user), event.id, { status: "not_going" })).toMatchObject({ message: "Your RSVP is cancelled. Thanks for letting us know." });
    await runAllJobs();
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: fans[0].user.email, template: "event", subject: "Cancelled: your RSVP to Croissant class" } });
    const [ics] = parseStoredAttachments(mail.attachments);
    expect(ics.filename).toBe("croissant-class.ics");
    const body = Buffer.from(ics.base64 ?? "", "base64").toString();
    expect(body).toContain("METHOD:CANCEL");
    expect(body).toContain("STATUS:CANCELLED");
    expect(body).toContain(`UID:event-${event.id}@kindred`);
    // With someone waiting, it does.
    for (const f of fans) await respondToEvent(fanScope(f.user), event.id, going());
    expect(await respondToEvent(fanScope(fans[1].user), event.id, { status: "not_going" })).toMatchObject({ message: "Your RSVP is cancelled, and your seat goes to someone on the waitlist." });
  });

  test("an unclaimed offer expires and moves to the next person", async () => {
    const { brand, fans } = await brandWithFans(4);
    const event = await createEvent(db, brand.id, { capacity: 2, claimHours: 6 });
    for (const f of fans) await respondToEvent(fanScope(f.user), event.id, going());
    await respondToEvent(fanScope(fans[0].user), event.id, { status: "not_going" });
    await fillFreeSeats(event.id);
    expect(await statusOf(event.id, fans[2].ambassador.id)).toBe("offered");
    expect(await expireOffer((await db.rsvp.findFirstOrThrow({ where: { eventId: event.id, ambassadorId: fans[2].ambassador.id } })).id)).toBe(false); // not yet
    const later = new Date(Date.now() + 6 * 3_600_000 + 1000);
    const rsvp = await db.rsvp.findFirstOrThrow({ where: { eventId: event.id, ambassadorId: fans[2].ambassador.id } });
    expect(await expireOffer(rsvp.id, later)).toBe(true);
    expect(await statusOf(event.id, fans[2].ambassador.id)).toBe("expired");
    expect(await statusOf(event.id, fans[3].ambassador.id)).toBe("offered");
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(2);
  });

  test("priority: first-timers and chosen tiers are offered seats first", async () => {
    const { brand, fans } = await brandWithFans(4, (i) => (i === 3 ? 50_000 : 300));
    // Fan 2 attended a previous event; fan 3 is micro-tier.
    const past = await createEvent(db, brand.id, { startsAt: new Date(Date.now() - 30 * 86_400_000) });
    await db.rsvp.create({ data: { eventId: past.id, brandId: brand.id, ambassadorId: fans[2].ambassador.id, status: "going", ticketCode: "past-ticket", checkedInAt: past.startsAt } });
    const firstTimers = await createEvent(db, brand.id, { capacity: 1, priority: "first_timers" });
    const tiers = await createEvent(db, brand.id, { capacity: 1, priority: "tiers", priorityTiers: "micro" });
    for (const e of [firstTimers, tiers]) {
      await respondToEvent(fanScope(fans[0].user), e.id, going());
      await respondToEvent(fanScope(fans[2].user), e.id, going()); // waits first
      await respondToEvent(fanScope(fans[1].user), e.id, going());
      await respondToEvent(fanScope(fans[3].user), e.id, going());
      await respondToEvent(fanScope(fans[0].user), e.id, { status: "not_going" });
      await fillFreeSeats(e.id);
    }
    expect(await statusOf(firstTimers.id, fans[1].ambassador.id)).toBe("offered");
    expect(await statusOf(firstTimers.id, fans[2].ambassador.id)).toBe("waitlisted");
    expect(await statusOf(tiers.id, fans[3].ambassador.id)).toBe("offered");
    expect(await statusOf(tiers.id, fans[2].ambassador.id)).toBe("waitlisted");
  });
});

describe("check-in and after the event", () => {
  test("check in, undo, walk-ins within capacity; afterwards no-shows are marked and attendees thanked", async () => {
    const { brand, organizer, fans } = await brandWithFans(4);
    const event = await createEvent(db, brand.id, { capacity: 3, title: "Rye night" });
    await respondToEvent(fanScope(fans[0].user), event.id, going());
    await respondToEvent(fanScope(fans[1].user), event.id, going());
    const r0 = await db.rsvp.findFirstOrThrow({ where: { eventId: event.id, ambassadorId: fans[0].ambassador.id } });
    expect(await checkIn(staffScope(brand.id), event.id, r0.id, organizer.id)).toEqual({ ok: true, name: "Fan 0" });
    await undoCheckIn(staffScope(brand.id), event.id, r0.id, organizer.id);
    expect((await db.rsvp.findUniqueOrThrow({ where: { id: r0.id } })).checkedInAt).toBeNull();
    await checkIn(staffScope(brand.id), event.id, r0.id, organizer.id);
    expect(await walkIn(staffScope(brand.id), event.id, fans[2].ambassador.id, organizer.id)).toEqual({ ok: true, name: "Fan 2" });
    expect(await walkIn(staffScope(brand.id), event.id, fans[3].ambassador.id, organizer.id)).toEqual({ ok: false, error: "The event is full — no seat for a walk-in." });
    // Another brand's RSVP id is not found through this brand.
    const other = await createBrand(db, { ownerId: organizer.id });
    await expect(checkIn(staffScope(other.id), event.id, r0.id, organizer.id)).rejects.toBeInstanceOf(NotFound);

    expect(await wrapUpEvent(event.id)).toBe(false); // not over yet
    await db.event.update({ where: { id: event.id }, data: { startsAt: new Date(Date.now() - 4 * 3_600_000), endsAt: new Date(Date.now() - 3_600_000) } });
    expect(await wrapUpEvent(event.id)).toBe(true);
    expect(await wrapUpEvent(event.id)).toBe(false); // once
    expect((await db.rsvp.findFirstOrThrow({ where: { eventId: event.id, ambassadorId: fans[1].ambassador.id } })).noShow).toBe(true);
    const thanks = await db.outboxMessage.findMany({ where: { brandId: brand.id, subject: "Thanks for coming to Rye night" } });
    expect(thanks.map((t) => t.to).sort()).toEqual([fans[0].user.email, fans[2].user.email].sort());
    expect(thanks[0].text).toContain("#guest of Event Bakery");
    const kinds = (await db.timelineEvent.findMany({ where: { ambassadorId: fans[1].ambassador.id, kind: "event" } })).map((t) => t.summary);
    expect(kinds).toContain("Didn't make it to Rye night");
  });

  test("the confirmation email carries a QR ticket and a calendar file; the online link is for confirmed attendees only", async () => {
    const { brand, fans } = await brandWithFans(2);
    const event = await createEvent(db, brand.id, { capacity: 1, title: "Online tasting", startsAt: new Date("2030-07-01T22:00:00Z"), endsAt: new Date("2030-07-01T23:30:00Z") });
    await db.event.update({ where: { id: event.id }, data: { format: "online", onlineUrl: "https://meet.example/secret-room", venue: "", address: "" } });
    await respondToEvent(fanScope(fans[0].user), event.id, going());
    await runAllJobs();
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: fans[0].user.email, template: "event" } });
    expect(mail.subject).toBe("You're going: Online tasting");
    expect(mail.html).toContain("cid:ticket-qr");
    expect(mail.text).toMatch(/Mon, Jul 1, 2030, 6:00\s*–\s*7:30\sPM EDT/);
    expect(await respondToEvent(fanScope(fans[0].user), event.id, going(1))).toEqual({ ok: false, field: "plusOnes", error: "This event has no plus-ones." });
    const files = parseStoredAttachments(mail.attachments);
    expect(files.map((f) => f.filename)).toEqual(["ticket.png", "online-tasting.ics"]);
    // The QR ticket is the recipient's: staff's copy lists it without its content.
    expect(mail.redacted).toBe(true);
    expect(files[0].base64).toBeUndefined();
    const ics = Buffer.from(files[1].base64 ?? "", "base64").toString();
    expect(ics).toContain("DTSTART:20300701T220000Z");
    expect(ics).toContain(`UID:event-${event.id}@kindred`);
    expect((await getEventForFan(fanScope(fans[0].user), event.id))?.event.onlineUrl).toBe("https://meet.example/secret-room");
    await respondToEvent(fanScope(fans[1].user), event.id, going());
    expect((await getEventForFan(fanScope(fans[1].user), event.id))?.event.onlineUrl).toBeNull();
  });

  test("events for a hand-picked list or a tag are invisible to everyone else", async () => {
    const { brand, fans } = await brandWithFans(2);
    const event = await createEvent(db, brand.id, { audienceKind: "list", audienceValues: [fans[0].ambassador.id] });
    expect(await getEventForFan(fanScope(fans[0].user), event.id)).not.toBeNull();
    expect(await getEventForFan(fanScope(fans[1].user), event.id)).toBeNull();
    await expect(respondToEvent(fanScope(fans[1].user), event.id, going())).rejects.toBeInstanceOf(NotFound);
  });
});
