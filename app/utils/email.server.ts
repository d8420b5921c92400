import type { ReactElement } from "react";
import { render } from "@react-email/render";
import { Resend } from "resend";
import { db } from "./db.server";
import { getEnv } from "./env.server";
import { enqueueJob, registerJobHandler } from "./jobs.server";

/**
 * The only way Kindred sends mail. Every message is rendered from a react-email template, recorded in the
 * outbox, and handed to Resend when RESEND_API_KEY is set. Failed sends are retried by the job runner with
 * backoff; without a key the message is kept as "skipped" (not sent — no provider configured).
 */
export type SendEmailInput = {
  to: string;
  subject: string;
  react: ReactElement;
  /** the template's file name in emails/, for the outbox */
  template: string;
  brandId?: string | null;
  /** small files: a calendar invitation, an inline QR ticket (referenced in the HTML as cid:<contentId>) */
  attachments?: EmailAttachment[];
};

export type EmailAttachment = { filename: string; contentType: string; content: Buffer | string; contentId?: string };
type StoredAttachment = { filename: string; contentType: string; contentId?: string; base64: string };

export function parseStoredAttachments(json: string): StoredAttachment[] {
  try {
    const list = JSON.parse(json);
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

export type SendEmailResult = { id: string; status: "sent" | "failed" | "skipped"; error?: string };

export const EMAIL_DELIVER_JOB = "email.deliver";

export async function sendEmail(input: SendEmailInput): Promise<SendEmailResult> {
  const env = getEnv();
  const [html, text] = await Promise.all([render(input.react), render(input.react, { plainText: true })]);
  const message = await db.outboxMessage.create({
    data: {
      brandId: input.brandId ?? null,
      to: input.to,
      from: env.EMAIL_FROM,
      subject: input.subject,
      template: input.template,
      attachments: JSON.stringify(
        (input.attachments ?? []).map(
          (a): StoredAttachment => ({ filename: a.filename, contentType: a.contentType, contentId: a.contentId, base64: Buffer.from(a.content).toString("base64") }),
        ),
      ),
      html,
      text,
      status: env.RESEND_API_KEY ? "queued" : "skipped",
      error: env.RESEND_API_KEY ? null : "Not sent — no provider configured (RESEND_API_KEY is not set).",
    },
    select: { id: true },
  });
  if (!env.RESEND_API_KEY) return { id: message.id, status: "skipped" };

  const outcome = await deliverOutboxMessage(message.id);
  if (outcome.status === "failed") {
    await enqueueJob(EMAIL_DELIVER_JOB, { messageId: message.id }, { dedupeKey: `email:${message.id}`, maxAttempts: 6, runAt: new Date(Date.now() + 30_000) });
  }
  return { id: message.id, ...outcome };
}

let resendClient: { key: string; client: Resend } | undefined;
function resend(key: string) {
  if (resendClient?.key !== key) resendClient = { key, client: new Resend(key) };
  return resendClient.client;
}

/** Sends one recorded message through Resend. Safe to call again: the outbox id is the idempotency key. */
export async function deliverOutboxMessage(id: string): Promise<{ status: "sent" | "failed" | "skipped"; error?: string }> {
  const env = getEnv();
  const message = await db.outboxMessage.findUnique({ where: { id } });
  if (!message) return { status: "failed", error: "Message not found" };
  if (message.status === "sent") return { status: "sent" };
  if (!env.RESEND_API_KEY) return { status: "skipped" };

  let error: string | undefined;
  let providerId: string | undefined;
  try {
    const { data, error: apiError } = await resend(env.RESEND_API_KEY).emails.send(
      {
        from: message.from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        attachments: parseStoredAttachments(message.attachments).map((a) => ({ filename: a.filename, content: a.base64, contentType: a.contentType, contentId: a.contentId })),
      },
      { idempotencyKey: `kindred-outbox-${message.id}` },
    );
    if (apiError) error = `${apiError.name}: ${apiError.message}`;
    else providerId = data?.id;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  await db.outboxMessage.update({
    where: { id },
    data: error
      ? { status: "failed", error, attempts: { increment: 1 } }
      : { status: "sent", providerId, error: null, sentAt: new Date(), attempts: { increment: 1 } },
  });
  return error ? { status: "failed", error } : { status: "sent" };
}

registerJobHandler(EMAIL_DELIVER_JOB, async ({ messageId }: { messageId: string }) => {
  const result = await deliverOutboxMessage(messageId);
  if (result.status === "failed") throw new Error(result.error ?? "Send failed");
});
