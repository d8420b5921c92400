import type { Prisma } from "#app/generated/prisma/client";
import ScoopEmail from "../../emails/scoop";
import { db } from "#app/utils/db.server";
import { prepareEmail, recordEmail } from "#app/utils/email.server";
import { getEnv } from "#app/utils/env.server";
import { formatDateTime, zonedInputToUtc } from "#app/utils/format";
import { enqueueJob, registerJobHandler } from "#app/utils/jobs.server";
import { renderMarkdown } from "#app/utils/markdown.server";
import { discardFiles, type PendingFile } from "#app/utils/request-body.server";
import { checkUpload, deleteUploads, storeUpload } from "#app/utils/uploads.server";
import { matchesAudience, readAudience } from "./audience";
import { activeMemberships, audienceSize, audienceWhere, toAudienceMember } from "./audience.server";
import { TIER_THRESHOLDS_SELECT } from "./tiers";
import { mustAcknowledge, parseLinks, resolveScoopTimes, scoopState, type ScoopInput, type ScoopLink } from "./scoops";
import { suggestDisclosure } from "./disclosure";
import { recordTouch } from "./timeline.server";
import { wantsEmail } from "./email-preferences";
import { unsubscribeHeaders } from "./unsubscribe.server";
import { NotFound } from "./errors";
import { fanScope, type BrandScope, type FanScope } from "./scope";

export const SCOOP_NOTIFY_JOB = "scoop.notify";
const BATCH = 100;


const uploadKind = (f: PendingFile) => (f.field === "images" ? "image" : "file");

/** Whether the scoop is one of the scope's brand's (checked before an edit stores any upload). */
export async function isBrandScoop(scope: BrandScope, scoopId: string) {
  return (await db.scoop.findFirst({ where: { id: scoopId, brandId: scope.brandId }, select: { id: true } })) !== null;
}

/**
 * Creates or updates a scoop with its new images and assets. Files are checked before anything is saved; a bad
 * file returns a field message and nothing changes.
 */
export async function saveScoop(scope: BrandScope, {
  scoopId,
  input,
  files,
  now = new Date(),
}: {
  scoopId?: string;
  input: ScoopInput;
  files: PendingFile[];
  now?: Date;
}): Promise<{ ok: true; id: string } | { ok: false; errors: Record<string, string[]> }> {
  const { brandId, userId } = scope;
  const { timeZone } = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { timeZone: true } });
  const existing = scoopId ? await db.scoop.findFirst({ where: { id: scoopId, brandId: brandId }, select: { id: true, publishAt: true } }) : null;
  if (scoopId && !existing) throw new NotFound();
  const times = resolveScoopTimes(input, (v) => zonedInputToUtc(v, timeZone), now, existing?.publishAt);
  const errors: Record<string, string[]> = { ...times.errors };
  for (const f of files) {
    const checked = await checkUpload(f, uploadKind(f));
    if (!checked.ok) (errors[f.field] ??= []).push(checked.error);
  }
  if (Object.keys(errors).length) {
    await discardFiles(files);
    return { ok: false, errors };
  }
  const data = {
    title: input.title,
    body: input.body,
    guidance: input.guidance,
    links: JSON.stringify(parseLinks(input.links).links),
    audienceKind: input.audienceKind,
    audienceValues: JSON.stringify(input.audienceKind === "all" ? [] : input.audienceValues),
    publishAt: times.publishAt,
    embargoUntil: times.embargoUntil,
  };
  const scoop = existing
    ? await db.scoop.update({ where: { id: existing.id }, data, select: { id: true } })
    : await db.scoop.create({ data: { ...data, brandId: brandId, createdById: userId }, select: { id: true } });
  for (const f of files) await storeUpload(f, uploadKind(f), brandId, { scoopId: scoop.id });
  const removable = await db.upload.findMany({ where: { brandId: brandId, scoopId: scoop.id, id: { in: input.removeUploads } }, select: { id: true } });
  await deleteUploads(brandId, removable.map((u) => u.id));
  await scheduleScoopEmails(scoop.id);
  return { ok: true, id: scoop.id };
}

