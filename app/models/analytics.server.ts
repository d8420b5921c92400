import { db, engine, executeSql, queryRows } from "#app/utils/db.server";
import { TIERS } from "./tiers";
import type { BrandScope } from "./scope";

export type Range = { from: string; to: string };

const DAY = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** The dashboard's date range from the URL (YYYY-MM-DD), defaulting to the last 90 days; at most 2 years. */
export function parseRange(params: URLSearchParams, now = new Date()): Range {
  const valid = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : null);
  let to = valid(params.get("to")) ?? dayOf(now);
  let from = valid(params.get("from")) ?? dayOf(new Date(Date.parse(to) - 89 * DAY));
  if (from > to) [from, to] = [to, from];
  if (Date.parse(to) - Date.parse(from) > 731 * DAY) from = dayOf(new Date(Date.parse(to) - 731 * DAY));
  return { from, to };
}

/** The dashboard's quick ranges (besides all time): the last N days, ending today. Each has a top-contributors window. */
const WINDOW_DAYS = [30, 90, 365] as const;
/** The first day of the last `days` days that end on `to`. */
const firstDayOf = (days: number, to: string) => dayOf(new Date(Date.parse(to) - (days - 1) * DAY));

/** The dashboard's quick ranges, ending today: the last 30, 90 and 365 days, and all time. */
export function rangePresets(now = new Date()) {
  const to = dayOf(now);
  return [
    ...WINDOW_DAYS.map((days) => ({ label: `Last ${days} days`, query: `from=${firstDayOf(days, to)}&to=${to}` })),
    { label: "All time", query: "range=all" },
  ];
}

/** Monday-based week start of a YYYY-MM-DD day. */
export function weekOf(day: string) {
  const d = new Date(`${day}T00:00:00Z`);
  return dayOf(new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY));
}

function weeks(range: Range) {
  const list: string[] = [];
  for (let t = Date.parse(weekOf(range.from)); t <= Date.parse(range.to); t += 7 * DAY) list.push(dayOf(new Date(t)));
  return list;
}

const rangeDates = (r: Range) => ({ gte: new Date(`${r.from}T00:00:00Z`), lt: new Date(Date.parse(`${r.to}T00:00:00Z`) + DAY) });

/**
 * The range a dashboard URL asks for: "?range=all" is everything since the brand's first join or post (not capped);
 * otherwise from/to as parseRange reads them.
 */
export async function resolveRange(scope: BrandScope, params: URLSearchParams, now = new Date()): Promise<Range & { all?: true }> {
  if (params.get("range") !== "all") return parseRange(params, now);
  const { brandId } = scope;
  const [firstPost, firstJoin] = await Promise.all([
    db.postDayStat.findFirst({ where: { brandId }, orderBy: { day: "asc" }, select: { day: true } }),
    db.ambassador.findFirst({ where: { brandId, joinedAt: { not: null } }, orderBy: { joinedAt: "asc" }, select: { joinedAt: true } }),
  ]);
  const to = dayOf(now);
  const from = [firstPost?.day, firstJoin?.joinedAt ? dayOf(firstJoin.joinedAt) : undefined, to].filter((d): d is string => Boolean(d)).sort()[0];
  return { from, to, all: true };
}

type TopRow = { ambassadorId: string; posts: number | bigint; interactions: number | bigint | null };
type Contributor = { ambassadorId: string; posts: number; interactions: number };

/**
 * Active ambassadors over time count each fan from the day they joined to the day they stopped being active
 * (left, were paused or made alumni — bulkStatus and leaveProgram keep those dates), so the last week's number is
 * the directory's count of active ambassadors. Top contributors are ranked by the interactions their posts drew.
 *
 * The program dashboard: growth, where fans come from, posts and engagement (overall and by tier), seeding
 * results per campaign, event attendance, top contributors and link clicks — all for one brand and date range.
 * Everything is read from roll-ups that triggers keep current (docs/decisions/022-dashboard-roll-ups.md): posts per
 * day and tier, joins and departures per day and source, posts per campaign, and top contributors per sliding
 * window (the last 30, 90 and 365 days, all time); only another range reads posts for its top contributors.
 */
