import type { Prisma } from "#app/generated/prisma/client";
import { db } from "#app/utils/db.server";
import { brandCities, citySpellings } from "./cities.server";
import type { Audience } from "./audience";
import { TIER_THRESHOLDS_SELECT, tierRange, type Tier, type TierThresholds } from "./tiers";
import type { BrandScope } from "./scope";

/** The same rule as matchesAudience, as a Prisma filter scoped to the brand (for counts and mailings). */
export async function audienceWhere(brandId: string, audience: Audience, thresholds: TierThresholds): Promise<Prisma.AmbassadorWhereInput> {
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
  }
}

export async function audienceSize(brandId: string, audience: Audience, thresholds: TierThresholds) {
  return db.ambassador.count({ where: await audienceWhere(brandId, audience, thresholds) });
}

/** What the audience pickers offer: the brand's tags and cities of active ambassadors. */
export async function audienceChoices(scope: BrandScope) {
  const { brandId } = scope;
  const [tags, cities] = await Promise.all([
    db.tag.findMany({ where: { brandId }, orderBy: { name: "asc" }, select: { name: true } }),
    brandCities(brandId, true),
  ]);
  return { tags: tags.map((t) => t.name), cities: cities.map((c) => c.city) };
}

/** The audience facts of one ambassador (for matchesAudience). */
export const AUDIENCE_MEMBER_SELECT = {
  id: true,
  status: true,
  city: true,
  maxFollowers: true,
  tags: { select: { tag: { select: { name: true } } } },
} satisfies Prisma.AmbassadorSelect;

export function toAudienceMember(a: Prisma.AmbassadorGetPayload<{ select: typeof AUDIENCE_MEMBER_SELECT }>) {
  return { id: a.id, status: a.status, city: a.city, maxFollowers: a.maxFollowers, tagNames: a.tags.map((t) => t.tag.name) };
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
