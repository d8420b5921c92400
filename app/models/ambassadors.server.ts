import type { Prisma } from "#app/generated/prisma/client";
import { containsText, db } from "#app/utils/db.server";
import { brandCities, citySpellings } from "./cities.server";
import { TIERS, tierRange, type Tier, type TierThresholds } from "./tiers";

import { AMBASSADOR_STATUSES, DEFAULT_SORT, type AmbassadorStatus, type Sort } from "./ambassadors";
import type { BrandScope } from "./scope";

/** Ambassador counts per tier for one brand, using the brand's own thresholds. */
export async function countByTier(scope: BrandScope, thresholds: TierThresholds, status: AmbassadorStatus = "active") {
  const { brandId } = scope;
  const counts = await Promise.all(
    TIERS.map((tier) => db.ambassador.count({ where: { brandId, status, maxFollowers: tierRange(tier, thresholds) } })),
  );
  return Object.fromEntries(TIERS.map((t, i) => [t, counts[i]])) as Record<Tier, number>;
}

export async function countByStatus(scope: BrandScope) {
  const { brandId } = scope;
  const rows = await db.ambassador.groupBy({ by: ["status"], where: { brandId }, _count: { _all: true } });
  const result = Object.fromEntries(AMBASSADOR_STATUSES.map((s) => [s, 0])) as Record<AmbassadorStatus, number>;
  for (const r of rows) if (r.status in result) result[r.status as AmbassadorStatus] = r._count._all;
  return result;
}

export const PAGE_SIZE = 25;


export type DirectoryFilter = {
  platform?: string;
  joined?: string;
  touched?: string;
  q?: string;
  status?: AmbassadorStatus;
  tier?: Tier;
  tag?: string;
  city?: string;
  quiet?: boolean;
  sort?: Sort;
  page?: number;
};

type Context = { thresholds: TierThresholds; quietAfterDays: number };

/** The Prisma filter for the directory; every condition is scoped to the brand. */
export async function directoryWhere(brandId: string, f: DirectoryFilter, ctx: Context): Promise<Prisma.AmbassadorWhereInput> {
  const and: Prisma.AmbassadorWhereInput[] = [{ brandId }];
  if (f.q) and.push({ OR: [{ name: containsText(f.q) }, { email: containsText(f.q.toLowerCase()) }, { city: containsText(f.q) }, { socialAccounts: { some: { handle: containsText(f.q.replace(/^@/, "")) } } }] });
  if (f.status) and.push({ status: f.status });
  if (f.tier) and.push({ maxFollowers: tierRange(f.tier, ctx.thresholds) });
  if (f.tag) and.push({ tags: { some: { tag: { name: f.tag } } } });
  // Every spelling of the city: "Montreal" also finds "Montréal" and "montreal".
  if (f.city) and.push({ city: { in: await citySpellings(brandId, [f.city]) } });
  if (f.quiet) and.push({ lastTouchAt: { lt: new Date(Date.now() - ctx.quietAfterDays * 86_400_000) } });
  if (f.platform) and.push({ socialAccounts: { some: { platform: f.platform } } });
  if (f.joined) and.push({ joinedAt: { gte: new Date(Date.now() - Number(f.joined) * 86_400_000) } });
  if (f.touched) and.push({ lastTouchAt: { gte: new Date(Date.now() - Number(f.touched) * 86_400_000) } });
  return { AND: and };
}

/** Each order of the directory: one column and its direction, then the id (so pages and the export never tie). */
const SORT_KEYS = {
  name: ["name", "asc"],
  followers: ["maxFollowers", "desc"],
  recent: ["createdAt", "desc"],
  touch: ["lastTouchAt", "asc"],
} as const satisfies Record<Sort, readonly [string, "asc" | "desc"]>;

function orderFor(sort: Sort): Prisma.AmbassadorOrderByWithRelationInput[] {
  const [field, dir] = SORT_KEYS[sort];
  return [{ [field]: dir }, { id: "asc" }];
}

/** Rows after this one in the sort's order (keyset paging). */
function afterRow(sort: Sort, row: Record<string, unknown> & { id: string }): Prisma.AmbassadorWhereInput {
  const [field, dir] = SORT_KEYS[sort];
  return { OR: [{ [field]: { [dir === "asc" ? "gt" : "lt"]: row[field] } }, { [field]: row[field], id: { gt: row.id } }] };
}

/** One page of the brand's directory with the filters applied. */
export async function listAmbassadors(scope: BrandScope, f: DirectoryFilter, ctx: Context) {
  const { brandId } = scope;
  const where = await directoryWhere(brandId, f, ctx);
  const page = Math.max(1, f.page ?? 1);
  const [total, rows] = await Promise.all([
    db.ambassador.count({ where }),
    db.ambassador.findMany({
      where,
      orderBy: orderFor(f.sort ?? DEFAULT_SORT),
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        city: true,
        status: true,
        maxFollowers: true,
        lastTouchAt: true,
        tags: { select: { tag: { select: { name: true } } } },
      },
    }),
  ]);
  return { total, rows, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** Values for the filter menus: the brand's tags and cities. */
export async function directoryFacets(scope: BrandScope) {
  const { brandId } = scope;
  const [tags, cities] = await Promise.all([
    db.tag.findMany({ where: { brandId }, orderBy: { name: "asc" }, select: { name: true } }),
    brandCities(brandId),
  ]);
  return { tags: tags.map((t) => t.name), cities: cities.map((c) => c.city) };
}

/**
 * Every ambassador matching the filter, in the directory's order, 1,000 at a time (keyset paging on the sort column
 * and the id, so the export stays fast and consistent at 100,000 rows), with what a CSV export needs.
 */
/** The facts about an ambassador that the directory export and the profile page both show. */
export const AMBASSADOR_FACTS = {
  id: true,
  name: true,
  email: true,
  city: true,
  region: true,
  status: true,
  source: true,
  maxFollowers: true,
  emailOptIn: true,
  joinedAt: true,
  lastTouchAt: true,
  createdAt: true,
} as const satisfies Prisma.AmbassadorSelect;

export async function* exportAmbassadors(scope: BrandScope, f: DirectoryFilter, ctx: Context) {
  const { brandId } = scope;
  const where = await directoryWhere(brandId, f, ctx);
  const sort = f.sort ?? DEFAULT_SORT;
  let after: Parameters<typeof afterRow>[1] | undefined;
  for (;;) {
    const rows = await db.ambassador.findMany({
      // The screen's order, so the file reads like the directory.
      where: after ? { AND: [where, afterRow(sort, after)] } : where,
      orderBy: orderFor(sort),
      take: 1000,
      select: {
        ...AMBASSADOR_FACTS,
        tags: { select: { tag: { select: { name: true } } } },
        socialAccounts: { select: { platform: true, handle: true, followers: true } },
      },
    });
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1];
  }
}

/** The id of the brand's ambassador with this address (any status), or null. */
export async function ambassadorIdByEmail(scope: BrandScope, email: string) {
  const { brandId } = scope;
  const found = await db.ambassador.findUnique({ where: { brandId_email: { brandId, email: email.trim().toLowerCase() } }, select: { id: true } });
  return found?.id ?? null;
}

/** The brand's active ambassadors among these addresses, and the addresses that are not one. */
export async function activeAmbassadorsByEmail(scope: BrandScope, emails: string[]) {
  const { brandId } = scope;
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const fans = await db.ambassador.findMany({ where: { brandId, email: { in: wanted }, status: "active" }, select: { id: true, email: true } });
  return { fans, unknown: wanted.filter((e) => !fans.some((f) => f.email === e)) };
}
