// The qualification signals the directory filters on, kept on each ambassador: growth over 90 days, median engagement
// by followers, branded-content saturation (the same functions as the fit panel, so both always agree). Refreshed for
// one fan when their posts or follower counts change, and for every fan once a day (the windows move with time);
// the daily run also keeps each brand's median engagement per tier ("above the median for their tier").
import type { Prisma } from "#app/generated/prisma/client";
import { db } from "#app/utils/db.server";
import { defineDailyJob } from "#app/utils/jobs.server";
import { TIERS, TIER_THRESHOLDS_SELECT, tierFor, type Tier } from "../tiers";
import { brandedSaturation, engagement, growth, median } from "./signals";

type Client = Prisma.TransactionClient | typeof db;
const BATCH = 500;

const DAY = 86_400_000;

/**
 * What the content and growth signals are computed from, for the fit panel and the stored copies alike: the largest
 * account with its follower history (800 days reach past the 365-day window), and the fan's last 100 posts shown.
 */
export function signalRows(now: Date) {
  return {
    socialAccounts: {
      orderBy: [{ followers: "desc" }, { id: "asc" }],
      take: 1,
      select: { platform: true, handle: true, followers: true, snapshots: { where: { recordedAt: { gte: new Date(now.getTime() - 800 * DAY), lte: now } }, orderBy: { recordedAt: "asc" }, select: { followers: true, recordedAt: true } } },
    },
    posts: {
      where: { status: { not: "hidden" } },
      orderBy: { postedAt: "desc" },
      take: 100,
      select: { caption: true, postedAt: true, likes: true, comments: true, shares: true, saves: true, views: true, followersAtPost: true, qualityRating: true, _count: { select: { metrics: true } } },
    },
  } satisfies Prisma.AmbassadorSelect;
}

type SignalRows = Prisma.AmbassadorGetPayload<{ select: ReturnType<typeof signalRows> }>;

/** Growth, engagement and saturation from those rows (null growth when the fan has no social account). */
export function contentSignals(rows: SignalRows, now: Date) {
  const top = rows.socialAccounts[0] ?? null;
  return {
    top,
    growth: top ? growth(top.followers, top.snapshots, now) : null,
    engagement: engagement(rows.posts.map((p) => ({ ...p, snapshots: p._count.metrics }))),
    saturation: brandedSaturation(rows.posts, now),
  };
}

/** Recomputes the stored signals of these ambassadors (read 500 at a time). */
export async function refreshSignals(ambassadorIds: string[], now = new Date(), client: Client = db) {
  for (let from = 0; from < ambassadorIds.length; from += BATCH) {
    const rows = await client.ambassador.findMany({ where: { id: { in: ambassadorIds.slice(from, from + BATCH) } }, select: { id: true, ...signalRows(now) } });
    for (const a of rows) {
      const signals = contentSignals(a, now);
      const data = { growth90: signals.growth?.[1].change ?? null, engagementMedian: signals.engagement.byFollowers, saturation: signals.saturation.share, signalsAt: now };
      await client.ambassador.update({ where: { id: a.id }, data });
    }
  }
}

/** After a post's numbers, caption or review changed: its author's signals. */
export async function refreshSignalsOfPost(postId: string) {
  const post = await db.post.findUnique({ where: { id: postId }, select: { ambassadorId: true } });
  if (post) await refreshSignals([post.ambassadorId]);
}

/** The median of the active ambassadors' engagement medians, per tier (tiers without any are left out). */
export async function tierEngagementMedians(brandId: string, client: Client = db) {
  const brand = await client.brand.findUniqueOrThrow({ where: { id: brandId }, select: TIER_THRESHOLDS_SELECT });
  const rows = await client.ambassador.findMany({ where: { brandId, status: "active", engagementMedian: { not: null } }, select: { maxFollowers: true, engagementMedian: true } });
  const byTier = new Map<Tier, number[]>();
  for (const r of rows) {
    const t = tierFor(r.maxFollowers, brand);
    byTier.set(t, [...(byTier.get(t) ?? []), r.engagementMedian!]);
  }
  const medians: Partial<Record<Tier, number>> = {};
  for (const t of TIERS) {
    const m = median(byTier.get(t) ?? []);
    if (m !== null) medians[t] = m;
  }
  return medians;
}

/** Every ambassador of the brand, in batches, then the brand's medians per tier. */
export async function refreshBrandSignals(brandId: string, now = new Date()) {
  let after: string | undefined;
  for (;;) {
    const ids = (await db.ambassador.findMany({ where: { brandId, ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: "asc" }, take: BATCH, select: { id: true } })).map((a) => a.id);
    if (!ids.length) break;
    await refreshSignals(ids, now);
    after = ids.at(-1);
  }
  await db.brand.update({ where: { id: brandId }, data: { tierEngagementMedians: JSON.stringify(await tierEngagementMedians(brandId)) } });
}

export const refreshSignalsJob = defineDailyJob("qualification.refresh", async () => {
  for (const b of await db.brand.findMany({ select: { id: true } })) await refreshBrandSignals(b.id);
});
