import { expect, test } from "vitest";
import { staffScope } from "#tests/factories";
import { matchesAudience, type Audience } from "#app/models/audience";
import { AUDIENCE_MEMBER_SELECT, audienceWhere, toAudienceMember } from "#app/models/audience.server";
import { DEFAULT_TIER_THRESHOLDS } from "#app/models/tiers";
import { db } from "#app/utils/db.server";
import { createAmbassador, createBrand, createUser } from "#tests/factories";

test("the database filter and the in-memory rule pick exactly the same ambassadors", async () => {
  const owner = await createUser(db);
  const brand = await createBrand(db, { ownerId: owner.id });
  const other = await createBrand(db, { ownerId: owner.id });
  const people = [
    { city: "Toronto", followers: [300], tags: ["bakers-club"] },
    { city: "Toronto", followers: [5_000], tags: ["vip"] },
    { city: "Ottawa", followers: [150_000], tags: ["bakers-club", "vip"] },
    { city: "Ottawa", followers: [2_000_000], tags: [] },
    { city: "Toronto", followers: [300], tags: ["bakers-club"], status: "paused" as const },
    { city: "Toronto", followers: [300], tags: ["bakers-club"], status: "alumni" as const },
    { city: "Montréal", followers: [800], tags: [] },
    { city: "montreal ", followers: [900], tags: [] },
  ];
  for (const p of people) await createAmbassador(db, brand.id, p);
  await createAmbassador(db, other.id, { city: "Toronto", tags: ["bakers-club"] });
  const all = await db.ambassador.findMany({ where: { brandId: brand.id }, select: AUDIENCE_MEMBER_SELECT });
  const audiences: Audience[] = [
    { kind: "all", values: [] },
    { kind: "tier", values: ["nano"] },
    { kind: "tier", values: ["micro", "mega"] },
    { kind: "tag", values: ["bakers-club"] },
    { kind: "tag", values: ["vip", "nobody"] },
    { kind: "city", values: ["Ottawa"] },
    { kind: "city", values: ["MONTREAL"] },
    // Hand-picked: one active fan and one paused (the list keeps only active ones).
    { kind: "list", values: [all.find((a) => a.status === "active")!.id, all.find((a) => a.status === "paused")!.id] },
  ];
  for (const audience of audiences) {
    const fromDb = (await db.ambassador.findMany({ where: await audienceWhere(brand.id, audience, DEFAULT_TIER_THRESHOLDS), select: { id: true } })).map((a) => a.id).sort();
    const inMemory = all.filter((a) => matchesAudience(audience, toAudienceMember(a), DEFAULT_TIER_THRESHOLDS)).map((a) => a.id).sort();
    expect(fromDb, JSON.stringify(audience)).toEqual(inMemory);
    expect(fromDb.length, JSON.stringify(audience)).toBeGreaterThan(0);
  }
});

test("cities are one filter whatever their accents, case or spaces, shown in the most used spelling", async () => {
  const owner = await createUser(db);
  const brand = await createBrand(db, { ownerId: owner.id });
  for (const city of ["Montréal", "Montréal", "Montreal", "MONTREAL", "Québec", "Quebec"]) await createAmbassador(db, brand.id, { city });
  const { directoryFacets, listAmbassadors } = await import("#app/models/ambassadors.server");
  expect((await directoryFacets(staffScope(brand.id))).cities).toEqual(["Montréal", "Québec"]);
  const ctx = { thresholds: DEFAULT_TIER_THRESHOLDS, quietAfterDays: 60 };
  expect((await listAmbassadors(staffScope(brand.id), { city: "Montreal" }, ctx)).total).toBe(4);
  expect((await listAmbassadors(staffScope(brand.id), { city: "Montréal" }, ctx)).total).toBe(4);
  expect((await listAmbassadors(staffScope(brand.id), { city: "quebec" }, ctx)).total).toBe(2);
});