export async function dashboard(scope: BrandScope, range: Range & { all?: true }, now = new Date()) {
  const { brandId } = scope;
  const [before, ambassadorDays, dayTier, campaigns, events, top, clickDays] = await Promise.all([
    db.ambassadorDayStat.aggregate({ where: { brandId, day: { lt: range.from } }, _sum: { joined: true, left: true } }),
    db.ambassadorDayStat.findMany({ where: { brandId, day: { gte: range.from, lte: range.to } } }),
    db.postDayStat.findMany({ where: { brandId, day: { gte: range.from, lte: range.to } } }),
    campaignResults(scope, range),
    eventResults(scope, range),
    topContributors(brandId, range, dayOf(now)),
    db.linkClickDay.groupBy({ by: ["day"], where: { link: { brandId }, day: { gte: range.from, lte: range.to } }, _sum: { count: true } }),
  ]);

  const weekList = weeks(range);
  const joinsByWeek = new Map<string, number>();
  const leftByWeek = new Map<string, number>();
  const bySource = new Map<string, number>();
  let joinedInRange = 0;
  for (const d of ambassadorDays) {
    const w = weekOf(d.day);
    joinsByWeek.set(w, (joinsByWeek.get(w) ?? 0) + d.joined);
    leftByWeek.set(w, (leftByWeek.get(w) ?? 0) + d.left);
    if (d.joined) bySource.set(d.source, (bySource.get(d.source) ?? 0) + d.joined);
    joinedInRange += d.joined;
  }
  let running = (before._sum.joined ?? 0) - (before._sum.left ?? 0);
  const growth = weekList.map((week) => {
    running += (joinsByWeek.get(week) ?? 0) - (leftByWeek.get(week) ?? 0);
    return { week, joined: joinsByWeek.get(week) ?? 0, left: leftByWeek.get(week) ?? 0, active: running };
  });

  const postsByWeek = new Map<string, { posts: number; interactions: number }>();
  const tiers = new Map<string, { posts: number; interactions: number; rateSum: number; rateN: number; viewRateSum: number; viewRateN: number }>();
  let totalPosts = 0;
  let totalInteractions = 0;
  for (const r of dayTier) {
    const { posts, interactions } = r;
    totalPosts += posts;
    totalInteractions += interactions;
    const w = weekOf(r.day);
    const week = postsByWeek.get(w) ?? { posts: 0, interactions: 0 };
    week.posts += posts;
    week.interactions += interactions;
    postsByWeek.set(w, week);
    const t = tiers.get(r.tier) ?? { posts: 0, interactions: 0, rateSum: 0, rateN: 0, viewRateSum: 0, viewRateN: 0 };
    t.posts += posts;
    t.interactions += interactions;
    t.rateSum += r.rateSum;
    t.rateN += r.rateN;
    t.viewRateSum += r.viewRateSum;
    t.viewRateN += r.viewRateN;
    tiers.set(r.tier, t);
  }
  const clicksByWeek = new Map<string, number>();
  for (const c of clickDays) clicksByWeek.set(weekOf(c.day), (clicksByWeek.get(weekOf(c.day)) ?? 0) + (c._sum.count ?? 0));

  const names = new Map((await db.ambassador.findMany({ where: { brandId, id: { in: top.map((t) => t.ambassadorId) } }, select: { id: true, name: true } })).map((a) => [a.id, a.name]));
  return {
    range,
    totals: {
      posts: totalPosts,
      interactions: totalInteractions,
      joined: joinedInRange,
      active: running,
      clicks: clickDays.reduce((n, c) => n + (c._sum.count ?? 0), 0),
    },
    growth,
    sources: [...bySource].map(([source, joins]) => ({ source, joins })).sort((a, b) => b.joins - a.joins || (a.source < b.source ? -1 : 1)),
    postsOverTime: weekList.map((week) => ({ week, ...(postsByWeek.get(week) ?? { posts: 0, interactions: 0 }) })),
    byTier: TIERS.map((tier) => {
      const t = tiers.get(tier);
      return { tier, posts: t?.posts ?? 0, avgRate: t?.rateN ? t.rateSum / t.rateN : null, avgViewRate: t?.viewRateN ? t.viewRateSum / t.viewRateN : null, interactions: t?.interactions ?? 0 };
    }),
    campaigns,
    events,
    topContributors: top.map((t) => ({ ...t, name: names.get(t.ambassadorId) ?? "—" })),
    clicksOverTime: weekList.map((week) => ({ week, clicks: clicksByWeek.get(week) ?? 0 })),
  };
}

