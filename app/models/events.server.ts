import { parseWebUrl } from "#app/utils/urls";
import { randomBytes } from "node:crypto";
import { createElement } from "react";
import QRCode from "qrcode";
import EventEmail, { eventEmailSubject, type EventEmailKind } from "../../emails/event";
import type { Prisma } from "#app/generated/prisma/client";
import type { SessionUser } from "#app/utils/auth.server";
import { db } from "#app/utils/db.server";
import { prepareEmail, recordEmail, sendEmail, type EmailAttachment, type SendEmailInput } from "#app/utils/email.server";
import { getEnv } from "#app/utils/env.server";
import { formatDateTime, formatRange, utcToZonedInput, zonedInputToUtc } from "#app/utils/format";
import { enqueueJob, registerJobHandler } from "#app/utils/jobs.server";
import { renderMarkdown } from "#app/utils/markdown.server";
import { discardFiles, type PendingFile } from "#app/utils/request-body.server";
import { checkUpload, deleteUploads, storeUpload } from "#app/utils/uploads.server";
import { collectAnswers, parseQuestions, type Question } from "./application";
import { matchesAudience, readAudience } from "./audience";
import { AUDIENCE_MEMBER_SELECT, activeMemberships, audienceWhere, toAudienceMember } from "./audience.server";
import { TIER_THRESHOLDS_SELECT } from "./tiers";
import { eventLocation, orderWaitlist, pickOffers, resolveEventTimes, seatsHeld, ticketCodeFrom, type EventInput, type RsvpStatus, type ScanResult } from "./events";
import { buildIcs, icsFileName } from "./ics.server";
import { bulkMessage } from "./bulk-actions.server";
import { recordTouch } from "./timeline.server";
import { suggestDisclosure } from "./disclosure";
import { wantsEmail } from "./email-preferences";
import { unsubscribeHeaders } from "./unsubscribe.server";
import { NotFound } from "./errors";
import { isStaffRole } from "./roles";
import { brandScope, type BrandScope, type FanScope } from "./scope";

export const EVENT_FILL_JOB = "event.fill";
export const EVENT_OFFER_EXPIRE_JOB = "event.offer-expire";
export const EVENT_REMINDER_JOB = "event.reminder";
/** One email about an RSVP (confirmation, waitlist, offer), queued in the transaction of the change it is about. */
export const EVENT_EMAIL_JOB = "event.email";
export const EVENT_ANNOUNCE_JOB = "event.announce";
export const EVENT_WRAP_UP_JOB = "event.wrap-up";

type Tx = Prisma.TransactionClient;
const HOUR = 3_600_000;

// ---------------------------------------------------------------------------------------------------------
// Seats. Event.seatsTaken counts the seats held by going and offered RSVPs (with plus-ones). It only grows
// through one conditional UPDATE, so two RSVPs racing for the last seat cannot both get it — on SQLite and on
// PostgreSQL alike.
// ---------------------------------------------------------------------------------------------------------

/** Takes `n` seats if they are free (true), or gives back -n seats. */
async function takeSeats(tx: Tx, eventId: string, n: number) {
  if (n === 0) return true;
  if (n < 0) {
    await tx.$executeRaw`UPDATE "Event" SET "seatsTaken" = "seatsTaken" + ${n} WHERE "id" = ${eventId}`;
    return true;
  }
  const changed = await tx.$executeRaw`UPDATE "Event" SET "seatsTaken" = "seatsTaken" + ${n} WHERE "id" = ${eventId} AND ("capacity" IS NULL OR "seatsTaken" + ${n} <= "capacity")`;
  return changed === 1;
}

const newTicketCode = () => randomBytes(18).toString("base64url");

// ---------------------------------------------------------------------------------------------------------
// Creating and editing events (staff)
// ---------------------------------------------------------------------------------------------------------

type BrandRef = { id: string; slug: string; timeZone: string };

/** Emails of a hand-picked list → the brand's active ambassadors' ids; unknown addresses are reported. */
async function resolveInviteList(brandId: string, emails: string[]) {
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const found = await db.ambassador.findMany({ where: { brandId, status: "active", email: { in: wanted } }, select: { id: true, email: true } });
  const known = new Set(found.map((f) => f.email));
  const missing = wanted.filter((e) => !known.has(e));
  return { ids: found.map((f) => f.id), missing };
}

