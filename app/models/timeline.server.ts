import type { Prisma } from "#app/generated/prisma/client";
import { db } from "#app/utils/db.server";

export const TIMELINE_KINDS = ["invited", "applied", "joined", "note", "message", "status", "tagged", "profile", "consent", "left", "event", "seeding", "post", "milestone"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

type Touch = { brandId: string; ambassadorId: string; kind: TimelineKind; summary: string; body?: string; actorId?: string | null; at?: Date };

/** Records a touch on the ambassador's timeline and moves their "last touch" forward. */
export async function recordTouch(t: Touch, tx: Prisma.TransactionClient = db) {
  const at = t.at ?? new Date();
  await tx.timelineEvent.create({
    data: { brandId: t.brandId, ambassadorId: t.ambassadorId, kind: t.kind, summary: t.summary, body: t.body ?? "", actorId: t.actorId ?? null, createdAt: at },
  });
  await tx.ambassador.updateMany({ where: { id: t.ambassadorId, brandId: t.brandId, lastTouchAt: { lt: at } }, data: { lastTouchAt: at } });
}

/** True when nothing has happened with the ambassador for the brand's quiet period. */
export function isGoneQuiet(lastTouchAt: Date | string, quietAfterDays: number, now = new Date()) {
  return now.getTime() - new Date(lastTouchAt).getTime() > quietAfterDays * 24 * 60 * 60 * 1000;
}
