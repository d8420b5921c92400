// Leaving a program or deleting the account gives back what the fan held: seats (offered on to the waitlist) and
// product not yet shipped (back in stock), and says so.
import { describe, expect, test } from "vitest";
import { fanScope } from "#app/models/scope";
import "#app/jobs.server";
import { deleteMyAccount } from "#app/models/account.server";
import { respondToEvent } from "#app/models/events/rsvp.server";
import { action as programAction } from "#app/routes/me.programs.$slug/route";
import { db } from "#app/utils/db.server";
import { callAction, cookieFor, runAllJobs, toastFrom } from "#tests/utils";
import { createAmbassador, createBrand, createEvent, createUser } from "#tests/factories";

async function fanHoldingThings() {
  const owner = await createUser(db);
  const brand = await createBrand(db, { ownerId: owner.id, name: "Leave Bakery" });
  const [leaver, waiting] = [await createUser(db), await createUser(db)];
  const ambassador = await createAmbassador(db, brand.id, { userId: leaver.id, email: leaver.email });
  const other = await createAmbassador(db, brand.id, { userId: waiting.id, email: waiting.email });
  const event = await createEvent(db, brand.id, { capacity: 1, title: "Tiny class" });
  const going = { status: "going" as const, plusOnes: 0, showInGuestList: false };
  await respondToEvent(fanScope(leaver), event.id, going);
  await respondToEvent(fanScope(waiting), event.id, going);
  const campaign = await db.seedingCampaign.create({ data: { brandId: brand.id, name: "Box" } });
  const product = await db.seedingProduct.create({ data: { campaignId: campaign.id, name: "Rye" } });
  const variant = await db.seedingVariant.create({ data: { campaignId: campaign.id, productId: product.id, name: "One", stock: 2, reserved: 1 } });
  const request = await db.seedingRequest.create({ data: { brandId: brand.id, campaignId: campaign.id, variantId: variant.id, ambassadorId: ambassador.id, status: "approved" } });
  await runAllJobs();
  return { brand, leaver, ambassador, other, event, variant, request };
}

async function expectGivenBack(w: Awaited<ReturnType<typeof fanHoldingThings>>) {
  expect((await db.rsvp.findUniqueOrThrow({ where: { eventId_ambassadorId: { eventId: w.event.id, ambassadorId: w.ambassador.id } } })).status).toBe("not_going");
  await runAllJobs();
  // The freed seat goes to the fan who was waiting, as after any cancellation.
  expect((await db.rsvp.findUniqueOrThrow({ where: { eventId_ambassadorId: { eventId: w.event.id, ambassadorId: w.other.id } } })).status).toBe("offered");
  expect((await db.event.findUniqueOrThrow({ where: { id: w.event.id } })).seatsTaken).toBe(1);
  expect((await db.seedingRequest.findUniqueOrThrow({ where: { id: w.request.id } })).status).toBe("withdrawn");
  expect((await db.seedingVariant.findUniqueOrThrow({ where: { id: w.variant.id } })).reserved).toBe(0);
}

describe("leaving gives back seats and product", () => {
  test("leaving a program ends upcoming RSVPs, withdraws unshipped requests, and says so", async () => {
    const w = await fanHoldingThings();
    const res = await callAction(programAction, `/me/programs/${w.brand.slug}`, { cookie: await cookieFor(w.leaver.id), params: { slug: w.brand.slug }, form: { intent: "leave" } });
    expect(res.status).toBe(302);
    expect((await toastFrom(res.headers))?.message).toBe("You left Leave Bakery's program. Your place at 1 upcoming event was given up and 1 product request was withdrawn. Thank you for everything!");
    await expectGivenBack(w);
  });

  test("deleting the account does the same for every program", async () => {
    const w = await fanHoldingThings();
    expect(await deleteMyAccount(w.leaver.id)).toEqual({ ok: true, events: 1, requests: 1 });
    await expectGivenBack(w);
  });
});