export async function saveEvent({
  brand,
  userId,
  eventId,
  input,
  files,
  removeCover,
  now = new Date(),
}: {
  brand: BrandRef;
  userId: string;
  eventId?: string;
  input: EventInput;
  files: PendingFile[];
  removeCover?: boolean;
  now?: Date;
}): Promise<{ ok: true; id: string } | { ok: false; errors: Record<string, string[]> }> {
  const existing = eventId ? await db.event.findFirst({ where: { id: eventId, brandId: brand.id }, select: { id: true, seatsTaken: true, coverUploadId: true, publishedAt: true } }) : null;
  if (eventId && !existing) throw new NotFound();
  const times = resolveEventTimes(input, zonedInputToUtc, now, !existing);
  const errors: Record<string, string[]> = { ...times.errors };
  let audienceValues = input.audienceKind === "all" ? [] : input.audienceValues;
  if (input.audienceKind === "list") {
    const { ids, missing } = await resolveInviteList(brand.id, input.audienceValues);
    if (missing.length) errors.audienceValues = [`Not active ambassadors of this brand: ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? "…" : ""}`];
    audienceValues = ids;
  }
  if (existing && input.capacity !== undefined && input.capacity < existing.seatsTaken) {
    errors.capacity = [`${existing.seatsTaken} seats are already taken; the capacity can't go below that.`];
  }
  const cover = files.find((f) => f.field === "cover");
  if (cover) {
    const checked = await checkUpload(cover, "image");
    if (!checked.ok) errors.cover = [checked.error];
  }
  if (Object.keys(errors).length) {
    await discardFiles(files);
    return { ok: false, errors };
  }
  let coverUploadId = existing?.coverUploadId ?? null;
  const oldCover = coverUploadId;
  if (cover) {
    const stored = await storeUpload(cover, "image", brand.id);
    if (stored.ok) coverUploadId = stored.id;
  } else if (removeCover) coverUploadId = null;

  const data = {
    title: input.title,
    description: input.description,
    format: input.format,
    venue: input.format === "in_person" ? input.venue : "",
    address: input.format === "in_person" ? input.address : "",
    city: input.city,
    onlineUrl: input.format === "online" ? input.onlineUrl : "",
    timeZone: input.timeZone,
    startsAt: times.startsAt!,
    endsAt: times.endsAt!,
    rsvpDeadline: times.rsvpDeadline,
    capacity: input.capacity ?? null,
    maxPlusOnes: input.maxPlusOnes,
    claimHours: input.claimHours,
    priority: input.priority,
    priorityTiers: input.priorityTiers.join(","),
    questions: JSON.stringify(input.questions.map((q) => ({ id: q.id || randomBytes(6).toString("hex"), label: q.label, type: q.type, options: q.options, required: q.required, lifeMoment: false }))),
    audienceKind: input.audienceKind,
    audienceValues: JSON.stringify(audienceValues),
    coverUploadId,
    publishedAt: input.publish ? (existing?.publishedAt ?? now) : null,
  };
  const event = existing
    ? await db.event.update({ where: { id: existing.id }, data, select: { id: true } })
    : await db.event.create({ data: { ...data, brandId: brand.id, createdById: userId }, select: { id: true } });
  if (oldCover && oldCover !== coverUploadId) await deleteUploads(brand.id, [oldCover]);
  await scheduleEventJobs(event.id);
  // Published for the first time: the audience hears of it (once, whatever is edited later).
  if (data.publishedAt && !existing?.publishedAt) await enqueueJob(EVENT_ANNOUNCE_JOB, { eventId: event.id }, { dedupeKey: `event:${event.id}:announce` });
  // More capacity (or none) may open seats for the waitlist.
  if (existing) await enqueueJob(EVENT_FILL_JOB, { eventId: event.id });
  return { ok: true, id: event.id };
}

async function scheduleEventJobs(eventId: string) {
  const e = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { id: true, startsAt: true, endsAt: true, publishedAt: true } });
  if (!e.publishedAt) return;
  const reminderAt = new Date(e.startsAt.getTime() - 24 * HOUR);
  if (reminderAt > new Date()) {
    await enqueueJob(EVENT_REMINDER_JOB, { eventId: e.id, startsAt: e.startsAt.toISOString() }, { runAt: reminderAt, dedupeKey: `event:${e.id}:reminder:${e.startsAt.getTime()}` });
  }
  await enqueueJob(EVENT_WRAP_UP_JOB, { eventId: e.id, endsAt: e.endsAt.toISOString() }, { runAt: e.endsAt, dedupeKey: `event:${e.id}:wrap:${e.endsAt.getTime()}` });
}

