// Check-in at the door (organizers): by list, by scanned ticket, walk-ins from the program and guests off the street.
import type { Prisma } from "#app/generated/prisma/client";
import { containsText, db, retryOnUniqueViolation } from "#app/utils/db.server";
import { transition } from "#app/utils/transition.server";
import { matchesAudience, readAudience } from "../audience";
import { AUDIENCE_MEMBER_SELECT, toAudienceMember } from "../audience.server";
import { TIER_THRESHOLDS_SELECT } from "../tiers";
import { seatsHeld, ticketCodeFrom, type RsvpStatus, type ScanResult } from "./rules";
import { recordTouch } from "../timeline.server";
import { Conflict, NotFound } from "../errors";
import { isStaffRole } from "../roles";
import { brandScope, type BrandScope } from "../scope";
import { eventCounts } from "./manage.server";
import { newTicketCode, takeSeats } from "./seats.server";

type CheckInResult = { ok: true; name: string } | { ok: false; error: string };

export async function checkIn(scope: BrandScope, eventId: string, rsvpId: string, actorId: string, now = new Date()): Promise<CheckInResult> {
  const { brandId } = scope;
  const r = await db.rsvp.findFirst({ where: { id: rsvpId, eventId, brandId }, select: { id: true, status: true, checkedInAt: true, ambassadorId: true, ambassador: { select: { name: true } }, event: { select: { title: true } } } });
  if (!r) throw new NotFound();
  if (r.status !== "going") return { ok: false, error: `${r.ambassador.name} is not on the guest list (${r.status.replace("_", " ")}).` };
  if (r.checkedInAt) return { ok: true, name: r.ambassador.name };
  const written = await writeCheckIn(brandId, r, actorId, now, `Checked in at ${r.event.title}`);
  if (written.done === "no") return { ok: false, error: `${r.ambassador.name} is not on the guest list (${written.status.replace("_", " ")}).` };
  return { ok: true, name: r.ambassador.name };
}

type Written = { done: "now" } | { done: "already"; at: Date } | { done: "no"; status: RsvpStatus };

/**
 * Checks a going guest in, written only while they are going and not checked in yet, so two phones on one guest
 * write once: checked in now, already (since when), or no longer going.
 */
async function writeCheckIn(brandId: string, r: { id: string; ambassadorId: string }, actorId: string, now: Date, summary: string): Promise<Written> {
  return db.$transaction(async (tx): Promise<Written> => {
    const { count } = await tx.rsvp.updateMany({ where: { id: r.id, status: "going", checkedInAt: null }, data: { checkedInAt: now, checkedInById: actorId, noShow: false } });
    if (!count) {
      const current = await tx.rsvp.findUniqueOrThrow({ where: { id: r.id }, select: { checkedInAt: true, status: true } });
      return current.checkedInAt ? { done: "already", at: current.checkedInAt } : { done: "no", status: current.status as RsvpStatus };
    }
    await recordTouch({ brandId, ambassadorId: r.ambassadorId, kind: "event", summary, actorId, at: now }, tx);
    return { done: "now" };
  });
}

export async function undoCheckIn(scope: BrandScope, eventId: string, rsvpId: string, actorId: string) {
  const { brandId } = scope;
  const r = await db.rsvp.findFirst({ where: { id: rsvpId, eventId, brandId }, select: { id: true, ambassadorId: true, checkedInAt: true, event: { select: { title: true } } } });
  if (!r) throw new NotFound();
  if (!r.checkedInAt) return;
  await db.$transaction(async (tx) => {
    await tx.rsvp.update({ where: { id: r.id }, data: { checkedInAt: null, checkedInById: null } });
    await recordTouch({ brandId, ambassadorId: r.ambassadorId, kind: "event", summary: `Check-in at ${r.event.title} undone`, actorId }, tx);
  });
}

/** Someone from the program turns up without a seat: they are added and checked in if a seat is free. */
export async function walkIn(scope: BrandScope, eventId: string, ambassadorId: string, actorId: string, now = new Date()): Promise<CheckInResult> {
  const { brandId } = scope;
  const [event, ambassador] = await Promise.all([
    db.event.findFirst({ where: { id: eventId, brandId }, select: { id: true, title: true } }),
    db.ambassador.findFirst({ where: { id: ambassadorId, brandId, status: "active" }, select: { id: true, name: true } }),
  ]);
  if (!event || !ambassador) throw new NotFound();
  const existing = await db.rsvp.findUnique({ where: { eventId_ambassadorId: { eventId, ambassadorId } }, select: { id: true, status: true, plusOnes: true } });
  if (existing?.status === "going") return checkIn(scope, eventId, existing.id, actorId, now);
  return db.$transaction((tx) => seatWalkIn(tx, { brandId, event, ambassador, existing, actorId, now }));
}