const INTERACTIONS = `"likes" + "comments" + "shares" + "saves"`;

/** Per ambassador, the brand's posts (not hidden) on the days `days` selects, and their interactions; brandId is the first placeholder. */
const totalsByAmbassador = (days: string) =>
  `SELECT "ambassadorId", COUNT(*) AS "posts", SUM(${INTERACTIONS}) AS "interactions" FROM "Post" WHERE "brandId" = ? AND ${days} AND "status" <> 'hidden' GROUP BY "ambassadorId"`;
const byRank = (a: Contributor, b: Contributor) => b.interactions - a.interactions || b.posts - a.posts || (a.ambassadorId < b.ambassadorId ? -1 : 1);

/** The top-contributors window that serves a range, if one does: the last 30, 90 or 365 days up to today, or all time. */
function windowFor(range: Range & { all?: true }, today: string) {
  if (range.to !== today) return null;
  if (range.all) return { days: 0, fromDay: "" };
  const days = WINDOW_DAYS.find((d) => range.from === firstDayOf(d, range.to));
  return days ? { days, fromDay: range.from } : null;
}

/**
 * The ten ambassadors whose posts in the range drew the most interactions (then the most posts). A preset range is
 * read from its window's ranked roll-up, with any posts dated after the range (rare: a post dated ahead) taken back
 * out; another range groups its posts.
 */
async function topContributors(brandId: string, range: Range & { all?: true }, today: string): Promise<Contributor[]> {
  const window = windowFor(range, today);
  if (!window) return topFromPosts(brandId, range);
  await slideWindow(brandId, window.days, window.fromDay);
  const later = (await queryRows<TopRow>(totalsByAmbassador(`"day" > ?`), [brandId, range.to])).map(contributor);
  if (later.length > 200) return topFromPosts(brandId, range);
  const ranked = await db.contributorStat.findMany({
    where: { brandId, days: window.days },
    orderBy: [{ interactions: "desc" }, { posts: "desc" }, { ambassadorId: "asc" }],
    take: 10 + later.length,
    select: { ambassadorId: true, posts: true, interactions: true },
  });
  // Ten of these rows are untouched by the later posts and rank above every row not read, so the top ten are here.
  const minus = new Map(later.map((l) => [l.ambassadorId, l]));
  return ranked
    .map((r) => ({ ambassadorId: r.ambassadorId, posts: r.posts - (minus.get(r.ambassadorId)?.posts ?? 0), interactions: r.interactions - (minus.get(r.ambassadorId)?.interactions ?? 0) }))
    .filter((r) => r.posts > 0)
    .sort(byRank)
    .slice(0, 10);
}

const contributor = (t: TopRow): Contributor => ({ ambassadorId: t.ambassadorId, posts: Number(t.posts), interactions: Number(t.interactions ?? 0) });

async function topFromPosts(brandId: string, range: Range) {
  const rows = await queryRows<TopRow>(`${totalsByAmbassador(`"day" >= ? AND "day" <= ?`)} ORDER BY "interactions" DESC, "posts" DESC, "ambassadorId" LIMIT 10`, [brandId, range.from, range.to]);
  return rows.map(contributor);
}

/**
 * Moves a window forward to fromDay: the posts it leaves behind are taken out of its ambassadors' totals (or, after a
 * long pause, the window is counted again from the posts). On PostgreSQL the window row is locked meanwhile; the
 * triggers read it FOR SHARE, so a post written at the same time is counted by exactly one side.
 */