/** The brand's events with their numbers, upcoming first (soonest first), then past ones (latest first). */
export async function listEvents(scope: BrandScope, now = new Date()) {
  const { brandId } = scope;
  const select = {
    id: true,
    title: true,
    startsAt: true,
    endsAt: true,
    timeZone: true,
    format: true,
    city: true,
    venue: true,
    capacity: true,
    seatsTaken: true,
    publishedAt: true,
    _count: { select: { rsvps: { where: { status: "waitlisted" } } } },
  } satisfies Prisma.EventSelect;
  const [upcoming, past] = await Promise.all([
    db.event.findMany({ where: { brandId, endsAt: { gte: now } }, orderBy: { startsAt: "asc" }, take: 100, select }),
    db.event.findMany({ where: { brandId, endsAt: { lt: now } }, orderBy: { startsAt: "desc" }, take: 50, select }),
  ]);
  const shape = (e: (typeof upcoming)[number]) => ({ ...e, waitlisted: e._count.rsvps });
  return { upcoming: upcoming.map(shape), past: past.map(shape) };
}

const EVENT_DETAIL = {
  id: true,
  brandId: true,
  title: true,
  description: true,
  coverUploadId: true,
  format: true,
  venue: true,
  address: true,
  city: true,
  onlineUrl: true,
  timeZone: true,
  startsAt: true,
  endsAt: true,
  capacity: true,
  seatsTaken: true,
  maxPlusOnes: true,
  rsvpDeadline: true,
  questions: true,
  audienceKind: true,
  audienceValues: true,
  priority: true,
  priorityTiers: true,
  claimHours: true,
  publishedAt: true,
  wrappedUpAt: true,
} satisfies Prisma.EventSelect;

export type EventDetail = Prisma.EventGetPayload<{ select: typeof EVENT_DETAIL }>;

/** Head counts for the organizer: RSVPs and people (with guests), check-ins and no-shows. */
export function eventCounts(rsvps: { status: string; plusOnes: number; checkedInAt: Date | null; noShow: boolean }[], capacity: number | null) {
  const going = rsvps.filter((r) => r.status === "going");
  const people = going.reduce((n, r) => n + 1 + r.plusOnes, 0);
  return {
    going: going.length,
    people,
    capacity,
    checkedIn: going.filter((r) => r.checkedInAt).length,
    noShows: going.filter((r) => r.noShow).length,
    notArrived: going.filter((r) => !r.checkedInAt && !r.noShow).length,
    maybe: rsvps.filter((r) => r.status === "maybe").length,
    waitlisted: rsvps.filter((r) => r.status === "waitlisted").length,
    offered: rsvps.filter((r) => r.status === "offered").length,
  };
}

const RSVP_ROW = {
  id: true,
  status: true,
  plusOnes: true,
  answers: true,
  showInGuestList: true,
  waitlistedAt: true,
  offerExpiresAt: true,
  checkedInAt: true,
  walkIn: true,
  noShow: true,
  createdAt: true,
  updatedAt: true,
  ambassador: { select: { id: true, name: true, email: true, city: true, maxFollowers: true } },
} satisfies Prisma.RsvpSelect;

/** One event for its brand's staff, with every RSVP and the waitlist in offer order. */
export async function getEventForStaff(scope: BrandScope, eventId: string) {
  const { brandId } = scope;
  const event = await db.event.findFirst({ where: { id: eventId, brandId }, select: EVENT_DETAIL });
  if (!event) return null;
  const rsvps = await db.rsvp.findMany({ where: { eventId: event.id }, orderBy: [{ createdAt: "asc" }], select: RSVP_ROW });
  const waitlist = await orderedWaitlist(event);
  const listEmails =
    event.audienceKind === "list"
      ? (await db.ambassador.findMany({ where: { brandId, id: { in: readAudience("list", event.audienceValues).values } }, select: { email: true } })).map((a) => a.email)
      : [];
  return {
    event: { ...event, html: renderMarkdown(event.description), questions: parseQuestions(event.questions), audience: readAudience(event.audienceKind, event.audienceValues), listEmails },
    rsvps: rsvps.map((r) => ({ ...r, answers: parseAnswers(r.answers) })),
    waitlistOrder: waitlist.map((w) => w.id),
    counts: eventCounts(rsvps, event.capacity),
  };
}

