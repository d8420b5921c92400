import { createElement } from "react";
import SeedingEmail, { seedingEmailSubject, type SeedingEmailKind } from "../../emails/seeding";
import type { Prisma } from "#app/generated/prisma/client";
import { db } from "#app/utils/db.server";
import { sendEmail } from "#app/utils/email.server";
import { getEnv } from "#app/utils/env.server";
import { zonedInputToUtc } from "#app/utils/format";
import { enqueueJob, registerJobHandler } from "#app/utils/jobs.server";
import { matchesAudience, readAudience } from "./audience";
import { activeMemberships, toAudienceMember } from "./audience.server";
import { followUpSchedule, parseFollowUpDays, readAddress, type Address, type CampaignInput, type RequestStatus } from "./seeding";
import { recordTouch } from "./timeline.server";
import { choicesOf } from "./email-preferences";
import { unsubscribeHeaders } from "./unsubscribe.server";
import { NotFound } from "./errors";
import { ambassadorRecordWhere, type BrandScope, type FanScope } from "./scope";

export const SEEDING_FOLLOW_UP_JOB = "seeding.follow-up";
type Tx = Prisma.TransactionClient;

// ---------------------------------------------------------------------------------------------------------
// Stock: SeedingVariant.reserved only grows through one conditional update, so a variant is never
// over-requested, however many fans ask at once (same approach as event seats, decision 008).
// ---------------------------------------------------------------------------------------------------------

async function reserveUnit(tx: Tx, variantId: string, campaignId: string) {
  const changed = await tx.$executeRaw`UPDATE "SeedingVariant" SET "reserved" = "reserved" + 1 WHERE "id" = ${variantId} AND "campaignId" = ${campaignId} AND "reserved" < "stock"`;
  return changed === 1;
}

async function releaseUnit(tx: Tx, variantId: string) {
  await tx.$executeRaw`UPDATE "SeedingVariant" SET "reserved" = "reserved" - 1 WHERE "id" = ${variantId} AND "reserved" > 0`;
}

/**
 * Product that has not shipped yet goes back to stock when its fan leaves: requests and offers still open are
 * withdrawn. Runs in the caller's transaction; returns how many were withdrawn.
 */
export async function withdrawOpenRequests(tx: Tx, ambassadorId: string, reason: string) {
  const open = await tx.seedingRequest.findMany({ where: { ambassadorId, status: { in: ["offered", "requested", "approved"] } }, select: { id: true, brandId: true, variantId: true, campaign: { select: { name: true } } } });
  for (const r of open) {
    const changed = await tx.seedingRequest.updateMany({ where: { id: r.id, status: { in: ["offered", "requested", "approved"] } }, data: { status: "withdrawn", decidedAt: new Date() } });
    if (changed.count !== 1) continue;
    await releaseUnit(tx, r.variantId);
    await recordTouch({ brandId: r.brandId, ambassadorId, kind: "seeding", summary: `Request from ${r.campaign.name} withdrawn (${reason})` }, tx);
  }
  return open.length;
}

// ---------------------------------------------------------------------------------------------------------
// Campaigns (managers)
// ---------------------------------------------------------------------------------------------------------

export async function createCampaign(brand: { id: string; timeZone: string }, userId: string, input: CampaignInput) {
  const opensAt = input.opensAt ? zonedInputToUtc(input.opensAt, brand.timeZone) : null;
  const closesAt = input.closesAt ? zonedInputToUtc(input.closesAt, brand.timeZone) : null;
  const errors: Record<string, string[]> = {};
  if (input.opensAt && !opensAt) errors.opensAt = ["Enter a date and time, or leave it empty."];
  if (input.closesAt && !closesAt) errors.closesAt = ["Enter a date and time, or leave it empty."];
  if (opensAt && closesAt && closesAt <= opensAt) errors.closesAt = ["The window must close after it opens."];
  if (Object.keys(errors).length) return { ok: false as const, errors };
  const campaign = await db.seedingCampaign.create({
    data: {
      brandId: brand.id,
      name: input.name,
      callToAction: input.callToAction,
      guidelines: input.guidelines,
      mode: input.mode,
      audienceKind: input.audienceKind,
      audienceValues: JSON.stringify(input.audienceKind === "all" ? [] : input.audienceValues),
      opensAt,
      closesAt,
      followUpDays: parseFollowUpDays(input.followUpDays).join(","),
      createdById: userId,
    },
    select: { id: true },
  });
  for (const p of input.products) {
    const product = await db.seedingProduct.create({ data: { campaignId: campaign.id, name: p.name, valueCents: Math.round(p.value * 100) }, select: { id: true } });
    await db.seedingVariant.createMany({ data: p.variants.map((v) => ({ campaignId: campaign.id, productId: product.id, name: v.name, stock: v.stock })) });
  }
  return { ok: true as const, id: campaign.id };
}

