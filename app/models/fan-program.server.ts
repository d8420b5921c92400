import { db } from "#app/utils/db.server";
import { EMAIL_KINDS, EMAIL_KIND_LIST, choiceColumns, choicesOf, type EmailChoices } from "./email-preferences";
import { cancelUpcomingRsvps } from "./events/waitlist.server";
import { withdrawOpenRequests } from "./seeding/stock.server";
import type { FanScope } from "./scope";
import { recordTouch } from "./timeline.server";

/** The fan's own membership of one brand's program (by slug), or null. */
export async function findOwnMembership(scope: FanScope, slug: string) {
  return db.ambassador.findFirst({
    where: { userId: scope.userId, brand: { slug } },
    select: {
      id: true,
      status: true,
      joinedAt: true,
      emailOptIn: true,
      emailScoops: true,
      emailEvents: true,
      emailProducts: true,
      termsVersion: true,
      termsAcceptedAt: true,
      brand: { select: { id: true, name: true, slug: true, color: true, logoUrl: true, description: true, guidelines: true, disclosureText: true, termsText: true, termsVersion: true, timeZone: true } },
    },
  });
}

/** Changes which kinds of program email the fan gets from one brand, keeping the history of consents. */
export async function setEmailPreferences(scope: FanScope, ambassadorId: string, choices: EmailChoices) {
  const a = await db.ambassador.findFirst({ where: { id: ambassadorId, userId: scope.userId }, select: { id: true, brandId: true, emailOptIn: true, emailScoops: true, emailEvents: true, emailProducts: true } });
  if (!a) return;
  const before = choicesOf(a);
  const changed = EMAIL_KIND_LIST.filter((k) => before[k] !== choices[k]);
  if (!changed.length) return;
  await db.$transaction(async (tx) => {
    await tx.ambassador.update({ where: { id: a.id }, data: choiceColumns(choices) });
    await tx.consent.createMany({ data: changed.map((k) => ({ ambassadorId: a.id, kind: `email:${k}`, granted: choices[k] })) });
    const wanted = EMAIL_KIND_LIST.filter((k) => choices[k]).map((k) => EMAIL_KINDS[k].label.toLowerCase());
    await recordTouch({ brandId: a.brandId, ambassadorId: a.id, kind: "consent", summary: wanted.length ? `Program emails: ${wanted.join(", ")}` : "Turned program emails off", actorId: scope.userId }, tx);
  });
}

/**
 * Leaves a program: the membership becomes alumni (its history stays), program emails stop, upcoming RSVPs and
 * waitlist places end (their seats are offered on), and product not yet shipped goes back to stock.
 */
export async function leaveProgram(scope: FanScope, ambassadorId: string) {
  const a = await db.ambassador.findFirst({ where: { id: ambassadorId, userId: scope.userId, status: { not: "alumni" } }, select: { id: true, brandId: true } });
  if (!a) return { events: 0, requests: 0 };
  return db.$transaction(async (tx) => {
    await tx.ambassador.update({ where: { id: a.id }, data: { status: "alumni", leftAt: new Date(), emailOptIn: false } });
    await tx.consent.create({ data: { ambassadorId: a.id, kind: "email", granted: false } });
    await recordTouch({ brandId: a.brandId, ambassadorId: a.id, kind: "left", summary: "Left the program", actorId: scope.userId }, tx);
    const events = await cancelUpcomingRsvps(tx, a.id, "left the program");
    const requests = await withdrawOpenRequests(tx, a.id, "left the program");
    return { events, requests };
  });
}

/** "Your RSVPs to 2 upcoming events were cancelled and 1 product request was withdrawn." — or nothing. */
export function describeLeaving({ events, requests }: { events: number; requests: number }) {
  const parts = [
    events ? `your ${events === 1 ? "place at 1 upcoming event was" : `places at ${events} upcoming events were`} given up` : "",
    requests ? `${requests === 1 ? "1 product request was" : `${requests} product requests were`} withdrawn` : "",
  ].filter(Boolean);
  return parts.length ? ` ${parts.join(" and ").replace(/^./, (c) => c.toUpperCase())}.` : "";
}
