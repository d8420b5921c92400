// Adding posts (a fan's or staff's form, a CSV of them): what each post followed, and the disclosure and embargo
// checks, run again when the caption or the attribution changes.
import type { Prisma } from "#app/generated/prisma/client";
import { db } from "#app/utils/db.server";
import { isTimeZone, zonedInputToUtc } from "#app/utils/format";
import type { PendingFile } from "#app/utils/request-body.server";
import { checkUpload, deleteUploads, storeUpload } from "#app/utils/uploads.server";
import { checkDisclosure, type PerkType } from "../disclosure";
import { recognizePostUrl } from "../post-url";
import { metricsFrom, pickAttribution, postedAtProblem, type PostInput } from "./rules";
import { TIER_THRESHOLDS_SELECT, tierFor } from "../tiers";
import { recordTouch } from "../timeline.server";
import { refreshSignals, refreshSignalsOfPost } from "../qualification/refresh.server";
import { NotFound } from "../errors";
import { ambassadorRecordWhere, type BrandScope, type FanScope } from "../scope";
import { Metrics, scheduleMetricReads } from "./metrics.server";

const DAY = 86_400_000;

export type Attribution = { type: "scoop" | "event" | "seeding"; id: string; label: string; at: Date; names?: string[] };

/**
 * The perks a post may have followed, most recent first: seeded product shipped or delivered in the last 60 days,
 * an event attended in the last 14, a scoop opened in the last 30. Staff choose among them; pickAttribution makes
 * the automatic choice.
 */
export async function perkCandidates(brandId: string, ambassadorId: string, before: Date): Promise<Attribution[]> {
  const [requests, rsvps, reads] = await Promise.all([
    db.seedingRequest.findMany({
      where: { brandId, ambassadorId, status: { in: ["shipped", "delivered", "settled"] }, shippedAt: { lte: before, gte: new Date(before.getTime() - 60 * DAY) } },
      select: { id: true, shippedAt: true, deliveredAt: true, campaign: { select: { name: true } }, variant: { select: { product: { select: { name: true } } } } },
    }),
    db.rsvp.findMany({
      where: { brandId, ambassadorId, checkedInAt: { not: null }, event: { startsAt: { lte: before, gte: new Date(before.getTime() - 14 * DAY) } } },
      select: { eventId: true, event: { select: { title: true, startsAt: true } } },
    }),
    db.scoopRead.findMany({
      where: { ambassadorId, openedAt: { lte: before, gte: new Date(before.getTime() - 30 * DAY) }, scoop: { brandId } },
      select: { scoopId: true, openedAt: true, scoop: { select: { title: true } } },
    }),
  ]);
  const list: Attribution[] = [
    ...requests.map((r) => ({ type: "seeding" as const, id: r.id, label: `Seeded: ${r.variant.product.name}`, at: r.deliveredAt ?? r.shippedAt!, names: [r.variant.product.name, r.campaign.name] })),
    ...rsvps.map((r) => ({ type: "event" as const, id: r.eventId, label: `Event: ${r.event.title}`, at: r.event.startsAt })),
    ...reads.map((r) => ({ type: "scoop" as const, id: r.scoopId, label: `Scoop: ${r.scoop.title}`, at: r.openedAt! })),
  ];
  return list.sort((a, b) => b.at.getTime() - a.at.getTime());
}

async function flagsFor(brandId: string, caption: string, attribution: { scoopId?: string | null; eventId?: string | null; seedingRequestId?: string | null }, postedAt: Date) {
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { name: true, disclosureText: true } });
  const aboutPerk = !!(attribution.scoopId || attribution.eventId || attribution.seedingRequestId);
  const disclosureFlag = aboutPerk && !checkDisclosure(caption, brand).ok;
  let embargoFlag = false;
  if (attribution.scoopId) {
    const scoop = await db.scoop.findFirst({ where: { id: attribution.scoopId, brandId }, select: { embargoUntil: true } });
    embargoFlag = !!scoop?.embargoUntil && postedAt < scoop.embargoUntil;
  }
  return { disclosureFlag, embargoFlag };
}