/** Queues the "new scoop" email for the publish time and the "embargo lifted" email for the lift time. */
export async function scheduleScoopEmails(scoopId: string) {
  const s = await db.scoop.findUnique({ where: { id: scoopId }, select: { id: true, publishAt: true, embargoUntil: true } });
  if (!s?.publishAt) return;
  await enqueueJob(SCOOP_NOTIFY_JOB, { scoopId: s.id, kind: "published" }, { runAt: s.publishAt, dedupeKey: `scoop:${s.id}:published:${s.publishAt.getTime()}` });
  if (s.embargoUntil && s.embargoUntil > s.publishAt) {
    await enqueueJob(SCOOP_NOTIFY_JOB, { scoopId: s.id, kind: "lifted" }, { runAt: s.embargoUntil, dedupeKey: `scoop:${s.id}:lifted:${s.embargoUntil.getTime()}` });
  }
}

export async function publishScoopNow(scope: BrandScope, scoopId: string, now = new Date()) {
  const { brandId } = scope;
  const s = await db.scoop.findFirst({ where: { id: scoopId, brandId }, select: { id: true, publishAt: true, embargoUntil: true } });
  if (!s) throw new NotFound();
  if (s.publishAt && s.publishAt <= now) return;
  await db.scoop.update({ where: { id: s.id }, data: { publishAt: now, embargoUntil: s.embargoUntil && s.embargoUntil > now ? s.embargoUntil : null } });
  await scheduleScoopEmails(s.id);
}

export async function deleteScoop(scope: BrandScope, scoopId: string) {
  const { brandId } = scope;
  const s = await db.scoop.findFirst({ where: { id: scoopId, brandId }, select: { id: true, uploads: { select: { id: true } } } });
  if (!s) throw new NotFound();
  await deleteUploads(brandId, s.uploads.map((u) => u.id));
  await db.scoop.delete({ where: { id: s.id } });
}

const SCOOP_SUMMARY = { id: true, title: true, publishAt: true, embargoUntil: true, audienceKind: true, audienceValues: true } satisfies Prisma.ScoopSelect;

/** The brand's scoops, newest first, with reach: audience size, opened, acknowledged. */
export async function listScoops(scope: BrandScope) {
  const { brandId } = scope;
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: TIER_THRESHOLDS_SELECT });
  const scoops = await db.scoop.findMany({
    where: { brandId },
    orderBy: [{ publishAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 200,
    select: SCOOP_SUMMARY,
  });
  const reads = await readCounts(scoops.map((s) => s.id));
  return Promise.all(
    scoops.map(async (s) => {
      const audience = readAudience(s.audienceKind, s.audienceValues);
      const { opened, acknowledged } = reads.get(s.id) ?? { opened: 0, acknowledged: 0 };
      return { id: s.id, title: s.title, publishAt: s.publishAt, embargoUntil: s.embargoUntil, audience, reach: { audience: await audienceSize(brandId, audience, brand), opened, acknowledged } };
    }),
  );
}

/** Per scoop: how many fans were emailed, opened it and acknowledged the embargo (one grouped query). */
async function readCounts(scoopIds: string[]) {
  const rows = await db.scoopRead.groupBy({ by: ["scoopId"], where: { scoopId: { in: scoopIds } }, _count: { notifiedAt: true, openedAt: true, acknowledgedAt: true } });
  return new Map(rows.map((r) => [r.scoopId, { emailed: r._count.notifiedAt, opened: r._count.openedAt, acknowledged: r._count.acknowledgedAt }]));
}

const SCOOP_DETAIL = {
  id: true,
  brandId: true,
  title: true,
  body: true,
  guidance: true,
  links: true,
  audienceKind: true,
  audienceValues: true,
  publishAt: true,
  embargoUntil: true,
  uploads: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, fileName: true, size: true, mimeType: true } },
} satisfies Prisma.ScoopSelect;

