import { randomUUID } from "node:crypto";
import type { ReactElement } from "react";
import { render } from "@react-email/render";
import { Resend } from "resend";
import type { Prisma } from "#app/generated/prisma/client";
import { db, executeSql, insertRows } from "./db.server";
import { getEnv } from "./env.server";
import { devToolsEnabled } from "./dev-tools.server";
import { escapeHtml, redactContent, type MessageContent, type StoredAttachment } from "./redaction";
import { z } from "zod";
import { defineJob, RetryAfter } from "./jobs.server";
import { pauseProviderCalls, takeProviderCall } from "./rate-limit.server";

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

export type SendEmailResult = { id: string; status: "sent" | "failed" | "skipped" | "queued"; error?: string };

/** A message rendered and ready to record: what the outbox shows, and (when it has secrets) what the recipient gets. */
export type PreparedEmail = { input: SendEmailInput; visible: MessageContent; full: MessageContent; hasPrivate: boolean };

/** Renders the template and hides the recipient's secrets for the outbox copy. Slow work: do it outside transactions. */
export async function prepareEmail(input: SendEmailInput): Promise<PreparedEmail> {
  const { html, text } = await renderBoth(input.react);
  return finishPrepared(input, html, text);
}

async function renderBoth(react: ReactElement) {
  const [html, text] = await Promise.all([render(react), render(react, { plainText: true })]);
  return { html, text };
}

