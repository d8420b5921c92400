// Milestones staff should hear about: a fan crossing into a higher tier ("Noor is now micro") or growing fast
// (+20 % in 30 days on their largest account). Recorded on the fan's timeline as a "milestone" when a follower count
// changes; the overview lists the recent ones.
import type { Prisma } from "#app/generated/prisma/client";
import { db } from "#app/utils/db.server";
import { recordTouch } from "../timeline.server";
import { TIERS, TIER_THRESHOLDS_SELECT, tierFor } from "../tiers";
import { type BrandScope } from "../scope";
import { growth } from "./signals";
import { refreshSignals } from "./refresh.server";

/** Growing fast: at least this follower change over 30 days. */
export const FAST_GROWTH = 0.2;
const DAY = 86_400_000;

/**
 * After a fan's follower counts changed (in one membership): refreshes their stored signals, records a tier crossed
 * upwards and, once per 30 days, fast growth. `before` is the largest follower count before the change (0: none known).
 */
export async function afterFollowerChange(tx: Prisma.TransactionClient, ambassadorId: string, before: number, now = new Date()) {
  await refreshSignals([ambassadorId], now, tx);
  const a = await tx.ambassador.findUniqueOrThrow({
    where: { id: ambassadorId },
    select: {
      brandId: true,
      name: true,
      maxFollowers: true,
      brand: { select: TIER_THRESHOLDS_SELECT },
      socialAccounts: { orderBy: { followers: "desc" }, take: 1, select: { platform: true, followers: true, snapshots: { where: { recordedAt: { gte: new Date(now.getTime() - 400 * DAY) } }, select: { followers: true, recordedAt: true } } } },
    },
  });
  const from = tierFor(before, a.brand);
  const to = tierFor(a.maxFollowers, a.brand);
  const first = a.name.split(" ")[0] || a.name;
  // A first count (no followers known before) is where they start, not a crossing.
  if (before > 0 && TIERS.indexOf(to) > TIERS.indexOf(from)) {
    await recordTouch({ brandId: a.brandId, ambassadorId, kind: "milestone", summary: `${first} is now ${to}`, body: `${before.toLocaleString("en")} → ${a.maxFollowers.toLocaleString("en")} followers`, at: now }, tx);
  }
  const top = a.socialAccounts[0];
  const month = top ? growth(top.followers, top.snapshots, now)[0] : null;
  if (month?.change != null && month.change >= FAST_GROWTH) {
    const recent = await tx.timelineEvent.count({ where: { ambassadorId, kind: "milestone", summary: { startsWith: `${first} is growing fast` }, createdAt: { gte: new Date(now.getTime() - 30 * DAY) } } });
    if (!recent) {
      await recordTouch({ brandId: a.brandId, ambassadorId, kind: "milestone", summary: `${first} is growing fast: +${Math.round(month.change * 100)} % in 30 days`, body: `${top!.platform}: ${month.from!.toLocaleString("en")} → ${top!.followers.toLocaleString("en")} followers`, at: now }, tx);
    }
  }
}

/** The brand's milestones of the last 30 days, newest first, for the overview. */
export async function recentMilestones(scope: BrandScope, now = new Date()) {
  return db.timelineEvent.findMany({
    where: { brandId: scope.brandId, kind: "milestone", createdAt: { gte: new Date(now.getTime() - 30 * DAY) } },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { id: true, summary: true, body: true, createdAt: true, ambassadorId: true },
  });
}
