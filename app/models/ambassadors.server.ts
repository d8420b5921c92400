import type { Prisma } from "#app/generated/prisma/client";
import { db, engine, queryRows } from "#app/utils/db.server";
import type { SqlValue } from "#app/utils/sql-rows.server";
import { brandCities, citySpellings } from "./cities.server";
import { TIERS, tierRange, type Tier, type TierSettings, type TierThresholds } from "./tiers";
import { LOW_SATURATION_MAX, RISING_MIN, readTierMedians } from "./qualification/filters";

import { AMBASSADOR_STATUSES, DEFAULT_SORT, type AmbassadorStatus, type Sort } from "./ambassadors";
import type { BrandScope } from "./scope";

/** How many of the brand's ambassadors in a status are in each tier (one grouped count, tiers as tierFor draws them). */
export async function countByTier(scope: BrandScope, thresholds: TierThresholds, status: AmbassadorStatus = "active") {
  const rows = await queryRows<{ tier: Tier; n: number | bigint }>(
    `SELECT CASE WHEN "maxFollowers" >= ? THEN 'mega' WHEN "maxFollowers" >= ? THEN 'macro' WHEN "maxFollowers" >= ? THEN 'micro' ELSE 'nano' END AS "tier", COUNT(*) AS "n"
     FROM "Ambassador" WHERE "brandId" = ? AND "status" = ? GROUP BY 1`,
    [thresholds.tierMegaMin, thresholds.tierMacroMin, thresholds.tierMicroMin, scope.brandId, status],
  );
  const counts = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
  for (const r of rows) counts[r.tier] = Number(r.n);
  return counts;
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
  rising?: boolean;
  engagement?: "above";
  saturation?: "low";
  q?: string;
  status?: AmbassadorStatus;
  tier?: Tier;
  tag?: string;
  city?: string;
  quiet?: boolean;
  sort?: Sort;
  page?: number;
};

type Context = { thresholds: TierSettings; quietAfterDays: number };

type Clause = { sql: string; params: SqlValue[] };

/** A date compared in SQL: PostgreSQL needs the parameter's type named (a text parameter does not compare). */
const DATE = engine === "postgresql" ? "CAST(? AS timestamp(3))" : "?";

/** % and _ typed in a search are themselves, not wildcards. */
const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The brand's ambassadors whose name, email, city or a social handle contains the text, whatever its case or accents
 * (docs/decisions/021-directory-search.md): on SQLite the FTS5 trigram index of prisma/sqlite/search.sql (texts of 3+
 * characters; shorter ones read the documents), on PostgreSQL the trigram indexes over kindred_fold().
 */
function textMatch(q: string): Clause {
  if (engine === "postgresql") {
    const pattern = likeText(q.replace(/^@/, ""));
    return {
      sql: `(kindred_fold(a."name" || ' ' || a."email" || ' ' || a."city") LIKE kindred_fold(?) ESCAPE '\\' OR a."id" IN (SELECT s."ambassadorId" FROM "SocialAccount" s WHERE kindred_fold(s."handle") LIKE kindred_fold(?) ESCAPE '\\'))`,
      params: [likeText(q), pattern],
    };
  }
  const text = q.replace(/^@/, "");
  if ([...text].length >= 3) {
    return { sql: `a."id" IN (SELECT d."ambassadorId" FROM "AmbassadorSearch" f JOIN "AmbassadorSearchDoc" d ON d."docId" = f."rowid" WHERE f."body" MATCH ?)`, params: [`"${text.replace(/"/g, '""')}"`] };
  }
  return { sql: `a."id" IN (SELECT "ambassadorId" FROM "AmbassadorSearchDoc" WHERE "body" LIKE ? ESCAPE '\\')`, params: [likeText(text)] };
}

/** Engagement above the brand's median for the fan's tier (none match before the first daily refresh of medians). */
function aboveTierMedian(thresholds: Context["thresholds"]): Clause {
  const medians = readTierMedians(thresholds.tierEngagementMedians);
  const parts: Clause[] = [];
  for (const t of TIERS) {
    if (medians[t] === undefined) continue;
    const range = tierRange(t, thresholds);
    const sql = [`a."engagementMedian" > ?`, range.gte !== undefined ? `a."maxFollowers" >= ?` : null, range.lt !== undefined ? `a."maxFollowers" < ?` : null].filter(Boolean).join(" AND ");
    parts.push({ sql: `(${sql})`, params: [medians[t]!, ...(range.gte !== undefined ? [range.gte] : []), ...(range.lt !== undefined ? [range.lt] : [])] });
  }
  return parts.length ? { sql: `(${parts.map((p) => p.sql).join(" OR ")})`, params: parts.flatMap((p) => p.params) } : { sql: "1 = 0", params: [] };
}

