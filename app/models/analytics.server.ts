import { db } from "#app/utils/db.server";
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

type DayTierRow = { day: string; tier: string; posts: number | bigint; interactions: number | bigint | null; rateSum: number | null; rateN: number | bigint; viewRateSum: number | null; viewRateN: number | bigint };
type TopRow = { ambassadorId: string; posts: number | bigint; interactions: number | bigint | null };

/**
 * Active ambassadors over time count each fan from the day they joined to the day they stopped being active
 * (left, were paused or made alumni — bulkStatus and leaveProgram keep those dates), so the last week's number is
 * the directory's count of active ambassadors. Top contributors are ranked by the interactions their posts drew.
 *
 * The program dashboard: growth, where fans come from, posts and engagement (overall and by tier), seeding
 * results per campaign, event attendance, top contributors and link clicks — all for one brand and date range.
 * Posts are read in two grouped passes over covering indexes (by day and tier; by ambassador), never row by row.
 */
export async function dashboard(scope: BrandScope, range: Range) {
  const { brandId } = scope;
  const dates = rangeDates(range);
  const [activeBefore, joined, left, sources, dayTier, campaigns, events, top, clickDays] = await Promise.all([
    db.ambassador.count({ where: { brandId, joinedAt: { lt: dates.gte }, OR: [{ leftAt: null }, { leftAt: { gte: dates.gte } }] } }),
    db.ambassador.findMany({ where: { brandId, joinedAt: dates }, select: { joinedAt: true } }),
    db.ambassador.findMany({ where: { brandId, leftAt: dates }, select: { leftAt: true } }),
    db.ambassador.groupBy({ by: ["source"], where: { brandId, joinedAt: dates }, _count: { _all: true } }),
    db.$queryRaw<DayTierRow[]>`
      SELECT "day", "tier", COUNT(*) AS "posts",
        SUM("likes" + "comments" + "shares" + "saves") AS "interactions",
        SUM(CASE WHEN "followersAtPost" > 0 THEN ("likes" + "comments" + "shares" + "saves") * 1.0 / "followersAtPost" END) AS "rateSum",
        COUNT(CASE WHEN "followersAtPost" > 0 THEN 1 END) AS "rateN",
        SUM(CASE WHEN "views" > 0 THEN ("likes" + "comments" + "shares" + "saves") * 1.0 / "views" END) AS "viewRateSum",
        COUNT(CASE WHEN "views" > 0 THEN 1 END) AS "viewRateN"
      FROM "Post" WHERE "brandId" = ${brandId} AND "day" >= ${range.from} AND "day" <= ${range.to} AND "status" <> 'hidden'
      GROUP BY "day", "tier"`,
    campaignResults(scope, range),
    eventResults(scope, range),
    db.$queryRaw<TopRow[]>`
      SELECT "ambassadorId", COUNT(*) AS "posts", SUM("likes" + "comments" + "shares" + "saves") AS "interactions"
      FROM "Post" WHERE "brandId" = ${brandId} AND "day" >= ${range.from} AND "day" <= ${range.to} AND "status" <> 'hidden'
      GROUP BY "ambassadorId" ORDER BY "interactions" DESC, "posts" DESC LIMIT 10`,
    db.linkClickDay.groupBy({ by: ["day"], where: { link: { brandId }, day: { gte: range.from, lte: range.to } }, _sum: { count: true } }),
  ]);

  const weekList = weeks(range);
  const joinsByWeek = new Map<string, number>();
  for (const a of joined) joinsByWeek.set(weekOf(dayOf(a.joinedAt!)), (joinsByWeek.get(weekOf(dayOf(a.joinedAt!))) ?? 0) + 1);
  const leftByWeek = new Map<string, number>();
  for (const a of left) leftByWeek.set(weekOf(dayOf(a.leftAt!)), (leftByWeek.get(weekOf(dayOf(a.leftAt!))) ?? 0) + 1);
  let running = activeBefore;
  const growth = weekList.map((week) => {
    running += (joinsByWeek.get(week) ?? 0) - (leftByWeek.get(week) ?? 0);
    return { week, joined: joinsByWeek.get(week) ?? 0, left: leftByWeek.get(week) ?? 0, active: running };
  });

  const postsByWeek = new Map<string, { posts: number; interactions: number }>();
  const tiers = new Map<string, { posts: number; interactions: number; rateSum: number; rateN: number; viewRateSum: number; viewRateN: number }>();
  let totalPosts = 0;
  let totalInteractions = 0;
  for (const r of dayTier) {
    const posts = Number(r.posts);
    const interactions = Number(r.interactions ?? 0);
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
    t.rateSum += Number(r.rateSum ?? 0);
    t.rateN += Number(r.rateN);
    t.viewRateSum += Number(r.viewRateSum ?? 0);
    t.viewRateN += Number(r.viewRateN);
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
      joined: joined.length,
      active: running,
      clicks: clickDays.reduce((n, c) => n + (c._sum.count ?? 0), 0),
    },
    growth,
    sources: sources.map((s) => ({ source: s.source, joins: s._count._all })).sort((a, b) => b.joins - a.joins),
    postsOverTime: weekList.map((week) => ({ week, ...(postsByWeek.get(week) ?? { posts: 0, interactions: 0 }) })),
    byTier: TIERS.map((tier) => {
      const t = tiers.get(tier);
      return { tier, posts: t?.posts ?? 0, avgRate: t?.rateN ? t.rateSum / t.rateN : null, avgViewRate: t?.viewRateN ? t.viewRateSum / t.viewRateN : null, interactions: t?.interactions ?? 0 };
    }),
    campaigns,
    events,
    topContributors: top.map((t) => ({ ambassadorId: t.ambassadorId, name: names.get(t.ambassadorId) ?? "—", posts: Number(t.posts), interactions: Number(t.interactions ?? 0) })),
    clicksOverTime: weekList.map((week) => ({ week, clicks: clicksByWeek.get(week) ?? 0 })),
  };
}

/** Per campaign: units sent, posts, posts per unit, posting rate (requests that led to a post), feedback. */
export async function campaignResults(scope: BrandScope, range?: Range, campaignId?: string) {
  const { brandId } = scope;
  const campaigns = await db.seedingCampaign.findMany({ where: { brandId, ...(campaignId ? { id: campaignId } : {}), ...(range ? { createdAt: { lt: rangeDates(range).lt } } : {}) }, select: { id: true, name: true }, orderBy: { createdAt: "desc" }, take: 50 });
  const ids = campaigns.map((c) => c.id);
  const [requests, posts] = await Promise.all([
    db.seedingRequest.groupBy({ by: ["campaignId", "status", "outcome"], where: { brandId, campaignId: { in: ids } }, _count: { _all: true } }),
    db.post.groupBy({ by: ["campaignId"], where: { brandId, campaignId: { in: ids }, status: { not: "hidden" } }, _count: { _all: true }, _sum: { likes: true, comments: true, shares: true, saves: true } }),
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
      posts: p?._count._all ?? 0,
      postsPerUnit: sent ? (p?._count._all ?? 0) / sent : null,
      postingRate: sent ? posted / sent : null,
      feedback: count((r) => r.outcome === "feedback"),
      noPost: count((r) => r.outcome === "no_post"),
      interactions: (p?._sum.likes ?? 0) + (p?._sum.comments ?? 0) + (p?._sum.shares ?? 0) + (p?._sum.saves ?? 0),
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
