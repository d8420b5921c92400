// A post's numbers: snapshots from the fan, staff or a public API at day 1, 7 and 30, and the emails that ask the
// fan for numbers or for a disclosure.
import { createElement } from "react";
import PostRequestEmail, { postRequestSubject } from "../../../emails/post-request";
import type { Prisma } from "#app/generated/prisma/client";
import { db } from "#app/utils/db.server";
import { sendEmail } from "#app/utils/email.server";
import { unsubscribeHeaders } from "../unsubscribe.server";
import { getEnv } from "#app/utils/env.server";
import { z } from "zod";
import { defineJob } from "#app/utils/jobs.server";
import { perkTypeOf, suggestDisclosure } from "../disclosure";
import { recordTouch } from "../timeline.server";
import { refreshSignalsOfPost } from "../qualification/refresh.server";
import { NotFound } from "../errors";
import { ambassadorRecordWhere, type BrandScope, type FanScope } from "../scope";

const DAY = 86_400_000;

export type Metrics = { views?: number | null; likes: number; comments: number; shares: number; saves: number };

/** A new snapshot of a post's numbers; the post keeps the latest for the dashboard. */
export async function recordMetrics(postId: string, m: Metrics, source: "fan" | "staff" | "bluesky" | "youtube", at = new Date()) {
  await db.$transaction([
    db.postMetric.create({ data: { postId, views: m.views ?? null, likes: m.likes, comments: m.comments, shares: m.shares, saves: m.saves, source, recordedAt: at } }),
    db.post.update({ where: { id: postId }, data: { views: m.views ?? null, likes: m.likes, comments: m.comments, shares: m.shares, saves: m.saves } }),
  ]);
  await refreshSignalsOfPost(postId);
}

// ---------------------------------------------------------------------------------------------------------
// Fresh numbers at day 1, 7 and 30: fetched where a public API allows it, otherwise the fan is asked (once).
// ---------------------------------------------------------------------------------------------------------

export const METRIC_DAYS = [1, 7, 30];

export async function scheduleMetricReads(postId: string, postedAt: Date, tx?: Prisma.TransactionClient) {
  for (const d of METRIC_DAYS) {
    const runAt = new Date(Math.max(postedAt.getTime() + d * DAY, Date.now()));
    await postMetricsJob.enqueue({ postId, day: d }, { tx, runAt, dedupeKey: `post:${postId}:metrics:${d}` });
  }
}

/** Public numbers for Bluesky (no key needed) and YouTube (with YOUTUBE_API_KEY); null when not available. */
export async function fetchPublicMetrics(platform: string, externalId: string): Promise<Metrics | null> {
  if (platform === "bluesky") {
    const [handle, rkey] = externalId.split("/");
    const resolved = await fetch(`https://public.api.bsky.app/xrpc/com.atproto.identity.resolveHandle?handle=${encodeURIComponent(handle)}`);
    if (!resolved.ok) return null;
    const { did } = (await resolved.json()) as { did?: string };
    if (!did) return null;
    const res = await fetch(`https://public.api.bsky.app/xrpc/app.bsky.feed.getPosts?uris=${encodeURIComponent(`at://${did}/app.bsky.feed.post/${rkey}`)}`);
    if (!res.ok) return null;
    const body = (await res.json()) as { posts?: { likeCount?: number; replyCount?: number; repostCount?: number; quoteCount?: number }[] };
    const p = body.posts?.[0];
    if (!p) return null;
    return { views: null, likes: p.likeCount ?? 0, comments: p.replyCount ?? 0, shares: (p.repostCount ?? 0) + (p.quoteCount ?? 0), saves: 0 };
  }
  const key = getEnv().YOUTUBE_API_KEY;
  if (platform === "youtube" && key) {
    const res = await fetch(`https://www.googleapis.com/youtube/v3/videos?part=statistics&id=${encodeURIComponent(externalId)}&key=${encodeURIComponent(key)}`);
    if (!res.ok) return null;
    const body = (await res.json()) as { items?: { statistics?: { viewCount?: string; likeCount?: string; commentCount?: string } }[] };
    const s = body.items?.[0]?.statistics;
    if (!s) return null;
    return { views: Number(s.viewCount ?? 0), likes: Number(s.likeCount ?? 0), comments: Number(s.commentCount ?? 0), shares: 0, saves: 0 };
  }
  return null;
}

/** Reads fresh numbers now (public APIs) or asks the fan for them; returns what happened. */
export async function refreshMetrics(postId: string): Promise<"fetched" | "asked" | "skipped"> {
  const post = await db.post.findUnique({ where: { id: postId }, select: { id: true, platform: true, externalId: true, status: true } });
  if (!post || post.status === "hidden") return "skipped";
  const fetched = await fetchPublicMetrics(post.platform, post.externalId).catch(() => null);
  if (fetched) {
    await recordMetrics(post.id, fetched, post.platform === "bluesky" ? "bluesky" : "youtube");
    return "fetched";
  }
  await askFan(post.id, "numbers");
  return "asked";
}

export const postMetricsJob = defineJob("post.metrics", z.object({ postId: z.string(), day: z.number().int() }), async ({ postId }) => {
  await refreshMetrics(postId);
});

async function askFan(postId: string, kind: "disclosure" | "numbers") {
  const post = await db.post.findUniqueOrThrow({
    where: { id: postId },
    select: { url: true, seedingRequestId: true, eventId: true, scoopId: true, brand: { select: { id: true, name: true, color: true, logoUrl: true, disclosureText: true } }, ambassador: { select: { id: true, name: true, email: true, emailOptIn: true } } },
  });
  if (kind === "numbers" && !post.ambassador.emailOptIn) return;
  const props = { kind, brand: post.brand, fanName: post.ambassador.name.split(" ")[0] || post.ambassador.name, postUrl: post.url, url: `${getEnv().APP_URL}/me/posts`, disclosureText: suggestDisclosure(perkTypeOf(post), post.brand) };
  // Asking for numbers is program email (one-click unsubscribe from all of it); a disclosure request is about the
  // fan's own post and the law, and always arrives.
  const unsubscribe = kind === "numbers" ? unsubscribeHeaders(post.ambassador.id, "all") : {};
  await sendEmail({ to: post.ambassador.email, brandId: post.brand.id, template: "post-request", subject: postRequestSubject(props), react: createElement(PostRequestEmail, props), ...unsubscribe });
}

/** One click: a friendly email asking the fan to add a disclosure at the start of the caption. */
export async function requestDisclosure(scope: BrandScope, postId: string, actorId: string) {
  const { brandId } = scope;
  const post = await db.post.findFirst({ where: { id: postId, brandId }, select: { id: true, ambassadorId: true } });
  if (!post) throw new NotFound();
  await askFan(post.id, "disclosure");
  await db.post.update({ where: { id: post.id }, data: { disclosureRequestedAt: new Date() } });
  await recordTouch({ brandId, ambassadorId: post.ambassadorId, kind: "post", summary: "Asked to add a disclosure to a post", actorId });
}

/** Numbers a fan reads off one of their own posts. */
export async function recordFanMetrics(fan: FanScope, postId: string, m: Metrics) {
  const post = await db.post.findFirst({ where: { id: postId, ...ambassadorRecordWhere(fan) }, select: { id: true } });
  if (!post) throw new NotFound();
  await recordMetrics(post.id, m, "fan");
}
