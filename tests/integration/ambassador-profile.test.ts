import { describe, expect, test } from "vitest";
import { action as meAction, loader as meLoader } from "#app/routes/me._index/route";
import { action as pageAction, loader as pageLoader } from "#app/routes/b.$brand.ambassadors_.$id/route";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, cookieFor } from "#tests/utils";
import { addStaff, createAmbassador, createBrand, createUser } from "#tests/factories";

async function setup() {
  const owner = await createUser(db);
  const manager = await createUser(db);
  const brand = await createBrand(db, { ownerId: owner.id });
  await addStaff(db, brand.id, manager.id, "manager");
  const fan = await createUser(db, { name: "Fan One" });
  const ambassador = await createAmbassador(db, brand.id, { userId: fan.id, email: fan.email, followers: [500], status: "active" });
  return { brand, manager, fan, ambassador, cookie: await cookieFor(manager.id), params: { brand: brand.slug, id: ambassador.id } };
}

describe("a fan's profile", () => {
  test("saves accounts into every program, keeps follower history, and moves the tier", async () => {
    const { brand, fan, ambassador, cookie, params } = await setup();
    const other = await createBrand(db);
    const second = await createAmbassador(db, other.id, { userId: fan.id, email: fan.email, followers: [] });
    const fanCookie = await cookieFor(fan.id);
    const before = await callLoader(meLoader, "/me", { cookie: fanCookie });
    const handle = before.data.profile.accounts[0].handle;

    const res = await callAction(meAction, "/me", {
      cookie: fanCookie,
      form: { intent: "save",
        name: "Fan Renamed",
        city: "Hamilton",
        interests: "rye, photography",
        "accounts[0].platform": "instagram",
        "accounts[0].handle": handle,
        "accounts[0].followers": "12000",
        "accounts[1].platform": "tiktok",
        "accounts[1].handle": "@fanone",
        "accounts[1].followers": "800",
        "accounts[2].platform": "",
        "accounts[2].handle": "",
        "accounts[2].followers": "",
      },
    });
    expect(res.status).toBe(302);
    for (const id of [ambassador.id, second.id]) {
      const a = await db.ambassador.findUniqueOrThrow({ where: { id }, include: { socialAccounts: { include: { snapshots: true } } } });
      expect(a).toMatchObject({ name: "Fan Renamed", city: "Hamilton", interests: "rye, photography", maxFollowers: 12000 });
      expect(a.socialAccounts.map((s) => `${s.platform}:${s.handle}:${s.followers}`).sort()).toEqual([`instagram:${handle}:12000`, "tiktok:fanone:800"]);
    }
    const insta = await db.socialAccount.findFirstOrThrow({ where: { ambassadorId: ambassador.id, platform: "instagram" }, include: { snapshots: { orderBy: { recordedAt: "asc" } } } });
    expect(insta.snapshots.map((s) => s.followers)).toEqual([500, 12000]);

    const page = await callLoader(pageLoader, `/b/${brand.slug}/ambassadors/${ambassador.id}`, { cookie, params });
    expect(page.data.tier).toBe("micro");
    expect(page.data.tierRule).toBe(`micro: 1,000 – 99,999 followers — from instagram @${handle}, the account with the most followers`);
    // The newest entries: the change, and the tier it moved the fan into.
    expect(page.data.ambassador.timeline.slice(0, 2).map((t: { kind: string; summary: string }) => [t.kind, t.summary]).sort()).toEqual([
      ["milestone", `${page.data.ambassador.name.split(" ")[0]} is now micro`],
      ["profile", "Updated their profile"],
    ]);
  });

  test("bad rows get field messages and nothing changes", async () => {
    const { fan, ambassador } = await setup();
    const res = await callAction(meAction, "/me", {
      cookie: await cookieFor(fan.id),
      form: { intent: "save", name: "", "accounts[0].platform": "myspace", "accounts[0].handle": "x", "accounts[0].followers": "-5" },
    });
    expect(res.status).toBe(400);
    expect(res.data.result.error).toMatchObject({ name: ["Enter your name"], "accounts[0].platform": ["Choose a platform"], "accounts[0].followers": ["Followers cannot be negative"] });
    expect((await db.ambassador.findUniqueOrThrow({ where: { id: ambassador.id } })).maxFollowers).toBe(500);
  });
});