function present(s: Prisma.ScoopGetPayload<{ select: typeof SCOOP_DETAIL }>) {
  let links: ScoopLink[] = [];
  try {
    links = JSON.parse(s.links);
  } catch {
    links = [];
  }
  return {
    ...s,
    links,
    html: renderMarkdown(s.body),
    audience: readAudience(s.audienceKind, s.audienceValues),
    images: s.uploads.filter((u) => u.kind === "image"),
    assets: s.uploads.filter((u) => u.kind === "file"),
  };
}

/** One scoop for its brand's staff, with read receipts (who opened and acknowledged, when). */
export async function getScoopForStaff(scope: BrandScope, scoopId: string) {
  const { brandId } = scope;
  const s = await db.scoop.findFirst({ where: { id: scoopId, brandId }, select: SCOOP_DETAIL });
  if (!s) return null;
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: TIER_THRESHOLDS_SELECT });
  const scoop = present(s);
  const [audience, receipts] = await Promise.all([
    audienceSize(brandId, scoop.audience, brand),
    db.scoopRead.findMany({
      where: { scoopId: s.id },
      orderBy: [{ openedAt: { sort: "desc", nulls: "last" } }],
      take: 500,
      select: { notifiedAt: true, openedAt: true, acknowledgedAt: true, ambassador: { select: { id: true, name: true, email: true } } },
    }),
  ]);
  const { emailed, opened, acknowledged } = (await readCounts([s.id])).get(s.id) ?? { emailed: 0, opened: 0, acknowledged: 0 };
  return { scoop, reach: { audience, opened, acknowledged, emailed }, receipts };
}

export const FEED_PAGE_SIZE = 20;

/** Published scoops across the fan's programs that are meant for them, newest first, with unread markers. */
export async function fanScoopFeed(scope: FanScope, page = 1, now = new Date()) {
  const { userId } = scope;
  const memberships = await activeMemberships(userId);
  const byBrand = new Map(memberships.map((m) => [m.brandId, m]));
  const scoops = await db.scoop.findMany({
    where: { brandId: { in: [...byBrand.keys()] }, publishAt: { lte: now } },
    orderBy: [{ publishAt: "desc" }, { id: "asc" }],
    select: { id: true, brandId: true, title: true, publishAt: true, embargoUntil: true, audienceKind: true, audienceValues: true },
  });
  const visible = scoops.filter((s) => {
    const m = byBrand.get(s.brandId)!;
    return matchesAudience(readAudience(s.audienceKind, s.audienceValues), toAudienceMember(m), m.brand);
  });
  const pageItems = visible.slice((page - 1) * FEED_PAGE_SIZE, page * FEED_PAGE_SIZE);
  const reads = await db.scoopRead.findMany({
    where: { scoopId: { in: pageItems.map((s) => s.id) }, ambassadorId: { in: memberships.map((m) => m.id) } },
    select: { scoopId: true, openedAt: true },
  });
  const opened = new Set(reads.filter((r) => r.openedAt).map((r) => r.scoopId));
  const unread = visible.length ? await countUnread(visible.map((s) => s.id), memberships.map((m) => m.id)) : 0;
  return {
    total: visible.length,
    unread,
    pageCount: Math.max(1, Math.ceil(visible.length / FEED_PAGE_SIZE)),
    items: pageItems.map((s) => {
      const brand = byBrand.get(s.brandId)!.brand;
      return { id: s.id, title: s.title, publishAt: s.publishAt!, embargoUntil: s.embargoUntil, state: scoopState(s, now), unread: !opened.has(s.id), brand: { name: brand.name, color: brand.color, timeZone: brand.timeZone } };
    }),
  };
}