/** A seat for someone at the door, checked in at once, in the caller's transaction; not ok when the event is full. */
async function seatWalkIn(
  tx: Prisma.TransactionClient,
  { brandId, event, ambassador, existing, actorId, now }: { brandId: string; event: { id: string; title: string }; ambassador: { id: string; name: string }; existing: { id: string; status: string; plusOnes: number } | null; actorId: string; now: Date },
): Promise<CheckInResult> {
  const held = existing ? seatsHeld(existing.status, existing.plusOnes) : 0;
  if (!(await takeSeats(tx, event.id, 1 - held))) return { ok: false, error: "The event is full — no seat for a walk-in." };
  const data = { status: "going", plusOnes: 0, walkIn: true, checkedInAt: now, checkedInById: actorId, offerExpiresAt: null };
  // Written only over the answer read before: a fan changing theirs at the same moment makes this a conflict, and
  // the seat taken above rolls back with it.
  if (existing) {
    if (!(await transition(tx.rsvp, { id: existing.id, status: existing.status, plusOnes: existing.plusOnes }, data))) throw new Conflict("Their RSVP changed a moment ago. Try again.");
  } else await tx.rsvp.create({ data: { ...data, eventId: event.id, brandId, ambassadorId: ambassador.id, ticketCode: newTicketCode() } });
  await recordTouch({ brandId, ambassadorId: ambassador.id, kind: "event", summary: `Walked in and checked in at ${event.title}`, actorId, at: now }, tx);
  return { ok: true, name: ambassador.name };
}

/**
 * Someone at the door who is not on the list, by name and email: a guest of the event, checked in at once. A known
 * address is that person (an active ambassador walks in as one); a new one is kept as a contact who has not been
 * invited, and joins the program's invitations only if staff tick "invite to the program".
 */
export async function walkInGuest(scope: BrandScope, eventId: string, guest: { name: string; email: string }, actorId: string, now = new Date()): Promise<CheckInResult & { ambassadorId?: string }> {
  const { brandId } = scope;
  const event = await db.event.findFirst({ where: { id: eventId, brandId }, select: { id: true, title: true } });
  if (!event) throw new NotFound();
  const email = guest.email.trim().toLowerCase();
  // Looked up inside the write transaction, and tried again when two taps on "Add guest" for a new address both
  // created the person (PostgreSQL runs them side by side): one person, not a unique-key error.
  return retryOnUniqueViolation(() => db.$transaction(async (tx) => {
    const known = await tx.ambassador.findUnique({ where: { brandId_email: { brandId, email } }, select: { id: true, name: true } });
    const ambassador = known ?? (await tx.ambassador.create({ data: { brandId, email, name: guest.name.trim(), status: "invited", source: "walk-in" }, select: { id: true, name: true } }));
    if (!known) await recordTouch({ brandId, ambassadorId: ambassador.id, kind: "invited", summary: `Added at the door of ${event.title}`, actorId, at: now }, tx);
    const existing = await tx.rsvp.findUnique({ where: { eventId_ambassadorId: { eventId, ambassadorId: ambassador.id } }, select: { id: true, status: true, plusOnes: true, checkedInAt: true } });
    if (existing?.status === "going") {
      if (!existing.checkedInAt) await tx.rsvp.update({ where: { id: existing.id }, data: { checkedInAt: now, checkedInById: actorId } });
      return { ok: true as const, name: ambassador.name, ambassadorId: ambassador.id };
    }
    const seated = await seatWalkIn(tx, { brandId, event, ambassador, existing, actorId, now });
    // A full event: nothing is kept of a person who could not come in.
    if (!seated.ok) throw new FullAtTheDoor(seated.error);
    return { ...seated, ambassadorId: ambassador.id };
  })).catch((error) => {
    if (error instanceof FullAtTheDoor) return { ok: false as const, error: error.message };
    throw error;
  });
}

class FullAtTheDoor extends Error {}

/**
 * A ticket scanned at the door of one event. Only this brand's tickets are recognised (another brand's look unknown);
 * two phones scanning one ticket at once give one "checked in" and one "already checked in" (see writeCheckIn).
 */
