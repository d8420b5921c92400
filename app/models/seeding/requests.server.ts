// Fans and seeding: the campaigns a fan can request from, requesting, and answering a brand's offer.
import { db } from "#app/utils/db.server";
import { transition } from "#app/utils/transition.server";
import { matchesAudience, readAudience } from "../audience";
import { activeMemberships, toAudienceMember } from "../audience.server";
import { readAddress, type Address } from "./rules";
import { recordTouch } from "../timeline.server";
import { Conflict, NotFound } from "../errors";
import { type BrandScope, type FanScope } from "../scope";
import { CAMPAIGN_DETAIL } from "./campaigns.server";
import { sendSeedingEmail } from "./pipeline.server";
import { releaseUnit, reserveUnit } from "./stock.server";

const isOpen = (c: { opensAt: Date | null; closesAt: Date | null }, now: Date) => (!c.opensAt || c.opensAt <= now) && (!c.closesAt || c.closesAt > now);

/** Campaigns a fan can request from now, and everything they requested or were offered. */
export async function seedingForFan(scope: FanScope, now = new Date()) {
  const { userId } = scope;
  const memberships = await activeMemberships(userId);
  const byBrand = new Map(memberships.map((m) => [m.brandId, m]));
  const campaigns = await db.seedingCampaign.findMany({
    where: { brandId: { in: [...byBrand.keys()] }, mode: "request" },
    orderBy: { createdAt: "desc" },
    select: { id: true, brandId: true, name: true, callToAction: true, audienceKind: true, audienceValues: true, opensAt: true, closesAt: true, variants: { select: { stock: true, reserved: true } } },
  });
  const requests = await db.seedingRequest.findMany({
    where: { ambassadorId: { in: memberships.map((m) => m.id) } },
    orderBy: { requestedAt: "desc" },
    select: { id: true, campaignId: true, status: true, outcome: true, carrier: true, trackingNumber: true, trackingUrl: true, campaign: { select: { name: true, brand: { select: { name: true, color: true } } } }, variant: { select: { name: true, product: { select: { name: true } } } } },
  });
  const asked = new Set(requests.map((r) => r.campaignId));
  const open = campaigns.filter((c) => {
    const m = byBrand.get(c.brandId)!;
    return !asked.has(c.id) && isOpen(c, now) && matchesAudience(readAudience(c.audienceKind, c.audienceValues), toAudienceMember(m), m.brand);
  });
  return {
    open: open.map((c) => ({ id: c.id, name: c.name, callToAction: c.callToAction, closesAt: c.closesAt, brand: byBrand.get(c.brandId)!.brand, available: c.variants.some((v) => v.reserved < v.stock) })),
    requests,
  };
}

/** A campaign's page for a fan who may request from it (or already has a request in it). */
export async function campaignForFan(scope: FanScope, campaignId: string, now = new Date()) {
  const { userId } = scope;
  const campaign = await db.seedingCampaign.findUnique({
    where: { id: campaignId },
    select: CAMPAIGN_DETAIL,
  });
  if (!campaign) return null;
  const member = (await activeMemberships(userId)).find((m) => m.brandId === campaign.brandId);
  if (!member) return null;
  const request = await db.seedingRequest.findUnique({ where: { campaignId_ambassadorId: { campaignId, ambassadorId: member.id } }, select: { id: true, status: true, outcome: true, feedback: true, carrier: true, trackingNumber: true, trackingUrl: true, shippedAt: true, deliveredAt: true, variant: { select: { name: true, product: { select: { name: true } } } } } });
  const eligible = campaign.mode === "request" && matchesAudience(readAudience(campaign.audienceKind, campaign.audienceValues), toAudienceMember(member), member.brand);
  if (!request && !eligible) return null;
  return { campaign, brand: member.brand, member, request, open: isOpen(campaign, now), savedAddress: readAddress(member.shippingAddress) };
}

type RequestResult = { ok: true; id: string } | { ok: false; field?: string; error: string };

/**
 * A fan requests one variant. The unit is reserved in the same transaction as the request, so stock is never
 * oversold; the address is kept with the request (and on the profile for next time, if the fan wants).
 */
