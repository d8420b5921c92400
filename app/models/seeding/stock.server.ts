// Stock: SeedingVariant.reserved only grows through one conditional update, so a variant is never
// over-requested, however many fans ask at once (same approach as event seats, decision 008).
import type { Prisma } from "#app/generated/prisma/client";
import { recordTouch } from "../timeline.server";
import { transition } from "#app/utils/transition.server";

type Tx = Prisma.TransactionClient;

export async function reserveUnit(tx: Tx, variantId: string, campaignId: string) {
  const changed = await tx.$executeRaw`UPDATE "SeedingVariant" SET "reserved" = "reserved" + 1 WHERE "id" = ${variantId} AND "campaignId" = ${campaignId} AND "reserved" < "stock"`;
  return changed === 1;
}

export async function releaseUnit(tx: Tx, variantId: string) {
  await tx.$executeRaw`UPDATE "SeedingVariant" SET "reserved" = "reserved" - 1 WHERE "id" = ${variantId} AND "reserved" > 0`;
}

/**
 * Product that has not shipped yet goes back to stock when its fan leaves: requests and offers still open are
 * withdrawn. Runs in the caller's transaction; returns how many were withdrawn.
 */
export async function withdrawOpenRequests(tx: Tx, ambassadorId: string, reason: string) {
  const open = await tx.seedingRequest.findMany({ where: { ambassadorId, status: { in: ["offered", "requested", "approved"] } }, select: { id: true, brandId: true, variantId: true, campaign: { select: { name: true } } } });
  for (const r of open) {
    const changed = await transition(tx.seedingRequest, { id: r.id, status: { in: ["offered", "requested", "approved"] } }, { status: "withdrawn", decidedAt: new Date() });
    if (!changed) continue;
    await releaseUnit(tx, r.variantId);
    await recordTouch({ brandId: r.brandId, ambassadorId, kind: "seeding", summary: `Request from ${r.campaign.name} withdrawn (${reason})` }, tx);
  }
  return open.length;
}
