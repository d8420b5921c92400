// Event emails: confirmation with calendar file and QR ticket, waitlist, offer, reminder, "share your night"
// wrap-up, the announcement to the audience, and messages to attendees.
import { parseWebUrl } from "#app/utils/urls";
import { createElement } from "react";
import type { Prisma } from "#app/generated/prisma/client";
import QRCode from "qrcode";
import EventEmail, { eventEmailSubject, type EventEmailKind } from "../../../emails/event";
import type { SessionUser } from "#app/utils/auth.server";
import { db, insertRows } from "#app/utils/db.server";
import { transition } from "#app/utils/transition.server";
import { prepareEmails, recordEmails, sendEmail, type EmailAttachment, type SendEmailInput } from "#app/utils/email.server";
import { getEnv } from "#app/utils/env.server";
import { formatDateTime, formatRange } from "#app/utils/format";
import { z } from "zod";
import { defineJob } from "#app/utils/jobs.server";
import { readAudience } from "../audience";
import { audienceWhere } from "../audience.server";
import { TIER_THRESHOLDS_SELECT } from "../tiers";
import { eventLocation } from "./rules";
import { buildIcs, icsFileName } from "../ics.server";
import { bulkMessage } from "../bulk-actions.server";
import { recordTouch } from "../timeline.server";
import { suggestDisclosure } from "../disclosure";
import { wantsEmail } from "../email-preferences";
import { unsubscribeHeaders } from "../unsubscribe.server";
import { NotFound } from "../errors";
import type { BrandScope } from "../scope";
import { EVENT_DETAIL } from "./manage.server";

/** Builds and sends one event email to one ambassador. */
export async function sendEventEmail(kind: EventEmailKind, eventId: string, ambassadorId: string) {
  await sendEmail(await eventEmail(kind, eventId, ambassadorId));
}

const EVENT_FOR_EMAIL = { ...EVENT_DETAIL, brand: { select: { id: true, name: true, color: true, logoUrl: true, disclosureText: true } } } as const;
type EventForEmail = Prisma.EventGetPayload<{ select: typeof EVENT_FOR_EMAIL }>;
type FanForEmail = { id: string; name: string; email: string; rsvps: { ticketCode: string; plusOnes: number; offerExpiresAt: Date | null }[] };

/** One event email for one fan, ready to send or to record in a transaction. */
async function eventEmail(kind: EventEmailKind, eventId: string, ambassadorId: string): Promise<SendEmailInput> {
  const [event, a] = await Promise.all([
    db.event.findUniqueOrThrow({ where: { id: eventId }, select: EVENT_FOR_EMAIL }),
    db.ambassador.findUniqueOrThrow({ where: { id: ambassadorId }, select: { id: true, name: true, email: true, rsvps: { where: { eventId }, select: { ticketCode: true, plusOnes: true, offerExpiresAt: true } } } }),
  ]);
  return eventEmailInput(kind, event, a, await eventAttachments(kind, event, a));
}

async function eventAttachments(kind: EventEmailKind, event: EventForEmail, a: FanForEmail) {
  const rsvp = a.rsvps[0];
  const eventUrl = `${getEnv().APP_URL}/me/events/${event.id}`;
  const attachments: EmailAttachment[] = [];
  if (kind === "confirmed" && rsvp) {
    attachments.push({ filename: "ticket.png", contentType: "image/png", content: await QRCode.toBuffer(ticketUrlOf(rsvp.ticketCode), { width: 240, margin: 1 }), contentId: "ticket-qr", secret: true });
    attachments.push({ filename: icsFileName(event.title), contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: buildIcs(event, eventUrl) });
  }
  if (kind === "cancelled") {
    // Removes the entry the confirmation put in the fan's calendar.
    attachments.push({ filename: icsFileName(event.title), contentType: "text/calendar; charset=utf-8; method=CANCEL", content: buildIcs(event, eventUrl, { cancelled: true }) });
  }
  return attachments;
}

const ticketUrlOf = (ticketCode: string) => `${getEnv().APP_URL}/checkin/${ticketCode}`;