function attributionFields(a: Attribution | null) {
  return { scoopId: a?.type === "scoop" ? a.id : null, eventId: a?.type === "event" ? a.id : null, seedingRequestId: a?.type === "seeding" ? a.id : null };
}

export type SubmitPostInput = {
  brandId: string;
  ambassadorId: string;
  actorId: string | null;
  url: string;
  caption: string;
  postedAt: Date;
  kind?: "post" | "story";
  followersAtPost?: number | null;
  metrics?: Metrics | null;
  screenshotUploadId?: string | null;
  /** who added it: the fan, staff, or a connected account that found it (then foundVia names the source) */
  source: "fan" | "staff" | "found";
  foundVia?: string;
  /**
   * Bulk callers (a CSV of posts, a read of a connected account) collect the authors here and refresh each one's
   * signals once at the end, instead of once per post.
   */
  authors?: Set<string>;
};

export type SubmitPostResult = { ok: true; id: string; disclosureFlag: boolean; embargoFlag: boolean; perk: PerkType | null } | { ok: false; field: string; error: string; duplicateOf?: string };

/**
 * Records a post: the platform and id come from the link (a second submission of the same post is refused as a
 * duplicate), the tier and followers are kept as they were when it went up, the most likely perk is attached,
 * and the disclosure and embargo checks run on the caption.
 */
export async function submitPost(input: SubmitPostInput): Promise<SubmitPostResult> {
  const recognized = recognizePostUrl(input.url);
  if ("error" in recognized) return { ok: false, field: "url", error: recognized.error };
  const kind = input.kind ?? recognized.kind;
  const duplicate = await db.post.findUnique({ where: { brandId_platform_externalId: { brandId: input.brandId, platform: recognized.platform, externalId: recognized.externalId } }, select: { id: true } });
  if (duplicate) return { ok: false, field: "url", error: "This post was already submitted.", duplicateOf: duplicate.id };
  const ambassador = await db.ambassador.findFirstOrThrow({
    where: { id: input.ambassadorId, brandId: input.brandId },
    select: { id: true, maxFollowers: true, socialAccounts: { select: { platform: true, followers: true } }, brand: { select: TIER_THRESHOLDS_SELECT } },
  });
  const onPlatform = ambassador.socialAccounts.filter((a) => a.platform === recognized.platform).map((a) => a.followers);
  const followersAtPost = input.followersAtPost ?? (onPlatform.length ? Math.max(...onPlatform) : ambassador.maxFollowers);
  // Posting times are typed to the minute, so a perk from the same minute still counts as before the post.
  const attribution = pickAttribution(await perkCandidates(input.brandId, ambassador.id, new Date(input.postedAt.getTime() + 60_000)), input.caption);
  const links = attributionFields(attribution ?? null);
  const flags = await flagsFor(input.brandId, input.caption, links, input.postedAt);
  const campaignId = links.seedingRequestId ? (await db.seedingRequest.findUnique({ where: { id: links.seedingRequestId }, select: { campaignId: true } }))?.campaignId : null;
  const m = input.metrics;
  const post = await db.$transaction(async (tx) => {
    // The same post sent twice at once: the second one finds the first here (inside the write lock).
    if (await tx.post.findUnique({ where: { brandId_platform_externalId: { brandId: input.brandId, platform: recognized.platform, externalId: recognized.externalId } }, select: { id: true } })) return null;
    const created = await tx.post.create({
      data: {
        brandId: input.brandId,
        ambassadorId: ambassador.id,
        url: recognized.url,
        platform: recognized.platform,
        externalId: recognized.externalId,
        kind,
        caption: input.caption,
        screenshotUploadId: input.screenshotUploadId ?? null,
        postedAt: input.postedAt,
        day: input.postedAt.toISOString().slice(0, 10),
        tier: tierFor(followersAtPost, ambassador.brand),
        followersAtPost,
        ...(m ? { views: m.views ?? null, likes: m.likes, comments: m.comments, shares: m.shares, saves: m.saves } : {}),
        ...flags,
        ...links,
        campaignId: campaignId ?? null,
        submittedById: input.actorId,
        foundVia: input.source === "found" ? (input.foundVia ?? "found") : null,
        ...(m ? { metrics: { create: { views: m.views ?? null, likes: m.likes, comments: m.comments, shares: m.shares, saves: m.saves, source: input.source } } } : {}),
      },
      select: { id: true },
    });
    if (links.seedingRequestId) await settleAsPosted(tx, links.seedingRequestId);
    await recordTouch({ brandId: input.brandId, ambassadorId: ambassador.id, kind: "post", summary: `${input.source === "found" ? "Found posting" : "Posted"} on ${recognized.platform}${attribution ? ` (${attribution.label})` : ""}`, body: recognized.url, actorId: input.actorId }, tx);
    // The reads at day 1, 7 and 30 are committed with the post: a saved post always has them.
    await scheduleMetricReads(created.id, input.postedAt, tx);
    return created;
  });
  if (!post) return { ok: false, field: "url", error: "This post was already submitted." };
  if (input.authors) input.authors.add(ambassador.id);
  else await refreshSignals([ambassador.id]);
  return { ok: true, id: post.id, ...flags, perk: attribution?.type ?? null };
}