function parseAnswers(json: string): { label: string; answer: string }[] {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

/** The waitlist in offer order (the event's priority rule; see orderWaitlist). */
async function orderedWaitlist(event: { id: string; brandId: string; priority: string; priorityTiers: string }, client: Tx = db) {
  const rows = await client.rsvp.findMany({
    where: { eventId: event.id, status: "waitlisted" },
    select: { id: true, plusOnes: true, waitlistedAt: true, createdAt: true, ambassadorId: true, ambassador: { select: { maxFollowers: true } } },
  });
  const attended = new Set(
    (
      await client.rsvp.findMany({
        where: { brandId: event.brandId, eventId: { not: event.id }, checkedInAt: { not: null }, ambassadorId: { in: rows.map((r) => r.ambassadorId) } },
        select: { ambassadorId: true },
      })
    ).map((r) => r.ambassadorId),
  );
  const brand = await client.brand.findUniqueOrThrow({ where: { id: event.brandId }, select: TIER_THRESHOLDS_SELECT });
  return orderWaitlist(
    rows.map((r) => ({ id: r.id, waitlistedAt: r.waitlistedAt ?? r.createdAt, maxFollowers: r.ambassador.maxFollowers, attendedBefore: attended.has(r.ambassadorId), seats: 1 + r.plusOnes })),
    event,
    brand,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Fans: seeing events and answering them
// ---------------------------------------------------------------------------------------------------------

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
    if (current) await tx.rsvp.update({ where: { id: rsvp!.id }, data });
    else await tx.rsvp.create({ data: { ...data, eventId: event.id, brandId: event.brandId, ambassadorId: member.id, ticketCode: newTicketCode() } });
    if (current?.status !== status || !current) {
      await recordTouch({ brandId: event.brandId, ambassadorId: member.id, kind: "event", summary: rsvpSummary(status, event.title, current?.status), actorId: userId, at: now }, tx);
    }
    const released = held - seatsHeld(status, plusOnes);
    // Free seats go to the waitlist: after a release, and also when someone joins it while seats are free (a party
    // too large for them, with smaller ones waiting behind).
    if (released > 0 || (status === "waitlisted" && (await seatsLeft(tx, event.id)) > 0)) await enqueueJob(EVENT_FILL_JOB, { eventId: event.id }, { tx });
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

async function seatsLeft(tx: Tx, eventId: string) {
  const e = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { capacity: true, seatsTaken: true } });
  return e.capacity === null ? Infinity : Math.max(0, e.capacity - e.seatsTaken);
}

function rsvpSummary(status: RsvpStatus, title: string, before?: string) {
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

// ---------------------------------------------------------------------------------------------------------
// The waitlist: offers, claims and expiry (job runner)
// ---------------------------------------------------------------------------------------------------------

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
      const claimed = await tx.rsvp.updateMany({ where: { id: pick.id, status: "waitlisted" }, data: { status: "offered", offeredAt: now, offerExpiresAt: expiresAt } });
      if (claimed.count !== 1) return false;
      if (!(await takeSeats(tx, event.id, pick.seats))) throw new Rollback();
      const r = await tx.rsvp.findUniqueOrThrow({ where: { id: pick.id }, select: { ambassadorId: true } });
      await recordTouch({ brandId: event.brandId, ambassadorId: r.ambassadorId, kind: "event", summary: rsvpSummary("offered", event.title), at: now }, tx);
      // An offer committed is an offer emailed, and one that ends on time.
      await enqueueJob(EVENT_OFFER_EXPIRE_JOB, { rsvpId: pick.id }, { tx, runAt: expiresAt, dedupeKey: `offer:${pick.id}:${now.getTime()}` });
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
      await enqueueJob(EVENT_FILL_JOB, { eventId: r.eventId }, { tx });
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
    const changed = await tx.rsvp.updateMany({ where: { id: r.id, status: "offered" }, data: { status: "expired", offerExpiresAt: null } });
    if (changed.count !== 1) return false;
    await takeSeats(tx, r.eventId, -seatsHeld("offered", r.plusOnes));
    await recordTouch({ brandId: r.brandId, ambassadorId: r.ambassadorId, kind: "event", summary: rsvpSummary("expired", r.event.title), at: now }, tx);
    return true;
  });
  if (done) await fillFreeSeats(r.eventId, now);
  return done;
}