export async function scanTicket(scope: BrandScope, eventId: string, scanned: string, actorId: string, now = new Date()): Promise<ScanResult> {
  const { brandId } = scope;
  const event = await db.event.findFirst({ where: { id: eventId, brandId }, select: { id: true } });
  if (!event) throw new NotFound();
  const code = ticketCodeFrom(scanned);
  if (!code) return { kind: "unknown" };
  const r = await db.rsvp.findFirst({
    where: { ticketCode: code, brandId },
    select: { id: true, eventId: true, status: true, plusOnes: true, checkedInAt: true, ambassadorId: true, ambassador: { select: { name: true } }, event: { select: { title: true } } },
  });
  if (!r) return { kind: "unknown" };
  if (r.eventId !== eventId) return { kind: "other-event", title: r.event.title };
  const name = r.ambassador.name;
  if (r.status !== "going") return { kind: "not-going", name, status: r.status as RsvpStatus };
  const written = await writeCheckIn(brandId, r, actorId, now, `Checked in at ${r.event.title} (ticket scanned)`);
  if (written.done === "already") return { kind: "already", name, plusOnes: r.plusOnes, at: written.at };
  if (written.done === "no") return { kind: "not-going", name, status: written.status };
  return { kind: "checked-in", name, plusOnes: r.plusOnes };
}

/** The ticket behind a QR code, if the user is staff of the event's brand (any role). */
/**
 * A scanned ticket, for staff of the event's brand only (null for anyone else), with the scope the staff member
 * acts in at the door.
 */
export async function findTicket(user: { id: string }, code: string) {
  const r = await db.rsvp.findUnique({
    where: { ticketCode: code },
    select: { id: true, status: true, plusOnes: true, checkedInAt: true, eventId: true, brandId: true, ambassador: { select: { name: true, email: true } }, event: { select: { title: true, startsAt: true, endsAt: true, timeZone: true, brand: { select: { slug: true } } } } },
  });
  if (!r) return null;
  const staff = await db.membership.findFirst({ where: { userId: user.id, brandId: r.brandId }, select: { role: true } });
  return staff && isStaffRole(staff.role) ? { ticket: r, scope: brandScope(r.brandId, staff.role, user.id) } : null;
}

/**
 * The check-in screen's data: head counts, the guest list filtered by a name search, and (for walk-ins) active
 * ambassadors matching the search who are not going yet.
 */
export async function checkInBoard(scope: BrandScope, eventId: string, q: string) {
  const { brandId } = scope;
  const found = await db.event.findFirst({
    where: { id: eventId, brandId },
    select: { id: true, title: true, startsAt: true, endsAt: true, timeZone: true, capacity: true, seatsTaken: true, audienceKind: true, audienceValues: true, brand: { select: TIER_THRESHOLDS_SELECT } },
  });
  if (!found) return null;
  const { audienceKind, audienceValues, brand: thresholds, ...event } = found;
  const all = await db.rsvp.findMany({ where: { eventId, status: "going" }, select: { status: true, plusOnes: true, checkedInAt: true, noShow: true } });
  const search = q.trim();
  const guests = await db.rsvp.findMany({
    where: { eventId, status: "going", ...(search ? { ambassador: { OR: [{ name: containsText(search) }, { email: containsText(search.toLowerCase()) }] } } : {}) },
    orderBy: { ambassador: { name: "asc" } },
    take: 200,
    select: { id: true, plusOnes: true, checkedInAt: true, walkIn: true, ambassador: { select: { name: true, city: true } } },
  });
  // Walk-ins from the roster: only people the event is for, and only close matches (a name word or the email
  // beginning with what was typed), so the search does not list the whole program to whoever holds the door.
  const audience = readAudience(audienceKind, audienceValues);
  const typed = search.toLowerCase();
  const close = (a: { name: string; email: string }) => a.email.startsWith(typed) || a.name.toLowerCase().startsWith(typed) || a.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(typed));
  const walkInCandidates =
    search.length >= 2
      ? (
          await db.ambassador.findMany({
            where: { brandId, status: "active", rsvps: { none: { eventId, status: "going" } }, OR: [{ name: containsText(search) }, { email: { startsWith: typed } }] },
            orderBy: { name: "asc" },
            take: 50,
            select: { ...AUDIENCE_MEMBER_SELECT, name: true, email: true },
          })
        )
          .filter((a) => close(a) && matchesAudience(audience, toAudienceMember(a), thresholds))
          .slice(0, 10)
          .map((a) => ({ id: a.id, name: a.name, city: a.city }))
      : [];
  const full = event.capacity !== null && event.seatsTaken >= event.capacity;
  return { event, counts: eventCounts(all, event.capacity), guests, walkInCandidates, full };
}