function finishPrepared(input: SendEmailInput, html: string, text: string): PreparedEmail {
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

/** The values that differ from one recipient of a fan-out to the next (a first name), as plain text. */
export type MergeFields = Record<string, string>;

const mergeMarker = (key: string) => `KINDREDMERGE${key.replace(/[^A-Za-z0-9]/g, "")}X`;

/**
 * One template for many recipients (a scoop or an event announcement to an audience): rendered once with a marker
 * for each personal field, and each recipient's values merged in (escaped in the HTML as React escapes them).
 * Rendering a react-email template takes milliseconds; this makes a 10,000-fan fan-out a hundred renders, not
 * ten thousand. The first recipient's message is also rendered on its own and compared: a template that
 * transforms a field (upper-cases a heading, say) is rendered per recipient instead, so the result is always what
 * prepareEmail would give. `build` must be cheap: it is called once per recipient, without rendering.
 */
export async function prepareEmails<T>(items: readonly T[], fields: (item: T) => MergeFields, build: (fields: MergeFields) => SendEmailInput): Promise<PreparedEmail[]> {
  if (!items.length) return [];
  const keys = Object.keys(fields(items[0]));
  const template = await renderBoth(build(Object.fromEntries(keys.map((k) => [k, mergeMarker(k)]))).react);
  const merged = items.map((item) => {
    const values = fields(item);
    const fill = (s: string, escape: boolean) => keys.reduce((out, k) => out.replaceAll(mergeMarker(k), escape ? escapeHtml(values[k] ?? "") : (values[k] ?? "").replace(/\s+/g, " ")), s);
    return { input: build(values), html: fill(template.html, true), text: fill(template.text, false) };
  });
  const first = await renderBoth(merged[0].input.react);
  const mergeable = first.html === merged[0].html && first.text === merged[0].text;
  if (!mergeable) return Promise.all(merged.map((m) => prepareEmail(m.input)));
  return merged.map((m) => finishPrepared(m.input, m.html, m.text));
}

/** The outbox row of a prepared message (status by whether a provider is configured). */
function outboxRow(prepared: PreparedEmail) {
  const env = getEnv();
  const { input, visible, full, hasPrivate } = prepared;
  // The full message is needed to deliver it (and by the developer outbox, which is off in production). Only the
  // parts a secret was hidden in are kept twice.
  const keepPrivate = hasPrivate && (!!env.RESEND_API_KEY || devToolsEnabled());
  return {
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
    privateContent: keepPrivate ? JSON.stringify(privateParts(visible, full)) : null,
    status: env.RESEND_API_KEY ? "queued" : "skipped",
    error: env.RESEND_API_KEY ? null : "Not sent — no provider configured (RESEND_API_KEY is not set).",
  };
}

/** What the recipient's copy has that the outbox copy hides: only the parts that differ. */
function privateParts(visible: MessageContent, full: MessageContent): Partial<MessageContent> {
  const parts: Partial<MessageContent> = {};
  for (const key of ["subject", "html", "text"] as const) if (full[key] !== visible[key]) parts[key] = full[key];
  if (JSON.stringify(full.attachments) !== JSON.stringify(visible.attachments)) parts.attachments = full.attachments;
  if (JSON.stringify(full.headers ?? {}) !== JSON.stringify(visible.headers ?? {})) parts.headers = full.headers;
  return parts;
}

/**
 * Records a prepared message in the outbox and, with a provider, the job that delivers it — in the caller's
 * transaction when given, so "marked as emailed" and "an email is on its way" are kept together or not at all. The
 * job is also the safety net for sendEmail's immediate attempt: it finds the message sent and does nothing.
 */
export async function recordEmail(prepared: PreparedEmail, { tx, deliverAt }: { tx?: Prisma.TransactionClient; deliverAt?: Date } = {}) {
  const message = await (tx ?? db).outboxMessage.create({ data: outboxRow(prepared), select: { id: true } });
  if (getEnv().RESEND_API_KEY) {
    await emailDeliverJob.enqueue({ messageId: message.id }, { tx, dedupeKey: `email:${message.id}`, maxAttempts: EMAIL_MAX_ATTEMPTS, runAt: deliverAt ?? new Date(Date.now() + 30_000) });
  }
  return { id: message.id };
}

/** Resend's batch endpoint takes at most this many messages a call. */
export const PROVIDER_BATCH_SIZE = 100;

/**
 * Records a fan-out's messages (a scoop or an announcement to one slice of an audience) in the caller's
 * transaction. With a provider, those without attachments (the batch endpoint takes none) go out together: one
 * batch of ≤100 per provider call, sent by one job at the pace of RESEND_RATE_PER_SECOND; any others get a
 * delivery job each, as recordEmail does.
 */
export async function recordEmails(prepared: readonly PreparedEmail[], { tx, deliverAt = new Date() }: { tx: Prisma.TransactionClient; deliverAt?: Date }) {
  const now = new Date();
  const rows = (list: readonly PreparedEmail[], batchKey: string | null) => list.map((p) => ({ id: randomUUID(), ...outboxRow(p), attempts: 0, createdAt: now, batchKey }));
  if (!getEnv().RESEND_API_KEY) return insertRows(tx, "OutboxMessage", rows(prepared, null));
  const batchable = prepared.filter((p) => !p.full.attachments.length);
  for (const p of prepared) if (p.full.attachments.length) await recordEmail(p, { tx, deliverAt });
  for (let i = 0; i < batchable.length; i += PROVIDER_BATCH_SIZE) {
    const batchKey = randomUUID();
    await insertRows(tx, "OutboxMessage", rows(batchable.slice(i, i + PROVIDER_BATCH_SIZE), batchKey));
    await emailBatchJob.enqueue({ batchKey }, { tx, dedupeKey: `email-batch:${batchKey}`, maxAttempts: EMAIL_MAX_ATTEMPTS, runAt: deliverAt });
  }
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
  const shown: MessageContent = { subject: message.subject, html: message.html, text: message.text, attachments: parseStoredAttachments(message.attachments), headers: JSON.parse(message.headers || "{}") };
  // The private copy holds the parts that differ (older rows: the whole message).
  return message.privateContent ? { ...shown, ...(JSON.parse(message.privateContent) as Partial<MessageContent>) } : shown;
}

let resendClient: { key: string; client: Resend } | undefined;
function resend(key: string) {
  if (resendClient?.key !== key) resendClient = { key, client: new Resend(key) };
  return resendClient.client;
}

/** A provider answer that says when to come back (429 with Retry-After, or an idempotent request still running). */
function retryAtOf(apiError: { statusCode: number | null; name: string }, headers: Record<string, string> | null): Date | null {
  if (apiError.statusCode !== 429 && apiError.name !== "concurrent_idempotent_requests") return null;
  const seconds = Number(headers?.["retry-after"] ?? headers?.["Retry-After"]);
  return new Date(Date.now() + (Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000));
}

type ProviderReply<T> = { data: T | null; error: { statusCode: number | null; name: string; message: string } | null; headers: Record<string, string> | null };
type ProviderOutcome<T> = { ok: true; data: T } | { ok: false; error: string; retryAt: Date | null };

/**
 * One call to Resend, which answers rather than throws: its error, or when to come back. A 429 holds every
 * instance's calls until its Retry-After, so the other waiting batches do not run into the same wall.
 */
async function callProvider<T>(call: () => Promise<ProviderReply<T>>): Promise<ProviderOutcome<T>> {
  try {
    const { data, error, headers } = await call();
    if (!error) return { ok: true, data: data as T };
    const retryAt = retryAtOf(error, headers);
    if (retryAt && error.statusCode === 429) await pauseProviderCalls(getEnv().RESEND_RATE_PER_SECOND, retryAt);
    return { ok: false, error: `${error.name}: ${error.message}`, retryAt };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e), retryAt: null };
  }
}