/** Changes a variant's stock; it can't go below what is already reserved. */
export async function setStock(scope: BrandScope, variantId: string, stock: number) {
  const { brandId } = scope;
  const v = await db.seedingVariant.findFirst({ where: { id: variantId, campaign: { brandId } }, select: { id: true, reserved: true } });
  if (!v) throw new NotFound();
  if (stock < v.reserved) return { ok: false as const, error: `${v.reserved} already reserved — stock can't go below that.` };
  await db.seedingVariant.update({ where: { id: v.id }, data: { stock } });
  return { ok: true as const };
}

export async function listCampaigns(scope: BrandScope) {
  const { brandId } = scope;
  const campaigns = await db.seedingCampaign.findMany({
    where: { brandId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, mode: true, opensAt: true, closesAt: true, createdAt: true, variants: { select: { stock: true, reserved: true } } },
  });
  const counts = await db.seedingRequest.groupBy({ by: ["campaignId", "status"], where: { brandId }, _count: { _all: true } });
  return campaigns.map((c) => {
    const byStatus = Object.fromEntries(counts.filter((x) => x.campaignId === c.id).map((x) => [x.status, x._count._all])) as Partial<Record<RequestStatus, number>>;
    return { ...c, stock: c.variants.reduce((n, v) => n + v.stock, 0), reserved: c.variants.reduce((n, v) => n + v.reserved, 0), byStatus };
  });
}

const REQUEST_ROW = {
  id: true,
  status: true,
  outcome: true,
  address: true,
  carrier: true,
  trackingNumber: true,
  trackingUrl: true,
  feedback: true,
  requestedAt: true,
  shippedAt: true,
  deliveredAt: true,
  variant: { select: { id: true, name: true, product: { select: { name: true, valueCents: true } } } },
  ambassador: { select: { id: true, name: true, email: true, city: true, maxFollowers: true } },
  _count: { select: { posts: true } },
} satisfies Prisma.SeedingRequestSelect;

const CAMPAIGN_DETAIL = {
  id: true,
  brandId: true,
  name: true,
  callToAction: true,
  guidelines: true,
  mode: true,
  audienceKind: true,
  audienceValues: true,
  opensAt: true,
  closesAt: true,
  followUpDays: true,
  products: { select: { id: true, name: true, valueCents: true, variants: { select: { id: true, name: true, stock: true, reserved: true } } } },
} satisfies Prisma.SeedingCampaignSelect;

/** The id of one of the brand's campaigns; NotFound outside the brand. */
export async function campaignIdForStaff(scope: BrandScope, campaignId: string) {
  const { brandId } = scope;
  const campaign = await db.seedingCampaign.findFirst({ where: { id: campaignId, brandId }, select: { id: true } });
  if (!campaign) throw new NotFound("Campaign not found");
  return campaign.id;
}

export async function getCampaignForStaff(scope: BrandScope, campaignId: string, status?: string) {
  const { brandId } = scope;
  const campaign = await db.seedingCampaign.findFirst({
    where: { id: campaignId, brandId },
    select: CAMPAIGN_DETAIL,
  });
  if (!campaign) return null;
  const requests = await db.seedingRequest.findMany({
    where: { campaignId: campaign.id, ...(status ? { status } : {}) },
    orderBy: { requestedAt: "asc" },
    take: 500,
    select: REQUEST_ROW,
  });
  return { campaign: { ...campaign, audience: readAudience(campaign.audienceKind, campaign.audienceValues) }, requests: requests.map((r) => ({ ...r, address: readAddress(r.address) })) };
}

// ---------------------------------------------------------------------------------------------------------
// Fans
// ---------------------------------------------------------------------------------------------------------

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
    if (accept) {
      await tx.seedingRequest.update({ where: { id: r.id }, data: { status: "approved", decidedAt: new Date(), address: JSON.stringify(address) } });
      if (saveAddress) await tx.ambassador.update({ where: { id: r.ambassadorId }, data: { shippingAddress: JSON.stringify(address) } });
    } else {
      await tx.seedingRequest.update({ where: { id: r.id }, data: { status: "withdrawn", decidedAt: new Date() } });
      await releaseUnit(tx, r.variantId);
    }
    await recordTouch({ brandId: r.brandId, ambassadorId: r.ambassadorId, kind: "seeding", summary: accept ? `Accepted the offer from ${r.campaign.name}` : `Declined the offer from ${r.campaign.name}`, actorId: userId }, tx);
  });
}

// ---------------------------------------------------------------------------------------------------------
// The pipeline (managers): approve / decline → shipped → delivered → outcome
// ---------------------------------------------------------------------------------------------------------

