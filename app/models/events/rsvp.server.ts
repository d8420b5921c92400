// Fans and events: which events a fan sees, the event page, answering it (the RSVP state machine), its calendar
// file and ticket QR code.
import { parseWebUrl } from "#app/utils/urls";
import QRCode from "qrcode";
import { db } from "#app/utils/db.server";
import { transition } from "#app/utils/transition.server";
import { getEnv } from "#app/utils/env.server";
import { renderMarkdown } from "#app/utils/markdown.server";
import { collectAnswers, parseQuestions } from "../application";
import { matchesAudience, readAudience } from "../audience";
import { activeMemberships, toAudienceMember } from "../audience.server";
import { seatsHeld, type RsvpStatus } from "./rules";
import { buildIcs, icsFileName } from "../ics.server";
import { recordTouch } from "../timeline.server";
import { suggestDisclosure } from "../disclosure";
import { Conflict, NotFound } from "../errors";
import type { FanScope } from "../scope";
import { EVENT_DETAIL, RSVP_ROW, orderedWaitlist, parseAnswers } from "./manage.server";
import { newTicketCode, seatsLeft, takeSeats } from "./seats.server";
import { enqueueEventEmail, eventFillJob, expireOffer } from "./waitlist.server";


/** Published, upcoming events the fan is invited to (by audience) or has answered, soonest first. */
export async function listEventsForFan(scope: FanScope, now = new Date()) {
  const { userId } = scope;
  const memberships = await activeMemberships(userId);
  const byBrand = new Map(memberships.map((m) => [m.brandId, m]));
  const events = await db.event.findMany({
    where: { brandId: { in: [...byBrand.keys()] }, publishedAt: { not: null }, endsAt: { gte: now } },
    orderBy: { startsAt: "asc" },
    select: { id: true, brandId: true, title: true, startsAt: true, endsAt: true, timeZone: true, format: true, venue: true, city: true, audienceKind: true, audienceValues: true },
  });
  const rsvps = await db.rsvp.findMany({ where: { ambassadorId: { in: memberships.map((m) => m.id) } }, select: { eventId: true, status: true } });
  const mine = new Map(rsvps.map((r) => [r.eventId, r.status]));
  return events
    .filter((e) => {
      const m = byBrand.get(e.brandId)!;
      return mine.has(e.id) || matchesAudience(readAudience(e.audienceKind, e.audienceValues), toAudienceMember(m), m.brand);
    })
    .map((e) => ({ ...e, myStatus: (mine.get(e.id) ?? null) as RsvpStatus | null, brand: { name: byBrand.get(e.brandId)!.brand.name, color: byBrand.get(e.brandId)!.brand.color } }));
}

/** The event, the fan's ambassador row for its brand, and their RSVP — or null when the event is not for them. */
async function visibleEvent(userId: string, eventId: string) {
  const event = await db.event.findFirst({ where: { id: eventId, publishedAt: { not: null } }, select: EVENT_DETAIL });
  if (!event) return null;
  const member = (await activeMemberships(userId)).find((m) => m.brandId === event.brandId);
  if (!member) return null;
  const rsvp = await db.rsvp.findUnique({ where: { eventId_ambassadorId: { eventId: event.id, ambassadorId: member.id } }, select: { ...RSVP_ROW, ticketCode: true } });
  if (!rsvp && !matchesAudience(readAudience(event.audienceKind, event.audienceValues), toAudienceMember(member), member.brand)) return null;
  return { event, member, rsvp };
}

/** The event page for a fan: details, their RSVP, the online link (confirmed attendees only), who's going. */
export async function getEventForFan(scope: FanScope, eventId: string, now = new Date()) {
  const { userId } = scope;
  const found = await visibleEvent(userId, eventId);
  if (!found) return null;
  const { event, member, rsvp } = found;
  const going = rsvp?.status === "going";
  const guestList = going
    ? await db.rsvp.findMany({
        where: { eventId: event.id, status: "going", showInGuestList: true, ambassadorId: { not: member.id } },
        orderBy: { createdAt: "asc" },
        select: { ambassador: { select: { name: true, city: true } } },
      })
    : [];
  const free = event.capacity === null ? null : Math.max(0, event.capacity - event.seatsTaken);
  const waitlistPosition = rsvp?.status === "waitlisted" ? (await orderedWaitlist(event)).findIndex((w) => w.id === rsvp.id) + 1 : null;
  return {
    event: {
      id: event.id,
      title: event.title,
      html: renderMarkdown(event.description),
      coverUploadId: event.coverUploadId,
      format: event.format,
      venue: event.venue,
      address: event.address,
      city: event.city,
      // Only a web address becomes a link (rows saved before the form checked the scheme included).
      onlineUrl: going && parseWebUrl(event.onlineUrl) ? event.onlineUrl : null,
      timeZone: event.timeZone,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      rsvpDeadline: event.rsvpDeadline,
      maxPlusOnes: event.maxPlusOnes,
      questions: parseQuestions(event.questions),
      seatsLeft: free,
      full: free !== null && free <= 0,
      rsvpOpen: !event.rsvpDeadline || event.rsvpDeadline > now,
      ended: event.endsAt < now,
    },
    brand: { name: member.brand.name, color: member.brand.color, disclosureText: suggestDisclosure("event", member.brand) },
    rsvp: rsvp ? { ...rsvp, answers: parseAnswers(rsvp.answers) } : null,
    ticketUrl: going && rsvp ? `${getEnv().APP_URL}/checkin/${rsvp.ticketCode}` : null,
    waitlistPosition,
    guestList: guestList.map((g) => g.ambassador),
  };
}

