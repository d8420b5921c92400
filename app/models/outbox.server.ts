import { parseStoredAttachments } from "#app/utils/email.server";
import { db } from "#app/utils/db.server";

export const OUTBOX_PAGE_SIZE = 30;

/** Newest messages first; brandId limits to one brand (undefined = all mail, for the developer outbox). */
export async function listOutbox({ brandId, page, to }: { brandId?: string; page: number; to?: string }) {
  const where = { ...(brandId ? { brandId } : {}), ...(to ? { to: { contains: to.toLowerCase() } } : {}) };
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
 * One message as the outbox shows it: inline images (cid:) are swapped for data URLs so the preview looks like
 * the delivered email, and attachments become downloadable data URLs.
 */
export async function getOutboxMessage(id: string, brandId?: string) {
  const message = await db.outboxMessage.findFirst({
    where: { id, ...(brandId ? { brandId } : {}) },
    select: { id: true, to: true, from: true, subject: true, template: true, status: true, error: true, html: true, text: true, createdAt: true, sentAt: true, providerId: true, attempts: true, attachments: true },
  });
  if (!message) return null;
  const attachments = parseStoredAttachments(message.attachments).map((a) => ({
    filename: a.filename,
    contentId: a.contentId,
    size: Math.floor((a.base64.length * 3) / 4),
    href: `data:${a.contentType};base64,${a.base64}`,
  }));
  let html = message.html;
  for (const a of attachments) if (a.contentId) html = html.replaceAll(`cid:${a.contentId}`, a.href);
  return { ...message, html, attachments };
}
