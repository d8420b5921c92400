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

/** Recomputes the stored signals of these ambassadors. */
export async function refreshSignals(ambassadorIds: string[], now = new Date(), client: Client = db) {
  if (!ambassadorIds.length) return;
  const rows = await client.ambassador.findMany({
    where: { id: { in: ambassadorIds } },
    select: {
      id: true,
      socialAccounts: { orderBy: [{ followers: "desc" }, { id: "asc" }], take: 1, select: { followers: true, snapshots: { where: { recordedAt: { lte: now } }, orderBy: { recordedAt: "desc" }, take: 60, select: { followers: true, recordedAt: true } } } },
      posts: {
        where: { status: { not: "hidden" } },
        orderBy: { postedAt: "desc" },
        take: 100,
        select: { caption: true, postedAt: true, likes: true, comments: true, shares: true, saves: true, views: true, followersAtPost: true, _count: { select: { metrics: true } } },
      },
    },
  });
  for (const a of rows) {
    const top = a.socialAccounts[0];
    const data = {
      growth90: top ? growth(top.followers, top.snapshots, now)[1].change : null,
      engagementMedian: engagement(a.posts.map((p) => ({ ...p, snapshots: p._count.metrics }))).byFollowers,
      saturation: brandedSaturation(a.posts, now).share,
      signalsAt: now,
    };
    await client.ambassador.update({ where: { id: a.id }, data });
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