type RsvpEmailKind = "confirmed" | "waitlisted" | "offer" | "cancelled";

function enqueueEventEmail(tx: Tx, kind: RsvpEmailKind, eventId: string, ambassadorId: string, stamp: number) {
  return enqueueJob(EVENT_EMAIL_JOB, { kind, eventId, ambassadorId }, { tx, dedupeKey: `event-email:${kind}:${eventId}:${ambassadorId}:${stamp}` });
}

const EMAIL_STILL_TRUE: Record<RsvpEmailKind, RsvpStatus> = { confirmed: "going", waitlisted: "waitlisted", offer: "offered", cancelled: "not_going" };

registerJobHandler(EVENT_EMAIL_JOB, async ({ kind, eventId, ambassadorId }: { kind: RsvpEmailKind; eventId: string; ambassadorId: string }) => {
  // Sent only while it is still true (a fan who cancelled since gets no ticket).
  const rsvp = await db.rsvp.findUnique({ where: { eventId_ambassadorId: { eventId, ambassadorId } }, select: { status: true } });
  if (rsvp?.status === EMAIL_STILL_TRUE[kind]) await sendEventEmail(kind, eventId, ambassadorId);
});

registerJobHandler(EVENT_FILL_JOB, async ({ eventId }: { eventId: string }) => {
  await fillFreeSeats(eventId);
});
registerJobHandler(EVENT_OFFER_EXPIRE_JOB, async ({ rsvpId }: { rsvpId: string }) => {
  await expireOffer(rsvpId);
});