async function scopedRequests(brandId: string, campaignId: string, ids: string[], statuses: RequestStatus[]) {
  return db.seedingRequest.findMany({
    where: { brandId, campaignId, id: { in: ids }, status: { in: statuses } },
    select: { id: true, ambassadorId: true, variantId: true, variant: { select: { name: true, product: { select: { name: true } } } } },
  });
}

export async function decideRequests(scope: BrandScope, campaignId: string, ids: string[], approve: boolean, actorId: string) {
  const { brandId } = scope;
  const rows = await scopedRequests(brandId, campaignId, ids, ["requested"]);
  for (const r of rows) {
    await db.$transaction(async (tx) => {
      await tx.seedingRequest.update({ where: { id: r.id }, data: { status: approve ? "approved" : "declined", decidedAt: new Date() } });
      if (!approve) await releaseUnit(tx, r.variantId);
      await recordTouch({ brandId, ambassadorId: r.ambassadorId, kind: "seeding", summary: `${approve ? "Approved" : "Declined"}: ${r.variant.product.name} (${r.variant.name})`, actorId }, tx);
    });
    if (approve) await sendSeedingEmail("approved", r.id);
  }
  return rows.length;
}

export async function markShipped(scope: BrandScope, campaignId: string, id: string, tracking: { carrier: string; trackingNumber: string; trackingUrl: string }, actorId: string) {
  const { brandId } = scope;
  const [r] = await scopedRequests(brandId, campaignId, [id], ["approved", "shipped"]);
  if (!r) return false;
  const trackingUrl = /^https?:\/\//i.test(tracking.trackingUrl) ? tracking.trackingUrl : "";
  await db.$transaction(async (tx) => {
    await tx.seedingRequest.update({ where: { id: r.id }, data: { status: "shipped", shippedAt: new Date(), carrier: tracking.carrier.slice(0, 60), trackingNumber: tracking.trackingNumber.slice(0, 80), trackingUrl: trackingUrl.slice(0, 500) } });
    await recordTouch({ brandId, ambassadorId: r.ambassadorId, kind: "seeding", summary: `Shipped ${r.variant.product.name} (${r.variant.name})`, actorId }, tx);
  });
  await sendSeedingEmail("shipped", r.id);
  return true;
}

/** Delivered (marked by staff or confirmed by the fan): the gentle follow-ups are scheduled. */
/**
 * A shipped package arrived: marked by staff of the brand or by the fan it was sent to (one of the two, always).
 * The follow-ups are scheduled in the same transaction. False when nothing shipped matches (nothing changes).
 */
export async function markDelivered(scope: BrandScope | FanScope, requestId: string, now = new Date()) {
  const r = await db.seedingRequest.findFirst({
    where: { id: requestId, status: "shipped", ...ambassadorRecordWhere(scope) },
    select: { id: true, brandId: true, ambassadorId: true, campaign: { select: { followUpDays: true } }, variant: { select: { product: { select: { name: true } } } } },
  });
  if (!r) return false;
  const { followUps, settleAt } = followUpSchedule(now, parseFollowUpDays(r.campaign.followUpDays));
  return db.$transaction(async (tx) => {
    const moved = await tx.seedingRequest.updateMany({ where: { id: r.id, status: "shipped" }, data: { status: "delivered", deliveredAt: now } });
    if (moved.count !== 1) return false;
    await recordTouch({ brandId: r.brandId, ambassadorId: r.ambassadorId, kind: "seeding", summary: `${r.variant.product.name} delivered`, actorId: scope.userId, at: now }, tx);
    for (const [i, at] of followUps.entries()) await enqueueJob(SEEDING_FOLLOW_UP_JOB, { requestId: r.id, step: i }, { tx, runAt: at, dedupeKey: `seeding:${r.id}:follow-up:${i}` });
    await enqueueJob(SEEDING_FOLLOW_UP_JOB, { requestId: r.id, step: "settle" }, { tx, runAt: settleAt, dedupeKey: `seeding:${r.id}:settle` });
    return true;
  });
}

/** A gentle nudge while nothing has happened; at the end the request settles as "no post", quietly. */
export async function runFollowUp(requestId: string, step: number | "settle", now = new Date()) {
  const r = await db.seedingRequest.findUnique({ where: { id: requestId }, select: { id: true, status: true, outcome: true, brandId: true, ambassadorId: true, ambassador: { select: { emailOptIn: true } } } });
  if (!r || r.status !== "delivered" || r.outcome) return "skipped";
  if (step === "settle") {
    await db.$transaction(async (tx) => {
      await tx.seedingRequest.update({ where: { id: r.id }, data: { status: "settled", outcome: "no_post", settledAt: now } });
      await recordTouch({ brandId: r.brandId, ambassadorId: r.ambassadorId, kind: "seeding", summary: "Seeding closed quietly without a post", at: now }, tx);
    });
    return "settled";
  }
  await db.seedingRequest.update({ where: { id: r.id }, data: { followUpsSent: { increment: 1 } } });
  await sendSeedingEmail("follow_up", r.id);
  return "sent";
}

