import { createElement } from "react";
import MagicLinkEmail, { magicLinkSubject } from "../../emails/magic-link";
import { db } from "#app/utils/db.server";
import { transition } from "#app/utils/transition.server";
import { getEnv } from "#app/utils/env.server";
import { hashToken, randomCode, randomToken, safeEqual } from "#app/utils/crypto.server";
import { consumeRateLimits, describeRetry } from "#app/utils/rate-limit.server";
import { sendEmail } from "#app/utils/email.server";
import { normalizeEmail, upsertUserByEmail } from "#app/utils/auth.server";
import { getLoginCookie } from "#app/utils/cookies.server";

export const LOGIN_TTL_MINUTES = 15;
export const MAX_CODE_ATTEMPTS = 5;

export type LoginRequestResult = { ok: true } | { ok: false; error: string };

/**
 * Emails a one-time code and a sign-in link. Older unused codes for the address stop working, so only the
 * newest message is valid. Rate-limited per address and per client address.
 */
export async function requestLogin({ email, ip, redirectTo }: { email: string; ip: string; redirectTo?: string | null }): Promise<LoginRequestResult> {
  const address = normalizeEmail(email);
  const limit = await consumeRateLimits([["loginPerEmail", address], ["loginPerIp", ip]]);
  if (!limit.ok) return { ok: false, error: `Too many sign-in requests. Please try again ${describeRetry(limit.retryAfterSeconds)}.` };
  const code = randomCode();
  const linkToken = randomToken();
  const now = new Date();
  await db.$transaction([
    db.loginToken.updateMany({ where: { email: address, usedAt: null }, data: { usedAt: now } }),
    db.loginToken.create({
      data: {
        email: address,
        codeHash: hashToken(code),
        linkHash: hashToken(linkToken),
        redirectTo: redirectTo ?? null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + LOGIN_TTL_MINUTES * 60_000),
      },
    }),
  ]);
  const url = `${getEnv().APP_URL}/auth/verify?token=${encodeURIComponent(linkToken)}`;
  await sendEmail({
    to: address,
    subject: magicLinkSubject({ code }),
    template: "magic-link",
    react: createElement(MagicLinkEmail, { code, url, minutes: LOGIN_TTL_MINUTES }),
    secrets: [code, linkToken],
  });
  return { ok: true };
}

/** The cookie that remembers, for the code page, which address a code went to and where to go afterwards. */
export function pendingSignInCookie(email: string, redirectTo: string | null) {
  return getLoginCookie().serialize({ email: normalizeEmail(email), redirectTo });
}

/** Emails a code and returns the cookie for the code page (/auth/verify), or the reason it could not be sent. */
export async function startCodeSignIn({ email, ip, redirectTo }: { email: string; ip: string; redirectTo: string | null }) {
  const result = await requestLogin({ email, ip, redirectTo });
  if (!result.ok) return result;
  return { ok: true as const, cookie: await pendingSignInCookie(email, redirectTo) };
}

export type VerifyResult =
  | { ok: true; userId: string; redirectTo: string | null }
  | { ok: false; reason: "expired" | "wrong" | "rate-limited"; error: string };

const EXPIRED = "This code has expired or was already used. Request a new one below.";

/** Checks a typed code. Five wrong tries use the code up. */
export async function verifyLoginCode({ email, code, ip }: { email: string; code: string; ip: string }): Promise<VerifyResult> {
  const address = normalizeEmail(email);
  const limit = await consumeRateLimits([["verifyPerIp", ip], ["verifyPerEmail", address]]);
  if (!limit.ok) return { ok: false, reason: "rate-limited", error: `Too many attempts. Please try again ${describeRetry(limit.retryAfterSeconds)}.` };
  const token = await db.loginToken.findFirst({
    where: { email: address, usedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
  });
  if (!token) return { ok: false, reason: "expired", error: EXPIRED };
  if (!safeEqual(token.codeHash, hashToken(code.trim()))) {
    const attempts = token.attempts + 1;
    await db.loginToken.update({
      where: { id: token.id },
      data: { attempts, usedAt: attempts >= MAX_CODE_ATTEMPTS ? new Date() : undefined },
    });
    const left = MAX_CODE_ATTEMPTS - attempts;
    return left > 0
      ? { ok: false, reason: "wrong", error: `That code is not right. ${left} ${left === 1 ? "try" : "tries"} left.` }
      : { ok: false, reason: "expired", error: "That code is not right, and it has now been used up. Request a new one below." };
  }
  return consume(token.id, address, token.redirectTo);
}

/** Checks the token from an emailed link. */
export async function verifyLoginLink(linkToken: string): Promise<VerifyResult> {
  const token = await db.loginToken.findUnique({ where: { linkHash: hashToken(linkToken) } });
  if (!token || token.usedAt || token.expiresAt <= new Date()) {
    return { ok: false, reason: "expired", error: "This sign-in link has expired or was already used. Request a new one below." };
  }
  return consume(token.id, token.email, token.redirectTo);
}

/** Looks up a link token without using it (to show whose sign-in it is). */
export async function peekLoginLink(linkToken: string) {
  const token = await db.loginToken.findUnique({ where: { linkHash: hashToken(linkToken) }, select: { email: true, usedAt: true, expiresAt: true } });
  if (!token || token.usedAt || token.expiresAt <= new Date()) return null;
  return { email: token.email };
}

async function consume(tokenId: string, email: string, redirectTo: string | null): Promise<VerifyResult> {
  // Single use even under a race: only the request that flips usedAt from null wins.
  const used = await transition(db.loginToken, { id: tokenId, usedAt: null }, { usedAt: new Date() });
  if (!used) return { ok: false, reason: "expired", error: EXPIRED };
  const user = await upsertUserByEmail(email);
  // Program memberships made for this address before the account existed (applications, imports) now belong to
  // it: the person has just proven they read this inbox.
  await db.ambassador.updateMany({ where: { email: user.email, userId: null }, data: { userId: user.id } });
  // A first sign-in after applying: the account takes the name the person gave on the application.
  const application = await db.application.findFirst({ where: { email: user.email }, orderBy: { createdAt: "desc" }, select: { name: true } });
  if (application?.name) await db.user.updateMany({ where: { id: user.id, name: null }, data: { name: application.name } });
  return { ok: true, userId: user.id, redirectTo };
}

/**
 * Where someone lands after signing in without a return address: a staff member of one brand who is nobody's
 * ambassador goes straight to that brand; everyone else to their home page (programs and brands).
 */
export async function landingPath(userId: string) {
  const [memberships, programs] = await Promise.all([
    db.membership.findMany({ where: { userId }, take: 2, select: { brand: { select: { slug: true } } } }),
    db.ambassador.count({ where: { userId, status: { in: ["active", "invited", "applied", "paused"] } } }),
  ]);
  return memberships.length === 1 && programs === 0 ? `/b/${memberships[0].brand.slug}` : "/home";
}

/** The account of one of the demo people, for one-click sign-in in demo mode; null when the seed has not run. */
export async function demoAccountId(email: string) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  return user?.id ?? null;
}
