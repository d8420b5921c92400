import { db, retryOnUniqueViolation } from "#app/utils/db.server";
import type { AmbassadorStatus } from "./ambassadors";
import { AMBASSADOR_FACTS } from "./ambassadors.server";
import { bulkStatus } from "./bulk-actions.server";
import type { StaffDetailsInput } from "./profile";
import { syncSocialAccounts } from "./profile.server";
import { recordTouch } from "./timeline.server";
import { afterFollowerChange } from "./qualification/milestones.server";
import { TIER_THRESHOLDS_SELECT, describeTier, tierFor } from "./tiers";
import type { BrandScope } from "./scope";

type Answer = { questionId: string; label: string; answer: string; lifeMoment?: boolean };

/** An application's stored answers that say something (unreadable JSON reads as none). */
export function parseStoredAnswers(json: string): Answer[] {
  try {
    const list = JSON.parse(json) as Answer[];
    return Array.isArray(list) ? list.filter((a) => a && typeof a.label === "string" && String(a.answer ?? "").trim()) : [];
  } catch {
    return [];
  }
}

/** An application's stored answers; life-moment answers first (they are what staff plan around). */
function readAnswers(json: string): Answer[] {
  const list = parseStoredAnswers(json);
  return [...list.filter((a) => a.lifeMoment), ...list.filter((a) => !a.lifeMoment)];
}

/** Everything a manager sees on one ambassador's page, scoped to the brand. */
export async function getAmbassadorForStaff(scope: BrandScope, ambassadorId: string) {
  const { brandId } = scope;
  const [brand, a] = await Promise.all([
    db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { ...TIER_THRESHOLDS_SELECT, quietAfterDays: true } }),
    db.ambassador.findFirst({
      where: { id: ambassadorId, brandId },
      select: {
        ...AMBASSADOR_FACTS,
        preferences: true,
        interests: true,
        termsVersion: true,
        termsAcceptedAt: true,
        userId: true,
        inviteLink: { select: { label: true } },
        _count: { select: { invites: true } },
        applications: { orderBy: { createdAt: "desc" }, take: 1, select: { whyLove: true, answers: true, createdAt: true } },
        tags: { select: { tag: { select: { id: true, name: true } } }, orderBy: { tag: { name: "asc" } } },
        socialAccounts: {
          orderBy: { followers: "desc" },
          select: { id: true, platform: true, handle: true, followers: true, snapshots: { orderBy: { recordedAt: "desc" }, take: 12, select: { followers: true, recordedAt: true } } },
        },
        timeline: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 100, select: { id: true, kind: true, summary: true, body: true, createdAt: true } },
      },
    }),
  ]);
  if (!a) return null;
  const tier = tierFor(a.maxFollowers, brand);
  const top = a.socialAccounts[0];
  return {
    ambassador: { ...a, tags: a.tags.map((t) => t.tag), neverInvited: a.status === "invited" && a._count.invites === 0 },
    application: a.applications[0] ? { ...a.applications[0], answers: readAnswers(a.applications[0].answers) } : null,
    tier,
    tierRule: top
      ? `${describeTier(tier, brand)} — from ${top.platform} @${top.handle}, the account with the most followers`
      : `${describeTier(tier, brand)} — no social accounts yet`,
    quietAfterDays: brand.quietAfterDays,
  };
}

/**
 * Staff correct an ambassador's name, city, region, social accounts and follower counts (from a DM, a media kit…).
 * Follower changes are kept as snapshots, the tier follows the largest account, and the timeline says who did it.
 */
export async function updateAmbassadorDetails(scope: BrandScope, ambassadorId: string, actorId: string, input: StaffDetailsInput) {
  const { brandId } = scope;
  const found = await db.ambassador.findFirst({ where: { id: ambassadorId, brandId }, select: { id: true, name: true, city: true, region: true, maxFollowers: true } });
  if (!found) return false;
  await db.$transaction(async (tx) => {
    const changes = await syncSocialAccounts(tx, found.id, input.accounts);
    if (found.name !== input.name) changes.unshift(`name “${found.name}” → “${input.name}”`);
    if (found.city !== input.city) changes.push(`city “${found.city}” → “${input.city}”`);
    if (found.region !== input.region) changes.push(`region “${found.region}” → “${input.region}”`);
    await tx.ambassador.update({ where: { id: found.id }, data: { name: input.name, city: input.city, region: input.region, maxFollowers: Math.max(0, ...input.accounts.map((a) => a.followers)) } });
    if (changes.length) {
      await recordTouch({ brandId, ambassadorId: found.id, kind: "profile", summary: "Details edited by staff", body: changes.join("; "), actorId }, tx);
      await afterFollowerChange(tx, found.id, found.maxFollowers);
    }
  });
  return true;
}

export async function addNote(scope: BrandScope, ambassadorId: string, actorId: string, body: string) {
  const { brandId } = scope;
  await recordTouch({ brandId, ambassadorId, kind: "note", summary: "Note", body, actorId });
}

export async function savePreferences(scope: BrandScope, ambassadorId: string, preferences: string) {
  const { brandId } = scope;
  await db.ambassador.updateMany({ where: { id: ambassadorId, brandId }, data: { preferences } });
}

export async function setStatus(scope: BrandScope, ambassadorId: string, actorId: string, status: AmbassadorStatus) {
  await bulkStatus(scope, [ambassadorId], status, actorId);
}

/** Tags an ambassador (tags are created on first use, lower-case). */
export async function addTag(scope: BrandScope, ambassadorId: string, actorId: string, name: string) {
  const { brandId } = scope;
  // A tag created by someone else at the same moment fails the insert on its unique key (and, on PostgreSQL,
  // the transaction with it): the whole transaction runs again and finds the tag.
  await retryOnUniqueViolation(() =>
    db.$transaction(async (tx) => {
      const tag = await tx.tag.upsert({ where: { brandId_name: { brandId, name } }, create: { brandId, name }, update: {}, select: { id: true } });
      await tx.ambassadorTag.upsert({ where: { ambassadorId_tagId: { ambassadorId, tagId: tag.id } }, create: { ambassadorId, tagId: tag.id }, update: {} });
      await recordTouch({ brandId, ambassadorId, kind: "tagged", summary: `Tagged “${name}”`, actorId }, tx);
    }),
  );
}

export async function removeTag(scope: BrandScope, ambassadorId: string, tagId: string) {
  const { brandId } = scope;
  const tag = await db.tag.findFirst({ where: { id: tagId, brandId }, select: { id: true } });
  if (tag) await db.ambassadorTag.deleteMany({ where: { ambassadorId, tagId: tag.id } });
}