/** The directory's filter as SQL over "Ambassador" a; every condition is scoped to the brand. */
async function directoryFilter(brandId: string, f: DirectoryFilter, ctx: Context): Promise<Clause> {
  const clauses: Clause[] = [{ sql: `a."brandId" = ?`, params: [brandId] }];
  if (f.q) clauses.push(textMatch(f.q));
  if (f.status) clauses.push({ sql: `a."status" = ?`, params: [f.status] });
  if (f.tier) {
    const range = tierRange(f.tier, ctx.thresholds);
    if (range.gte !== undefined) clauses.push({ sql: `a."maxFollowers" >= ?`, params: [range.gte] });
    if (range.lt !== undefined) clauses.push({ sql: `a."maxFollowers" < ?`, params: [range.lt] });
  }
  // Membership of a tag or a platform: read from the tag's (or platform's) side when nothing else narrows the brand's
  // fans, checked fan by fan (an index probe each) when another condition already picks few of them.
  const narrowed = !!(f.q || f.status || f.tier || f.city || f.quiet || f.joined || f.touched || f.rising || f.engagement || f.saturation);
  if (f.tag) {
    const tag = await db.tag.findUnique({ where: { brandId_name: { brandId, name: f.tag } }, select: { id: true } });
    clauses.push(
      narrowed
        ? { sql: `EXISTS (SELECT 1 FROM "AmbassadorTag" t WHERE t."ambassadorId" = a."id" AND t."tagId" = ?)`, params: [tag?.id ?? null] }
        : { sql: `a."id" IN (SELECT t."ambassadorId" FROM "AmbassadorTag" t WHERE t."tagId" = ?)`, params: [tag?.id ?? null] },
    );
  }
  if (f.city) {
    // Every spelling of the city: "Montreal" also finds "Montréal" and "montreal".
    const spellings = await citySpellings(brandId, [f.city]);
    clauses.push({ sql: `a."city" IN (${spellings.map(() => "?").join(", ")})`, params: spellings });
  }
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
  if (f.quiet) clauses.push({ sql: `a."lastTouchAt" < ${DATE}`, params: [daysAgo(ctx.quietAfterDays)] });
  if (f.platform) {
    clauses.push(
      narrowed || f.tag
        ? { sql: `EXISTS (SELECT 1 FROM "SocialAccount" s WHERE s."ambassadorId" = a."id" AND s."platform" = ?)`, params: [f.platform] }
        : { sql: `a."id" IN (SELECT s."ambassadorId" FROM "SocialAccount" s WHERE s."platform" = ?)`, params: [f.platform] },
    );
  }
  if (f.rising) clauses.push({ sql: `a."growth90" >= ?`, params: [RISING_MIN] });
  if (f.saturation === "low") clauses.push({ sql: `a."saturation" <= ?`, params: [LOW_SATURATION_MAX] });
  if (f.engagement === "above") clauses.push(aboveTierMedian(ctx.thresholds));
  if (f.joined) clauses.push({ sql: `a."joinedAt" >= ${DATE}`, params: [daysAgo(Number(f.joined))] });
  if (f.touched) clauses.push({ sql: `a."lastTouchAt" >= ${DATE}`, params: [daysAgo(Number(f.touched))] });
  return { sql: clauses.map((c) => c.sql).join(" AND "), params: clauses.flatMap((c) => c.params) };
}

type SortRow = { id: string; name: string; maxFollowers: number; createdAt: Date; lastTouchAt: Date; growth90: number | null; engagementMedian: number | null; saturation: number | null };

/** Beyond every real value: fans without a signal yet come last in a signal's order. */
const UNKNOWN = -1e12;

/**
 * Each order of the directory: an SQL expression, its direction, and the same value read off a row (for keyset
 * paging), then the id, so pages and the export never tie.
 */
const SORT_KEYS: Record<Sort, { sql: string; dir: "asc" | "desc"; value: (r: SortRow) => SqlValue }> = {
  name: { sql: `a."name"`, dir: "asc", value: (r) => r.name },
  followers: { sql: `a."maxFollowers"`, dir: "desc", value: (r) => r.maxFollowers },
  recent: { sql: `a."createdAt"`, dir: "desc", value: (r) => r.createdAt },
  touch: { sql: `a."lastTouchAt"`, dir: "asc", value: (r) => r.lastTouchAt },
  growth: { sql: `COALESCE(a."growth90", ${UNKNOWN})`, dir: "desc", value: (r) => r.growth90 ?? UNKNOWN },
  engagement: { sql: `COALESCE(a."engagementMedian", ${UNKNOWN})`, dir: "desc", value: (r) => r.engagementMedian ?? UNKNOWN },
  saturation: { sql: `COALESCE(a."saturation", ${-UNKNOWN})`, dir: "asc", value: (r) => r.saturation ?? -UNKNOWN },
};