async function countUnread(scoopIds: string[], ambassadorIds: string[]) {
  const opened = await db.scoopRead.count({ where: { scoopId: { in: scoopIds }, ambassadorId: { in: ambassadorIds }, openedAt: { not: null } } });
  return scoopIds.length - opened;
}

/** How many scoops the fan has not opened yet (for the home page). */
export async function unreadScoopCount(scope: FanScope, now = new Date()) {
  return (await fanScoopFeed(scope, 1, now)).unread;
}

/**
 * A scoop as one fan may see it, or null when it is not for them (not published, another audience, not an
 * active ambassador of the brand). Under embargo the body is held back until the fan acknowledges.
 */
export async function getScoopForFan(scope: FanScope, scoopId: string, now = new Date()) {
  const { userId } = scope;
  const s = await db.scoop.findFirst({ where: { id: scoopId, publishAt: { lte: now } }, select: SCOOP_DETAIL });
  if (!s) return null;
  const member = (await activeMemberships(userId)).find((m) => m.brandId === s.brandId);
  if (!member) return null;
  const scoop = present(s);
  if (!matchesAudience(scoop.audience, toAudienceMember(member), member.brand)) return null;
  const read = await db.scoopRead.findUnique({ where: { scoopId_ambassadorId: { scoopId: s.id, ambassadorId: member.id } }, select: { acknowledgedAt: true, openedAt: true } });
  const locked = mustAcknowledge(s, read?.acknowledgedAt, now);
  if (!locked && !read?.openedAt) {
    await db.scoopRead.upsert({
      where: { scoopId_ambassadorId: { scoopId: s.id, ambassadorId: member.id } },
      create: { scoopId: s.id, ambassadorId: member.id, openedAt: now },
      update: { openedAt: now },
    });
  }
  const brand = member.brand;
  const base = { id: scoop.id, title: scoop.title, publishAt: scoop.publishAt!, embargoUntil: scoop.embargoUntil, state: scoopState(s, now), guidance: scoop.guidance, brand: { name: brand.name, slug: brand.slug, color: brand.color, timeZone: brand.timeZone, disclosureText: suggestDisclosure("scoop", brand) } };
  if (locked) return { ...base, locked: true as const };
  return { ...base, locked: false as const, html: scoop.html, links: scoop.links, images: scoop.images, assets: scoop.assets, acknowledgedAt: read?.acknowledgedAt ?? null };
}

/** The fan promises to keep an embargoed scoop confidential until it lifts. */
/**
 * A fan's private reply to a scoop ("what do you honestly think?"): it lands on their timeline, where the brand's
 * staff read it. Only someone who can see the scoop (and has opened it, if it is embargoed) can reply.
 */
export async function replyToScoop(scope: FanScope, scoopId: string, body: string, now = new Date()) {
  const { userId } = scope;
  const visible = await getScoopForFan(scope, scoopId, now);
  if (!visible || visible.locked) return false;
  const member = await db.ambassador.findFirst({ where: { userId, status: "active", brand: { scoops: { some: { id: scoopId } } } }, select: { id: true, brandId: true } });
  if (!member) return false;
  await recordTouch({ brandId: member.brandId, ambassadorId: member.id, kind: "message", summary: `Replied to the scoop “${visible.title}”`, body, actorId: userId, at: now });
  return true;
}

export async function acknowledgeScoop(scope: FanScope, scoopId: string, now = new Date()) {
  const { userId } = scope;
  const visible = await getScoopForFan(scope, scoopId, now);
  if (!visible) return false;
  const member = await db.ambassador.findFirst({ where: { userId, brand: { scoops: { some: { id: scoopId } } } }, select: { id: true } });
  if (!member) return false;
  await db.scoopRead.upsert({
    where: { scoopId_ambassadorId: { scoopId, ambassadorId: member.id } },
    create: { scoopId, ambassadorId: member.id, acknowledgedAt: now },
    update: { acknowledgedAt: now },
  });
  return true;
}

