// The fit panel of one ambassador: every signal with the data it was computed from, scoped to the brand.
import { db } from "#app/utils/db.server";
import { TIER_THRESHOLDS_SELECT, tierFor } from "../tiers";
import { readTierMedians } from "./filters";
import { readScoreWeights, relationshipScore, type ScoreWeights } from "./score";
import { NotFound } from "../errors";
import { type BrandScope } from "../scope";
import { brandedSaturation, contentQuality, engagement, expertise, growth, lifeMoments, localAudience, tierCrossedAt, type AnsweredApplication } from "./signals";

const DAY = 86_400_000;

function parseAnswers(json: string): AnsweredApplication["answers"] {
  try {
    const list = JSON.parse(json) as AnsweredApplication["answers"];
    return Array.isArray(list) ? list.filter((a) => a && typeof a.label === "string" && typeof a.answer === "string") : [];
  } catch {
    return [];
  }
}

/** The brand's cities: those its applications accept, and those of its in-person events. */
export async function brandCities(brandId: string) {
  const [brand, events] = await Promise.all([
    db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { autoCities: true } }),
    db.event.findMany({ where: { brandId, city: { not: "" } }, distinct: ["city"], select: { city: true }, take: 50 }),
  ]);
  const auto = brand.autoCities.split(",").map((c) => c.trim()).filter(Boolean);
  return [...new Set([...auto, ...events.map((e) => e.city.trim())])];
}

export async function fitSignals(scope: BrandScope, ambassadorId: string, now = new Date()) {
  const a = await db.ambassador.findFirst({
    where: { id: ambassadorId, brandId: scope.brandId },
    select: {
      city: true,
      interests: true,
      maxFollowers: true,
      tags: { select: { tag: { select: { name: true } } } },
      applications: { orderBy: { createdAt: "desc" }, take: 5, select: { createdAt: true, answers: true } },
      socialAccounts: { orderBy: { followers: "desc" }, take: 1, select: { platform: true, handle: true, followers: true, snapshots: { where: { recordedAt: { gte: new Date(now.getTime() - 800 * DAY) } }, orderBy: { recordedAt: "asc" }, select: { followers: true, recordedAt: true } } } },
      rsvps: { where: { event: { startsAt: { lt: now } } }, take: 500, select: { status: true, checkedInAt: true, event: { select: { startsAt: true } } } },
    },
  });
  if (!a) throw new NotFound();
  const [brand, cities, posts] = await Promise.all([
    db.brand.findUniqueOrThrow({ where: { id: scope.brandId }, select: { ...TIER_THRESHOLDS_SELECT, scoreWeights: true } }),
    brandCities(scope.brandId),
    db.post.findMany({
      where: { ambassadorId, brandId: scope.brandId, status: { not: "hidden" } },
      orderBy: { postedAt: "desc" },
      take: 100,
      select: { caption: true, postedAt: true, likes: true, comments: true, shares: true, saves: true, views: true, followersAtPost: true, qualityRating: true, _count: { select: { metrics: true } } },
    }),
  ]);
  const applications = a.applications.map((x) => ({ createdAt: x.createdAt, answers: parseAnswers(x.answers) }));
  const top = a.socialAccounts[0] ?? null;
  const local = { ...localAudience(a.city, cities, a.rsvps.map((r) => ({ status: r.status, checkedInAt: r.checkedInAt, startsAt: r.event.startsAt })), now), brandCities: cities };
  const quality = contentQuality(posts.map((p) => p.qualityRating));
  const saturation = brandedSaturation(posts, now);
  const engaged = engagement(posts.map((p) => ({ ...p, snapshots: p._count.metrics })));
  const grown = top ? { account: { platform: top.platform, handle: top.handle, followers: top.followers }, windows: growth(top.followers, top.snapshots, now), crossed: tierCrossedAt(top.followers, top.snapshots, brand) } : null;
  const weights = readScoreWeights(brand.scoreWeights);
  const inputs = {
    growth90: grown?.windows[1].change ?? null,
    engagement: engaged.byFollowers,
    tierMedian: readTierMedians(brand.tierEngagementMedians)[tierFor(a.maxFollowers, brand)] ?? null,
    saturation: saturation.share,
    quality: quality.average,
    inBrandCity: local.inBrandCity,
    attendanceShare: local.attendanceShare,
  };
  return {
    expertise: expertise({ tags: a.tags.map((t) => t.tag.name), interests: a.interests, applications }),
    lifeMoments: lifeMoments(applications),
    local,
    quality,
    saturation,
    engagement: engaged,
    growth: grown,
    score: { ...relationshipScore(inputs, weights), weights, tierMedian: inputs.tierMedian },
  };
}

/** Staff rate a post's content 1–5 while reviewing it (or clear the rating). */
export async function ratePost(scope: BrandScope, postId: string, rating: number | null) {
  const { count } = await db.post.updateMany({ where: { id: postId, brandId: scope.brandId }, data: { qualityRating: rating } });
  if (!count) throw new NotFound();
}

/** The brand's relationship score weights (the default until a manager sets them). */
export async function scoreWeights(scope: BrandScope) {
  const brand = await db.brand.findUniqueOrThrow({ where: { id: scope.brandId }, select: { scoreWeights: true } });
  return readScoreWeights(brand.scoreWeights);
}

export async function saveScoreWeights(scope: BrandScope, weights: ScoreWeights) {
  await db.brand.update({ where: { id: scope.brandId }, data: { scoreWeights: JSON.stringify(weights) } });
}
