import { JOIN_BRAND_SELECT } from "./join";
import { createElement } from "react";
import FanInviteEmail, { fanInviteSubject } from "../../emails/fan-invite";
import { db } from "#app/utils/db.server";
import { transition } from "#app/utils/transition.server";
import { getEnv } from "#app/utils/env.server";
import { hashToken, randomToken } from "#app/utils/crypto.server";
import { sendEmail } from "#app/utils/email.server";
import { defineJob } from "#app/utils/jobs.server";
import { upsertUserByEmail, type SessionUser } from "#app/utils/auth.server";
import { FAN_INVITE_DAYS, FAN_INVITE_SEND_JOB, fanInviteSendPayload, type InviteEntry } from "./invite-input";

export { FAN_INVITE_DAYS };
import { recordTouch } from "./timeline.server";
import type { JoinInput } from "./join";
import { activateAmbassador } from "./join.server";
import type { BrandScope } from "./scope";

const DAY = 24 * 60 * 60 * 1000;

export type InviteOutcome = { invited: string[]; reinvited: string[]; skipped: { email: string; reason: string }[] };

function nameFromEmail(email: string) {
  const local = email.split("@")[0].replace(/[._+-]+/g, " ").trim();
  return local ? local.replace(/\b\w/g, (c) => c.toUpperCase()) : email;
}

/**
 * Invites fans by email. A new address becomes an ambassador with status "invited"; an address that was
 * invited before gets a fresh invitation; active, paused and applied fans are skipped with a reason.
 * Emails are sent by the job runner, so a batch of hundreds never blocks the request.
 */
