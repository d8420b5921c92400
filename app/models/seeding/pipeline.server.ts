// The pipeline (managers): approve / decline → shipped → delivered → outcome, with the fan's emails and the
// follow-ups after delivery (job runner).
import { createElement } from "react";
import SeedingEmail, { seedingEmailSubject, type SeedingEmailKind } from "../../../emails/seeding";
import { db } from "#app/utils/db.server";
import { transition } from "#app/utils/transition.server";
import { sendEmail } from "#app/utils/email.server";
import { getEnv } from "#app/utils/env.server";
import { z } from "zod";
import { defineJob } from "#app/utils/jobs.server";
import { followUpSchedule, parseFollowUpDays, type RequestStatus } from "./rules";
import { recordTouch } from "../timeline.server";
import { choicesOf } from "../email-preferences";
import { unsubscribeHeaders } from "../unsubscribe.server";
import { NotFound } from "../errors";
import { ambassadorRecordWhere, type BrandScope, type FanScope } from "../scope";
import { releaseUnit } from "./stock.server";

async function scopedRequests(brandId: string, campaignId: string, ids: string[], statuses: RequestStatus[]) {
  return db.seedingRequest.findMany({
    where: { brandId, campaignId, id: { in: ids }, status: { in: statuses } },
    select: { id: true, ambassadorId: true, variantId: true, variant: { select: { name: true, product: { select: { name: true } } } } },
  });
}

export async function decideRequests(scope: BrandScope, campaignId: string, ids: string[], approve: boolean, actorId: string) {
  const { brandId } = scope;
  const rows = await scopedRequests(brandId, campaignId, ids, ["requested"]);
  let decided = 0;
  for (const r of rows) {
    // Only the call that moves the request out of "requested" returns its unit and emails the fan: the same
    // decision sent twice at once changes it once.
    const moved = await db.$transaction(async (tx) => {
      if (!(await transition(tx.seedingRequest, { id: r.id, status: "requested" }, { status: approve ? "approved" : "declined", decidedAt: new Date() }))) return false;
      if (!approve) await releaseUnit(tx, r.variantId);
      await recordTouch({ brandId, ambassadorId: r.ambassadorId, kind: "seeding", summary: `${approve ? "Approved" : "Declined"}: ${r.variant.product.name} (${r.variant.name})`, actorId }, tx);
      return true;
    });
    if (!moved) continue;
    decided++;
    if (approve) await sendSeedingEmail("approved", r.id);
  }
  return decided;
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
    const moved = await transition(tx.seedingRequest, { id: r.id, status: "shipped" }, { status: "delivered", deliveredAt: now });
    if (!moved) return false;
    await recordTouch({ brandId: r.brandId, ambassadorId: r.ambassadorId, kind: "seeding", summary: `${r.variant.product.name} delivered`, actorId: scope.userId, at: now }, tx);
    for (const [i, at] of followUps.entries()) await seedingFollowUpJob.enqueue({ requestId: r.id, step: i }, { tx, runAt: at, dedupeKey: `seeding:${r.id}:follow-up:${i}` });
    await seedingFollowUpJob.enqueue({ requestId: r.id, step: "settle" }, { tx, runAt: settleAt, dedupeKey: `seeding:${r.id}:settle` });
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

const seedingFollowUpJob = defineJob("seeding.follow-up", z.object({ requestId: z.string(), step: z.union([z.number().int().min(0), z.literal("settle")]) }), async ({ requestId, step }) => {
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

export async function sendSeedingEmail(kind: SeedingEmailKind, requestId: string) {
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