// ---------------------------------------------------------------------------------------------------------
// Check-in (organizers)
// ---------------------------------------------------------------------------------------------------------

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
  if (existing) await tx.rsvp.update({ where: { id: existing.id }, data });
  else await tx.rsvp.create({ data: { ...data, eventId: event.id, brandId, ambassadorId: ambassador.id, ticketCode: newTicketCode() } });
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
  return db.$transaction(async (tx) => {
    // Looked up inside the write transaction: two taps on "Add guest" for a new address make one person, not a
    // unique-key error.
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
  }).catch((error) => {
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

// ---------------------------------------------------------------------------------------------------------
// Emails: confirmation with calendar file and QR ticket, waitlist, offer, reminder, "share your night"
// ---------------------------------------------------------------------------------------------------------

/** Builds and sends one event email to one ambassador. */
export async function sendEventEmail(kind: EventEmailKind, eventId: string, ambassadorId: string) {
  await sendEmail(await eventEmail(kind, eventId, ambassadorId));
}

/** One event email for one fan, ready to send or to record in a transaction. */
async function eventEmail(kind: EventEmailKind, eventId: string, ambassadorId: string): Promise<SendEmailInput> {
  const [event, a] = await Promise.all([
    db.event.findUniqueOrThrow({ where: { id: eventId }, select: { ...EVENT_DETAIL, brand: { select: { id: true, name: true, color: true, logoUrl: true, disclosureText: true } } } }),
    db.ambassador.findUniqueOrThrow({ where: { id: ambassadorId }, select: { id: true, name: true, email: true, rsvps: { where: { eventId }, select: { ticketCode: true, plusOnes: true, offerExpiresAt: true } } } }),
  ]);
  const rsvp = a.rsvps[0];
  const appUrl = getEnv().APP_URL;
  const eventUrl = `${appUrl}/me/events/${event.id}`;
  const attachments: EmailAttachment[] = [];
  let ticketUrl: string | null = null;
  if (kind === "confirmed" && rsvp) {
    ticketUrl = `${appUrl}/checkin/${rsvp.ticketCode}`;
    attachments.push({ filename: "ticket.png", contentType: "image/png", content: await QRCode.toBuffer(ticketUrl, { width: 240, margin: 1 }), contentId: "ticket-qr", secret: true });
    attachments.push({ filename: icsFileName(event.title), contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: buildIcs(event, eventUrl) });
  }
  if (kind === "cancelled") {
    // Removes the entry the confirmation put in the fan's calendar.
    attachments.push({ filename: icsFileName(event.title), contentType: "text/calendar; charset=utf-8; method=CANCEL", content: buildIcs(event, eventUrl, { cancelled: true }) });
  }
  const props = {
    kind,
    brand: event.brand,
    fanName: a.name.split(" ")[0] || a.name,
    title: event.title,
    when: formatRange(event.startsAt, event.endsAt, event.timeZone),
    where: eventLocation(event),
    url: eventUrl,
    plusOnes: rsvp?.plusOnes ?? 0,
    hasTicket: !!ticketUrl,
    offerExpires: kind === "offer" && rsvp?.offerExpiresAt ? formatDateTime(rsvp.offerExpiresAt, event.timeZone) : null,
    onlineUrl: (kind === "confirmed" || kind === "reminder") && event.format === "online" && parseWebUrl(event.onlineUrl) ? event.onlineUrl : null,
    disclosureText: suggestDisclosure("event", event.brand),
  };
  // The announcement and the thank-you are program email (the fan's choice, with one-click unsubscribe); the
  // rest answer the fan's own RSVP.
  const unsubscribe = kind === "announced" || kind === "thanks" ? unsubscribeHeaders(a.id, "events") : { headers: undefined, secrets: [] };
  return {
    headers: unsubscribe.headers,
    to: a.email,
    brandId: event.brand.id,
    template: "event",
    subject: eventEmailSubject(props),
    react: createElement(EventEmail, props),
    attachments,
    secrets: [...(rsvp?.ticketCode ? [rsvp.ticketCode] : []), ...unsubscribe.secrets],
  };
}

const ANNOUNCE_BATCH = 100;

/**
 * Publishing an event tells its audience, once: fans who may come and want program emails, who have not answered
 * yet, 100 per job (each batch queues the next). Each fan's row and email commit together, so a crash or a retry
 * never emails anyone twice or skips anyone.
 */
registerJobHandler(EVENT_ANNOUNCE_JOB, async ({ eventId, afterId }: { eventId: string; afterId?: string }) => {
  const now = new Date();
  const event = await db.event.findUnique({ where: { id: eventId }, select: { id: true, brandId: true, publishedAt: true, startsAt: true, audienceKind: true, audienceValues: true, brand: { select: TIER_THRESHOLDS_SELECT } } });
  if (!event?.publishedAt || event.startsAt <= now) return;
  const recipients = await db.ambassador.findMany({
    where: {
      AND: [
        await audienceWhere(event.brandId, readAudience(event.audienceKind, event.audienceValues), event.brand),
        wantsEmail("events"),
        afterId ? { id: { gt: afterId } } : {},
        { rsvps: { none: { eventId } } },
        { announcements: { none: { eventId } } },
      ],
    },
    orderBy: { id: "asc" },
    take: ANNOUNCE_BATCH,
    select: { id: true },
  });
  for (const r of recipients) {
    const email = await prepareEmail(await eventEmail("announced", event.id, r.id));
    await db.$transaction(async (tx) => {
      if (await tx.eventAnnouncement.findUnique({ where: { eventId_ambassadorId: { eventId, ambassadorId: r.id } }, select: { sentAt: true } })) return;
      // Answered in the meantime: no invitation to answer.
      if (await tx.rsvp.findUnique({ where: { eventId_ambassadorId: { eventId, ambassadorId: r.id } }, select: { id: true } })) return;
      await tx.eventAnnouncement.create({ data: { eventId, ambassadorId: r.id, sentAt: now } });
      await recordEmail(email, { tx, deliverAt: now });
    });
  }
  if (recipients.length === ANNOUNCE_BATCH) {
    const last = recipients[recipients.length - 1].id;
    await enqueueJob(EVENT_ANNOUNCE_JOB, { eventId, afterId: last }, { dedupeKey: `event:${eventId}:announce:after:${last}` });
  } else {
    await db.event.update({ where: { id: eventId }, data: { announcedAt: now } });
  }
});

/** 24 hours before: a reminder to everyone going (skipped if the event moved since it was scheduled). */
registerJobHandler(EVENT_REMINDER_JOB, async ({ eventId, startsAt }: { eventId: string; startsAt: string }) => {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { startsAt: true, publishedAt: true } });
  if (!event?.publishedAt || event.startsAt.toISOString() !== startsAt) return;
  const going = await db.rsvp.findMany({ where: { eventId, status: "going" }, select: { ambassadorId: true } });
  for (const g of going) await sendEventEmail("reminder", eventId, g.ambassadorId);
});

