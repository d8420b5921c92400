import type { Prisma } from "#app/generated/prisma/client";
import { db } from "#app/utils/db.server";
import type { ProfileInput } from "./profile";
import { recordTouch } from "./timeline.server";
import { afterFollowerChange } from "./qualification/milestones.server";
import type { FanScope } from "./scope";

/**
 * The profile shown on the fan's page: from their most recently updated membership that lists social
 * accounts (saving the profile makes every membership the same).
 */
export async function getFanProfile(scope: FanScope) {
  const { userId } = scope;
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      name: true,
      email: true,
      ambassadors: {
        orderBy: { updatedAt: "desc" },
        select: { city: true, interests: true, socialAccounts: { orderBy: { followers: "desc" }, select: { platform: true, handle: true, followers: true } } },
      },
    },
  });
  const latest = user.ambassadors.find((m) => m.socialAccounts.length) ?? user.ambassadors[0];
  return { name: user.name ?? "", email: user.email, city: latest?.city ?? "", interests: latest?.interests ?? "", accounts: latest?.socialAccounts ?? [] };
}

/**
 * Saves a fan's profile into every program they belong to: name, city and social accounts. A follower
 * count that changed is kept as a new snapshot, so brands see growth over time.
 */
export async function updateFanProfile(scope: FanScope, input: ProfileInput) {
  const { userId } = scope;
  const memberships = await db.ambassador.findMany({ where: { userId }, select: { id: true, brandId: true, maxFollowers: true } });
  const maxFollowers = Math.max(0, ...input.accounts.map((a) => a.followers));
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { name: input.name } });
    for (const m of memberships) {
      const changes = await syncSocialAccounts(tx, m.id, input.accounts);
      await tx.ambassador.update({ where: { id: m.id }, data: { name: input.name, city: input.city, interests: input.interests, maxFollowers } });
      if (changes.length) {
        await recordTouch({ brandId: m.brandId, ambassadorId: m.id, kind: "profile", summary: "Updated their profile", body: changes.join("; "), actorId: userId }, tx);
        await afterFollowerChange(tx, m.id, m.maxFollowers);
      }
    }
  });
}

/**
 * Makes one membership's social accounts the given list: removed ones go, a changed follower count is kept as a
 * new snapshot (growth over time), new ones are added. Returns what changed, for the timeline.
 */
export async function syncSocialAccounts(tx: Prisma.TransactionClient, ambassadorId: string, accounts: ProfileInput["accounts"]) {
  const existing = await tx.socialAccount.findMany({ where: { ambassadorId }, select: { id: true, platform: true, handle: true, followers: true } });
  const key = (p: string, h: string) => `${p}:${h.toLowerCase()}`;
  const wanted = new Map(accounts.map((a) => [key(a.platform, a.handle), a]));
  const changes: string[] = [];
  for (const e of existing) {
    const next = wanted.get(key(e.platform, e.handle));
    if (!next) {
      await tx.socialAccount.delete({ where: { id: e.id } });
      changes.push(`removed ${e.platform} @${e.handle}`);
    } else if (next.followers !== e.followers) {
      await tx.socialAccount.update({ where: { id: e.id }, data: { followers: next.followers, snapshots: { create: { followers: next.followers } } } });
      changes.push(`${e.platform} followers ${e.followers.toLocaleString("en")} → ${next.followers.toLocaleString("en")}`);
    }
    wanted.delete(key(e.platform, e.handle));
  }
  for (const a of wanted.values()) {
    await tx.socialAccount.create({ data: { ambassadorId, platform: a.platform, handle: a.handle, followers: a.followers, snapshots: { create: { followers: a.followers } } } });
    changes.push(`added ${a.platform} @${a.handle}`);
  }
  return changes;
}
