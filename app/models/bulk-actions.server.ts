import { createElement } from "react";
import BrandMessageEmail from "../../emails/brand-message";
import { db, retryOnUniqueViolation } from "#app/utils/db.server";
import { sendEmail } from "#app/utils/email.server";
import { unsubscribeHeaders } from "./unsubscribe.server";
import type { SessionUser } from "#app/utils/auth.server";
import { AMBASSADOR_STATUSES, type AmbassadorStatus } from "./ambassadors";
import { recordTouch } from "./timeline.server";
import type { BrandScope } from "./scope";

export const MAX_BULK = 500;

/** Only ids that really are this brand's ambassadors survive. */
async function scoped(brandId: string, ids: string[]) {
  const rows = await db.ambassador.findMany({ where: { brandId, id: { in: ids.slice(0, MAX_BULK) } }, select: { id: true } });
  return rows.map((r) => r.id);
}

export async function bulkTag(scope: BrandScope, ids: string[], name: string, actorId: string) {
  const { brandId } = scope;
  const valid = await scoped(brandId, ids);
  // A unique-key race (the same tag made elsewhere at once) aborts the transaction; it runs again whole.
  await retryOnUniqueViolation(() =>
    db.$transaction(async (tx) => {
      const tag = await tx.tag.upsert({ where: { brandId_name: { brandId, name } }, create: { brandId, name }, update: {}, select: { id: true } });
      for (const ambassadorId of valid) {
        await tx.ambassadorTag.upsert({ where: { ambassadorId_tagId: { ambassadorId, tagId: tag.id } }, create: { ambassadorId, tagId: tag.id }, update: {} });
        await recordTouch({ brandId, ambassadorId, kind: "tagged", summary: `Tagged “${name}”`, actorId }, tx);
      }
    }),
  );
  return valid.length;
}

export async function bulkUntag(scope: BrandScope, ids: string[], name: string) {
  const { brandId } = scope;
  const valid = await scoped(brandId, ids);
  const tag = await db.tag.findUnique({ where: { brandId_name: { brandId, name } }, select: { id: true } });
  if (!tag) return 0;
  const res = await db.ambassadorTag.deleteMany({ where: { tagId: tag.id, ambassadorId: { in: valid } } });
  return res.count;
}

/**
 * The one way staff change ambassadors' status (one or many). Being active has dates the dashboard counts by: a fan
 * who becomes active gets a join date (if they had none) and no leaving date; one who stops being active (paused,
 * alumni) gets a leaving date.
 */
export async function bulkStatus(scope: BrandScope, ids: string[], status: AmbassadorStatus, actorId: string) {
  const { brandId } = scope;
  if (!AMBASSADOR_STATUSES.includes(status)) return 0;
  const valid = await scoped(brandId, ids);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const changing = await tx.ambassador.findMany({ where: { id: { in: valid }, NOT: { status } }, select: { id: true, status: true } });
    const ids = changing.map((c) => c.id);
    if (status === "active") {
      await tx.ambassador.updateMany({ where: { id: { in: ids } }, data: { status, leftAt: null } });
      await tx.ambassador.updateMany({ where: { id: { in: ids }, joinedAt: null }, data: { joinedAt: now } });
    } else {
      await tx.ambassador.updateMany({ where: { id: { in: ids } }, data: { status } });
      const wereActive = changing.filter((c) => c.status === "active").map((c) => c.id);
      await tx.ambassador.updateMany({ where: { id: { in: wereActive } }, data: { leftAt: now } });
    }
    for (const id of ids) await recordTouch({ brandId, ambassadorId: id, kind: "status", summary: `Status changed to ${status}`, actorId, at: now }, tx);
    return ids.length;
  });
}

/**
 * Emails a message to the chosen ambassadors who accept program emails; the others are counted as skipped.
 * Logistics for people who RSVP'd to an event (`logistics`) reach them whatever their program-email choice.
 */
export async function bulkMessage(scope: BrandScope, ids: string[], sender: SessionUser, subject: string, body: string, { logistics = false } = {}) {
  const { brandId } = scope;
  const valid = await scoped(brandId, ids);
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { name: true, color: true, logoUrl: true } });
  const recipients = await db.ambassador.findMany({ where: { id: { in: valid }, ...(logistics ? {} : { emailOptIn: true }), status: { in: ["active", "paused"] } }, select: { id: true, email: true, name: true } });
  for (const r of recipients) {
    await sendEmail({
      to: r.email,
      brandId,
      template: "brand-message",
      subject,
      react: createElement(BrandMessageEmail, { brand, fanName: r.name.split(" ")[0] || r.name, subject, body, senderName: sender.name ?? sender.email }),
      // A message to the program can be stopped in one click; logistics for an event the fan answered are not program email.
      ...(logistics ? {} : unsubscribeHeaders(r.id, "all")),
    });
    await recordTouch({ brandId, ambassadorId: r.id, kind: "message", summary: `Message: ${subject}`, body, actorId: sender.id });
  }
  return { sent: recipients.length, skipped: valid.length - recipients.length };
}
