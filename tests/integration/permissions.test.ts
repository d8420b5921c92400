import { describe, expect, test } from "vitest";
import { loader as layoutLoader } from "#app/routes/b.$brand/route";
import { loader as overviewLoader } from "#app/routes/b.$brand._index/route";
import { loader as ambassadorsLoader } from "#app/routes/b.$brand.ambassadors/route";
import { loader as eventsLoader } from "#app/routes/b.$brand.events/route";
import { loader as outboxLoader } from "#app/routes/b.$brand.outbox/route";
import { loader as outboxMessageLoader } from "#app/routes/b.$brand.outbox_.$id/route";
import { action as staffAction, loader as staffLoader } from "#app/routes/b.$brand.staff/route";
import { loader as settingsLoader } from "#app/routes/b.$brand.settings/route";
import { loader as devOutboxLoader } from "#app/routes/dev.outbox/route";
import { db } from "#app/utils/db.server";
import { resetEnvCache } from "#app/utils/env.server";
import { callAction, callLoader, cookieFor } from "#tests/utils";
import { addStaff, createAmbassador, createBrand, createUser } from "#tests/factories";

async function twoBrands() {
  const ownerA = await createUser(db);
  const ownerB = await createUser(db);
  const a = await createBrand(db, { ownerId: ownerA.id });
  const b = await createBrand(db, { ownerId: ownerB.id });
  await createAmbassador(db, b.id);
  const message = await db.outboxMessage.create({ data: { brandId: b.id, to: "x@example.com", from: "k", subject: "B secret", template: "t", html: "", text: "" } });
  return { ownerA, ownerB, a, b, message };
}

const brandLoaders = [
  ["layout", layoutLoader, ""],
  ["overview", overviewLoader, ""],
  ["ambassadors", ambassadorsLoader, "/ambassadors"],
  ["events", eventsLoader, "/events"],
  ["outbox", outboxLoader, "/outbox"],
  ["staff", staffLoader, "/staff"],
  ["settings", settingsLoader, "/settings"],
] as const;

describe("brand isolation", () => {
  test.each(brandLoaders)("the %s page of another brand is a 404, like a brand that does not exist", async (_name, loader, suffix) => {
    const { ownerA, b } = await twoBrands();
    const cookie = await cookieFor(ownerA.id);
    const other = await callLoader(loader as any, `/b/${b.slug}${suffix}`, { cookie, params: { brand: b.slug } });
    const missing = await callLoader(loader as any, `/b/no-such-brand${suffix}`, { cookie, params: { brand: "no-such-brand" } });
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
  });

  test("another brand's outbox message is a 404 even under one's own brand", async () => {
    const { ownerA, a, message } = await twoBrands();
    const res = await callLoader(outboxMessageLoader, `/b/${a.slug}/outbox/${message.id}`, { cookie: await cookieFor(ownerA.id), params: { brand: a.slug, id: message.id } });
    expect(res.status).toBe(404);
  });

  test("staff actions cannot reach another brand's members", async () => {
    const { ownerA, ownerB, a, b } = await twoBrands();
    const bOwnerMembership = await db.membership.findFirstOrThrow({ where: { brandId: b.id, userId: ownerB.id } });
    const cookie = await cookieFor(ownerA.id);
    // Through brand B's URL: not a member, 404.
    const viaB = await callAction(staffAction, `/b/${b.slug}/staff`, { cookie, params: { brand: b.slug }, form: { intent: "remove", membershipId: bOwnerMembership.id } });
    expect(viaB.status).toBe(404);
    // Through their own brand's URL with B's membership id: refused, nothing changes.
    const viaA = await callAction(staffAction, `/b/${a.slug}/staff`, { cookie, params: { brand: a.slug }, form: { intent: "change-role", membershipId: bOwnerMembership.id, role: "organizer" } });
    expect(viaA.status).toBe(302);
    expect((await db.membership.findUniqueOrThrow({ where: { id: bOwnerMembership.id } })).role).toBe("owner");
  });
});

describe("roles", () => {
  test("an organizer sees events only", async () => {
    const owner = await createUser(db);
    const organizer = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    await addStaff(db, brand.id, organizer.id, "organizer");
    const cookie = await cookieFor(organizer.id);
    const params = { brand: brand.slug };
    expect((await callLoader(eventsLoader, `/b/${brand.slug}/events`, { cookie, params })).status).toBe(200);
    for (const [name, loader, suffix] of brandLoaders) {
      if (name === "layout" || name === "events") continue;
      const res = await callLoader(loader as any, `/b/${brand.slug}${suffix}`, { cookie, params });
      if (name === "overview") {
        expect(res.status).toBe(302);
        expect(res.location).toBe(`/b/${brand.slug}/events`);
      } else {
        expect(res.status, name).toBe(403);
      }
    }
  });

  test("a manager runs the program but cannot manage staff or settings", async () => {
    const owner = await createUser(db);
    const manager = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    await addStaff(db, brand.id, manager.id, "manager");
    const cookie = await cookieFor(manager.id);
    const params = { brand: brand.slug };
    expect((await callLoader(ambassadorsLoader, `/b/${brand.slug}/ambassadors`, { cookie, params })).status).toBe(200);
    expect((await callLoader(outboxLoader, `/b/${brand.slug}/outbox`, { cookie, params })).status).toBe(200);
    expect((await callLoader(staffLoader, `/b/${brand.slug}/staff`, { cookie, params })).status).toBe(403);
    expect((await callLoader(settingsLoader, `/b/${brand.slug}/settings`, { cookie, params })).status).toBe(403);
    const invite = await callAction(staffAction, `/b/${brand.slug}/staff`, { cookie, params, form: { intent: "invite", email: "x@example.com", role: "owner" } });
    expect(invite.status).toBe(403);
  });

  test("signed-out visitors are sent to sign in from brand pages", async () => {
    const owner = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    const res = await callLoader(ambassadorsLoader, `/b/${brand.slug}/ambassadors`, { params: { brand: brand.slug } });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/login?redirectTo=${encodeURIComponent(`/b/${brand.slug}/ambassadors`)}`);
  });

  test("the all-mail outbox exists only in development and demo mode", async () => {
    const prev = process.env.NODE_ENV;
    try {
      process.env.NODE_ENV = "production";
      process.env.SESSION_SECRET = "s".repeat(32);
      resetEnvCache();
      expect((await callLoader(devOutboxLoader, "/dev/outbox")).status).toBe(404);
      process.env.DEMO_MODE = "true";
      resetEnvCache();
      expect((await callLoader(devOutboxLoader, "/dev/outbox")).status).toBe(200);
    } finally {
      process.env.NODE_ENV = prev;
      delete process.env.SESSION_SECRET;
      delete process.env.DEMO_MODE;
      resetEnvCache();
    }
  });
});
