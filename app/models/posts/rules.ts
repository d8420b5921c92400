import { z } from "zod";

const count = (label: string) =>
  z.preprocess((v) => (v === "" || v === undefined || v === null ? undefined : v), z.coerce.number({ message: `${label} must be a number` }).int(`${label} must be a whole number`).min(0, `${label} can't be negative`).max(2_000_000_000).optional());

/** The numbers of a post, typed by a fan or staff (all optional; empty means unknown). */
export const MetricFields = {
  views: count("Views"),
  likes: count("Likes"),
  comments: count("Comments"),
  shares: count("Shares"),
  saves: count("Saves"),
};

export const PostSchema = z.object({
  url: z.string({ message: "Paste the link to the post." }).trim().min(1, "Paste the link to the post.").max(2000),
  caption: z.string().trim().max(5000, "Keep the caption under 5,000 characters.").default(""),
  kind: z.enum(["post", "story"]).default("post"),
  postedAt: z.string({ message: "When did it go up?" }),
  /** the zone the form showed postedAt in (the viewer's); the brand's when missing */
  timeZone: z.string().optional(),
  followersAtPost: count("Followers"),
  ...MetricFields,
});
export type PostInput = z.infer<typeof PostSchema>;

/** Posts older than this are not social-media posts of a fan program: a typo, or a date read wrong. */
const EARLIEST_POST = Date.UTC(2004, 0, 1);

/** What is wrong with the date a post went up, or null: not in the future, not before 2004. */
export function postedAtProblem(postedAt: Date, now = Date.now()) {
  if (postedAt.getTime() > now + 3_600_000) return "That's in the future — when did it go up?";
  if (postedAt.getTime() < EARLIEST_POST) return `${postedAt.getUTCFullYear()} is too long ago for a post — check the date.`;
  return null;
}

export const MetricsSchema = z.object(MetricFields);

/** Typed numbers → a snapshot, or null when nothing was typed. */
export function metricsFrom(v: { views?: number; likes?: number; comments?: number; shares?: number; saves?: number }) {
  if ([v.views, v.likes, v.comments, v.shares, v.saves].every((n) => n === undefined)) return null;
  return { views: v.views ?? null, likes: v.likes ?? 0, comments: v.comments ?? 0, shares: v.shares ?? 0, saves: v.saves ?? 0 };
}

export const REVIEW_FILTERS = { pending: "To review", found: "Found automatically", flagged: "Flagged", approved: "In the library", cleared: "Cleared for reuse", hidden: "Hidden", all: "All" } as const;
export type ReviewFilter = keyof typeof REVIEW_FILTERS;

/** Lower case, without accents, punctuation as spaces: "Rye Starter (Large)" → "rye starter large". */
function plain(text: string) {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

const FILLER = new Set(["the", "and", "for", "with", "our", "new"]);

/**
 * True when the caption names it: every telling word of the name appears, in any order ("rye … starter" for "Rye
 * starter"), or the name run together as a hashtag ("#ryestarter").
 */
export function captionMentions(caption: string, name: string) {
  const phrase = plain(name);
  if (!phrase) return false;
  const text = plain(caption);
  if (text.replace(/ /g, "").includes(phrase.replace(/ /g, ""))) return true;
  const words = new Set(text.split(" "));
  const telling = phrase.split(" ").filter((w) => w.length >= 3 && !FILLER.has(w));
  return telling.length > 0 && telling.every((w) => words.has(w) || words.has(`${w}s`));
}

/**
 * The perk a new post is attributed to without asking anyone. A scoop or an event counts by timing (the most recent
 * before the post). Seeded product needs the caption to name the product or its campaign: a fan's unrelated posts
 * in the weeks after a delivery are not "posts about the product". Staff can still attribute any candidate by hand.
 */
export function pickAttribution<T extends { type: string; names?: string[] }>(candidates: T[], caption: string): T | null {
  return candidates.find((c) => c.type !== "seeding" || (c.names ?? []).some((n) => captionMentions(caption, n))) ?? null;
}

/** Where a post found by a connected account came from, in words. */
export const FOUND_VIA: Record<string, string> = {
  "instagram-tags": "tagged the brand on Instagram",
  "instagram-mentions": "mentioned the brand on Instagram",
  bluesky: "Bluesky search",
  youtube: "YouTube search",
};
