import { deliverableContent, PROVIDER_BATCH_SIZE } from "#app/utils/email.server";
import { getEnv } from "#app/utils/env.server";
import { containsText, db } from "#app/utils/db.server";

export const OUTBOX_PAGE_SIZE = 30;

/** Newest messages first; brandId limits to one brand (undefined = all mail, for the developer outbox). */
export async function listOutbox({ brandId, page, to }: { brandId?: string; page: number; to?: string }) {
  const where = { ...(brandId ? { brandId } : {}), ...(to ? { to: containsText(to.toLowerCase()) } : {}) };
  const [total, messages] = await Promise.all([
    db.outboxMessage.count({ where }),
    db.outboxMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: { id: true, to: true, subject: true, template: true, status: true, error: true, createdAt: true, sentAt: true, attempts: true },
    }),
  ]);
  return { total, messages, pageCount: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)) };
}

/**
 * How the brand's mail is going out: messages still waiting for the provider, those sent in the last hour, and
 * roughly how long the wait is at the configured pace (fan-outs go 100 a call, RESEND_RATE_PER_SECOND calls a second).
 */
export async function outboxProgress(brandId: string, now = new Date()) {
  const [queued, sentLastHour] = await Promise.all([
    db.outboxMessage.count({ where: { brandId, status: "queued" } }),
    db.outboxMessage.count({ where: { brandId, status: "sent", sentAt: { gte: new Date(now.getTime() - 3_600_000) } } }),
  ]);
  const perSecond = PROVIDER_BATCH_SIZE * getEnv().RESEND_RATE_PER_SECOND;
  return { queued, sentLastHour, etaMinutes: queued ? Math.max(1, Math.ceil(queued / perSecond / 60)) : 0 };
}

/**
 * One message as the outbox shows it: inline images (cid:) are swapped for data URLs so the preview looks like
 * the delivered email, and attachments become downloadable data URLs. Staff (brandId given) see the copy with the
 * recipient's secrets hidden; the developer outbox (recipientCopy) sees what the recipient gets, while it is kept.
 */
export async function getOutboxMessage(id: string, scope: { brandId: string } | { recipientCopy: true }) {
  const brandId = "brandId" in scope ? scope.brandId : undefined;
  const message = await db.outboxMessage.findFirst({
    where: { id, ...(brandId ? { brandId } : {}) },
    select: {
      id: true,
      to: true,
      from: true,
      subject: true,
      template: true,
      status: true,
      error: true,
      html: true,
      text: true,
      createdAt: true,
      sentAt: true,
      providerId: true,
      attempts: true,
      attachments: true,
      headers: true,
      redacted: true,
      privateContent: true,
    },
  });
  if (!message) return null;
  const { privateContent, ...row } = message;
  const content = deliverableContent({ ...row, privateContent: "recipientCopy" in scope ? privateContent : null });
  const attachments = content.attachments.map((a) => ({
    filename: a.filename,
    contentId: a.contentId,
    size: a.base64 === undefined ? null : Math.floor((a.base64.length * 3) / 4),
    href: a.base64 === undefined ? null : `data:${a.contentType};base64,${a.base64}`,
  }));
  let html = content.html;
  for (const a of attachments) if (a.contentId && a.href) html = html.replaceAll(`cid:${a.contentId}`, a.href);
  const hidden = message.redacted && !("recipientCopy" in scope && privateContent);
  return { ...row, subject: content.subject, text: content.text, html, attachments, hidden, headers: content.headers ?? {} };
}