export type RsvpInput =
  | { status: "not_going" }
  | { status: "going" | "maybe"; plusOnes: number; showInGuestList: boolean; [answer: `q_${string}`]: unknown };

export type RsvpOutcome = { ok: true; status: RsvpStatus; message: string } | { ok: false; field?: string; error: string };

/**
 * A fan answers an event (or changes their answer). "Going" takes seats if there are enough and nobody is
 * already waiting; otherwise the fan joins the waitlist. Answering "maybe" or "not going", or bringing fewer
 * guests, gives seats back and the job runner offers them to the waitlist.
 */
export async function respondToEvent(scope: FanScope, eventId: string, input: RsvpInput, now = new Date()): Promise<RsvpOutcome> {
  const { userId } = scope;
  const found = await visibleEvent(userId, eventId);
  if (!found) throw new NotFound();
  const { event, member, rsvp } = found;
  if (event.endsAt < now) return { ok: false, error: "This event is over." };
  const plusOnes = input.status === "not_going" ? (rsvp?.plusOnes ?? 0) : input.plusOnes;
  if (plusOnes > event.maxPlusOnes) {
    return { ok: false, field: "plusOnes", error: event.maxPlusOnes ? `Bring up to ${event.maxPlusOnes} ${event.maxPlusOnes === 1 ? "guest" : "guests"}.` : "This event has no plus-ones." };
  }
  const wantsSeats = input.status === "going";
  const closed = event.rsvpDeadline && event.rsvpDeadline <= now;
  const heldBefore = rsvp ? seatsHeld(rsvp.status, rsvp.plusOnes) : 0;
  if (closed && (wantsSeats ? 1 + plusOnes > heldBefore : input.status === "maybe")) {
    return { ok: false, error: "RSVPs are closed for this event. You can still cancel." };
  }
  const questions = parseQuestions(event.questions);
  const answers = input.status === "not_going" ? undefined : JSON.stringify(collectAnswers(questions, input as Record<string, unknown>));

  const outcome = await db.$transaction(async (tx): Promise<RsvpOutcome | { ok: false; error: string; lapsed: true }> => {
    const current = rsvp ? await tx.rsvp.findUniqueOrThrow({ where: { id: rsvp.id }, select: { status: true, plusOnes: true, offerExpiresAt: true } }) : null;
    // An offer is claimed only within its window, even if the job that ends it has not run yet.
    if (current?.status === "offered" && wantsSeats && current.offerExpiresAt && current.offerExpiresAt <= now) {
      return { ok: false, error: "This seat offer has run out, so the seat goes to the next person on the waitlist.", lapsed: true };
    }
    const held = current ? seatsHeld(current.status, current.plusOnes) : 0;
    let status: RsvpStatus = input.status;
    if (wantsSeats) {
      const need = 1 + plusOnes;
      if (current?.status === "waitlisted") {
        status = "waitlisted";
      } else if (held > 0) {
        // Already going (or holding an offer): only the change in guests is taken or given back.
        if (!(await takeSeats(tx, event.id, need - held))) {
          const left = await seatsLeft(tx, event.id);
          const error = left ? `Only ${left} more ${left === 1 ? "seat is" : "seats are"} free — bring fewer guests, or keep your current answer.` : "No more seats are free — keep your current answer, or bring fewer guests.";
          return { ok: false, field: "plusOnes", error };
        }
      } else {
        const othersWaiting = await tx.rsvp.count({ where: { eventId: event.id, status: { in: ["waitlisted"] } } });
        status = othersWaiting === 0 && (await takeSeats(tx, event.id, need)) ? "going" : "waitlisted";
      }
    } else if (held > 0) {
      await takeSeats(tx, event.id, -held);
    }
    const data = {
      status,
      plusOnes,
      ...(answers !== undefined ? { answers } : {}),
      ...(input.status !== "not_going" ? { showInGuestList: input.showInGuestList } : {}),
      ...(status === "waitlisted" && current?.status !== "waitlisted" ? { waitlistedAt: now } : {}),
      offerExpiresAt: null,
    };
    // The answer is written only over the one this transaction read: two answers racing (two tabs, a double
    // click) cannot both give back the same seats — the second is refused and its seat changes roll back.
    if (current) {
      if (!(await transition(tx.rsvp, { id: rsvp!.id, status: current.status, plusOnes: current.plusOnes }, data))) throw new Conflict("Your answer changed a moment ago. Check it and try again.");
    } else await tx.rsvp.create({ data: { ...data, eventId: event.id, brandId: event.brandId, ambassadorId: member.id, ticketCode: newTicketCode() } });
    if (current?.status !== status || !current) {
      await recordTouch({ brandId: event.brandId, ambassadorId: member.id, kind: "event", summary: rsvpSummary(status, event.title, current?.status), actorId: userId, at: now }, tx);
    }
    const released = held - seatsHeld(status, plusOnes);
    // Free seats go to the waitlist: after a release, and also when someone joins it while seats are free (a party
    // too large for them, with smaller ones waiting behind).
    if (released > 0 || (status === "waitlisted" && (await seatsLeft(tx, event.id)) > 0)) await eventFillJob.enqueue({ eventId: event.id }, { tx });
    const stamp = now.getTime();
    if (status === "going" && current?.status !== "going") await enqueueEventEmail(tx, "confirmed", event.id, member.id, stamp);
    if (status === "waitlisted" && current?.status !== "waitlisted") await enqueueEventEmail(tx, "waitlisted", event.id, member.id, stamp);
    // A fan who gives up a seat gets a note that takes the event out of their calendar.
    if (released > 0 && status === "not_going") await enqueueEventEmail(tx, "cancelled", event.id, member.id, stamp);
    const waiting = released > 0 ? await tx.rsvp.count({ where: { eventId: event.id, status: "waitlisted" } }) : 0;
    return { ok: true, status, message: rsvpMessage(status, current?.status, waiting > 0) };
  });

  if (!outcome.ok && "lapsed" in outcome && rsvp) await expireOffer(rsvp.id, now);
  return outcome.ok ? { ok: true, status: outcome.status, message: outcome.message } : { ok: false, ...("field" in outcome && outcome.field ? { field: outcome.field } : {}), error: outcome.error };
}

