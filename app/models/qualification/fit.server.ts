// The fit panel of one ambassador: every signal with the data it was computed from, scoped to the brand.
import { db } from "#app/utils/db.server";
import { TIER_THRESHOLDS_SELECT, tierFor } from "../tiers";
import { readTierMedians } from "./filters";
import { readScoreWeights, relationshipScore, type ScoreWeights } from "./score";
import { NotFound } from "../errors";
import { type BrandScope } from "../scope";
import { contentQuality, expertise, lifeMoments, localAudience, tierCrossedAt } from "./signals";
import { contentSignals, signalRows } from "./refresh.server";
import { parseStoredAnswers } from "../ambassador-profile.server";

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
      ...signalRows(now),
      rsvps: { where: { event: { startsAt: { lt: now } } }, take: 500, select: { status: true, checkedInAt: true, event: { select: { startsAt: true } } } },
    },
  });
  if (!a) throw new NotFound();
  const [brand, cities] = await Promise.all([db.brand.findUniqueOrThrow({ where: { id: scope.brandId }, select: { ...TIER_THRESHOLDS_SELECT, scoreWeights: true } }), brandCities(scope.brandId)]);
  const applications = a.applications.map((x) => ({ createdAt: x.createdAt, answers: parseStoredAnswers(x.answers) }));
  const { top, growth: windows, engagement: engaged, saturation } = contentSignals(a, now);
  const local = { ...localAudience(a.city, cities, a.rsvps.map((r) => ({ status: r.status, checkedInAt: r.checkedInAt, startsAt: r.event.startsAt })), now), brandCities: cities };
  const quality = contentQuality(a.posts.map((p) => p.qualityRating));
  const grown = top && windows ? { account: { platform: top.platform, handle: top.handle, followers: top.followers }, windows, crossed: tierCrossedAt(top.followers, top.snapshots, brand) } : null;
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
