// Staff side of events: creating and editing them (with their cover, audience and scheduled jobs), the list with
// its numbers, and one event with every RSVP and the waitlist in offer order.
import { randomBytes } from "node:crypto";
import type { Prisma } from "#app/generated/prisma/client";
import { db } from "#app/utils/db.server";
import { zonedInputToUtc } from "#app/utils/format";
import { renderMarkdown } from "#app/utils/markdown.server";
import { discardFiles, type PendingFile } from "#app/utils/request-body.server";
import { checkUpload, deleteUploads, storeUpload } from "#app/utils/uploads.server";
import { parseQuestions } from "../application";
import { readAudience } from "../audience";
import { TIER_THRESHOLDS_SELECT } from "../tiers";
import { orderWaitlist, resolveEventTimes, type EventInput } from "./rules";
import { NotFound } from "../errors";
import type { BrandScope } from "../scope";
import { eventAnnounceJob, eventReminderJob, eventWrapUpJob } from "./emails.server";
import { eventFillJob } from "./waitlist.server";

type Tx = Prisma.TransactionClient;
const HOUR = 3_600_000;


/** Emails of a hand-picked list → the brand's active ambassadors' ids; unknown addresses are reported. */
async function resolveInviteList(brandId: string, emails: string[]) {
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const found = await db.ambassador.findMany({ where: { brandId, status: "active", email: { in: wanted } }, select: { id: true, email: true } });
  const known = new Set(found.map((f) => f.email));
  const missing = wanted.filter((e) => !known.has(e));
  return { ids: found.map((f) => f.id), missing };
}

export async function saveEvent(scope: BrandScope, {
  eventId,
  input,
  files,
  removeCover,
  now = new Date(),
}: {
  eventId?: string;
  input: EventInput;
  files: PendingFile[];
  removeCover?: boolean;
  now?: Date;
}): Promise<{ ok: true; id: string } | { ok: false; errors: Record<string, string[]> }> {
  const { brandId, userId } = scope;
  const existing = eventId ? await db.event.findFirst({ where: { id: eventId, brandId: brandId }, select: { id: true, seatsTaken: true, coverUploadId: true, publishedAt: true } }) : null;
  if (eventId && !existing) throw new NotFound();
  const times = resolveEventTimes(input, zonedInputToUtc, now, !existing);
  const errors: Record<string, string[]> = { ...times.errors };
  let audienceValues = input.audienceKind === "all" ? [] : input.audienceValues;
  if (input.audienceKind === "list") {
    const { ids, missing } = await resolveInviteList(brandId, input.audienceValues);
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
    const stored = await storeUpload(cover, "image", brandId);
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
    : await db.event.create({ data: { ...data, brandId: brandId, createdById: userId }, select: { id: true } });
  if (oldCover && oldCover !== coverUploadId) await deleteUploads(brandId, [oldCover]);
  await scheduleEventJobs(event.id);
  // Published for the first time: the audience hears of it (once, whatever is edited later).
  if (data.publishedAt && !existing?.publishedAt) await eventAnnounceJob.enqueue({ eventId: event.id }, { dedupeKey: `event:${event.id}:announce` });
  // More capacity (or none) may open seats for the waitlist.
  if (existing) await eventFillJob.enqueue({ eventId: event.id });
  return { ok: true, id: event.id };
}

async function scheduleEventJobs(eventId: string) {
  const e = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { id: true, startsAt: true, endsAt: true, publishedAt: true } });
  if (!e.publishedAt) return;
  const reminderAt = new Date(e.startsAt.getTime() - 24 * HOUR);
  if (reminderAt > new Date()) {
    await eventReminderJob.enqueue({ eventId: e.id, startsAt: e.startsAt.toISOString() }, { runAt: reminderAt, dedupeKey: `event:${e.id}:reminder:${e.startsAt.getTime()}` });
  }
  await eventWrapUpJob.enqueue({ eventId: e.id, endsAt: e.endsAt.toISOString() }, { runAt: e.endsAt, dedupeKey: `event:${e.id}:wrap:${e.endsAt.getTime()}` });
}

/** Whether the event is one of the scope's brand's (checked before an edit stores any upload). */
export async function isBrandEvent(scope: BrandScope, eventId: string) {
  return (await db.event.findFirst({ where: { id: eventId, brandId: scope.brandId }, select: { id: true } })) !== null;
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

export const EVENT_DETAIL = {
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

export const RSVP_ROW = {
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

export function parseAnswers(json: string): { label: string; answer: string }[] {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

/** The waitlist in offer order (the event's priority rule; see orderWaitlist). */
export async function orderedWaitlist(event: { id: string; brandId: string; priority: string; priorityTiers: string }, client: Tx = db) {
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
