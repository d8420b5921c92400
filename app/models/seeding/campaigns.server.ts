// Campaigns (managers): creating them, their stock, the list, one campaign with its requests, the packing list.
import type { Prisma } from "#app/generated/prisma/client";
import { db } from "#app/utils/db.server";
import { zonedInputToUtc } from "#app/utils/format";
import { readAudience } from "../audience";
import { parseFollowUpDays, readAddress, type CampaignInput, type RequestStatus } from "./rules";
import { NotFound } from "../errors";
import { type BrandScope } from "../scope";

export async function createCampaign(scope: BrandScope, input: CampaignInput) {
  const { brandId, userId } = scope;
  const { timeZone } = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { timeZone: true } });
  const opensAt = input.opensAt ? zonedInputToUtc(input.opensAt, timeZone) : null;
  const closesAt = input.closesAt ? zonedInputToUtc(input.closesAt, timeZone) : null;
  const errors: Record<string, string[]> = {};
  if (input.opensAt && !opensAt) errors.opensAt = ["Enter a date and time, or leave it empty."];
  if (input.closesAt && !closesAt) errors.closesAt = ["Enter a date and time, or leave it empty."];
  if (opensAt && closesAt && closesAt <= opensAt) errors.closesAt = ["The window must close after it opens."];
  if (Object.keys(errors).length) return { ok: false as const, errors };
  const campaign = await db.seedingCampaign.create({
    data: {
      brandId,
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

export const CAMPAIGN_DETAIL = {
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

/** Approved requests with their addresses, as a CSV for packing. */
export async function packingListCsv(scope: BrandScope, campaignId: string) {
  const found = await getCampaignForStaff(scope, campaignId, "approved");
  if (!found) return null;
  const rows = found.requests.map((r) => [r.id, r.ambassador.name, r.ambassador.email, r.variant.product.name, r.variant.name, r.address?.name ?? "", r.address?.line1 ?? "", r.address?.line2 ?? "", r.address?.city ?? "", r.address?.region ?? "", r.address?.postalCode ?? "", r.address?.country ?? ""]);
  return { name: found.campaign.name, rows: [["request id", "name", "email", "product", "variant", "ship to", "address line 1", "address line 2", "city", "region", "postal code", "country"], ...rows] };
}
