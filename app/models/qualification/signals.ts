// The signals that qualify an ambassador beyond follower count, each computed from plain data so the fit panel can
// say where it comes from and tests can check it by hand. Shared by the browser and the server.
import { cityKey } from "../cities";
import { interactions } from "../engagement";
import { tierFor, type Tier, type TierThresholds } from "../tiers";

const DAY = 86_400_000;

/** Median of a list (the mean of the middle two for an even count), or null when empty. */
export function median(values: number[]) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// ---------------------------------------------------------------------------------------------------------
// Expertise and life moments
// ---------------------------------------------------------------------------------------------------------

type Answer = { label: string; answer: string; lifeMoment?: boolean };
export type AnsweredApplication = { createdAt: Date | string; answers: Answer[] };

/** What the fan knows and loves: staff tags, the fan's own interests, and their application answers. */
export function expertise(input: { tags: string[]; interests: string; applications: AnsweredApplication[] }) {
  const own = input.interests
    .split(",")
    .map((i) => i.trim())
    .filter(Boolean);
  const answers = input.applications.flatMap((a) => a.answers.filter((x) => !x.lifeMoment && x.answer.trim()).map((x) => ({ label: x.label, answer: x.answer, givenAt: new Date(a.createdAt) })));
  return { tags: input.tags, interests: own, answers };
}

/** Life moments the fan told the brand about (moving, a new baby, a wedding…), each with the date it was given. */
export function lifeMoments(applications: AnsweredApplication[]) {
  return applications
    .flatMap((a) => a.answers.filter((x) => x.lifeMoment && x.answer.trim()).map((x) => ({ label: x.label, answer: x.answer, givenAt: new Date(a.createdAt) })))
    .sort((a, b) => b.givenAt.getTime() - a.givenAt.getTime());
}

// ---------------------------------------------------------------------------------------------------------
// Local audience
// ---------------------------------------------------------------------------------------------------------

export type PastRsvp = { status: string; checkedInAt: Date | string | null; startsAt: Date | string };

/**
 * Whether the fan lives in one of the brand's cities (the cities its applications accept and its in-person events
 * are in), and how often they come when they say they will: events attended ÷ past events they answered "going".
 */
export function localAudience(city: string, brandCities: string[], rsvps: PastRsvp[], now = new Date()) {
  const key = cityKey(city);
  const match = key ? (brandCities.find((c) => cityKey(c) === key) ?? null) : null;
  const past = rsvps.filter((r) => new Date(r.startsAt) < now && (r.status === "going" || r.checkedInAt));
  const attended = past.filter((r) => r.checkedInAt).length;
  return { city, inBrandCity: key ? match !== null : null, matchedCity: match, eventsGoing: past.length, eventsAttended: attended, attendanceShare: past.length ? attended / past.length : null };
}

// ---------------------------------------------------------------------------------------------------------
// Content: quality, branded-content saturation, engagement
// ---------------------------------------------------------------------------------------------------------

/** Staff's 1–5 ratings of the fan's posts: the average and how many posts were rated. */
export function contentQuality(ratings: (number | null)[]) {
  const given = ratings.filter((r): r is number => typeof r === "number" && r >= 1 && r <= 5);
  return { rated: given.length, average: given.length ? given.reduce((s, r) => s + r, 0) / given.length : null };
}

/**
 * A caption that discloses a brand relationship anywhere in it — ours or any other brand's: #ad, #sponsored,
 * #gifted, #partner, #collab, #ambassador, "paid partnership", "gifted by", "ad:", "in partnership with",
 * "use my code". (The disclosure check of a post asks more: a clear disclosure at the start.)
 */
const BRANDED = [
  /(^|[^\w#])#(ad|ads|advert|sponsored|spon|gifted|gift|partner|partnership|paidpartnership|collab|brandambassador|ambassador)(?![\w-])/i,
  /(^|[^\w])(ad|advert|sponsored|gifted)\s*[:|]/i,
  /\bpaid partnership\b|\bin partnership with\b|\bgifted (to me )?by\b|\bsponsored by\b|\buse (my )?code\b/i,
];

export function disclosesBrandRelationship(caption: string) {
  return BRANDED.some((re) => re.test(caption));
}

export const SATURATION_DAYS = 90;

/** Share of the fan's posts of the last 90 days (with a caption) that disclose a brand relationship. */
export function brandedSaturation(posts: { caption: string; postedAt: Date | string }[], now = new Date()) {
  const recent = posts.filter((p) => p.caption.trim() && now.getTime() - new Date(p.postedAt).getTime() <= SATURATION_DAYS * DAY);
  const branded = recent.filter((p) => disclosesBrandRelationship(p.caption)).length;
  return { posts: recent.length, branded, share: recent.length ? branded / recent.length : null };
}

export type PostNumbers = { likes: number; comments: number; shares: number; saves: number; views: number | null; followersAtPost: number; snapshots: number };

/** Median engagement over the fan's posts that have numbers: by followers at the time, and by views where known. */
export function engagement(posts: PostNumbers[]) {
  const measured = posts.filter((p) => p.snapshots > 0);
  const byFollowers = measured.filter((p) => p.followersAtPost > 0).map((p) => interactions(p) / p.followersAtPost);
  const byViews = measured.filter((p) => (p.views ?? 0) > 0).map((p) => interactions(p) / p.views!);
  return { posts: measured.length, byFollowers: median(byFollowers), byFollowersPosts: byFollowers.length, byViews: median(byViews), byViewsPosts: byViews.length };
}

// ---------------------------------------------------------------------------------------------------------
// Growth and tier
// ---------------------------------------------------------------------------------------------------------

export type Snapshot = { followers: number; recordedAt: Date | string };
export const GROWTH_WINDOWS = [30, 90, 365] as const;

/**
 * Follower change of the fan's largest account over 30, 90 and 365 days: today's count against the last snapshot on
 * or before the window's start (null when the history does not reach back that far, or started at 0).
 */
export function growth(current: number, snapshots: Snapshot[], now = new Date()) {
  const sorted = [...snapshots].sort((a, b) => new Date(a.recordedAt).getTime() - new Date(b.recordedAt).getTime());
  return GROWTH_WINDOWS.map((days) => {
    const start = now.getTime() - days * DAY;
    const base = sorted.filter((s) => new Date(s.recordedAt).getTime() <= start).at(-1);
    if (!base || base.followers <= 0) return { days, from: base?.followers ?? null, change: null };
    return { days, from: base.followers, change: (current - base.followers) / base.followers };
  });
}

/**
 * When the fan last crossed into their current tier: the first snapshot at or above the tier's threshold after one
 * below it. Null for nano, or when every snapshot is already in the tier (they joined in it).
 */
export function tierCrossedAt(current: number, snapshots: Snapshot[], thresholds: TierThresholds): { tier: Tier; at: Date | null } {
  const tier = tierFor(current, thresholds);
  if (tier === "nano") return { tier, at: null };
  const sorted = [...snapshots].sort((a, b) => new Date(a.recordedAt).getTime() - new Date(b.recordedAt).getTime());
  const rank = (n: number) => ["nano", "micro", "macro", "mega"].indexOf(tierFor(n, thresholds));
  let at: Date | null = null;
  for (let i = 1; i < sorted.length; i++) {
    if (rank(sorted[i - 1].followers) < rank(current) && rank(sorted[i].followers) >= rank(current)) at = new Date(sorted[i].recordedAt);
  }
  return { tier, at };
}