/**
 * A post about seeded product settles its request as "posted" — unless the fan already chose honest feedback, which
 * stays their outcome (the post still counts for the campaign).
 */
async function settleAsPosted(tx: Prisma.TransactionClient, requestId: string) {
  await tx.seedingRequest.updateMany({ where: { id: requestId, OR: [{ outcome: null }, { outcome: { not: "feedback" } }] }, data: { outcome: "posted", status: "settled", settledAt: new Date() } });
}

/** Staff change what a post followed; the checks run again. */
export async function setAttribution(scope: BrandScope, postId: string, value: string) {
  const { brandId } = scope;
  const post = await db.post.findFirst({ where: { id: postId, brandId }, select: { id: true, caption: true, postedAt: true, ambassadorId: true } });
  if (!post) throw new NotFound();
  const [type, id] = value.split(":");
  const candidates = await perkCandidates(brandId, post.ambassadorId, new Date(post.postedAt.getTime() + DAY));
  const chosen = type === "none" ? null : (candidates.find((c) => c.type === type && c.id === id) ?? null);
  if (type !== "none" && !chosen) return false;
  const links = attributionFields(chosen);
  const campaignId = links.seedingRequestId ? (await db.seedingRequest.findUnique({ where: { id: links.seedingRequestId }, select: { campaignId: true } }))?.campaignId : null;
  const flags = await flagsFor(brandId, post.caption, links, post.postedAt);
  await db.$transaction(async (tx) => {
    await tx.post.update({ where: { id: post.id }, data: { ...links, campaignId: campaignId ?? null, ...flags } });
    if (links.seedingRequestId) await settleAsPosted(tx, links.seedingRequestId);
  });
  return true;
}

/** The fan edited the caption of one of their posts: the checks run again. */
export async function updateCaption(fan: FanScope, postId: string, caption: string) {
  const post = await db.post.findFirst({ where: { id: postId, ...ambassadorRecordWhere(fan) }, select: { id: true, brandId: true, postedAt: true, scoopId: true, eventId: true, seedingRequestId: true } });
  if (!post) throw new NotFound();
  await db.post.update({ where: { id: post.id }, data: { caption, ...(await flagsFor(post.brandId, caption, post, post.postedAt)) } });
  await refreshSignalsOfPost(post.id);
}

/**
 * The post form (fans and staff alike): validated input with the posting time read in the brand's zone, an
 * optional story screenshot (required for stories), then submitPost.
 */