registerJobHandler(SEEDING_FOLLOW_UP_JOB, async ({ requestId, step }: { requestId: string; step: number | "settle" }) => {
  await runFollowUp(requestId, step);
});

/** Honest feedback instead of a post: a first-class outcome, private to the brand. */
export async function giveFeedback(scope: FanScope, requestId: string, feedback: string) {
  const { userId } = scope;
  const r = await db.seedingRequest.findFirst({ where: { id: requestId, ambassador: { userId }, status: { in: ["shipped", "delivered", "settled"] } }, select: { id: true, brandId: true, ambassadorId: true, outcome: true } });
  if (!r) throw new NotFound();
  await db.$transaction(async (tx) => {
    await tx.seedingRequest.update({ where: { id: r.id }, data: { feedback, outcome: r.outcome === "posted" ? "posted" : "feedback", status: "settled", settledAt: new Date() } });
    await recordTouch({ brandId: r.brandId, ambassadorId: r.ambassadorId, kind: "seeding", summary: "Shared honest feedback", body: feedback, actorId: userId }, tx);
  });
}

/** Approved requests with their addresses, as a CSV for packing. */
export async function packingListCsv(scope: BrandScope, campaignId: string) {
  const { brandId } = scope;
  const found = await getCampaignForStaff(scope, campaignId, "approved");
  if (!found) return null;
  const rows = found.requests.map((r) => [r.id, r.ambassador.name, r.ambassador.email, r.variant.product.name, r.variant.name, r.address?.name ?? "", r.address?.line1 ?? "", r.address?.line2 ?? "", r.address?.city ?? "", r.address?.region ?? "", r.address?.postalCode ?? "", r.address?.country ?? ""]);
  return { name: found.campaign.name, rows: [["request id", "name", "email", "product", "variant", "ship to", "address line 1", "address line 2", "city", "region", "postal code", "country"], ...rows] };
}

async function sendSeedingEmail(kind: SeedingEmailKind, requestId: string) {
  const r = await db.seedingRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      carrier: true,
      trackingNumber: true,
      trackingUrl: true,
      campaign: { select: { id: true, name: true, guidelines: true, brand: { select: { id: true, name: true, color: true, logoUrl: true } } } },
      variant: { select: { name: true, product: { select: { name: true } } } },
      ambassador: { select: { id: true, name: true, email: true, emailOptIn: true, emailScoops: true, emailEvents: true, emailProducts: true } },
    },
  });
  // Offers and follow-ups are program email (the fan chose whether to get them); approvals and parcels answer
  // the fan's own request and always go.
  const program = kind === "offered" || kind === "follow_up";
  if (program && !choicesOf(r.ambassador).products) return;
  const unsubscribe = program ? unsubscribeHeaders(r.ambassador.id, "products") : null;
  const props = {
    kind,
    brand: r.campaign.brand,
    fanName: r.ambassador.name.split(" ")[0] || r.ambassador.name,
    campaign: r.campaign.name,
    product: `${r.variant.product.name} (${r.variant.name})`,
    url: `${getEnv().APP_URL}/me/seeding/${r.campaign.id}`,
    carrier: r.carrier,
    trackingNumber: r.trackingNumber,
    trackingUrl: r.trackingUrl,
  };
  await sendEmail({ to: r.ambassador.email, brandId: r.campaign.brand.id, template: "seeding", subject: seedingEmailSubject(props), react: createElement(SeedingEmail, props), ...(unsubscribe ?? {}) });
}

/** Marks requests shipped from a CSV of tracking numbers; each row reports what happened. */
export async function shipFromCsv(scope: BrandScope, campaignId: string, rows: { line: number; requestId: string; email: string; carrier: string; trackingNumber: string; trackingUrl: string }[], actorId: string) {
  const { brandId } = scope;
  const report: { line: number; ok: boolean; message: string }[] = [];
  for (const row of rows) {
    const request = await db.seedingRequest.findFirst({
      where: { brandId, campaignId, ...(row.requestId ? { id: row.requestId } : { ambassador: { email: row.email } }) },
      select: { id: true, status: true },
    });
    if (!request) report.push({ line: row.line, ok: false, message: `No request in this campaign for ${row.requestId || row.email || "an empty row"}.` });
    else if (!row.trackingNumber) report.push({ line: row.line, ok: false, message: "The tracking number is empty." });
    else if (!(await markShipped(scope, campaignId, request.id, row, actorId))) report.push({ line: row.line, ok: false, message: `The request is ${request.status}; only approved requests can ship.` });
    else report.push({ line: row.line, ok: true, message: "Marked shipped." });
  }
  return report;
}
