import { randomBytes } from "node:crypto";
import { isbot } from "isbot";
import { db } from "#app/utils/db.server";
import { NotFound } from "./errors";
import type { BrandScope, FanScope } from "./scope";
import { campaignSlug, isAllowedDestination, parseAllowedDomains, referrerDomain, withUtm, type LinkInput } from "./tracked-links";

const newCode = () => randomBytes(6).toString("base64url").replace(/[-_]/g, "x");

type LinkField = keyof LinkInput;
export type LinkResult = { ok: true; id: string; code: string } | { ok: false; field: LinkField; error: string };

async function insertLink(brandId: string, actorId: string, ambassadorId: string | null, input: LinkInput): Promise<LinkResult> {
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { allowedDomains: true, slug: true } });
  const allowed = parseAllowedDomains(brand.allowedDomains);
  if (!allowed.length) return { ok: false, field: "destination", error: "Add your website's domain in Settings (allowed link domains) first." };
  if (!isAllowedDestination(input.destination, allowed)) return { ok: false, field: "destination", error: `Links can only go to ${allowed.join(", ")}.` };
  const link = await db.trackedLink.create({
    data: {
      brandId,
      ambassadorId,
      code: newCode(),
      label: input.label ?? "",
      destination: input.destination,
      utmSource: "kindred",
      utmMedium: "ambassador",
      utmCampaign: campaignSlug(input.utmCampaign) || brand.slug,
      createdById: actorId,
    },
    select: { id: true, code: true },
  });
  return { ok: true, ...link };
}

/** Staff create a tracked link for the brand, or for one of its active ambassadors, to an allowed destination. */
export async function createBrandLink(scope: BrandScope, input: LinkInput): Promise<LinkResult> {
  if (input.ambassadorId) {
    const a = await db.ambassador.findFirst({ where: { id: input.ambassadorId, brandId: scope.brandId, status: "active" }, select: { id: true } });
    if (!a) return { ok: false, field: "ambassadorId", error: "Choose an active ambassador." };
  }
  return insertLink(scope.brandId, scope.userId, input.ambassadorId ?? null, input);
}

/** The fan's active programs, and the one the links page is about (by slug, else the first). */
async function fanPrograms(scope: FanScope, brandSlug: string | null) {
  const rows = await db.ambassador.findMany({
    where: { userId: scope.userId, status: "active" },
    orderBy: { brand: { name: "asc" } },
    select: { id: true, brandId: true, brand: { select: { name: true, slug: true, allowedDomains: true } } },
  });
  return { rows, current: rows.find((r) => r.brand.slug === brandSlug) ?? rows[0] ?? null };
}

/** A fan makes a link of their own in one of their active programs; whatever ambassador the form names is ignored. */
export async function createFanLink(scope: FanScope, brandSlug: string | null, input: LinkInput) {
  const { current } = await fanPrograms(scope, brandSlug);
  if (!current) throw new NotFound("You are not an active ambassador of this program");
  return { slug: current.brand.slug, result: await insertLink(current.brandId, scope.userId, current.id, input) };
}

/** The fan's links page: their programs, the chosen one, and their links in it. */
export async function fanLinksPage(scope: FanScope, brandSlug: string | null) {
  const { rows, current } = await fanPrograms(scope, brandSlug);
  const links = current
    ? await db.trackedLink.findMany({ where: { brandId: current.brandId, ambassadorId: current.id }, orderBy: { createdAt: "desc" }, select: { id: true, code: true, label: true, destination: true, clicks: true } })
    : [];
  return { programs: rows.map((r) => r.brand), current: current?.brand ?? null, links };
}

/** The staff links page: the brand's links, the active ambassadors a link can be for, and the allowed domains. */
export async function staffLinksPage(scope: BrandScope) {
  const [links, ambassadors, brand] = await Promise.all([
    db.trackedLink.findMany({
      where: { brandId: scope.brandId },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: { id: true, code: true, label: true, destination: true, utmCampaign: true, clicks: true, createdAt: true, ambassador: { select: { id: true, name: true } } },
    }),
    db.ambassador.findMany({ where: { brandId: scope.brandId, status: "active" }, orderBy: { name: "asc" }, take: 1000, select: { id: true, name: true } }),
    db.brand.findUniqueOrThrow({ where: { id: scope.brandId }, select: { allowedDomains: true } }),
  ]);
  return { links, ambassadors, allowed: parseAllowedDomains(brand.allowedDomains) };
}

/**
 * Follows a tracked link: counts the click (bots excluded; only the day and the referring domain are kept — no
 * cookie, no address, no user agent) and returns where to send the visitor, re-checking the allow-list.
 */
export async function followLink(code: string, request: Request, now = new Date()) {
  const link = await db.trackedLink.findUnique({
    where: { code },
    select: { id: true, destination: true, utmSource: true, utmMedium: true, utmCampaign: true, ambassador: { select: { id: true } }, brand: { select: { allowedDomains: true } } },
  });
  if (!link || !isAllowedDestination(link.destination, parseAllowedDomains(link.brand.allowedDomains))) return null;
  if (!isbot(request.headers.get("user-agent") ?? "")) {
    const day = now.toISOString().slice(0, 10);
    const ref = referrerDomain(request.headers.get("referer"));
    await db.$transaction([
      db.linkClickDay.upsert({ where: { linkId_day_referrerDomain: { linkId: link.id, day, referrerDomain: ref } }, create: { linkId: link.id, day, referrerDomain: ref, count: 1 }, update: { count: { increment: 1 } } }),
      db.trackedLink.update({ where: { id: link.id }, data: { clicks: { increment: 1 } } }),
    ]);
  }
  return withUtm(link.destination, { source: link.utmSource, medium: link.utmMedium, campaign: link.utmCampaign, content: link.ambassador?.id });
}
