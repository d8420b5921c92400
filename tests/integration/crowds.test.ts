// Crowds at once: many fans acting on the same seats, stock or link in the same instant. On SQLite the writes take
// turns; on PostgreSQL (where CI runs this file too) they interleave for real, over a pool of connections. Either
// way nothing is oversold, nothing is sent twice and every count adds up.
import { describe, expect, test } from "vitest";
import "#app/jobs.server";
import { BrandSchema } from "#app/models/brand";
import { createBrand as createBrandThroughForm } from "#app/models/brand.server";
import { respondToEvent } from "#app/models/events/rsvp.server";
import { fanScope } from "#app/models/scope";
import { createCampaign } from "#app/models/seeding/campaigns.server";
import { requestProduct } from "#app/models/seeding/requests.server";
import { action as linkAction } from "#app/routes/i.$code/route";
import { createInviteLink } from "#app/models/invite-links.server";
import { addTag } from "#app/models/ambassador-profile.server";
import { bulkTag } from "#app/models/bulk-actions.server";
import { upsertUserByEmail } from "#app/utils/auth.server";
import { db } from "#app/utils/db.server";
import { runDueJobs } from "#app/utils/jobs.server";
import { callAction, cookieFor } from "#tests/utils";
import { createAmbassador, createBrand, createEvent, createUser, staffScope } from "#tests/factories";

const address = { name: "Fan", line1: "1 Main St", line2: "", city: "Toronto", region: "ON", postalCode: "M1M 1M1", country: "Canada" };

async function brandWithFans(n: number) {
  const owner = await createUser(db);
  const brand = await createBrand(db, { ownerId: owner.id });
  const users = await Promise.all(Array.from({ length: n }, () => createUser(db)));
  await Promise.all(users.map((u) => createAmbassador(db, brand.id, { userId: u.id, email: u.email })));
  return { owner, brand, users };
}

/** Runs every due job, with two runners competing as two instances would, until none is left. */
async function drainJobs() {
  while ((await Promise.all([runDueJobs({ limit: 50 }), runDueJobs({ limit: 50 })])).some((n) => n > 0)) {
    // again
  }
}

