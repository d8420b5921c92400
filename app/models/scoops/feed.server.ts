// Fans and scoops: the feed across a fan's programs, unread counts, reading, acknowledging and replying.
import { db } from "#app/utils/db.server";
import { matchesAudience, readAudience } from "../audience";
import { activeMemberships, toAudienceMember } from "../audience.server";
import { mustAcknowledge, scoopState } from "./rules";
import { suggestDisclosure } from "../disclosure";
import { recordTouch } from "../timeline.server";
import { fanScope, type FanScope } from "../scope";
import { SCOOP_DETAIL, present } from "./manage.server";

export const FEED_PAGE_SIZE = 20;

/** Published scoops across the fan's programs that are meant for them, newest first, with unread markers. */
export async function fanScoopFeed(scope: FanScope, page = 1, now = new Date()) {
  const { userId } = scope;
  const memberships = await activeMemberships(userId);
  const byBrand = new Map(memberships.map((m) => [m.brandId, m]));
  const scoops = await db.scoop.findMany({
    where: { brandId: { in: [...byBrand.keys()] }, publishAt: { lte: now } },
    orderBy: [{ publishAt: "desc" }, { id: "asc" }],
    select: { id: true, brandId: true, title: true, publishAt: true, embargoUntil: true, audienceKind: true, audienceValues: true },
  });
  const visible = scoops.filter((s) => {
    const m = byBrand.get(s.brandId)!;
    return matchesAudience(readAudience(s.audienceKind, s.audienceValues), toAudienceMember(m), m.brand);
  });
  const pageItems = visible.slice((page - 1) * FEED_PAGE_SIZE, page * FEED_PAGE_SIZE);
  const reads = await db.scoopRead.findMany({
    where: { scoopId: { in: pageItems.map((s) => s.id) }, ambassadorId: { in: memberships.map((m) => m.id) } },
    select: { scoopId: true, openedAt: true },
  });
  const opened = new Set(reads.filter((r) => r.openedAt).map((r) => r.scoopId));
  const unread = visible.length ? await countUnread(visible.map((s) => s.id), memberships.map((m) => m.id)) : 0;
  return {
    total: visible.length,
    unread,
    pageCount: Math.max(1, Math.ceil(visible.length / FEED_PAGE_SIZE)),
    items: pageItems.map((s) => {
      const brand = byBrand.get(s.brandId)!.brand;
      return { id: s.id, title: s.title, publishAt: s.publishAt!, embargoUntil: s.embargoUntil, state: scoopState(s, now), unread: !opened.has(s.id), brand: { name: brand.name, color: brand.color, timeZone: brand.timeZone } };
    }),
  };
}

async function countUnread(scoopIds: string[], ambassadorIds: string[]) {
  const opened = await db.scoopRead.count({ where: { scoopId: { in: scoopIds }, ambassadorId: { in: ambassadorIds }, openedAt: { not: null } } });
  return scoopIds.length - opened;
}

/** How many scoops the fan has not opened yet (for the home page). */
export async function unreadScoopCount(scope: FanScope, now = new Date()) {
  return (await fanScoopFeed(scope, 1, now)).unread;
}

/**
 * A scoop as one fan may see it, or null when it is not for them (not published, another audience, not an
 * active ambassador of the brand). Under embargo the body is held back until the fan acknowledges.
 */
export async function getScoopForFan(scope: FanScope, scoopId: string, now = new Date()) {
  const { userId } = scope;
  const s = await db.scoop.findFirst({ where: { id: scoopId, publishAt: { lte: now } }, select: SCOOP_DETAIL });
  if (!s) return null;
  const member = (await activeMemberships(userId)).find((m) => m.brandId === s.brandId);
  if (!member) return null;
  const scoop = present(s);
  if (!matchesAudience(scoop.audience, toAudienceMember(member), member.brand)) return null;
  const read = await db.scoopRead.findUnique({ where: { scoopId_ambassadorId: { scoopId: s.id, ambassadorId: member.id } }, select: { acknowledgedAt: true, openedAt: true } });
  const locked = mustAcknowledge(s, read?.acknowledgedAt, now);
  if (!locked && !read?.openedAt) {
    await db.scoopRead.upsert({
      where: { scoopId_ambassadorId: { scoopId: s.id, ambassadorId: member.id } },
      create: { scoopId: s.id, ambassadorId: member.id, openedAt: now },
      update: { openedAt: now },
    });
  }
  const brand = member.brand;
  const base = { id: scoop.id, title: scoop.title, publishAt: scoop.publishAt!, embargoUntil: scoop.embargoUntil, state: scoopState(s, now), guidance: scoop.guidance, brand: { name: brand.name, slug: brand.slug, color: brand.color, timeZone: brand.timeZone, disclosureText: suggestDisclosure("scoop", brand) } };
  if (locked) return { ...base, locked: true as const };
  return { ...base, locked: false as const, html: scoop.html, links: scoop.links, images: scoop.images, assets: scoop.assets, acknowledgedAt: read?.acknowledgedAt ?? null };
}

/** The fan promises to keep an embargoed scoop confidential until it lifts. */
/**
 * A fan's private reply to a scoop ("what do you honestly think?"): it lands on their timeline, where the brand's
 * staff read it. Only someone who can see the scoop (and has opened it, if it is embargoed) can reply.
 */
export async function replyToScoop(scope: FanScope, scoopId: string, body: string, now = new Date()) {
  const { userId } = scope;
  const visible = await getScoopForFan(scope, scoopId, now);
  if (!visible || visible.locked) return false;
  const member = await db.ambassador.findFirst({ where: { userId, status: "active", brand: { scoops: { some: { id: scoopId } } } }, select: { id: true, brandId: true } });
  if (!member) return false;
  await recordTouch({ brandId: member.brandId, ambassadorId: member.id, kind: "message", summary: `Replied to the scoop “${visible.title}”`, body, actorId: userId, at: now });
  return true;
}

export async function acknowledgeScoop(scope: FanScope, scoopId: string, now = new Date()) {
  const { userId } = scope;
  const visible = await getScoopForFan(scope, scoopId, now);
  if (!visible) return false;
  const member = await db.ambassador.findFirst({ where: { userId, brand: { scoops: { some: { id: scoopId } } } }, select: { id: true } });
  if (!member) return false;
  await db.scoopRead.upsert({
    where: { scoopId_ambassadorId: { scoopId, ambassadorId: member.id } },
    create: { scoopId, ambassadorId: member.id, acknowledgedAt: now },
    update: { acknowledgedAt: now },
  });
  return true;
}

/** Whether the user may download a scoop's file: staff of the brand, or a fan who may read the scoop body. */
export async function canReadScoopFiles(userId: string, scoopId: string) {
  const scoop = await getScoopForFan(fanScope({ id: userId }), scoopId);
  return !!scoop && !scoop.locked;
}
