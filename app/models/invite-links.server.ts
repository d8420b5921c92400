import { JOIN_BRAND_SELECT } from "./join";
import { randomBytes } from "node:crypto";
import { db, retryOnUniqueViolation } from "#app/utils/db.server";
import { transition } from "#app/utils/transition.server";
import type { SessionUser } from "#app/utils/auth.server";
import type { JoinInput } from "./join";
import { activateAmbassador } from "./join.server";
import type { BrandScope } from "./scope";
import type { Prisma } from "#app/generated/prisma/client";

/** A fan found posting who joins through the link made for them: the list shows them as joined, with their handle kept. */
async function claimFoundAuthor(tx: Prisma.TransactionClient, linkId: string, ambassadorId: string) {
  const author = await tx.foundAuthor.findFirst({ where: { inviteLinkId: linkId, status: "invited" }, select: { id: true, platform: true, handle: true, followers: true } });
  if (!author) return;
  await tx.foundAuthor.update({ where: { id: author.id }, data: { status: "joined", ambassadorId } });
  await keepFoundHandle(tx, ambassadorId, author);
}

/** The handle a fan was found posting under becomes one of their social accounts (kept as it is if already there). */
export function keepFoundHandle(client: Prisma.TransactionClient, ambassadorId: string, author: { platform: string; handle: string; followers: number | null }) {
  return client.socialAccount.upsert({
    where: { ambassadorId_platform_handle: { ambassadorId, platform: author.platform, handle: author.handle } },
    create: { ambassadorId, platform: author.platform, handle: author.handle, followers: author.followers ?? 0 },
    update: {},
  });
}

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no look-alikes (0/o, 1/l/i)

/** A short code that reads well on a printed card: 10 characters, about 49 bits. */
export function newLinkCode() {
  return Array.from(randomBytes(10), (b) => ALPHABET[b % ALPHABET.length]).join("");
}

export async function createInviteLink({ brandId, createdById, label, tagName, maxUses, expiresAt }: { brandId: string; createdById: string; label: string; tagName?: string | null; maxUses?: number | null; expiresAt?: Date | null }) {
  return db.inviteLink.create({
    data: { brandId, createdById, label, tagName: tagName || null, maxUses: maxUses ?? null, expiresAt: expiresAt ?? null, code: newLinkCode() },
    select: { id: true, code: true },
  });
}

/** The brand's shareable links, newest first, with how many active fans joined through each. */
export async function listInviteLinks(scope: BrandScope) {
  const { brandId } = scope;
  return db.inviteLink.findMany({
    where: { brandId },
    orderBy: { createdAt: "desc" },
    select: { id: true, code: true, label: true, tagName: true, maxUses: true, uses: true, expiresAt: true, revokedAt: true, _count: { select: { ambassadors: { where: { status: "active" } } } } },
  });
}

export async function revokeInviteLink(scope: BrandScope, linkId: string) {
  const { brandId } = scope;
  const res = await transition(db.inviteLink, { id: linkId, brandId, revokedAt: null }, { revokedAt: new Date() });
  return res ? { ok: true as const } : { ok: false as const, error: "That link is already switched off." };
}

export type LinkProblem = "missing" | "revoked" | "expired" | "full";

export async function findInviteLink(code: string) {
  const link = await db.inviteLink.findUnique({
    where: { code },
    select: {
      id: true,
      label: true,
      tagName: true,
      maxUses: true,
      uses: true,
      expiresAt: true,
      revokedAt: true,
      brand: { select: JOIN_BRAND_SELECT },
    },
  });
  if (!link) return { problem: "missing" as LinkProblem, link: null };
  const problem: LinkProblem | null = link.revokedAt ? "revoked" : link.expiresAt && link.expiresAt <= new Date() ? "expired" : link.maxUses !== null && link.uses >= link.maxUses ? "full" : null;
  return { problem, link };
}

/** Whether the signed-in person is already an active (or paused) ambassador of the link's brand. */
export async function alreadyInProgram(link: { brand: { id: string } }, user: { email: string }) {
  const found = await db.ambassador.findFirst({ where: { brandId: link.brand.id, email: user.email, status: { in: ["active", "paused"] } }, select: { id: true } });
  return found !== null;
}

export const LINK_PROBLEMS: Record<LinkProblem, string> = {
  missing: "We could not find this invitation link. Check that you typed it exactly.",
  revoked: "This invitation link has been switched off.",
  expired: "This invitation link has expired.",
  full: "This invitation link has been used as many times as the brand allowed.",
};

/**
 * Joins the brand's program through a shareable link. The use is counted atomically against the limit, so a
 * link limited to 20 never admits a 21st fan, even when many join at once.
 */
export function joinViaLink(args: { code: string; user: SessionUser; input: JoinInput }) {
  // The same form sent twice at once: both may find no record and create one; the loser's transaction rolls back
  // (its use of the link with it), and on the second try it finds the fan already in.
  return retryOnUniqueViolation(() => joinOnce(args));
}

async function joinOnce({ code, user, input }: { code: string; user: SessionUser; input: JoinInput }) {
  const { problem, link } = await findInviteLink(code);
  if (!link || problem) return { ok: false as const, error: LINK_PROBLEMS[problem ?? "missing"] };
  const brand = link.brand;
  const existing = await db.ambassador.findUnique({ where: { brandId_email: { brandId: brand.id, email: user.email } }, select: { id: true, status: true } });
  if (existing && (existing.status === "active" || existing.status === "paused")) {
    return { ok: true as const, already: true, slug: brand.slug };
  }
  const joined = await db.$transaction(async (tx) => {
    const counted = await transition(
      tx.inviteLink,
      { id: link.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }], AND: [{ OR: [{ maxUses: null }, { uses: { lt: tx.inviteLink.fields.maxUses } }] }] },
      { uses: { increment: 1 } },
    );
    if (!counted) return false;
    const ambassador = existing
      ? await tx.ambassador.update({ where: { id: existing.id }, data: { inviteLinkId: link.id }, select: { id: true } })
      : await tx.ambassador.create({ data: { brandId: brand.id, email: user.email, name: input.name, status: "invited", source: "link", inviteLinkId: link.id }, select: { id: true } });
    await tx.fanInvite.updateMany({ where: { ambassadorId: ambassador.id, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    if (link.tagName) {
      const tag = await tx.tag.upsert({ where: { brandId_name: { brandId: brand.id, name: link.tagName } }, create: { brandId: brand.id, name: link.tagName }, update: {}, select: { id: true } });
      await tx.ambassadorTag.upsert({ where: { ambassadorId_tagId: { ambassadorId: ambassador.id, tagId: tag.id } }, create: { ambassadorId: ambassador.id, tagId: tag.id }, update: {} });
    }
    await activateAmbassador(tx, { brandId: brand.id, ambassadorId: ambassador.id, userId: user.id, input, termsVersion: brand.termsVersion, how: `through the link “${link.label}”` });
    await claimFoundAuthor(tx, link.id, ambassador.id);
    return true;
  });
  if (!joined) return { ok: false as const, error: LINK_PROBLEMS.full };
  return { ok: true as const, already: false, slug: brand.slug };
}