/**
 * After the event: fans who were going but never checked in are marked as no-shows (quietly — nobody is
 * emailed about it), and those who came get a friendly "share your night" email with the disclosure reminder.
 */
export async function wrapUpEvent(eventId: string, now = new Date()) {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { id: true, brandId: true, title: true, endsAt: true, wrappedUpAt: true } });
  if (!event || event.wrappedUpAt || event.endsAt > now) return false;
  const claimed = await db.event.updateMany({ where: { id: event.id, wrappedUpAt: null }, data: { wrappedUpAt: now } });
  if (claimed.count !== 1) return false;
  const missed = await db.rsvp.findMany({ where: { eventId, status: "going", checkedInAt: null }, select: { id: true, ambassadorId: true } });
  await db.$transaction(async (tx) => {
    await tx.rsvp.updateMany({ where: { id: { in: missed.map((m) => m.id) } }, data: { noShow: true } });
    for (const m of missed) await recordTouch({ brandId: event.brandId, ambassadorId: m.ambassadorId, kind: "event", summary: `Didn't make it to ${event.title}`, at: now }, tx);
  });
  const came = await db.rsvp.findMany({ where: { eventId, status: "going", checkedInAt: { not: null }, ambassador: wantsEmail("events") }, select: { ambassadorId: true } });
  for (const c of came) await sendEventEmail("thanks", eventId, c.ambassadorId);
  return true;
}

registerJobHandler(EVENT_WRAP_UP_JOB, async ({ eventId, endsAt }: { eventId: string; endsAt: string }) => {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { endsAt: true } });
  if (!event || event.endsAt.toISOString() !== endsAt) return;
  await wrapUpEvent(eventId);
});

// ---------------------------------------------------------------------------------------------------------
// Attendee list export
// ---------------------------------------------------------------------------------------------------------

/** Every RSVP with the fan's answers, one column per question. */
export async function attendeesCsv(scope: BrandScope, eventId: string) {
  const { brandId } = scope;
  const found = await getEventForStaff(scope, eventId);
  if (!found) return null;
  const questions: Question[] = found.event.questions;
  // Times in the event's own zone (what the organizer reads) and in UTC (what other tools read).
  const zone = found.event.timeZone;
  const local = (d: Date | null) => (d ? utcToZonedInput(d, zone).replace("T", " ") : "");
  const header = ["Name", "Email", "City", "RSVP", "Plus-ones", `Checked in at (${zone})`, "Checked in at (UTC)", "No-show", "Walk-in", `Answered at (${zone})`, "Answered at (UTC)", ...questions.map((q) => q.label)];
  const rows = found.rsvps.map((r) => {
    const byLabel = new Map(r.answers.map((a) => [a.label, a.answer]));
    return [
      r.ambassador.name,
      r.ambassador.email,
      r.ambassador.city,
      r.status,
      String(r.plusOnes),
      local(r.checkedInAt),
      r.checkedInAt?.toISOString() ?? "",
      r.noShow ? "yes" : "",
      r.walkIn ? "yes" : "",
      local(r.updatedAt),
      r.updatedAt.toISOString(),
      ...questions.map((q) => byLabel.get(q.label) ?? ""),
    ];
  });
  return { title: found.event.title, rows: [header, ...rows] };
}

/** A message to everyone going (logistics reach them whatever their program-email choice). */
export async function messageAttendees(scope: BrandScope, eventId: string, sender: SessionUser, subject: string, body: string) {
  const { brandId } = scope;
  const event = await db.event.findFirst({ where: { id: eventId, brandId }, select: { id: true } });
  if (!event) throw new NotFound("Event not found");
  const attendees = await db.rsvp.findMany({ where: { brandId, eventId, status: "going" }, select: { ambassadorId: true } });
  return bulkMessage(scope, attendees.map((a) => a.ambassadorId), sender, subject, body, { logistics: true });
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
    where: { eventId, status: "going", ...(search ? { ambassador: { OR: [{ name: { contains: search } }, { email: { contains: search.toLowerCase() } }] } } : {}) },
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
            where: { brandId, status: "active", rsvps: { none: { eventId, status: "going" } }, OR: [{ name: { contains: search } }, { email: { startsWith: typed } }] },
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