export async function inviteFans({ brandId, inviter, entries, note }: { brandId: string; inviter: SessionUser; entries: InviteEntry[]; note: string }): Promise<InviteOutcome> {
  const outcome: InviteOutcome = { invited: [], reinvited: [], skipped: [] };
  const existing = new Map(
    (
      await db.ambassador.findMany({ where: { brandId, email: { in: entries.map((e) => e.email) } }, select: { id: true, email: true, status: true } })
    ).map((a) => [a.email, a]),
  );
  const now = new Date();
  for (const entry of entries) {
    const found = existing.get(entry.email);
    if (found && (found.status === "active" || found.status === "paused")) {
      outcome.skipped.push({ email: entry.email, reason: `already ${found.status === "active" ? "an active" : "a paused"} ambassador` });
      continue;
    }
    if (found?.status === "applied") {
      outcome.skipped.push({ email: entry.email, reason: "has applied — review the application instead" });
      continue;
    }
    await db.$transaction(async (tx) => {
      const ambassador = found
        ? await tx.ambassador.update({ where: { id: found.id }, data: { status: "invited", leftAt: null }, select: { id: true } })
        : await tx.ambassador.create({
            data: { brandId, email: entry.email, name: entry.name ?? nameFromEmail(entry.email), status: "invited", source: "invite" },
            select: { id: true },
          });
      await tx.fanInvite.updateMany({ where: { ambassadorId: ambassador.id, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
      const invite = await tx.fanInvite.create({
        data: { brandId, ambassadorId: ambassador.id, note, invitedById: inviter.id, tokenHash: hashToken(randomToken()), expiresAt: new Date(now.getTime() + FAN_INVITE_DAYS * DAY), sendCount: 0 },
        select: { id: true },
      });
      await recordTouch({ brandId, ambassadorId: ambassador.id, kind: "invited", summary: `Invited by ${inviter.name ?? inviter.email}`, body: note, actorId: inviter.id }, tx);
      // The email is a job committed with the invitation: an invited fan is always emailed.
      await fanInviteSendJob.enqueue({ inviteId: invite.id, inviterName: inviter.name ?? inviter.email }, { tx, dedupeKey: `fan-invite:${invite.id}:0` });
    });
    (found ? outcome.reinvited : outcome.invited).push(entry.email);
  }
  return outcome;
}

/**
 * Emails a pending invitation with a new link (the old link stops working) and extends it to 14 days from now.
 * Used for the first send and for "resend".
 */
/** Imported fans who have not been sent an invitation yet. */
function waitingWhere(brandId: string) {
  return { brandId, status: "invited", invites: { none: {} } };
}

/** The invitations page: how many imported fans wait for one, and a page of invitations not yet answered. */
export async function invitationsOverview(scope: BrandScope, { page, perPage }: { page: number; perPage: number }) {
  const { brandId } = scope;
  const pendingWhere = { brandId, acceptedAt: null, revokedAt: null };
  const [waiting, pendingTotal, pending] = await Promise.all([
    db.ambassador.count({ where: waitingWhere(brandId) }),
    db.fanInvite.count({ where: pendingWhere }),
    db.fanInvite.findMany({
      where: pendingWhere,
      orderBy: [{ lastSentAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: { id: true, sendCount: true, lastSentAt: true, expiresAt: true, ambassador: { select: { id: true, email: true, name: true } } },
    }),
  ]);
  return { waiting, pendingTotal, pending };
}

/** Invites the next batch of imported fans who have never been sent an invitation, oldest first. */
export async function inviteWaitingFans(scope: BrandScope, inviter: SessionUser, batch: number) {
  const { brandId } = scope;
  const fans = await db.ambassador.findMany({ where: waitingWhere(brandId), orderBy: { createdAt: "asc" }, take: batch, select: { email: true, name: true } });
  return inviteFans({ brandId, inviter, entries: fans, note: "" });
}

export async function sendFanInvite(inviteId: string, inviterName: string) {
  const invite = await db.fanInvite.findUnique({
    where: { id: inviteId },
    select: { id: true, brandId: true, note: true, acceptedAt: true, revokedAt: true, ambassador: { select: { email: true, name: true } }, brand: { select: { name: true, color: true, logoUrl: true } } },
  });
  if (!invite || invite.acceptedAt || invite.revokedAt) return;
  const token = randomToken();
  await db.fanInvite.update({
    where: { id: invite.id },
    data: { tokenHash: hashToken(token), expiresAt: new Date(Date.now() + FAN_INVITE_DAYS * DAY), sendCount: { increment: 1 }, lastSentAt: new Date() },
  });
  await sendEmail({
    to: invite.ambassador.email,
    brandId: invite.brandId,
    template: "fan-invite",
    subject: fanInviteSubject({ brand: invite.brand }),
    react: createElement(FanInviteEmail, {
      brand: invite.brand,
      fanName: invite.ambassador.name.split(" ")[0] || invite.ambassador.name,
      note: invite.note,
      inviterName,
      url: `${getEnv().APP_URL}/invite/${token}`,
      days: FAN_INVITE_DAYS,
    }),
    secrets: [token],
  });
}

export const fanInviteSendJob = defineJob(FAN_INVITE_SEND_JOB, fanInviteSendPayload, async ({ inviteId, inviterName }) => {
  await sendFanInvite(inviteId, inviterName);
});

/** Sends a pending invitation again (through the job runner). */
export async function resendFanInvite(scope: BrandScope, inviteId: string, inviterName: string) {
  const { brandId } = scope;
  const invite = await db.fanInvite.findFirst({ where: { id: inviteId, brandId, acceptedAt: null, revokedAt: null }, select: { id: true, sendCount: true } });
  if (!invite) return { ok: false as const, error: "That invitation is no longer pending." };
  await fanInviteSendJob.enqueue({ inviteId, inviterName }, { dedupeKey: `fan-invite:${inviteId}:${invite.sendCount}` });
  return { ok: true as const };
}

/** Withdraws a pending invitation; the fan's link stops working. */
export async function revokeFanInvite(scope: BrandScope, inviteId: string, actorId: string) {
  const { brandId } = scope;
  const invite = await db.fanInvite.findFirst({ where: { id: inviteId, brandId, acceptedAt: null, revokedAt: null }, select: { id: true, ambassadorId: true } });
  if (!invite) return { ok: false as const, error: "That invitation is no longer pending." };
  await db.$transaction(async (tx) => {
    await tx.fanInvite.update({ where: { id: invite.id }, data: { revokedAt: new Date() } });
    await recordTouch({ brandId, ambassadorId: invite.ambassadorId, kind: "status", summary: "Invitation withdrawn", actorId }, tx);
  });
  return { ok: true as const };
}

export type FanInviteLookup =
  | {
      status: "valid";
      invite: { id: string; note: string; email: string; name: string; brand: { id: string; name: string; slug: string; color: string; logoUrl: string | null; description: string; guidelines: string; termsText: string; termsVersion: number; disclosureText: string } };
    }
  | { status: "missing" | "expired" | "accepted" | "revoked" };

export async function findFanInvite(token: string): Promise<FanInviteLookup> {
  const invite = await db.fanInvite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      note: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      ambassador: { select: { email: true, name: true } },
      brand: { select: JOIN_BRAND_SELECT },
    },
  });
  if (!invite) return { status: "missing" };
  if (invite.acceptedAt) return { status: "accepted" };
  if (invite.revokedAt) return { status: "revoked" };
  if (invite.expiresAt <= new Date()) return { status: "expired" };
  return { status: "valid", invite: { id: invite.id, note: invite.note, email: invite.ambassador.email, name: invite.ambassador.name, brand: invite.brand } };
}

const INVALID_INVITE = "This invitation is no longer valid. Ask the brand for a new one.";

/**
 * Accepts an invitation (docs/decisions/011-secrets-in-mail-and-invitations.md). The membership is always linked
 * to the invited address's account, but a session is only handed out where the link is the whole story:
 * - signed in as the invited address: joined, nothing else to do;
 * - signed in as someone else: refused, asked to switch;
 * - signed out, and the address already has an account (a fan of another brand, or staff anywhere): joined, and
 *   the person is asked to sign in with a code — an invitation link never opens an existing account;
 * - signed out, brand-new address: the account is created and signed in (one click, as a fan expects).
 */
export async function acceptFanInvite({ token, currentUser, input }: { token: string; currentUser: SessionUser | null; input: JoinInput }): Promise<AcceptOutcome> {
  const found = await findFanInvite(token);
  if (found.status !== "valid") return { ok: false, error: INVALID_INVITE };
  const { invite } = found;
  if (currentUser && currentUser.email !== invite.email) {
    return { ok: false, error: `This invitation is for ${invite.email}, but you are signed in as ${currentUser.email}. Sign out first, then open the link again.` };
  }
  const existing = currentUser ?? (await db.user.findUnique({ where: { email: invite.email }, select: { id: true, email: true } }));
  const user = existing ?? (await upsertUserByEmail(invite.email));
  const accepted = await db.$transaction(async (tx) => {
    const claimed = await transition(tx.fanInvite, { id: invite.id, acceptedAt: null, revokedAt: null }, { acceptedAt: new Date() });
    if (!claimed) return null;
    const row = await tx.fanInvite.findUniqueOrThrow({ where: { id: invite.id }, select: { ambassadorId: true } });
    await activateAmbassador(tx, { brandId: invite.brand.id, ambassadorId: row.ambassadorId, userId: user.id, input, termsVersion: invite.brand.termsVersion, how: "from an email invitation" });
    return row.ambassadorId;
  });
  if (!accepted) return { ok: false, error: INVALID_INVITE };
  const next = currentUser ? "signed-in" : existing ? "sign-in-with-code" : "new-account";
  return { ok: true, userId: user.id, email: invite.email, slug: invite.brand.slug, brandName: invite.brand.name, next };
}

export type AcceptOutcome =
  | { ok: false; error: string }
  | { ok: true; userId: string; email: string; slug: string; brandName: string; next: "signed-in" | "sign-in-with-code" | "new-account" };
