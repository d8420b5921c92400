export type Numbers = { likes: number; comments: number; shares: number; saves: number; views?: number | null };

export const ENGAGEMENT_FORMULA = "(likes + comments + shares + saves) ÷ followers at the time of posting";
export const VIEW_RATE_FORMULA = "(likes + comments + shares + saves) ÷ views";

export const interactions = (n: Numbers) => n.likes + n.comments + n.shares + n.saves;

/** Engagement rate by followers at post time (a fraction, 0.034 = 3.4 %), or null without followers. */
export function engagementRate(n: Numbers, followersAtPost: number) {
  return followersAtPost > 0 ? interactions(n) / followersAtPost : null;
}

/** Engagement by views, where the platform reports views. */
export function viewEngagementRate(n: Numbers) {
  return n.views && n.views > 0 ? interactions(n) / n.views : null;
}

/**
 * A post's numbers in a line of a list: "320 likes · 41 comments · … · engagement 6.94 %", or "No numbers yet" for a
 * post nobody has given numbers for (zeros would read as a post that did badly).
 */
export function describeNumbers(p: Numbers & { followersAtPost: number; snapshots: number }) {
  if (p.snapshots === 0) return "No numbers yet";
  const views = p.views !== null && p.views !== undefined ? ` · ${p.views.toLocaleString("en")} views` : "";
  return `${p.likes.toLocaleString("en")} likes · ${p.comments.toLocaleString("en")} comments · ${p.shares.toLocaleString("en")} shares · ${p.saves.toLocaleString("en")} saves${views} · engagement ${formatRate(engagementRate(p, p.followersAtPost))}`;
}

export function formatRate(rate: number | null) {
  return rate === null ? "—" : `${(rate * 100).toFixed(rate < 0.1 ? 2 : 1)} %`;
}