/**
 * Takes a turn from the provider budget (RESEND_RATE_PER_SECOND calls a second, shared by every instance), waiting
 * up to maxWaitMs for one. Returns null when the call may go now, else when to come back.
 */
async function providerTurn(maxWaitMs: number): Promise<Date | null> {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const wait = await takeProviderCall(getEnv().RESEND_RATE_PER_SECOND);
    if (wait === 0) return null;
    if (Date.now() + wait > deadline) return new Date(Date.now() + wait);
    await new Promise((r) => setTimeout(r, wait));
  }
}

/**
 * Delivered messages (one, or a whole batch): one statement marks them sent, each with the provider's id; the private
 * copy goes unless the developer outbox still needs it.
 */
async function markSent(sent: { id: string; providerId: string | null }[]) {
  if (!sent.length) return;
  const keepPrivate = devToolsEnabled();
  await executeSql(
    db,
    `UPDATE "OutboxMessage" SET "status" = 'sent', "error" = NULL, "sentAt" = ?, "attempts" = "attempts" + 1,
       "providerId" = CASE "id" ${sent.map(() => "WHEN ? THEN ?").join(" ")} END${keepPrivate ? "" : `, "privateContent" = NULL`}
     WHERE "id" IN (${sent.map(() => "?").join(", ")})`,
    [new Date(), ...sent.flatMap((m) => [m.id, m.providerId]), ...sent.map((m) => m.id)],
  );
}

function payloadOf(message: { from: string; to: string }, content: MessageContent) {
  return {
    from: message.from,
    to: message.to,
    subject: content.subject,
    html: content.html,
    text: content.text,
    ...(content.headers && Object.keys(content.headers).length ? { headers: content.headers } : {}),
  };
}

export type DeliveryResult = { status: "sent" | "failed" | "skipped" | "queued"; error?: string; retryAt?: Date };

/**
 * Sends one recorded message through Resend. Safe to call again: the outbox id is the idempotency key. Once sent,
 * the private copy (with its secrets) is dropped, unless the developer outbox still needs it. "queued" with retryAt:
 * the provider's rate limit (ours, or its 429) says to try again then.
 */
export async function deliverOutboxMessage(id: string): Promise<DeliveryResult> {
  const env = getEnv();
  const message = await db.outboxMessage.findUnique({ where: { id } });
  if (!message) return { status: "failed", error: "Message not found" };
  if (message.status === "sent") return { status: "sent" };
  if (!env.RESEND_API_KEY) return { status: "skipped" };
  if (message.redacted && !message.privateContent) return { status: "failed", error: "The private copy of this message is gone; it can no longer be sent" };
  const content = deliverableContent(message);
  // A person is usually waiting for a single message (a sign-in code): wait a moment for a turn.
  const later = await providerTurn(2_000);
  if (later) return { status: "queued", retryAt: later };

  const key = env.RESEND_API_KEY;
  const outcome = await callProvider(() =>
    resend(key).emails.send(
      { ...payloadOf(message, content), attachments: content.attachments.map((a) => ({ filename: a.filename, content: a.base64 ?? "", contentType: a.contentType, contentId: a.contentId })) },
      { idempotencyKey: `kindred-outbox-${message.id}` },
    ),
  );
  if (!outcome.ok) return recordRefusal({ id }, outcome);
  await markSent([{ id, providerId: outcome.data?.id ?? null }]);
  return { status: "sent" };
}