/** The sort's ORDER BY; reversed, the same rows from the last one back. */
function orderBy(sort: Sort, reversed = false) {
  const { sql, dir } = SORT_KEYS[sort];
  const [key, id] = reversed ? [dir === "asc" ? "DESC" : "ASC", "DESC"] : [dir.toUpperCase(), "ASC"];
  return `${sql} ${key}, a."id" ${id}`;
}

/** Rows after this one in the sort's order (keyset paging). */
function afterRow(sort: Sort, row: SortRow): Clause {
  const { sql, dir, value: read } = SORT_KEYS[sort];
  const value = read(row);
  const param = value instanceof Date ? DATE : "?";
  return { sql: `(${sql} ${dir === "asc" ? ">" : "<"} ${param} OR (${sql} = ${param} AND a."id" > ?))`, params: [value, value, row.id] };
}

/** The ids of one slice of the filtered directory, in its order. */
async function directoryIds(filter: Clause, sort: Sort, { after, offset = 0, limit, reversed = false }: { after?: SortRow; offset?: number; limit: number; reversed?: boolean }) {
  const where = after ? { sql: `${filter.sql} AND ${afterRow(sort, after).sql}`, params: [...filter.params, ...afterRow(sort, after).params] } : filter;
  const rows = await queryRows<{ id: string }>(`SELECT a."id" FROM "Ambassador" a WHERE ${where.sql} ORDER BY ${orderBy(sort, reversed)} LIMIT ? OFFSET ?`, [...where.params, limit, offset]);
  return rows.map((r) => r.id);
}

/**
 * The ids of one page of `total` matches. An OFFSET walks past every row it skips, so pages in the back half are read
 * from the end in the reversed order (the last page skips nothing) and put back in order.
 */
async function pageIds(filter: Clause, sort: Sort, page: number, total: number) {
  const offset = (page - 1) * PAGE_SIZE;
  if (offset < total / 2) return directoryIds(filter, sort, { offset, limit: PAGE_SIZE });
  const rowsOnPage = Math.min(PAGE_SIZE, total - offset);
  if (rowsOnPage <= 0) return [];
  return (await directoryIds(filter, sort, { offset: total - offset - rowsOnPage, limit: rowsOnPage, reversed: true })).reverse();
}

/** Records fetched by id, in the order of the ids. */
async function inOrder<T extends { id: string }>(ids: string[], fetch: (ids: string[]) => Promise<T[]>) {
  const byId = new Map((await fetch(ids)).map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One page of the brand's directory with the filters applied. */
export async function listAmbassadors(scope: BrandScope, f: DirectoryFilter, ctx: Context) {
  const filter = await directoryFilter(scope.brandId, f, ctx);
  const page = Math.max(1, f.page ?? 1);
  const counted = await queryRows<{ n: number | bigint }>(`SELECT COUNT(*) AS "n" FROM "Ambassador" a WHERE ${filter.sql}`, filter.params);
  const total = Number(counted[0]?.n ?? 0);
  const ids = await pageIds(filter, f.sort ?? DEFAULT_SORT, page, total);
  const rows = await inOrder(ids, (some) =>
    db.ambassador.findMany({
      where: { id: { in: some }, brandId: scope.brandId },
      select: { id: true, name: true, email: true, city: true, status: true, maxFollowers: true, lastTouchAt: true, tags: { select: { tag: { select: { name: true } } } } },
    }),
  );
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
  growth90: true,
  engagementMedian: true,
  saturation: true,
} as const satisfies Prisma.AmbassadorSelect;

/**
 * Every ambassador matching the filter, in the directory's order, 500 at a time (keyset paging on the sort column
 * and the id, so the export stays fast and consistent at 100,000 rows), with what a CSV export needs.
 */
export async function* exportAmbassadors(scope: BrandScope, f: DirectoryFilter, ctx: Context) {
  const filter = await directoryFilter(scope.brandId, f, ctx);
  // The screen's order, so the file reads like the directory.
  const sort = f.sort ?? DEFAULT_SORT;
  let after: SortRow | undefined;
  for (;;) {
    // 500 at a time: Prisma reads the tags and accounts of a page with one IN list, which it caps at 999 values on SQLite.
    const ids = await directoryIds(filter, sort, { after, limit: 500 });
    if (!ids.length) return;
    const rows = await inOrder(ids, (some) =>
      db.ambassador.findMany({
        where: { id: { in: some }, brandId: scope.brandId },
        select: { ...AMBASSADOR_FACTS, tags: { select: { tag: { select: { name: true } } } }, socialAccounts: { select: { platform: true, handle: true, followers: true } } },
      }),
    );
    yield rows;
    after = rows[rows.length - 1];
    if (!after) return;
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