describe("the ambassador page for staff", () => {
  test("notes, tags, preferences and status changes land on the timeline", async () => {
    const { brand, ambassador, cookie, params } = await setup();
    const path = `/b/${brand.slug}/ambassadors/${ambassador.id}`;
    await callAction(pageAction, path, { cookie, params, form: { intent: "note", body: "Loves the rye. Met at the market." } });
    await callAction(pageAction, path, { cookie, params, form: { intent: "add-tag", tag: "Rye-Fans" } });
    await callAction(pageAction, path, { cookie, params, form: { intent: "preferences", preferences: "T-shirt M, no nuts" } });
    await callAction(pageAction, path, { cookie, params, form: { intent: "status", status: "paused" } });
    const page = await callLoader(pageLoader, path, { cookie, params });
    expect(page.data.ambassador).toMatchObject({ status: "paused", preferences: "T-shirt M, no nuts", tags: [expect.objectContaining({ name: "rye-fans" })] });
    expect(page.data.ambassador.timeline.map((t: { kind: string }) => t.kind)).toEqual(["status", "tagged", "note"]);
    const bad = await callAction(pageAction, path, { cookie, params, form: { intent: "add-tag", tag: "no spaces please" } });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ intent: "add-tag", result: { error: { tag: ["Tags use lower-case letters, digits and hyphens"] } } });
  });

  test("shows 'gone quiet' after the brand's quiet period", async () => {
    const { brand, ambassador, cookie, params } = await setup();
    const path = `/b/${brand.slug}/ambassadors/${ambassador.id}`;
    expect((await callLoader(pageLoader, path, { cookie, params })).data.goneQuiet).toBe(false);
    await db.ambassador.update({ where: { id: ambassador.id }, data: { lastTouchAt: new Date(Date.now() - 61 * 86_400_000) } });
    expect((await callLoader(pageLoader, path, { cookie, params })).data.goneQuiet).toBe(true);
    await db.brand.update({ where: { id: brand.id }, data: { quietAfterDays: 90 } });
    expect((await callLoader(pageLoader, path, { cookie, params })).data.goneQuiet).toBe(false);
  });

  test("another brand's ambassador is a 404, for pages and actions", async () => {
    const { ambassador } = await setup();
    const other = await setup();
    const params = { brand: other.brand.slug, id: ambassador.id };
    const path = `/b/${other.brand.slug}/ambassadors/${ambassador.id}`;
    expect((await callLoader(pageLoader, path, { cookie: other.cookie, params })).status).toBe(404);
    expect((await callAction(pageAction, path, { cookie: other.cookie, params, form: { intent: "status", status: "alumni" } })).status).toBe(404);
    expect((await db.ambassador.findUniqueOrThrow({ where: { id: ambassador.id } })).status).toBe("active");
  });
});

