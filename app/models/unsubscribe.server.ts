import { createHmac } from "node:crypto";
import { db } from "#app/utils/db.server";
import { getEnv } from "#app/utils/env.server";
import { safeEqual } from "#app/utils/crypto.server";
import { EMAIL_KINDS, choiceColumns, choicesOf, isEmailKind, type EmailKind } from "./email-preferences";
import { recordTouch } from "./timeline.server";

/**
 * One-click unsubscribe (RFC 8058): every program email carries List-Unsubscribe with a link that stops that kind
 * of email from that program, and List-Unsubscribe-Post so mail apps can do it without opening a page. The link
 * is signed (HMAC with the session secret), so it works without signing in and cannot be made up for someone else;
 * it is a secret of the recipient, hidden in the outbox like sign-in links.
 */
function signature(payload: string, secret = getEnv().SESSION_SECRETS[0]) {
  return createHmac("sha256", secret).update(`unsubscribe:${payload}`).digest("base64url").slice(0, 32);
}

export function unsubscribeToken(ambassadorId: string, kind: EmailKind) {
  const payload = `${ambassadorId}.${kind}`;
  return `${payload}.${signature(payload)}`;
}

export function readUnsubscribeToken(token: string): { ambassadorId: string; kind: EmailKind } | null {
  const [ambassadorId, kind, sig] = token.split(".");
  if (!ambassadorId || !isEmailKind(kind) || !sig) return null;
  // Any of the session secrets (rotation keeps links in older mail working).
  const ok = getEnv().SESSION_SECRETS.some((secret) => safeEqual(sig, signature(`${ambassadorId}.${kind}`, secret)));
  return ok ? { ambassadorId, kind } : null;
}

/** The headers and the secret for one program email of this kind to this fan. */
export function unsubscribeHeaders(ambassadorId: string, kind: EmailKind) {
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
  return { kind: read.kind, label: EMAIL_KINDS[read.kind].label, brand: a.brand, email: a.email, already: !choicesOf(a)[read.kind] };
}

/** Stops one kind of email; the consent history and the timeline record it. Saying it twice changes nothing. */
export async function applyUnsubscribe(token: string) {
  const found = await describeUnsubscribe(token);
  if (!found) return null;
  if (found.already) return found;
  const { ambassadorId } = readUnsubscribeToken(token)!;
  await db.$transaction(async (tx) => {
    const a = await tx.ambassador.findUniqueOrThrow({ where: { id: ambassadorId }, select: { brandId: true, emailOptIn: true, emailScoops: true, emailEvents: true, emailProducts: true } });
    const columns = choiceColumns({ ...choicesOf(a), [found.kind]: false });
    await tx.ambassador.update({ where: { id: ambassadorId }, data: columns });
    await tx.consent.create({ data: { ambassadorId, kind: `email:${found.kind}`, granted: false } });
    await recordTouch({ brandId: a.brandId, ambassadorId, kind: "consent", summary: `Unsubscribed from ${found.label.toLowerCase()} emails (from the email)` }, tx);
  });
  return { ...found, already: false };
}
