import { db } from "#app/utils/db.server";
import type { PerkType } from "./disclosure";
import type { BrandScope, FanScope } from "./scope";

export type Perk = { kind: PerkType; label: string; valueCents: number | null; at: Date };

/**
 * Everything a fan received from the brand: seeded product (with its value), event tickets, early access to
 * scoops. It is what creates a duty to disclose, so it drives the reminder shown when the fan submits a post.
 */
export async function perkLedger(scope: BrandScope | FanScope, ambassadorId: string): Promise<Perk[]> {
  // Staff read within their brand (every query below is scoped by it); a fan reads the program of their own record.
  const brandId = scope.kind === "brand" ? scope.brandId : (await db.ambassador.findFirst({ where: { id: ambassadorId, userId: scope.userId }, select: { brandId: true } }))?.brandId;
  if (!brandId) return [];
  const [requests, rsvps, reads] = await Promise.all([
    db.seedingRequest.findMany({
      where: { brandId, ambassadorId, status: { in: ["shipped", "delivered", "settled"] } },
      select: { shippedAt: true, requestedAt: true, campaign: { select: { name: true } }, variant: { select: { name: true, product: { select: { name: true, valueCents: true } } } } },
    }),
    db.rsvp.findMany({ where: { brandId, ambassadorId, OR: [{ status: "going" }, { checkedInAt: { not: null } }] }, select: { checkedInAt: true, event: { select: { title: true, startsAt: true } } } }),
    db.scoopRead.findMany({ where: { ambassadorId, openedAt: { not: null }, scoop: { brandId } }, select: { openedAt: true, scoop: { select: { title: true } } } }),
  ]);
  const perks: Perk[] = [
    ...requests.map((r) => ({ kind: "seeding" as const, label: `${r.variant.product.name} (${r.variant.name}) — ${r.campaign.name}`, valueCents: r.variant.product.valueCents, at: r.shippedAt ?? r.requestedAt })),
    ...rsvps.map((r) => ({ kind: "event" as const, label: `Ticket: ${r.event.title}`, valueCents: null, at: r.checkedInAt ?? r.event.startsAt })),
    ...reads.map((r) => ({ kind: "scoop" as const, label: `Early access: ${r.scoop.title}`, valueCents: null, at: r.openedAt! })),
  ];
  return perks.sort((a, b) => b.at.getTime() - a.at.getTime());
}