describe("staff on an ambassador's page", () => {
  test("correct the name, city and social accounts; follower changes are kept as history and the tier follows", async () => {
    const { brand, ambassador, cookie, params } = await setup();
    const path = `/b/${brand.slug}/ambassadors/${ambassador.id}`;
    const bad = await callAction(pageAction, path, { cookie, params, form: { intent: "details", name: "", city: "Montréal", region: "QC", "accounts[0].platform": "instagram", "accounts[0].handle": "fanone", "accounts[0].followers": "-3" } });
    expect(bad.status).toBe(400);
    expect(bad.data.result.error).toMatchObject({ name: ["Enter a name"], "accounts[0].followers": ["Followers cannot be negative"] });
    expect((await db.ambassador.findUniqueOrThrow({ where: { id: ambassador.id } })).city).not.toBe("Montréal");

    const ok = await callAction(pageAction, path, { cookie, params, form: { intent: "details", name: "Fan Corrected", city: "Montréal", region: "QC", "accounts[0].platform": "instagram", "accounts[0].handle": "fanone", "accounts[0].followers": "25000" } });
    expect(ok.status).toBe(302);
    const saved = await db.ambassador.findUniqueOrThrow({ where: { id: ambassador.id }, include: { socialAccounts: { include: { snapshots: true } } } });
    expect(saved).toMatchObject({ name: "Fan Corrected", city: "Montréal", region: "QC", maxFollowers: 25000 });
    expect(saved.socialAccounts.map((s) => [s.platform, s.handle, s.followers, s.snapshots.length])).toEqual([["instagram", "fanone", 25000, 1]]);
    const page = await callLoader(pageLoader, path, { cookie, params });
    expect(page.data.tier).toBe("micro");
    expect(page.data.ambassador.timeline.find((t: { kind: string }) => t.kind === "profile")).toMatchObject({ summary: "Details edited by staff", body: expect.stringContaining("city") });
    expect(page.data.ambassador.timeline.find((t: { kind: string }) => t.kind === "milestone")).toMatchObject({ summary: "Fan is now micro", body: "500 → 25,000 followers" });
  });

  test("another brand's ambassador cannot be edited through this brand", async () => {
    const { brand, cookie } = await setup();
    const other = await createBrand(db);
    const stranger = await createAmbassador(db, other.id, { name: "Not Yours" });
    const res = await callAction(pageAction, `/b/${brand.slug}/ambassadors/${stranger.id}`, { cookie, params: { brand: brand.slug, id: stranger.id }, form: { intent: "details", name: "Hijacked", city: "", region: "" } });
    expect(res.status).toBe(404);
    expect((await db.ambassador.findUniqueOrThrow({ where: { id: stranger.id } })).name).toBe("Not Yours");
  });

  test("an imported fan never invited says so and can be sent an invitation", async () => {
    const { brand, cookie } = await setup();
    const imported = await createAmbassador(db, brand.id, { status: "invited", source: "import" });
    const params = { brand: brand.slug, id: imported.id };
    const path = `/b/${brand.slug}/ambassadors/${imported.id}`;
    expect((await callLoader(pageLoader, path, { cookie, params })).data.ambassador.neverInvited).toBe(true);
    const sent = await callAction(pageAction, path, { cookie, params, form: { intent: "invite" } });
    expect(sent.status).toBe(302);
    expect(await db.fanInvite.count({ where: { ambassadorId: imported.id } })).toBe(1);
    expect((await callLoader(pageLoader, path, { cookie, params })).data.ambassador.neverInvited).toBe(false);
    // A second click does not send a second invitation.
    await callAction(pageAction, path, { cookie, params, form: { intent: "invite" } });
    expect(await db.fanInvite.count({ where: { ambassadorId: imported.id } })).toBe(1);
  });

  test("the application's answers show on the profile, life moments first", async () => {
    const { brand, ambassador, cookie, params } = await setup();
    await db.application.create({
      data: {
        brandId: brand.id,
        ambassadorId: ambassador.id,
        email: ambassador.email,
        name: ambassador.name,
        whyLove: "The rye.",
        status: "approved",
        answers: JSON.stringify([
          { questionId: "q1", label: "Favourite loaf", answer: "Seeded rye", lifeMoment: false },
          { questionId: "q2", label: "Moving house in the next 6 months?", answer: "Yes, to Ottawa in March", lifeMoment: true },
          { questionId: "q3", label: "Anything else", answer: "", lifeMoment: false },
        ]),
      },
    });
    const page = await callLoader(pageLoader, `/b/${brand.slug}/ambassadors/${ambassador.id}`, { cookie, params });
    expect(page.data.application.whyLove).toBe("The rye.");
    expect(page.data.application.answers.map((a: { label: string }) => a.label)).toEqual(["Moving house in the next 6 months?", "Favourite loaf"]);
  });
});
