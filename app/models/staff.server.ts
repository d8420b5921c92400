import { createElement } from "react";
import StaffInviteEmail, { staffInviteSubject } from "../../emails/staff-invite";
import { db, retryOnUniqueViolation } from "#app/utils/db.server";
import { transition } from "#app/utils/transition.server";
import { getEnv } from "#app/utils/env.server";
import { hashToken, randomToken } from "#app/utils/crypto.server";
import { sendEmail } from "#app/utils/email.server";
import { normalizeEmail, type SessionUser } from "#app/utils/auth.server";
import { ROLE_LABELS, type StaffRole } from "./roles";
import type { BrandScope } from "./scope";

export const STAFF_INVITE_DAYS = 7;

type Failure = { ok: false; error: string };

/** Invites a person to the brand's staff by email. Inviting the same address again replaces the pending invite. */
export async function inviteStaff({ brandId, inviter, email, role }: { brandId: string; inviter: SessionUser; email: string; role: StaffRole }): Promise<{ ok: true } | Failure> {
  const address = normalizeEmail(email);
  const existing = await db.membership.findFirst({ where: { brandId, user: { email: address } }, select: { id: true } });
  if (existing) return { ok: false, error: "This person is already on the team. Change their role in the list below." };
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { name: true, color: true, logoUrl: true } });
  const token = randomToken();
  await db.$transaction([
    db.staffInvite.updateMany({ where: { brandId, email: address, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } }),
    db.staffInvite.create({
      data: {
        brandId,
        email: address,
        role,
        tokenHash: hashToken(token),
        invitedById: inviter.id,
        expiresAt: new Date(Date.now() + STAFF_INVITE_DAYS * 24 * 60 * 60 * 1000),
      },
    }),
  ]);
  await sendEmail({
    to: address,
    brandId,
    template: "staff-invite",
    subject: staffInviteSubject({ brand, role: ROLE_LABELS[role].toLowerCase() }),
    react: createElement(StaffInviteEmail, {
      brand,
      inviterName: inviter.name ?? inviter.email,
      role,
      url: `${getEnv().APP_URL}/invites/${token}`,
      days: STAFF_INVITE_DAYS,
    }),
    secrets: [token],
  });
  return { ok: true };
}

export type InviteLookup =
  | { status: "valid"; invite: { id: string; email: string; role: StaffRole; brand: { name: string; slug: string; color: string } } }
  | { status: "expired" | "used" | "revoked" | "missing" };

export async function findStaffInvite(token: string): Promise<InviteLookup> {
  const invite = await db.staffInvite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, email: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true, brand: { select: { name: true, slug: true, color: true } } },
  });
  if (!invite) return { status: "missing" };
  if (invite.revokedAt) return { status: "revoked" };
  if (invite.acceptedAt) return { status: "used" };
  if (invite.expiresAt <= new Date()) return { status: "expired" };
  return { status: "valid", invite: { id: invite.id, email: invite.email, role: invite.role as StaffRole, brand: invite.brand } };
}

/** Accepts an invitation for the signed-in person, whose email must be the invited one. */
export async function acceptStaffInvite(token: string, user: SessionUser): Promise<{ ok: true; slug: string } | Failure> {
  const found = await findStaffInvite(token);
  if (found.status !== "valid") return { ok: false, error: "This invitation is no longer valid. Ask the brand's owner for a new one." };
  const { invite } = found;
  if (normalizeEmail(user.email) !== invite.email) {
    return { ok: false, error: `This invitation was sent to ${invite.email}. Sign out and sign in with that address to accept it.` };
  }
  // Two invitations of one person to one brand accepted at once race on the membership's unique key: run again.
  const accepted = await retryOnUniqueViolation(() => db.$transaction(async (tx) => {
    const claimed = await transition(tx.staffInvite, { id: invite.id, acceptedAt: null, revokedAt: null }, { acceptedAt: new Date() });
    if (!claimed) return false;
    const brand = await tx.brand.findUniqueOrThrow({ where: { slug: invite.brand.slug }, select: { id: true } });
    await tx.membership.upsert({
      where: { userId_brandId: { userId: user.id, brandId: brand.id } },
      create: { userId: user.id, brandId: brand.id, role: invite.role },
      update: {},
    });
    return true;
  }));
  if (!accepted) return { ok: false, error: "This invitation is no longer valid. Ask the brand's owner for a new one." };
  return { ok: true, slug: invite.brand.slug };
}

const LAST_OWNER = "A brand always needs at least one owner. Make someone else an owner first.";

/** The brand's team, oldest member first, and its invitations still open. */
export async function staffOverview(scope: BrandScope) {
  const { brandId } = scope;
  const [members, invites] = await Promise.all([
    db.membership.findMany({
      where: { brandId },
      orderBy: { createdAt: "asc" },
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    }),
    db.staffInvite.findMany({
      where: { brandId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
  ]);
  return { members, invites };
}

/** Changes a staff member's role; the last owner cannot stop being an owner. */
export async function changeStaffRole(scope: BrandScope, membershipId: string, role: StaffRole): Promise<{ ok: true } | Failure> {
  const { brandId } = scope;
  return db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { id: membershipId, brandId }, select: { role: true } });
    if (!member) return { ok: false, error: "That person is not on this brand's team." };
    if (member.role === "owner" && role !== "owner") {
      const owners = await tx.membership.count({ where: { brandId, role: "owner" } });
      if (owners <= 1) return { ok: false, error: LAST_OWNER };
    }
    await tx.membership.update({ where: { id: membershipId }, data: { role } });
    return { ok: true };
  });
}

/** Removes a staff member (their sign-in and any ambassador memberships stay). Never the last owner. */
export async function removeStaffMember(scope: BrandScope, membershipId: string): Promise<{ ok: true } | Failure> {
  const { brandId } = scope;
  return db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { id: membershipId, brandId }, select: { role: true } });
    if (!member) return { ok: false, error: "That person is not on this brand's team." };
    if (member.role === "owner") {
      const owners = await tx.membership.count({ where: { brandId, role: "owner" } });
      if (owners <= 1) return { ok: false, error: LAST_OWNER };
    }
    await tx.membership.delete({ where: { id: membershipId } });
    return { ok: true };
  });
}

export async function revokeStaffInvite(scope: BrandScope, inviteId: string): Promise<{ ok: true } | Failure> {
  const { brandId } = scope;
  const res = await transition(db.staffInvite, { id: inviteId, brandId, acceptedAt: null, revokedAt: null }, { revokedAt: new Date() });
  return res ? { ok: true } : { ok: false, error: "That invitation is no longer pending." };
}