async function slideWindow(brandId: string, days: number, fromDay: string) {
  const current = await db.contributorWindow.findUnique({ where: { brandId_days: { brandId, days } }, select: { fromDay: true } });
  if (!current || current.fromDay >= fromDay) return;
  await db.$transaction(async (tx) => {
    const [locked] = await executeSql<{ fromDay: string }>(tx, `SELECT "fromDay" FROM "ContributorWindow" WHERE "brandId" = ? AND "days" = ?${engine === "postgresql" ? " FOR UPDATE" : ""}`, [brandId, days]);
    if (!locked || locked.fromDay >= fromDay) return;
    const gap = locked.fromDay ? (Date.parse(fromDay) - Date.parse(locked.fromDay)) / DAY : Infinity;
    if (gap > days / 2) {
      await executeSql(tx, `DELETE FROM "ContributorStat" WHERE "brandId" = ? AND "days" = ?`, [brandId, days]);
      await executeSql(tx, `INSERT INTO "ContributorStat" ("brandId", "days", "ambassadorId", "posts", "interactions")
        SELECT ?, ?, t."ambassadorId", t."posts", t."interactions" FROM (${totalsByAmbassador(`"day" >= ?`)}) AS t`, [brandId, days, brandId, fromDay]);
    } else {
      await executeSql(tx, `UPDATE "ContributorStat" SET "posts" = "ContributorStat"."posts" - d."posts", "interactions" = "ContributorStat"."interactions" - d."interactions"
        FROM (${totalsByAmbassador(`"day" >= ? AND "day" < ?`)}) AS d
        WHERE "ContributorStat"."brandId" = ? AND "ContributorStat"."days" = ? AND "ContributorStat"."ambassadorId" = d."ambassadorId"`, [brandId, locked.fromDay, fromDay, brandId, days]);
      await executeSql(tx, `DELETE FROM "ContributorStat" WHERE "brandId" = ? AND "days" = ? AND "posts" <= 0`, [brandId, days]);
    }
    await executeSql(tx, `UPDATE "ContributorWindow" SET "fromDay" = ? WHERE "brandId" = ? AND "days" = ?`, [fromDay, brandId, days]);
  });
}

/** Per campaign: units sent, posts, posts per unit, posting rate (requests that led to a post), feedback. */
export async function campaignResults(scope: BrandScope, range?: Range, campaignId?: string) {
  const { brandId } = scope;
  const campaigns = await db.seedingCampaign.findMany({ where: { brandId, ...(campaignId ? { id: campaignId } : {}), ...(range ? { createdAt: { lt: rangeDates(range).lt } } : {}) }, select: { id: true, name: true }, orderBy: { createdAt: "desc" }, take: 50 });
  const ids = campaigns.map((c) => c.id);
  const [requests, posts] = await Promise.all([
    db.seedingRequest.groupBy({ by: ["campaignId", "status", "outcome"], where: { brandId, campaignId: { in: ids } }, _count: { _all: true } }),
    db.postCampaignStat.findMany({ where: { brandId, campaignId: { in: ids } } }),
  ]);
  return campaigns.map((c) => {
    const rows = requests.filter((r) => r.campaignId === c.id);
    const count = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((n, r) => n + r._count._all, 0);
    const sent = count((r) => ["shipped", "delivered", "settled"].includes(r.status));
    const posted = count((r) => r.outcome === "posted");
    const p = posts.find((x) => x.campaignId === c.id);
    return {
      id: c.id,
      name: c.name,
      requested: count(() => true),
      sent,
      posts: p?.posts ?? 0,
      postsPerUnit: sent ? (p?.posts ?? 0) / sent : null,
      postingRate: sent ? posted / sent : null,
      feedback: count((r) => r.outcome === "feedback"),
      noPost: count((r) => r.outcome === "no_post"),
      interactions: p?.interactions ?? 0,
    };
  });
}

