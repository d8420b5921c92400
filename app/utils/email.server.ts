import type { ReactElement } from "react";
import { render } from "@react-email/render";
import { Resend } from "resend";
import type { Prisma } from "#app/generated/prisma/client";
import { db } from "./db.server";
import { getEnv } from "./env.server";
import { devToolsEnabled } from "./dev-tools.server";
import { redactContent, type MessageContent, type StoredAttachment } from "./redaction";
import { z } from "zod";
import { defineJob } from "./jobs.server";

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
  /**
   * What only the recipient may read: sign-in codes, the tokens of invitation and sign-in links. The outbox keeps
   * the message with these hidden; the full message is kept only until it is delivered (docs/decisions/011).
   */
  secrets?: string[];
  /** extra mail headers, e.g. List-Unsubscribe (a token in them belongs in `secrets` too) */
  headers?: Record<string, string>;
};

/** `secret`: the file itself is for the recipient only (a QR ticket); the outbox lists it without its content. */
export type EmailAttachment = { filename: string; contentType: string; content: Buffer | string; contentId?: string; secret?: boolean };

export function parseStoredAttachments(json: string): StoredAttachment[] {
  try {
    const list = JSON.parse(json);
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

export type SendEmailResult = { id: string; status: "sent" | "failed" | "skipped"; error?: string };

/** A message rendered and ready to record: what the outbox shows, and (when it has secrets) what the recipient gets. */
export type PreparedEmail = { input: SendEmailInput; visible: MessageContent; full: MessageContent; hasPrivate: boolean };

/** Renders the template and hides the recipient's secrets for the outbox copy. Slow work: do it outside transactions. */
export async function prepareEmail(input: SendEmailInput): Promise<PreparedEmail> {
  const [html, text] = await Promise.all([render(input.react), render(input.react, { plainText: true })]);
  const attachments = input.attachments ?? [];
  const full: MessageContent = {
    subject: input.subject,
    html,
    text,
    attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, contentId: a.contentId, base64: Buffer.from(a.content).toString("base64") })),
    ...(input.headers ? { headers: input.headers } : {}),
  };
  const secrets = (input.secrets ?? []).filter(Boolean);
  const privateFiles = new Set(attachments.flatMap((a, i) => (a.secret ? [i] : [])));
  const hasPrivate = secrets.length > 0 || privateFiles.size > 0;
  return { input, full, hasPrivate, visible: hasPrivate ? redactContent(full, secrets, privateFiles) : full };
}

/**
 * Records a prepared message in the outbox and, with a provider, the job that delivers it — in the caller's
 * transaction when given, so "marked as emailed" and "an email is on its way" are kept together or not at all. The
 * job is also the safety net for sendEmail's immediate attempt: it finds the message sent and does nothing.
 */
export async function recordEmail(prepared: PreparedEmail, { tx, deliverAt }: { tx?: Prisma.TransactionClient; deliverAt?: Date } = {}) {
  const env = getEnv();
  const { input, visible, full, hasPrivate } = prepared;
  const client = tx ?? db;
  // The full message is needed to deliver it (and by the developer outbox, which is off in production).
  const keepPrivate = hasPrivate && (!!env.RESEND_API_KEY || devToolsEnabled());
  const message = await client.outboxMessage.create({
    data: {
      brandId: input.brandId ?? null,
      to: input.to,
      from: env.EMAIL_FROM,
      subject: visible.subject,
      template: input.template,
      attachments: JSON.stringify(visible.attachments),
      headers: JSON.stringify(visible.headers ?? {}),
      html: visible.html,
      text: visible.text,
      redacted: hasPrivate,
      privateContent: keepPrivate ? JSON.stringify(full) : null,
      status: env.RESEND_API_KEY ? "queued" : "skipped",
      error: env.RESEND_API_KEY ? null : "Not sent — no provider configured (RESEND_API_KEY is not set).",
    },
    select: { id: true },
  });
  if (env.RESEND_API_KEY) {
    await emailDeliverJob.enqueue({ messageId: message.id }, { tx, dedupeKey: `email:${message.id}`, maxAttempts: EMAIL_MAX_ATTEMPTS, runAt: deliverAt ?? new Date(Date.now() + 30_000) });
  }
  return { id: message.id };
}

/** Renders, records and sends one message now (sign-in codes and other mail a person is waiting for). */
export async function sendEmail(input: SendEmailInput): Promise<SendEmailResult> {
  const prepared = await prepareEmail(input);
  const { id } = await db.$transaction((tx) => recordEmail(prepared, { tx }));
  if (!getEnv().RESEND_API_KEY) return { id, status: "skipped" };
  return { id, ...(await deliverOutboxMessage(id)) };
}

const EMAIL_MAX_ATTEMPTS = 6;

/** The message as its recipient gets it: the private copy while one is kept, otherwise what the outbox shows. */
export function deliverableContent(message: { subject: string; html: string; text: string; attachments: string; headers: string; privateContent: string | null }): MessageContent {
  if (message.privateContent) return JSON.parse(message.privateContent) as MessageContent;
  return { subject: message.subject, html: message.html, text: message.text, attachments: parseStoredAttachments(message.attachments), headers: JSON.parse(message.headers || "{}") };
}

let resendClient: { key: string; client: Resend } | undefined;
function resend(key: string) {
  if (resendClient?.key !== key) resendClient = { key, client: new Resend(key) };
  return resendClient.client;
}

/**
 * Sends one recorded message through Resend. Safe to call again: the outbox id is the idempotency key. Once sent,
 * the private copy (with its secrets) is dropped, unless the developer outbox still needs it.
 */
export async function deliverOutboxMessage(id: string): Promise<{ status: "sent" | "failed" | "skipped"; error?: string }> {
  const env = getEnv();
  const message = await db.outboxMessage.findUnique({ where: { id } });
  if (!message) return { status: "failed", error: "Message not found" };
  if (message.status === "sent") return { status: "sent" };
  if (!env.RESEND_API_KEY) return { status: "skipped" };
  if (message.redacted && !message.privateContent) return { status: "failed", error: "The private copy of this message is gone; it can no longer be sent" };
  const content = deliverableContent(message);

  let error: string | undefined;
  let providerId: string | undefined;
  try {
    const { data, error: apiError } = await resend(env.RESEND_API_KEY).emails.send(
      {
        from: message.from,
        to: message.to,
        subject: content.subject,
        html: content.html,
        text: content.text,
        attachments: content.attachments.map((a) => ({ filename: a.filename, content: a.base64 ?? "", contentType: a.contentType, contentId: a.contentId })),
        ...(content.headers && Object.keys(content.headers).length ? { headers: content.headers } : {}),
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
      : { status: "sent", providerId, error: null, sentAt: new Date(), attempts: { increment: 1 }, ...(devToolsEnabled() ? {} : { privateContent: null }) },
  });
  return error ? { status: "failed", error } : { status: "sent" };
}

const emailDeliverJob = defineJob("email.deliver", z.object({ messageId: z.string() }), async ({ messageId }, job) => {
  const result = await deliverOutboxMessage(messageId);
  if (result.status !== "failed") return;
  // The last try: nobody can send it any more, so its secrets are not kept either.
  if (job.attempts >= EMAIL_MAX_ATTEMPTS) await db.outboxMessage.updateMany({ where: { id: messageId }, data: { privateContent: null } });
  throw new Error(result.error ?? "Send failed");
});
