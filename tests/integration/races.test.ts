// The same change sent twice at once (a double click, two tabs, two staff members) changes the state once: stock,
// seats and counters move once, whatever the interleaving.
import { describe, expect, test } from "vitest";
import "#app/jobs.server";
import { Conflict } from "#app/models/errors";
import { respondToEvent } from "#app/models/events/rsvp.server";
import { fanScope } from "#app/models/scope";
import { createCampaign } from "#app/models/seeding/campaigns.server";
import { decideRequests } from "#app/models/seeding/pipeline.server";
import { answerOffer, offerProduct, requestProduct } from "#app/models/seeding/requests.server";
import { db } from "#app/utils/db.server";
import { createAmbassador, createBrand, createEvent, createUser, staffScope } from "#tests/factories";

const address = { name: "Fan", line1: "1 Main St", line2: "", city: "Toronto", region: "ON", postalCode: "M1M 1M1", country: "Canada" };

async function brandWithFan(mode: "request" | "offer") {
  const owner = await createUser(db);
  const brand = await createBrand(db, { ownerId: owner.id });
  const user = await createUser(db);
  const ambassador = await createAmbassador(db, brand.id, { userId: user.id, email: user.email });
  const staff = staffScope(brand.id, "owner", owner.id);
  const campaign = await createCampaign(staff, { name: "Box", callToAction: "Try it", guidelines: "", mode, followUpDays: "7", audienceKind: "all", audienceValues: [], products: [{ name: "Starter", value: 10, variants: [{ name: "One", stock: 2 }] }] });
  if (!campaign.ok) throw new Error("campaign");
  const variant = await db.seedingVariant.findFirstOrThrow({ where: { campaignId: campaign.id } });
  return { owner, user, ambassador, staff, campaignId: campaign.id, variant };
}

const reserved = async (variantId: string) => (await db.seedingVariant.findUniqueOrThrow({ where: { id: variantId } })).reserved;
const settled = (results: PromiseSettledResult<unknown>[]) => ({ ok: results.filter((r) => r.status === "fulfilled"), refused: results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason) });

describe("the same change sent twice at once", () => {
  test("a decline returns its unit to stock once", async () => {
    const s = await brandWithFan("request");
    const asked = await requestProduct(fanScope(s.user), s.campaignId, s.variant.id, address, false);
    if (!asked.ok) throw new Error(asked.error);
    expect(await reserved(s.variant.id)).toBe(1);
    const counts = await Promise.all(Array.from({ length: 5 }, () => decideRequests(s.staff, s.campaignId, [asked.id], false, s.owner.id)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await reserved(s.variant.id)).toBe(0);
    expect((await db.seedingRequest.findUniqueOrThrow({ where: { id: asked.id } })).status).toBe("declined");
    expect(await db.timelineEvent.count({ where: { ambassadorId: s.ambassador.id, summary: { startsWith: "Declined" } } })).toBe(1);
  });

  test("an approval emails the fan once", async () => {
    const s = await brandWithFan("request");
    const asked = await requestProduct(fanScope(s.user), s.campaignId, s.variant.id, address, false);
    if (!asked.ok) throw new Error(asked.error);
    await Promise.all(Array.from({ length: 4 }, () => decideRequests(s.staff, s.campaignId, [asked.id], true, s.owner.id)));
    expect(await db.outboxMessage.count({ where: { to: s.user.email, template: "seeding" } })).toBe(1);
    expect(await reserved(s.variant.id)).toBe(1);
  });

  test("an offer turned down twice gives its unit back once; the second answer is a conflict", async () => {
    const s = await brandWithFan("offer");
    await offerProduct(s.staff, s.campaignId, s.variant.id, [s.ambassador.id], s.owner.id);
    const offer = await db.seedingRequest.findFirstOrThrow({ where: { ambassadorId: s.ambassador.id, status: "offered" } });
    expect(await reserved(s.variant.id)).toBe(1);
    const { ok, refused } = settled(await Promise.allSettled([answerOffer(fanScope(s.user), offer.id, false, null, false), answerOffer(fanScope(s.user), offer.id, false, null, false)]));
    expect(ok).toHaveLength(1);
    // The loser either found the offer gone before its transaction (404) or lost inside it (409): never both win.
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(Error);
    expect(await reserved(s.variant.id)).toBe(0);
  });

  test("a cancellation sent four times at once frees the seats once (a loser that read the old answer is a conflict)", async () => {
    const owner = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    const user = await createUser(db);
    await createAmbassador(db, brand.id, { userId: user.id, email: user.email });
    const event = await createEvent(db, brand.id, { capacity: 3, maxPlusOnes: 2 });
    const fan = fanScope(user);
    expect((await respondToEvent(fan, event.id, { status: "going", plusOnes: 2, showInGuestList: false })).ok).toBe(true);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(3);
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => respondToEvent(fan, event.id, { status: "not_going" })));
    const conflicts = results.filter((r) => r.status === "rejected");
    for (const c of conflicts) expect((c as PromiseRejectedResult).reason).toBeInstanceOf(Conflict);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(0);
    expect((await db.rsvp.findFirstOrThrow({ where: { eventId: event.id } })).status).toBe("not_going");
  });
});