/** Per event that has ended: RSVPs going, checked in, no-shows, attendance and no-show rates, posts after it. */
export async function eventResults(scope: BrandScope, range?: Range, eventId?: string) {
  const { brandId } = scope;
  const events = await db.event.findMany({
    where: { brandId, ...(eventId ? { id: eventId } : { endsAt: { lt: new Date() } }), ...(range && !eventId ? { startsAt: rangeDates(range) } : {}) },
    orderBy: { startsAt: "desc" },
    take: 50,
    select: { id: true, title: true, startsAt: true, timeZone: true },
  });
  const ids = events.map((e) => e.id);
  const [rsvps, posts] = await Promise.all([
    db.rsvp.groupBy({ by: ["eventId", "noShow"], where: { eventId: { in: ids }, status: "going" }, _count: { _all: true } }),
    db.post.groupBy({ by: ["eventId"], where: { brandId, eventId: { in: ids }, status: { not: "hidden" } }, _count: { _all: true } }),
  ]);
  const checkedIn = await db.rsvp.groupBy({ by: ["eventId"], where: { eventId: { in: ids }, status: "going", checkedInAt: { not: null } }, _count: { _all: true } });
  return events.map((e) => {
    const going = rsvps.filter((r) => r.eventId === e.id).reduce((n, r) => n + r._count._all, 0);
    const noShows = rsvps.find((r) => r.eventId === e.id && r.noShow)?._count._all ?? 0;
    const came = checkedIn.find((r) => r.eventId === e.id)?._count._all ?? 0;
    return { id: e.id, title: e.title, startsAt: e.startsAt, timeZone: e.timeZone, going, checkedIn: came, noShows, attendanceRate: going ? came / going : null, noShowRate: going ? noShows / going : null, posts: posts.find((p) => p.eventId === e.id)?._count._all ?? 0 };
  });
}

const pct = (r: number | null) => (r === null ? "" : (r * 100).toFixed(2));

/** Every dashboard table as header + rows — the page shows them and each downloads as CSV. */
export function dashboardTables(d: Awaited<ReturnType<typeof dashboard>>) {
  return {
    growth: { title: "Active ambassadors by week", header: ["week", "joined", "left", "active"], rows: d.growth.map((g) => [g.week, g.joined, g.left, g.active]) },
    sources: { title: "Joins by source", header: ["source", "joins"], rows: d.sources.map((s) => [s.source, s.joins]) },
    posts: { title: "Posts and interactions by week", header: ["week", "posts", "interactions"], rows: d.postsOverTime.map((p) => [p.week, p.posts, p.interactions]) },
    tiers: {
      title: "Engagement and interactions by tier",
      header: ["tier", "posts", "avg engagement rate % (by followers)", "avg engagement rate % (by views)", "interactions"],
      rows: d.byTier.map((t) => [t.tier, t.posts, pct(t.avgRate), pct(t.avgViewRate), t.interactions]),
    },
    campaigns: {
      title: "Seeding campaigns",
      header: ["campaign", "requests", "units sent", "posts", "posts per unit", "posting rate %", "honest feedback", "no post", "interactions"],
      rows: d.campaigns.map((c) => [c.name, c.requested, c.sent, c.posts, c.postsPerUnit === null ? "" : c.postsPerUnit.toFixed(2), pct(c.postingRate), c.feedback, c.noPost, c.interactions]),
    },
    events: {
      title: "Events",
      header: ["event", "date", "going", "checked in", "no-shows", "attendance rate %", "no-show rate %", "posts"],
      rows: d.events.map((e) => [e.title, e.startsAt.toISOString().slice(0, 10), e.going, e.checkedIn, e.noShows, pct(e.attendanceRate), pct(e.noShowRate), e.posts]),
    },
    contributors: { title: "Top contributors", header: ["ambassador", "posts", "interactions"], rows: d.topContributors.map((t) => [t.name, t.posts, t.interactions]) },
    clicks: { title: "Link clicks by week", header: ["week", "clicks"], rows: d.clicksOverTime.map((c) => [c.week, c.clicks]) },
  };
}
export type DashboardTable = keyof ReturnType<typeof dashboardTables>;