export async function requestProduct(scope: FanScope, campaignId: string, variantId: string, address: Address, saveAddress: boolean, now = new Date()): Promise<RequestResult> {
  const { userId } = scope;
  const found = await campaignForFan(scope, campaignId, now);
  if (!found || found.campaign.mode !== "request") throw new NotFound();
  if (found.request) return { ok: false, error: "You already asked for something from this campaign." };
  if (!found.open) return { ok: false, error: "Requests for this campaign are closed." };
  const variant = found.campaign.products.flatMap((p) => p.variants.map((v) => ({ ...v, product: p.name }))).find((v) => v.id === variantId);
  if (!variant) return { ok: false, field: "variantId", error: "Choose one of the options." };
  const result = await db.$transaction(async (tx): Promise<RequestResult> => {
    if (!(await reserveUnit(tx, variant.id, campaignId))) return { ok: false, field: "variantId", error: `Sorry — ${variant.product} (${variant.name}) just ran out. Choose another option.` };
    const r = await tx.seedingRequest.create({
      data: { brandId: found.campaign.brandId, campaignId, variantId: variant.id, ambassadorId: found.member.id, status: "requested", address: JSON.stringify(address), requestedAt: now },
      select: { id: true },
    });
    if (saveAddress) await tx.ambassador.update({ where: { id: found.member.id }, data: { shippingAddress: JSON.stringify(address) } });
    await recordTouch({ brandId: found.campaign.brandId, ambassadorId: found.member.id, kind: "seeding", summary: `Requested ${variant.product} (${variant.name}) from ${found.campaign.name}`, actorId: userId, at: now }, tx);
    return { ok: true, id: r.id };
  });
  return result;
}

/** Offer mode: the brand picks fans; each offer reserves a unit and is emailed. */
export async function offerProduct(scope: BrandScope, campaignId: string, variantId: string, ambassadorIds: string[], actorId: string) {
  const { brandId } = scope;
  const campaign = await db.seedingCampaign.findFirst({ where: { id: campaignId, brandId, mode: "offer" }, select: { id: true, name: true } });
  const variant = await db.seedingVariant.findFirst({ where: { id: variantId, campaignId }, select: { id: true, name: true, product: { select: { name: true } } } });
  if (!campaign || !variant) throw new NotFound();
  const fans = await db.ambassador.findMany({ where: { brandId, id: { in: ambassadorIds }, status: "active" }, select: { id: true, shippingAddress: true } });
  let offered = 0;
  let outOfStock = 0;
  for (const f of fans) {
    const id = await db.$transaction(async (tx) => {
      const exists = await tx.seedingRequest.findUnique({ where: { campaignId_ambassadorId: { campaignId, ambassadorId: f.id } }, select: { id: true } });
      if (exists) return null;
      if (!(await reserveUnit(tx, variant.id, campaignId))) {
        outOfStock++;
        return null;
      }
      const r = await tx.seedingRequest.create({ data: { brandId, campaignId, variantId: variant.id, ambassadorId: f.id, status: "offered", address: f.shippingAddress }, select: { id: true } });
      await recordTouch({ brandId, ambassadorId: f.id, kind: "seeding", summary: `Offered ${variant.product.name} (${variant.name}) from ${campaign.name}`, actorId }, tx);
      return r.id;
    });
    if (id) {
      offered++;
      await sendSeedingEmail("offered", id);
    }
  }
  return { offered, outOfStock };
}

/** The fan accepts an offer (with an address) or declines it (the unit goes back to stock). */
export async function answerOffer(scope: FanScope, requestId: string, accept: boolean, address: Address | null, saveAddress: boolean) {
  const { userId } = scope;
  const r = await db.seedingRequest.findFirst({ where: { id: requestId, status: "offered", ambassador: { userId } }, select: { id: true, brandId: true, ambassadorId: true, variantId: true, campaign: { select: { name: true } } } });
  if (!r) throw new NotFound();
  await db.$transaction(async (tx) => {
    // The offer is answered once: a second answer sent at the same time finds it no longer "offered".
    const answered = await transition(tx.seedingRequest, { id: r.id, status: "offered" }, accept ? { status: "approved", decidedAt: new Date(), address: JSON.stringify(address) } : { status: "withdrawn", decidedAt: new Date() });
    if (!answered) throw new Conflict("This offer was already answered.");
    if (accept) {
      if (saveAddress) await tx.ambassador.update({ where: { id: r.ambassadorId }, data: { shippingAddress: JSON.stringify(address) } });
    } else {
      await releaseUnit(tx, r.variantId);
    }
    await recordTouch({ brandId: r.brandId, ambassadorId: r.ambassadorId, kind: "seeding", summary: accept ? `Accepted the offer from ${r.campaign.name}` : `Declined the offer from ${r.campaign.name}`, actorId: userId }, tx);
  });
}