/** A call the provider refused or did not answer: the messages wait for the time it gave, or count a failed try. */
async function recordRefusal(where: Prisma.OutboxMessageWhereInput, { error, retryAt }: { error: string; retryAt: Date | null }): Promise<DeliveryResult> {
  if (retryAt) {
    await db.outboxMessage.updateMany({ where, data: { status: "queued", error: `The provider asked to wait (${error}); trying again at ${retryAt.toISOString()}` } });
    return { status: "queued", error, retryAt };
  }
  await db.outboxMessage.updateMany({ where, data: { status: "failed", error, attempts: { increment: 1 } } });
  return { status: "failed", error };
}

const emailDeliverJob = defineJob("email.deliver", z.object({ messageId: z.string() }), async ({ messageId }, job) => {
  const result = await deliverOutboxMessage(messageId);
  if (result.retryAt) throw new RetryAfter(result.retryAt, result.error ?? "Waiting for the provider's rate limit");
  if (result.status !== "failed") return;
  // The last try: nobody can send it any more, so its secrets are not kept either.
  if (job.attempts >= EMAIL_MAX_ATTEMPTS) await db.outboxMessage.updateMany({ where: { id: messageId }, data: { privateContent: null } });
  throw new Error(result.error ?? "Send failed");
});

/**
 * Sends one fan-out batch (≤100 messages) in one call to Resend's batch endpoint. The batch is a fixed set of
 * messages and its key is the idempotency key, so a retry after a lost answer never sends anything twice; the
 * provider takes or refuses a batch whole. Returns when to come back if the rate limit says to wait.
 */
export async function deliverBatch(batchKey: string): Promise<DeliveryResult> {
  const env = getEnv();
  // Sent already (or gone with its brand): nothing to do. Cheap checks first: most runs of a waiting batch end at
  // the rate limit, before its messages are read.
  if (!(await db.outboxMessage.findFirst({ where: { batchKey, status: { not: "sent" } }, select: { id: true } }))) return { status: "sent" };
  if (!env.RESEND_API_KEY) return { status: "skipped" };
  const later = await providerTurn(0);
  if (later) return { status: "queued", retryAt: later };
  const messages = await db.outboxMessage.findMany({ where: { batchKey }, orderBy: { id: "asc" } });

  const key = env.RESEND_API_KEY;
  const payloads = messages.map((m) => payloadOf(m, deliverableContent(m)));
  const outcome = await callProvider(() => resend(key).batch.send(payloads, { idempotencyKey: `kindred-batch-${batchKey}` }));
  if (!outcome.ok) return recordRefusal({ batchKey }, outcome);
  const ids = outcome.data?.data.map((d) => d.id) ?? [];
  await markSent(messages.map((m, i) => ({ id: m.id, providerId: ids[i] ?? null })));
  return { status: "sent" };
}

const emailBatchJob = defineJob("email.batch", z.object({ batchKey: z.string() }), async ({ batchKey }, job) => {
  const result = await deliverBatch(batchKey);
  if (result.retryAt) {
    // Batches wait in line: each comes back after those queued before it have had their turns, so a fan-out
    // does not wake every waiting batch at once.
    const ahead = await db.job.count({ where: { type: "email.batch", status: "pending", createdAt: { lt: job.createdAt } } });
    const spread = Math.floor(ahead / getEnv().RESEND_RATE_PER_SECOND) * 1000;
    throw new RetryAfter(new Date(result.retryAt.getTime() + spread), result.error ?? "Waiting for the provider's rate limit");
  }
  if (result.status !== "failed") return;
  if (job.attempts >= EMAIL_MAX_ATTEMPTS) await db.outboxMessage.updateMany({ where: { batchKey }, data: { privateContent: null } });
  throw new Error(result.error ?? "Send failed");
});