/** The email itself, from what was loaded: no queries, so a fan-out can build one per fan cheaply. */
function eventEmailInput(kind: EventEmailKind, event: EventForEmail, a: FanForEmail, attachments: EmailAttachment[], fanName = a.name.split(" ")[0] || a.name): SendEmailInput {
  const rsvp = a.rsvps[0];
  const eventUrl = `${getEnv().APP_URL}/me/events/${event.id}`;
  const ticketUrl = kind === "confirmed" && rsvp ? ticketUrlOf(rsvp.ticketCode) : null;
  const props = {
    kind,
    brand: event.brand,
    fanName,
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

/** Fans per job: five provider batches, one render of the template. */
const ANNOUNCE_BATCH = 500;

/**
 * Publishing an event tells its audience, once: fans who may come and want program emails, who have not answered
 * yet, 500 per job (each batch queues the next). Each fan's row and email commit together, so a crash or a retry
 * never emails anyone twice or skips anyone.
 */
export const eventAnnounceJob = defineJob("event.announce", z.object({ eventId: z.string(), afterId: z.string().optional() }), async ({ eventId, afterId }) => {
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
    select: { id: true, name: true, email: true },
  });
  const details = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: EVENT_FOR_EMAIL });
  const emails = await prepareEmails(
    recipients,
    (r) => ({ fanName: r.name.split(" ")[0] || r.name, email: r.email, id: r.id }),
    ({ fanName, email, id }) => eventEmailInput("announced", details, { id, name: fanName, email, rsvps: [] }, [], fanName),
  );
  // Each fan's announcement row and email commit together, in one transaction for the batch; a fan announced or
  // answering since the list was read is left out.
  await db.$transaction(async (tx) => {
    const ids = recipients.map((r) => r.id);
    const [announced, answered] = await Promise.all([
      tx.eventAnnouncement.findMany({ where: { eventId, ambassadorId: { in: ids } }, select: { ambassadorId: true } }),
      tx.rsvp.findMany({ where: { eventId, ambassadorId: { in: ids } }, select: { ambassadorId: true } }),
    ]);
    const skip = new Set([...announced, ...answered].map((r) => r.ambassadorId));
    const fresh = recipients.filter((r) => !skip.has(r.id));
    await insertRows(tx, "EventAnnouncement", fresh.map((r) => ({ eventId, ambassadorId: r.id, sentAt: now })));
    await recordEmails(emails.filter((_, i) => !skip.has(recipients[i].id)), { tx, deliverAt: now });
  });
  if (recipients.length === ANNOUNCE_BATCH) {
    const last = recipients[recipients.length - 1].id;
    await eventAnnounceJob.enqueue({ eventId, afterId: last }, { dedupeKey: `event:${eventId}:announce:after:${last}` });
  } else {
    await db.event.update({ where: { id: eventId }, data: { announcedAt: now } });
  }
});

/** 24 hours before: a reminder to everyone going (skipped if the event moved since it was scheduled). */
export const eventReminderJob = defineJob("event.reminder", z.object({ eventId: z.string(), startsAt: z.iso.datetime() }), async ({ eventId, startsAt }) => {
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
  const claimed = await transition(db.event, { id: event.id, wrappedUpAt: null }, { wrappedUpAt: now });
  if (!claimed) return false;
  const missed = await db.rsvp.findMany({ where: { eventId, status: "going", checkedInAt: null }, select: { id: true, ambassadorId: true } });
  await db.$transaction(async (tx) => {
    await tx.rsvp.updateMany({ where: { id: { in: missed.map((m) => m.id) } }, data: { noShow: true } });
    for (const m of missed) await recordTouch({ brandId: event.brandId, ambassadorId: m.ambassadorId, kind: "event", summary: `Didn't make it to ${event.title}`, at: now }, tx);
  });
  const came = await db.rsvp.findMany({ where: { eventId, status: "going", checkedInAt: { not: null }, ambassador: wantsEmail("events") }, select: { ambassadorId: true } });
  for (const c of came) await sendEventEmail("thanks", eventId, c.ambassadorId);
  return true;
}

export const eventWrapUpJob = defineJob("event.wrap-up", z.object({ eventId: z.string(), endsAt: z.iso.datetime() }), async ({ eventId, endsAt }) => {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { endsAt: true } });
  if (!event || event.endsAt.toISOString() !== endsAt) return;
  await wrapUpEvent(eventId);
});

/** A message to everyone going (logistics reach them whatever their program-email choice). */
export async function messageAttendees(scope: BrandScope, eventId: string, sender: SessionUser, subject: string, body: string) {
  const { brandId } = scope;
  const event = await db.event.findFirst({ where: { id: eventId, brandId }, select: { id: true } });
  if (!event) throw new NotFound("Event not found");
  const attendees = await db.rsvp.findMany({ where: { brandId, eventId, status: "going" }, select: { ambassadorId: true } });
  return bulkMessage(scope, attendees.map((a) => a.ambassadorId), sender, subject, body, { logistics: true });
}