export async function submitPostForm(args: {
  brand: { id: string; timeZone: string };
  ambassadorId: string;
  actorId: string;
  source: "fan" | "staff";
  input: PostInput;
  screenshot: PendingFile | undefined;
}): Promise<SubmitPostResult> {
  const { brand, input } = args;
  const postedAt = zonedInputToUtc(input.postedAt, isTimeZone(input.timeZone) ? input.timeZone : brand.timeZone);
  if (!postedAt) return { ok: false, field: "postedAt", error: "Enter when it went up." };
  const dateProblem = postedAtProblem(postedAt);
  if (dateProblem) return { ok: false, field: "postedAt", error: dateProblem };
  if (input.kind === "story" && !args.screenshot) return { ok: false, field: "screenshot", error: "Stories disappear after a day: add a screenshot." };
  if (args.screenshot) {
    const checked = await checkUpload(args.screenshot, "image");
    if (!checked.ok) return { ok: false, field: "screenshot", error: checked.error };
  }
  const recognized = recognizePostUrl(input.url);
  if ("error" in recognized) return { ok: false, field: "url", error: recognized.error };
  let screenshotUploadId: string | null = null;
  if (args.screenshot) {
    const stored = await storeUpload(args.screenshot, "image", brand.id);
    if (stored.ok) screenshotUploadId = stored.id;
  }
  const result = await submitPost({
    brandId: brand.id,
    ambassadorId: args.ambassadorId,
    actorId: args.actorId,
    url: input.url,
    caption: input.caption,
    postedAt,
    kind: input.kind,
    followersAtPost: input.followersAtPost ?? null,
    metrics: metricsFrom(input),
    screenshotUploadId,
    source: args.source,
  });
  if (!result.ok && screenshotUploadId) await deleteUploads(brand.id, [screenshotUploadId]);
  return result;
}

/**
 * A CSV of posts (columns: email, url, caption, posted_at, views, likes, comments, shares, saves). Good rows are
 * added; each bad row is reported with its line and reason.
 */
export async function importPostsCsv(brand: { id: string; timeZone: string }, actorId: string, records: string[][]) {
  const [header = [], ...rows] = records;
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase().replace(/[\s-]+/g, "_") === name);
  const c = { email: col("email"), url: col("url"), caption: col("caption"), postedAt: col("posted_at"), views: col("views"), likes: col("likes"), comments: col("comments"), shares: col("shares"), saves: col("saves") };
  if (c.email < 0 || c.url < 0) return { ok: false as const, error: "The file needs at least an “email” and a “url” column." };
  const report: { line: number; ok: boolean; message: string }[] = [];
  const authors = new Set<string>();
  for (const [i, r] of rows.entries()) {
    const line = i + 2;
    const get = (k: keyof typeof c) => (c[k] >= 0 ? (r[c[k]] ?? "").trim() : "");
    if (r.every((v) => !v.trim())) continue;
    const email = get("email").toLowerCase();
    const ambassador = email ? await db.ambassador.findUnique({ where: { brandId_email: { brandId: brand.id, email } }, select: { id: true } }) : null;
    if (!ambassador) {
      report.push({ line, ok: false, message: `No ambassador with the email “${email}”.` });
      continue;
    }
    const rawDate = get("postedAt");
    const postedAt = rawDate ? (/^\d{4}-\d{2}-\d{2}$/.test(rawDate) ? zonedInputToUtc(`${rawDate}T12:00`, brand.timeZone) : Number.isNaN(Date.parse(rawDate)) ? null : new Date(rawDate)) : new Date();
    if (!postedAt) {
      report.push({ line, ok: false, message: `“${rawDate}” is not a date (use 2026-11-25).` });
      continue;
    }
    const dateProblem = postedAtProblem(postedAt);
    if (dateProblem) {
      report.push({ line, ok: false, message: `“${rawDate}”: ${dateProblem}` });
      continue;
    }
    const numbers = (["views", "likes", "comments", "shares", "saves"] as const).map((k) => [k, get(k)] as const);
    const bad = numbers.find(([, v]) => v !== "" && !/^\d+$/.test(v.replace(/[,\s]/g, "")));
    if (bad) {
      report.push({ line, ok: false, message: `${bad[0]} must be a whole number (got “${bad[1]}”).` });
      continue;
    }
    const n = Object.fromEntries(numbers.map(([k, v]) => [k, v === "" ? undefined : Number(v.replace(/[,\s]/g, ""))])) as { views?: number; likes?: number; comments?: number; shares?: number; saves?: number };
    const result = await submitPost({ brandId: brand.id, ambassadorId: ambassador.id, actorId, url: get("url"), caption: get("caption"), postedAt, metrics: metricsFrom(n), source: "staff", authors });
    report.push(result.ok ? { line, ok: true, message: "Added." } : { line, ok: false, message: result.error });
  }
  await refreshSignals([...authors]);
  return { ok: true as const, report };
}
