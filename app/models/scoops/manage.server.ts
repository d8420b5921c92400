// Staff side of scoops: saving them (with their files and publish and embargo times), publishing now, deleting,
// the list with its read counts, and one scoop with its reach and read receipts.
import type { Prisma } from "#app/generated/prisma/client";
import { db } from "#app/utils/db.server";
import { zonedInputToUtc } from "#app/utils/format";
import { renderMarkdown } from "#app/utils/markdown.server";
import { discardFiles, type PendingFile } from "#app/utils/request-body.server";
import { checkUpload, deleteUploads, storeUpload } from "#app/utils/uploads.server";
import { readAudience } from "../audience";
import { audienceSize } from "../audience.server";
import { TIER_THRESHOLDS_SELECT } from "../tiers";
import { parseLinks, resolveScoopTimes, type ScoopInput, type ScoopLink } from "./rules";
import { NotFound } from "../errors";
import { scoopNotifyJob } from "./notify.server";
import { type BrandScope } from "../scope";

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
  await scoopNotifyJob.enqueue({ scoopId: s.id, kind: "published" }, { runAt: s.publishAt, dedupeKey: `scoop:${s.id}:published:${s.publishAt.getTime()}` });
  if (s.embargoUntil && s.embargoUntil > s.publishAt) {
    await scoopNotifyJob.enqueue({ scoopId: s.id, kind: "lifted" }, { runAt: s.embargoUntil, dedupeKey: `scoop:${s.id}:lifted:${s.embargoUntil.getTime()}` });
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

export const SCOOP_SUMMARY = { id: true, title: true, publishAt: true, embargoUntil: true, audienceKind: true, audienceValues: true } satisfies Prisma.ScoopSelect;

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

export const SCOOP_DETAIL = {
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

export function present(s: Prisma.ScoopGetPayload<{ select: typeof SCOOP_DETAIL }>) {
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
