import { createHmac } from "node:crypto";
import { db } from "#app/utils/db.server";
import { getEnv } from "#app/utils/env.server";
import { safeEqual } from "#app/utils/crypto.server";
import { afterUnsubscribe, choiceColumns, choicesOf, isUnsubscribeScope, scopeLabel, type UnsubscribeScope } from "./email-preferences";
import { recordTouch } from "./timeline.server";

/**
 * One-click unsubscribe (RFC 8058): every program email carries List-Unsubscribe with a link that stops that kind
 * of email from that program (or all of it, for messages without a kind), and List-Unsubscribe-Post so mail apps
 * can do it without opening a page. The link is signed (HMAC with the session secret), so it works without signing
 * in and cannot be made up for someone else; it is a secret of the recipient, hidden in the outbox like sign-in links.
 */
function signature(payload: string, secret = getEnv().SESSION_SECRETS[0]) {
  return createHmac("sha256", secret).update(`unsubscribe:${payload}`).digest("base64url").slice(0, 32);
}

export function unsubscribeToken(ambassadorId: string, kind: UnsubscribeScope) {
  const payload = `${ambassadorId}.${kind}`;
  return `${payload}.${signature(payload)}`;
}

export function readUnsubscribeToken(token: string): { ambassadorId: string; kind: UnsubscribeScope } | null {
  const [ambassadorId, kind, sig] = token.split(".");
  if (!ambassadorId || !isUnsubscribeScope(kind) || !sig) return null;
  // Any of the session secrets (rotation keeps links in older mail working).
  const ok = getEnv().SESSION_SECRETS.some((secret) => safeEqual(sig, signature(`${ambassadorId}.${kind}`, secret)));
  return ok ? { ambassadorId, kind } : null;
}

/** The headers and the secret for one program email of this kind (or of none: "all") to this fan. */
export function unsubscribeHeaders(ambassadorId: string, kind: UnsubscribeScope) {
  const token = unsubscribeToken(ambassadorId, kind);
  const url = `${getEnv().APP_URL}/unsubscribe/${token}`;
  return { headers: { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }, secrets: [token] };
}

/** Who and what a token stops, for the confirmation page. */
export async function describeUnsubscribe(token: string) {
  const read = readUnsubscribeToken(token);
  if (!read) return null;
  const a = await db.ambassador.findUnique({ where: { id: read.ambassadorId }, select: { id: true, email: true, emailOptIn: true, emailScoops: true, emailEvents: true, emailProducts: true, brand: { select: { name: true, slug: true } } } });
  if (!a) return null;
  return { ambassadorId: a.id, kind: read.kind, label: scopeLabel(read.kind), brand: a.brand, email: a.email, already: afterUnsubscribe(choicesOf(a), read.kind).already };
}

/** Stops one kind of email (or all); the consent history and the timeline record it. Saying it twice changes nothing. */
export async function applyUnsubscribe(token: string) {
  const found = await describeUnsubscribe(token);
  if (!found) return null;
  if (found.already) return found;
  const { ambassadorId, kind, label } = found;
  await db.$transaction(async (tx) => {
    const a = await tx.ambassador.findUniqueOrThrow({ where: { id: ambassadorId }, select: { brandId: true, emailOptIn: true, emailScoops: true, emailEvents: true, emailProducts: true } });
    await tx.ambassador.update({ where: { id: ambassadorId }, data: choiceColumns(afterUnsubscribe(choicesOf(a), kind).choices) });
    await tx.consent.create({ data: { ambassadorId, kind: kind === "all" ? "email" : `email:${kind}`, granted: false } });
    await recordTouch({ brandId: a.brandId, ambassadorId, kind: "consent", summary: `Unsubscribed from ${label.toLowerCase()} emails (from the email)` }, tx);
  });
  return { ...found, already: false };
}
