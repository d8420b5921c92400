import { randomBytes } from "node:crypto";
import { isbot } from "isbot";
import { db } from "#app/utils/db.server";
import { isAllowedDestination, parseAllowedDomains, referrerDomain, withUtm } from "./tracked-links";

const newCode = () => randomBytes(6).toString("base64url").replace(/[-_]/g, "x");

export type LinkInput = { destination: string; label: string; ambassadorId: string | null; utmCampaign: string };

/** The link form's fields, cleaned (the ambassador is decided by the caller: chosen by staff, or the fan). */
export function linkInputFrom(form: FormData, ambassadorId: string | null): LinkInput {
  return {
    destination: String(form.get("destination") ?? "").trim(),
    label: String(form.get("label") ?? "").trim().slice(0, 100),
    ambassadorId,
    utmCampaign: String(form.get("utmCampaign") ?? "").trim().replace(/[^\w-]/g, "-").slice(0, 60),
  };
}

/** Creates a tracked link for the brand (or one of its ambassadors) to an allowed destination. */
export async function createLink(brandId: string, actorId: string, input: LinkInput) {
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { allowedDomains: true, slug: true } });
  const allowed = parseAllowedDomains(brand.allowedDomains);
  if (!allowed.length) return { ok: false as const, field: "destination", error: "Add your website's domain in Settings (allowed link domains) first." };
  if (!isAllowedDestination(input.destination, allowed)) return { ok: false as const, field: "destination", error: `Links can only go to ${allowed.join(", ")}.` };
  if (input.ambassadorId) {
    const a = await db.ambassador.findFirst({ where: { id: input.ambassadorId, brandId, status: "active" }, select: { id: true } });
    if (!a) return { ok: false as const, field: "ambassadorId", error: "Choose an active ambassador." };
  }
  const link = await db.trackedLink.create({
    data: {
      brandId,
      ambassadorId: input.ambassadorId,
      code: newCode(),
      label: input.label,
      destination: input.destination,
      utmSource: "kindred",
      utmMedium: "ambassador",
      utmCampaign: input.utmCampaign || brand.slug,
      createdById: actorId,
    },
    select: { id: true, code: true },
  });
  return { ok: true as const, ...link };
}

export async function listLinks(brandId: string, where: { ambassadorId?: string } = {}) {
  return db.trackedLink.findMany({
    where: { brandId, ...where },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, code: true, label: true, destination: true, utmCampaign: true, clicks: true, createdAt: true, ambassador: { select: { id: true, name: true } } },
  });
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