describe("crowds at once", () => {
  test("100 RSVPs (with plus-ones) on 10 seats: never over capacity, everyone else wait-listed in order", async () => {
    const { brand, users } = await brandWithFans(100);
    const event = await createEvent(db, brand.id, { capacity: 10, maxPlusOnes: 1 });
    const answers = await Promise.all(users.map((u, i) => respondToEvent(fanScope(u), event.id, { status: "going", plusOnes: i % 2, showInGuestList: false })));
    expect(answers.every((a) => a.ok)).toBe(true);
    const rsvps = await db.rsvp.findMany({ where: { eventId: event.id } });
    const going = rsvps.filter((r) => r.status === "going");
    const seats = going.reduce((n, r) => n + 1 + r.plusOnes, 0);
    expect(rsvps).toHaveLength(100);
    expect(seats).toBeLessThanOrEqual(10);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(seats);
    expect(rsvps.filter((r) => r.status === "waitlisted")).toHaveLength(100 - going.length);
    // One confirmation or wait-list email per fan, no more.
    await drainJobs();
    const mail = await db.outboxMessage.groupBy({ by: ["to"], where: { brandId: brand.id, template: "event" }, _count: { _all: true } });
    expect(mail).toHaveLength(100);
    expect(mail.every((m) => m._count._all === 1)).toBe(true);
  });

  test("10 cancellations at once: exactly 10 offers, each made once, to the first 10 on the waitlist", async () => {
    const { brand, users } = await brandWithFans(30);
    const event = await createEvent(db, brand.id, { capacity: 10 });
    for (const u of users) await respondToEvent(fanScope(u), event.id, { status: "going", plusOnes: 0, showInGuestList: false });
    await drainJobs();
    const waitlist = await db.rsvp.findMany({ where: { eventId: event.id, status: "waitlisted" }, orderBy: { waitlistedAt: "asc" }, select: { id: true, ambassadorId: true } });
    expect(waitlist).toHaveLength(20);
    const goingUsers = users.slice(0, 10);
    const cancelled = await Promise.allSettled(goingUsers.map((u) => respondToEvent(fanScope(u), event.id, { status: "not_going" })));
    expect(cancelled.every((c) => c.status === "fulfilled" && c.value.ok)).toBe(true);
    await drainJobs();
    const offered = await db.rsvp.findMany({ where: { eventId: event.id, status: "offered" }, select: { id: true } });
    expect(offered.map((o) => o.id).sort()).toEqual(waitlist.slice(0, 10).map((w) => w.id).sort());
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(10);
    const offers = await db.outboxMessage.groupBy({ by: ["to"], where: { brandId: brand.id, template: "event", subject: { contains: "seat" } }, _count: { _all: true } });
    expect(offers.filter((o) => o._count._all > 1)).toEqual([]);
  });

  test("100 requests for 5 units: exactly 5 reserved, the rest told it is gone", async () => {
    const { owner, brand, users } = await brandWithFans(100);
    const campaign = await createCampaign(staffScope(brand.id, "owner", owner.id), { name: "Box", callToAction: "Try it", guidelines: "", mode: "request", followUpDays: "7", audienceKind: "all", audienceValues: [], products: [{ name: "Starter", value: 10, variants: [{ name: "One", stock: 5 }] }] });
    if (!campaign.ok) throw new Error("campaign");
    const variant = await db.seedingVariant.findFirstOrThrow({ where: { campaignId: campaign.id } });
    const results = await Promise.all(users.map((u) => requestProduct(fanScope(u), campaign.id, variant.id, address, false)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect((await db.seedingVariant.findUniqueOrThrow({ where: { id: variant.id } })).reserved).toBe(5);
    expect(await db.seedingRequest.count({ where: { campaignId: campaign.id } })).toBe(5);
  });

  test("20 joins at once on a 3-use link: 3 fans join, 17 are told the link is used up", async () => {
    const { owner, brand } = await brandWithFans(0);
    const link = await createInviteLink({ brandId: brand.id, createdById: owner.id, label: "Three", maxUses: 3 });
    const fans = await Promise.all(Array.from({ length: 20 }, () => createUser(db)));
    const form = { intent: "join", name: "Priya R", city: "Toronto", acceptTerms: "on", emailOptIn: "on" };
    const results = await Promise.all(fans.map(async (f) => callAction(linkAction, `/i/${link.code}`, { cookie: await cookieFor(f.id), params: { code: link.code }, form })));
    expect(results.filter((r) => r.status === 302)).toHaveLength(3);
    expect(results.filter((r) => r.status === 400)).toHaveLength(17);
    expect((await db.inviteLink.findUniqueOrThrow({ where: { id: link.id } })).uses).toBe(3);
    expect(await db.ambassador.count({ where: { brandId: brand.id, status: "active" } })).toBe(3);
  });

  test("the same form posted 10 times at once: one join, one brand", async () => {
    const { owner, brand } = await brandWithFans(0);
    const link = await createInviteLink({ brandId: brand.id, createdById: owner.id, label: "Open" });
    const fan = await createUser(db);
    const cookie = await cookieFor(fan.id);
    const form = { intent: "join", name: "Priya R", city: "Toronto", acceptTerms: "on", emailOptIn: "on" };
    const joins = await Promise.all(Array.from({ length: 10 }, () => callAction(linkAction, `/i/${link.code}`, { cookie, params: { code: link.code }, form })));
    expect(joins.every((r) => r.status === 302 || r.status === 400)).toBe(true);
    expect(await db.ambassador.count({ where: { brandId: brand.id, email: fan.email } })).toBe(1);
    expect((await db.ambassador.findFirstOrThrow({ where: { brandId: brand.id, email: fan.email } })).status).toBe("active");
    expect(await db.timelineEvent.count({ where: { brandId: brand.id, kind: "joined" } })).toBe(1);

    const creator = await createUser(db);
    const input = BrandSchema.parse({ name: "Rye & Co", slug: `rye-${Date.now().toString(36)}`, timeZone: "UTC" });
    const created = await Promise.all(Array.from({ length: 10 }, () => createBrandThroughForm(creator.id, input)));
    expect(created.filter((c) => c.ok)).toHaveLength(1);
    expect(created.filter((c) => !c.ok).every((c) => !c.ok && c.fieldErrors.slug?.[0].includes("taken"))).toBe(true);
    expect(await db.membership.count({ where: { userId: creator.id } })).toBe(1);
  });

  test("a new tag added to 10 fans at once, and one new address signing in 10 times at once: one tag, one account, no error", async () => {
    const { owner, brand } = await brandWithFans(0);
    const fans = await Promise.all(Array.from({ length: 10 }, () => createAmbassador(db, brand.id)));
    const scope = staffScope(brand.id, "owner", owner.id);
    await Promise.all([...fans.map((f) => addTag(scope, f.id, owner.id, "sourdough")), bulkTag(scope, fans.map((f) => f.id), "sourdough", owner.id)]);
    expect(await db.tag.count({ where: { brandId: brand.id, name: "sourdough" } })).toBe(1);
    expect(await db.ambassadorTag.count({ where: { ambassador: { brandId: brand.id } } })).toBe(10);

    const email = `crowd-${Date.now().toString(36)}@fans.example`;
    const users = await Promise.all(Array.from({ length: 10 }, () => upsertUserByEmail(email)));
    expect(new Set(users.map((u) => u.id)).size).toBe(1);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});
