import type { Prisma } from "#app/generated/prisma/client";
import { db } from "#app/utils/db.server";
import { brandCities, citySpellings } from "./cities.server";
import { decodeViewAudience, type Audience } from "./audience";
import { audienceReady } from "./ambassadors";
import { listViews } from "./qualification/views.server";
import { LOW_SATURATION_MAX, RISING_MIN, readTierMedians } from "./qualification/filters";
import { TIERS, TIER_THRESHOLDS_SELECT, tierRange, type Tier, type TierSettings } from "./tiers";
import type { BrandScope } from "./scope";

/** The same rule as matchesAudience, as a Prisma filter scoped to the brand (for counts and mailings). */
export async function audienceWhere(brandId: string, audience: Audience, thresholds: TierSettings): Promise<Prisma.AmbassadorWhereInput> {
  const base: Prisma.AmbassadorWhereInput = { brandId, status: "active" };
  switch (audience.kind) {
    case "all":
      return base;
    case "tier":
      return { ...base, OR: audience.values.map((t) => ({ maxFollowers: tierRange(t as Tier, thresholds) })) };
    case "tag":
      return { ...base, tags: { some: { tag: { brandId, name: { in: audience.values } } } } };
    case "city":
      return { ...base, city: { in: await citySpellings(brandId, audience.values) } };
    case "list":
      return { ...base, id: { in: audience.values } };
    case "view":
      return viewWhere(brandId, base, audience.values[0], thresholds);
  }
}

/** A saved view's filters (as copied into the audience) as a Prisma filter — the directory's rules, for active fans. */
async function viewWhere(brandId: string, base: Prisma.AmbassadorWhereInput, value: string | undefined, thresholds: TierSettings): Promise<Prisma.AmbassadorWhereInput> {
  const view = decodeViewAudience(value);
  if (!view || !audienceReady(view.filter) || (view.filter.status && view.filter.status !== "active")) return { ...base, id: { in: [] } };
  const f = view.filter;
  const and: Prisma.AmbassadorWhereInput[] = [];
  if (f.tier) and.push({ maxFollowers: tierRange(f.tier, thresholds) });
  if (f.tag) and.push({ tags: { some: { tag: { brandId, name: f.tag } } } });
  if (f.city) and.push({ city: { in: await citySpellings(brandId, [f.city]) } });
  if (f.platform) and.push({ socialAccounts: { some: { platform: f.platform } } });
  if (f.rising) and.push({ growth90: { gte: RISING_MIN } });
  if (f.saturation === "low") and.push({ saturation: { lte: LOW_SATURATION_MAX } });
  if (f.engagement === "above") {
    const medians = readTierMedians(thresholds.tierEngagementMedians);
    const tiers = TIERS.filter((t) => medians[t] !== undefined);
    and.push(tiers.length ? { OR: tiers.map((t) => ({ maxFollowers: tierRange(t, thresholds), engagementMedian: { gt: medians[t] } })) } : { id: { in: [] } });
  }
  return { ...base, AND: and };
}

export async function audienceSize(brandId: string, audience: Audience, thresholds: TierSettings) {
  return db.ambassador.count({ where: await audienceWhere(brandId, audience, thresholds) });
}

/** What the audience pickers offer: the brand's tags and cities of active ambassadors. */
export async function audienceChoices(scope: BrandScope) {
  const { brandId } = scope;
  const [tags, cities, views] = await Promise.all([
    db.tag.findMany({ where: { brandId }, orderBy: { name: "asc" }, select: { name: true } }),
    brandCities(brandId, true),
    listViews(scope),
  ]);
  return { tags: tags.map((t) => t.name), cities: cities.map((c) => c.city), views: views.filter((v) => v.audienceReady).map(({ name, query }) => ({ name, query })) };
}

/** The audience facts of one ambassador (for matchesAudience). */
export const AUDIENCE_MEMBER_SELECT = {
  id: true,
  status: true,
  city: true,
  maxFollowers: true,
  growth90: true,
  engagementMedian: true,
  saturation: true,
  socialAccounts: { select: { platform: true } },
  tags: { select: { tag: { select: { name: true } } } },
} satisfies Prisma.AmbassadorSelect;

export function toAudienceMember(a: Prisma.AmbassadorGetPayload<{ select: typeof AUDIENCE_MEMBER_SELECT }>) {
  return {
    id: a.id,
    status: a.status,
    city: a.city,
    maxFollowers: a.maxFollowers,
    tagNames: a.tags.map((t) => t.tag.name),
    platforms: a.socialAccounts.map((s) => s.platform),
    growth90: a.growth90,
    engagementMedian: a.engagementMedian,
    saturation: a.saturation,
  };
}

/**
 * A fan's active memberships across brands, with what audiences look at and what fan pages show of the brand —
 * the starting point of every "what may this fan see" question (scoops, events, seeding).
 */
export function activeMemberships(userId: string) {
  return db.ambassador.findMany({
    where: { userId, status: "active" },
    select: {
      ...AUDIENCE_MEMBER_SELECT,
      brandId: true,
      name: true,
      email: true,
      shippingAddress: true,
      brand: { select: { id: true, name: true, slug: true, color: true, timeZone: true, disclosureText: true, ...TIER_THRESHOLDS_SELECT } },
    },
  });
}
