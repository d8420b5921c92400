import { db, isUniqueViolation, queryRows } from "#app/utils/db.server";
import type { BrandInput } from "./brand";
import { TIER_THRESHOLDS_SELECT } from "./tiers";
import type { BrandScope } from "./scope";

export type BrandSaveResult = { ok: true; slug: string } | { ok: false; fieldErrors: Partial<Record<keyof BrandInput, string[]>> };

const SLUG_TAKEN = { slug: ["That address is already taken; choose another"] };

/** Creates a brand; its creator becomes the first owner. */
export async function createBrand(userId: string, input: BrandInput): Promise<BrandSaveResult> {
  if (await db.brand.findUnique({ where: { slug: input.slug }, select: { id: true } })) return { ok: false, fieldErrors: SLUG_TAKEN };
  try {
    const brand = await db.brand.create({
      data: { ...input, logoUrl: input.logoUrl ?? null, memberships: { create: { userId, role: "owner" } } },
      select: { slug: true },
    });
    return { ok: true, slug: brand.slug };
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, fieldErrors: SLUG_TAKEN };
    throw e;
  }
}

/** Updates a brand's settings (the caller has checked the owner role for this brand id). */
export async function updateBrand(scope: BrandScope, input: BrandInput): Promise<BrandSaveResult> {
  const { brandId } = scope;
  const clash = await db.brand.findFirst({ where: { slug: input.slug, NOT: { id: brandId } }, select: { id: true } });
  if (clash) return { ok: false, fieldErrors: SLUG_TAKEN };
  try {
    const brand = await db.brand.update({ where: { id: brandId }, data: { ...input, logoUrl: input.logoUrl ?? null }, select: { slug: true } });
    return { ok: true, slug: brand.slug };
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, fieldErrors: SLUG_TAKEN };
    throw e;
  }
}

/** The brand's settings as the settings form edits them. */
export async function brandSettings(scope: BrandScope) {
  return db.brand.findUniqueOrThrow({
    where: { id: scope.brandId },
    select: {
      name: true,
      slug: true,
      description: true,
      color: true,
      logoUrl: true,
      timeZone: true,
      guidelines: true,
      disclosureText: true,
      allowedDomains: true,
      tierMicroMin: true,
      tierMacroMin: true,
      tierMegaMin: true,
    },
  });
}

/** The brand's follower thresholds for tiers and the days after which an ambassador counts as quiet. */
export async function directorySettings(scope: BrandScope) {
  return db.brand.findUniqueOrThrow({ where: { id: scope.brandId }, select: { ...TIER_THRESHOLDS_SELECT, quietAfterDays: true } });
}

/** The disclosure line the brand asks its ambassadors to use (shown beside scoops). */
export async function brandDisclosureText(scope: BrandScope): Promise<string> {
  const { disclosureText } = await db.brand.findUniqueOrThrow({ where: { id: scope.brandId }, select: { disclosureText: true } });
  return disclosureText;
}

/** The overview page's numbers: the team size, the work waiting for staff and the next published event. */
export async function brandOverview(scope: BrandScope) {
  const { brandId } = scope;
  const [thresholds, [counts], nextEvent] = await Promise.all([
    db.brand.findUniqueOrThrow({ where: { id: brandId }, select: TIER_THRESHOLDS_SELECT }),
    // The five counts in one statement (each is served by an index on brandId).
    queryRows<Record<"staff" | "applications" | "requests" | "flagged" | "toReview", number | bigint>>(
      `SELECT (SELECT COUNT(*) FROM "Membership" WHERE "brandId" = ?) AS "staff",
              (SELECT COUNT(*) FROM "Application" WHERE "brandId" = ? AND "status" = 'pending') AS "applications",
              (SELECT COUNT(*) FROM "SeedingRequest" WHERE "brandId" = ? AND "status" = 'requested') AS "requests",
              (SELECT COUNT(*) FROM "Post" WHERE "brandId" = ? AND "status" <> 'hidden' AND ("disclosureFlag" OR "embargoFlag")) AS "flagged",
              (SELECT COUNT(*) FROM "Post" WHERE "brandId" = ? AND "status" = 'pending') AS "toReview"`,
      [brandId, brandId, brandId, brandId, brandId],
    ),
    db.event.findFirst({
      where: { brandId, publishedAt: { not: null }, endsAt: { gte: new Date() } },
      orderBy: { startsAt: "asc" },
      select: { id: true, title: true, startsAt: true, endsAt: true, timeZone: true, capacity: true, seatsTaken: true },
    }),
  ]);
  const { staff, applications, requests, flagged, toReview } = counts;
  return { thresholds, staff: Number(staff), waiting: { applications: Number(applications), requests: Number(requests), flagged: Number(flagged), toReview: Number(toReview) }, nextEvent };
}
