// The waitlist: offers of freed seats, claims and expiry, and the RSVP emails queued with each change (job runner).
import type { Prisma } from "#app/generated/prisma/client";
import { db } from "#app/utils/db.server";
import { transition } from "#app/utils/transition.server";
import { z } from "zod";
import { defineJob } from "#app/utils/jobs.server";
import { pickOffers, seatsHeld, type RsvpStatus } from "./rules";
import { recordTouch } from "../timeline.server";
import { sendEventEmail } from "./emails.server";
import { orderedWaitlist } from "./manage.server";
import { rsvpSummary } from "./rsvp.server";
import { takeSeats } from "./seats.server";

type Tx = Prisma.TransactionClient;
const HOUR = 3_600_000;

/**
 * Offers free seats to the waitlist in priority order. Each offer holds the seats for the claim window (never
 * past the event's start) and is emailed; an expiry job moves on if the fan does not claim it.
 */
export async function fillFreeSeats(eventId: string, now = new Date()) {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { id: true, brandId: true, title: true, capacity: true, seatsTaken: true, startsAt: true, claimHours: true, priority: true, priorityTiers: true, publishedAt: true } });
  if (!event?.publishedAt || event.startsAt <= now) return [];
  const offered: string[] = [];
  const free = event.capacity === null ? Infinity : event.capacity - event.seatsTaken;
  if (free <= 0) return offered;
  const picks = pickOffers(await orderedWaitlist(event), free);
  const expiresAt = new Date(Math.min(now.getTime() + event.claimHours * HOUR, event.startsAt.getTime()));
  for (const pick of picks) {
    const ok = await db.$transaction(async (tx) => {
      const claimed = await transition(tx.rsvp, { id: pick.id, status: "waitlisted" }, { status: "offered", offeredAt: now, offerExpiresAt: expiresAt });
      if (!claimed) return false;
      if (!(await takeSeats(tx, event.id, pick.seats))) throw new Rollback();
      const r = await tx.rsvp.findUniqueOrThrow({ where: { id: pick.id }, select: { ambassadorId: true } });
      await recordTouch({ brandId: event.brandId, ambassadorId: r.ambassadorId, kind: "event", summary: rsvpSummary("offered", event.title), at: now }, tx);
      // An offer committed is an offer emailed, and one that ends on time.
      await eventOfferExpireJob.enqueue({ rsvpId: pick.id }, { tx, runAt: expiresAt, dedupeKey: `offer:${pick.id}:${now.getTime()}` });
      await enqueueEventEmail(tx, "offer", event.id, r.ambassadorId, now.getTime());
      return true;
    }).catch((e) => {
      if (e instanceof Rollback) return false;
      throw e;
    });
    if (ok) offered.push(pick.id);
  }
  return offered;
}

class Rollback extends Error {}

/**
 * Someone who leaves a program (or deletes their account) gives up their places at its upcoming events: RSVPs and
 * waitlist places end, held seats go back and are offered to the waitlist, as a cancellation would. Runs in the
 * caller's transaction; returns how many events it touched.
 */
export async function cancelUpcomingRsvps(tx: Tx, ambassadorId: string, reason: string, now = new Date()) {
  const rsvps = await tx.rsvp.findMany({
    where: { ambassadorId, status: { in: ["going", "offered", "waitlisted", "maybe"] }, event: { startsAt: { gt: now } } },
    select: { id: true, status: true, plusOnes: true, brandId: true, eventId: true, event: { select: { title: true } } },
  });
  for (const r of rsvps) {
    await tx.rsvp.update({ where: { id: r.id }, data: { status: "not_going", offerExpiresAt: null } });
    const held = seatsHeld(r.status, r.plusOnes);
    if (held > 0) {
      await takeSeats(tx, r.eventId, -held);
      await eventFillJob.enqueue({ eventId: r.eventId }, { tx });
    }
    await recordTouch({ brandId: r.brandId, ambassadorId, kind: "event", summary: `${r.status === "waitlisted" ? "Left the waitlist for" : "Cancelled their RSVP to"} ${r.event.title} (${reason})`, at: now }, tx);
  }
  return rsvps.length;
}

/** An unclaimed offer runs out: the seats go back and the next person on the waitlist is offered them. */
export async function expireOffer(rsvpId: string, now = new Date()) {
  const r = await db.rsvp.findUnique({ where: { id: rsvpId }, select: { id: true, status: true, plusOnes: true, offerExpiresAt: true, eventId: true, brandId: true, ambassadorId: true, event: { select: { title: true } } } });
  if (!r || r.status !== "offered" || !r.offerExpiresAt || r.offerExpiresAt > now) return false;
  const done = await db.$transaction(async (tx) => {
    const changed = await transition(tx.rsvp, { id: r.id, status: "offered" }, { status: "expired", offerExpiresAt: null });
    if (!changed) return false;
    await takeSeats(tx, r.eventId, -seatsHeld("offered", r.plusOnes));
    await recordTouch({ brandId: r.brandId, ambassadorId: r.ambassadorId, kind: "event", summary: rsvpSummary("expired", r.event.title), at: now }, tx);
    return true;
  });
  if (done) await fillFreeSeats(r.eventId, now);
  return done;
}

const RSVP_EMAIL_KINDS = ["confirmed", "waitlisted", "offer", "cancelled"] as const;
type RsvpEmailKind = (typeof RSVP_EMAIL_KINDS)[number];

export function enqueueEventEmail(tx: Tx, kind: RsvpEmailKind, eventId: string, ambassadorId: string, stamp: number) {
  return eventEmailJob.enqueue({ kind, eventId, ambassadorId }, { tx, dedupeKey: `event-email:${kind}:${eventId}:${ambassadorId}:${stamp}` });
}

const EMAIL_STILL_TRUE: Record<RsvpEmailKind, RsvpStatus> = { confirmed: "going", waitlisted: "waitlisted", offer: "offered", cancelled: "not_going" };

/** One email about an RSVP (confirmation, waitlist, offer), queued in the transaction of the change it is about. */
const eventEmailJob = defineJob("event.email", z.object({ kind: z.enum(RSVP_EMAIL_KINDS), eventId: z.string(), ambassadorId: z.string() }), async ({ kind, eventId, ambassadorId }) => {
  // Sent only while it is still true (a fan who cancelled since gets no ticket).
  const rsvp = await db.rsvp.findUnique({ where: { eventId_ambassadorId: { eventId, ambassadorId } }, select: { status: true } });
  if (rsvp?.status === EMAIL_STILL_TRUE[kind]) await sendEventEmail(kind, eventId, ambassadorId);
});

/** Offers the event's free seats to its waitlist. */
export const eventFillJob = defineJob("event.fill", z.object({ eventId: z.string() }), async ({ eventId }) => {
  await fillFreeSeats(eventId);
});
const eventOfferExpireJob = defineJob("event.offer-expire", z.object({ rsvpId: z.string() }), async ({ rsvpId }) => {
  await expireOffer(rsvpId);
});