/** Whether the user may download a scoop's file: staff of the brand, or a fan who may read the scoop body. */
export async function canReadScoopFiles(userId: string, scoopId: string) {
  const scoop = await getScoopForFan(fanScope({ id: userId }), scoopId);
  return !!scoop && !scoop.locked;
}

/**
 * Emails one batch of the audience about a scoop ("published" when it goes live, "lifted" when the embargo
 * ends), skipping fans who turned program emails off and fans already emailed, then queues the next batch.
 * Runs in the job runner; a scoop that was unpublished or rescheduled since is left alone.
 */
registerJobHandler(SCOOP_NOTIFY_JOB, async ({ scoopId, kind, afterId }: { scoopId: string; kind: "published" | "lifted"; afterId?: string }) => {
  const now = new Date();
  const s = await db.scoop.findUnique({
    where: { id: scoopId },
    select: {
      ...SCOOP_SUMMARY,
      brand: { select: { id: true, name: true, color: true, logoUrl: true, timeZone: true, disclosureText: true, ...TIER_THRESHOLDS_SELECT } },
    },
  });
  if (!s?.publishAt || s.publishAt > now) return;
  if (kind === "lifted" && (!s.embargoUntil || s.embargoUntil > now)) return;
  const stamp = kind === "published" ? "notifiedAt" : "liftNotifiedAt";
  const recipients = await db.ambassador.findMany({
    where: {
      AND: [
        await audienceWhere(s.brand.id, readAudience(s.audienceKind, s.audienceValues), s.brand),
        wantsEmail("scoops"),
        afterId ? { id: { gt: afterId } } : {},
        { NOT: { scoopReads: { some: { scoopId: s.id, [stamp]: { not: null } } } } },
      ],
    },
    orderBy: { id: "asc" },
    take: BATCH,
    select: { id: true, name: true, email: true },
  });
  const url = `${getEnv().APP_URL}/me/scoops/${s.id}`;
  for (const r of recipients) {
    const email = await prepareEmail({
      ...unsubscribeHeaders(r.id, "scoops"),
      to: r.email,
      subject: kind === "published" ? `New scoop from ${s.brand.name}: ${s.title}` : `You can share it now: ${s.title}`,
      template: "scoop",
      brandId: s.brand.id,
      react: ScoopEmail({
        kind,
        brand: s.brand,
        fanName: r.name,
        title: s.title,
        url,
        embargoUntil: kind === "published" && s.embargoUntil && s.embargoUntil > now ? formatDateTime(s.embargoUntil, s.brand.timeZone) : null,
        disclosureText: suggestDisclosure("scoop", s.brand),
      }),
    });
    // Marking the fan as emailed and recording the email (with the job that delivers it) are one transaction:
    // after a crash at any point, each fan has either both or neither, so nobody is emailed twice or missed.
    await db.$transaction(async (tx) => {
      const read = await tx.scoopRead.findUnique({ where: { scoopId_ambassadorId: { scoopId: s.id, ambassadorId: r.id } }, select: { notifiedAt: true, liftNotifiedAt: true } });
      if (read?.[stamp]) return;
      await tx.scoopRead.upsert({
        where: { scoopId_ambassadorId: { scoopId: s.id, ambassadorId: r.id } },
        create: { scoopId: s.id, ambassadorId: r.id, [stamp]: now },
        update: { [stamp]: now },
      });
      await recordEmail(email, { tx, deliverAt: now });
    });
  }
  if (recipients.length === BATCH) {
    const last = recipients[recipients.length - 1].id;
    await enqueueJob(SCOOP_NOTIFY_JOB, { scoopId: s.id, kind, afterId: last }, { dedupeKey: `scoop:${s.id}:${kind}:after:${last}` });
  } else {
    await db.scoop.update({ where: { id: s.id }, data: kind === "published" ? { notifiedAt: now } : { liftNotifiedAt: now } });
  }
});
