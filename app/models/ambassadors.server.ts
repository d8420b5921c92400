import { db } from "#app/utils/db.server";
import { TIERS, tierRange, type Tier, type TierThresholds } from "./tiers";

import { AMBASSADOR_STATUSES, type AmbassadorStatus } from "./ambassador";

/** Ambassador counts per tier for one brand, using the brand's own thresholds. */
export async function countByTier(brandId: string, thresholds: TierThresholds, status: AmbassadorStatus = "active") {
  const counts = await Promise.all(
    TIERS.map((tier) => db.ambassador.count({ where: { brandId, status, maxFollowers: tierRange(tier, thresholds) } })),
  );
  return Object.fromEntries(TIERS.map((t, i) => [t, counts[i]])) as Record<Tier, number>;
}

export async function countByStatus(brandId: string) {
  const rows = await db.ambassador.groupBy({ by: ["status"], where: { brandId }, _count: { _all: true } });
  const result = Object.fromEntries(AMBASSADOR_STATUSES.map((s) => [s, 0])) as Record<AmbassadorStatus, number>;
  for (const r of rows) if (r.status in result) result[r.status as AmbassadorStatus] = r._count._all;
  return result;
}

export const PAGE_SIZE = 25;

/** One page of a brand's ambassadors, newest touch first. Keyset-free offset paging is fine at this size. */
export async function listAmbassadors(brandId: string, { page = 1, q = "" }: { page?: number; q?: string }) {
  const where = {
    brandId,
    ...(q
      ? { OR: [{ name: { contains: q } }, { email: { contains: q.toLowerCase() } }, { city: { contains: q } }] }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db.ambassador.count({ where }),
    db.ambassador.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (Math.max(1, page) - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        city: true,
        status: true,
        maxFollowers: true,
        tags: { select: { tag: { select: { name: true } } } },
      },
    }),
  ]);
  return { total, rows, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}