export function rsvpSummary(status: RsvpStatus, title: string, before?: string) {
  switch (status) {
    case "going":
      return before === "offered" ? `Claimed a freed seat at ${title}` : `RSVP: going to ${title}`;
    case "maybe":
      return `RSVP: maybe for ${title}`;
    case "not_going":
      return before === "going" ? `Cancelled their RSVP to ${title}` : `RSVP: not going to ${title}`;
    case "waitlisted":
      return `Joined the waitlist for ${title}`;
    case "offered":
      return `Offered a freed seat at ${title}`;
    case "expired":
      return `Seat offer for ${title} expired`;
  }
}

function rsvpMessage(status: RsvpStatus, before?: string, someoneWaits = false) {
  if (status === "going") return before === "offered" ? "The seat is yours — see you there!" : before === "going" ? "Your RSVP is updated." : "You're going! Your ticket is on its way by email.";
  if (status === "waitlisted") return "The event is full, so you're on the waitlist. We'll email you if a seat opens.";
  if (status === "maybe") return "Noted as maybe. Change it any time.";
  if (before === "going" || before === "offered") return someoneWaits ? "Your RSVP is cancelled, and your seat goes to someone on the waitlist." : "Your RSVP is cancelled. Thanks for letting us know.";
  return "Thanks for letting us know.";
}

/** The calendar file of an event the fan may see (the meeting link only for confirmed attendees). */
export async function eventCalendarFile(scope: FanScope, eventId: string) {
  const { userId } = scope;
  const found = await visibleEvent(userId, eventId);
  if (!found) return null;
  const going = found.rsvp?.status === "going";
  const ics = buildIcs({ ...found.event, onlineUrl: going && parseWebUrl(found.event.onlineUrl) ? found.event.onlineUrl : "" }, `${getEnv().APP_URL}/me/events/${found.event.id}`, {
    cancelled: found.rsvp?.status === "not_going",
  });
  return { ics, fileName: icsFileName(found.event.title) };
}

/** The QR code of a ticket, as SVG markup for the event page. */
export function ticketQrSvg(url: string) {
  return QRCode.toString(url, { type: "svg", margin: 1, width: 220 });
}

/** Whether the fan may see an event's cover image. */
export async function canSeeEventCover(userId: string, uploadId: string) {
  const event = await db.event.findFirst({ where: { coverUploadId: uploadId }, select: { id: true } });
  return !!event && !!(await visibleEvent(userId, event.id));
}
