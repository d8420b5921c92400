import { describe, expect, test } from "vitest";
import { action as newBrandAction } from "#app/routes/brands.new/route";
import { action as settingsAction, loader as settingsLoader } from "#app/routes/b.$brand.settings/route";
import { loader as homeLoader } from "#app/routes/home/route";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, cookieFor } from "#tests/utils";
import { addStaff, createBrand, createUser } from "#tests/factories";

const form = (over: Record<string, string> = {}) => ({
  name: "Fern & Flour",
  slug: "fern-and-flour",
  timeZone: "America/Vancouver",
  color: "#15803d",
  description: "Bakery",
  guidelines: "Be kind",
  disclosureText: "Gifted by Fern & Flour",
  tierMicroMin: "1000",
  tierMacroMin: "100000",
  tierMegaMin: "1000000",
  ...over,
});

describe("creating a brand", () => {
  test("anyone signed in can create a brand and becomes its owner", async () => {
    const user = await createUser(db);
    const res = await callAction(newBrandAction, "/brands/new", { cookie: await cookieFor(user.id), form: { intent: "create", ...form() } });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/b/fern-and-flour");
    const brand = await db.brand.findUniqueOrThrow({ where: { slug: "fern-and-flour" }, include: { memberships: true } });
    expect(brand).toMatchObject({ name: "Fern & Flour", timeZone: "America/Vancouver", tierMicroMin: 1000, tierMegaMin: 1000000 });
    expect(brand.memberships).toEqual([expect.objectContaining({ userId: user.id, role: "owner" })]);
    const home = await callLoader(homeLoader, "/home", { cookie: await cookieFor(user.id) });
    expect(home.data.memberships).toEqual([expect.objectContaining({ role: "owner", brand: expect.objectContaining({ slug: "fern-and-flour" }) })]);
  });

  test("a taken address is a message on the address field, and the input is kept", async () => {
    const owner = await createUser(db);
    await createBrand(db, { slug: "taken-slug", ownerId: owner.id });
    const user = await createUser(db);
    const res = await callAction(newBrandAction, "/brands/new", { cookie: await cookieFor(user.id), form: { intent: "create", ...form({ slug: "taken-slug", name: "Another" }) } });
    expect(res.status).toBe(400);
    expect(res.data.result.error.slug).toEqual(["That address is already taken; choose another"]);
    expect(res.data.result.initialValue).toMatchObject({ name: "Another", slug: "taken-slug" });
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
  });

  test("bad input gets field messages and nothing is saved", async () => {
    const user = await createUser(db);
    const res = await callAction(newBrandAction, "/brands/new", {
      cookie: await cookieFor(user.id),
      form: { intent: "create", ...form({ name: "", slug: "x", timeZone: "Nowhere/Town", tierMacroMin: "ten" }) },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.data.result.error).sort()).toEqual(["name", "slug", "tierMacroMin", "timeZone"]);
    expect(await db.brand.count({ where: { memberships: { some: { userId: user.id } } } })).toBe(0);
  });

  test("signed-out visitors are sent to sign in", async () => {
    const res = await callAction(newBrandAction, "/brands/new", { form: { intent: "create", ...form() } });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login?redirectTo=%2Fbrands%2Fnew");
  });
});

describe("brand settings", () => {
  test("an owner changes the settings; a manager may not", async () => {
    const owner = await createUser(db);
    const manager = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    await addStaff(db, brand.id, manager.id, "manager");
    const params = { brand: brand.slug };
    const loaded = await callLoader(settingsLoader, `/b/${brand.slug}/settings`, { cookie: await cookieFor(owner.id), params });
    expect(loaded.data.settings.name).toBe(brand.name);

    const denied = await callAction(settingsAction, `/b/${brand.slug}/settings`, { cookie: await cookieFor(manager.id), params, form: { intent: "save", ...form({ slug: brand.slug }) } });
    expect(denied.status).toBe(403);

    const saved = await callAction(settingsAction, `/b/${brand.slug}/settings`, {
      cookie: await cookieFor(owner.id),
      params,
      form: { intent: "save", ...form({ slug: brand.slug, name: "Renamed", tierMicroMin: "500" }) },
    });
    expect(saved.status).toBe(302);
    expect(await db.brand.findUniqueOrThrow({ where: { id: brand.id } })).toMatchObject({ name: "Renamed", tierMicroMin: 500 });
  });

  test("renaming to another brand's address is refused on the field", async () => {
    const owner = await createUser(db);
    const a = await createBrand(db, { ownerId: owner.id });
    const b = await createBrand(db, { ownerId: owner.id });
    const res = await callAction(settingsAction, `/b/${a.slug}/settings`, { cookie: await cookieFor(owner.id), params: { brand: a.slug }, form: { intent: "save", ...form({ slug: b.slug }) } });
    expect(res.status).toBe(400);
    expect(res.data.result.error.slug).toEqual(["That address is already taken; choose another"]);
    expect((await db.brand.findUniqueOrThrow({ where: { id: a.id } })).slug).toBe(a.slug);
  });
});
