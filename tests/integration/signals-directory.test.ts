import { describe, expect, test } from "vitest";
import { action as directoryAction, loader as directoryLoader } from "#app/routes/b.$brand.ambassadors/route";
import { action as newScoopAction, loader as newScoopLoader } from "#app/routes/b.$brand.scoops_.new/route";
import { loader as feedLoader } from "#app/routes/me.scoops/route";
import { loader as eventsLoader } from "#app/routes/me.events/route";
import { loader as seedingLoader } from "#app/routes/me.seeding/route";
import { refreshBrandSignals } from "#app/models/qualification/refresh.server";
import { exportAmbassadors } from "#app/models/ambassadors.server";
import { fitSignals } from "#app/models/qualification/fit.server";
import { importPostsCsv } from "#app/models/posts/submit.server";
import { encodeViewAudience } from "#app/models/audience";
import { db } from "#app/utils/db.server";
import { runDueJobs } from "#app/utils/jobs.server";
import { createAmbassador, createBrand, createEvent, createUser, staffScope } from "#tests/factories";
import { callAction, callLoader, cookieFor, toastFrom } from "#tests/utils";

const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY);

/**
 * Four active fans with hand-made histories:
 * - Rosa (Toronto, micro 2,000 ← 1,500 100 days ago: +33 %), posts engaging 10 %, none branded.
 * - Sami (Toronto, micro 1,100 ← 1,000: +10 %), engagement 2 %, every post #ad.
 * - Tara (Hamilton, micro 3,000 ← 2,000: +50 %), engagement 6 %, none branded.
 * - Uma (Toronto, nano 500 ← 300: +67 %), engagement 20 %.
 * Micro medians: 10 %, 2 %, 6 % → the brand's micro median is 6 %; only Rosa is above it.
 */
async function setup() {
  const owner = await createUser(db, { name: "Olive Owner" });
  const brand = await createBrand(db, { ownerId: owner.id, name: "Signal Bakery" });
  const fans: Record<string, { id: string; email: string; userId: string }> = {};
  const plan = [
    { name: "Rosa", city: "Toronto", now: 2000, before: 1500, rate: 0.1, caption: "Sunday loaf" },
    { name: "Sami", city: "Toronto", now: 1100, before: 1000, rate: 0.02, caption: "#ad my favourite bakery" },
    { name: "Tara", city: "Hamilton", now: 3000, before: 2000, rate: 0.06, caption: "Market day" },
    { name: "Uma", city: "Toronto", now: 500, before: 300, rate: 0.2, caption: "Croissant time" },
  ];
  for (const p of plan) {
    const user = await createUser(db, { name: `${p.name} Fan` });
    const fan = await createAmbassador(db, brand.id, { name: `${p.name} Fan`, email: user.email, userId: user.id, city: p.city, status: "active", followers: [p.now] });
    const account = await db.socialAccount.findFirstOrThrow({ where: { ambassadorId: fan.id } });
    await db.followerSnapshot.deleteMany({ where: { socialAccountId: account.id } });
    await db.followerSnapshot.create({ data: { socialAccountId: account.id, followers: p.before, recordedAt: daysAgo(100) } });
    await db.followerSnapshot.create({ data: { socialAccountId: account.id, followers: p.now, recordedAt: daysAgo(1) } });
    for (let i = 0; i < 2; i++) {
      const post = await db.post.create({
        data: { brandId: brand.id, ambassadorId: fan.id, url: `https://www.instagram.com/p/${p.name}${i}/`, platform: "instagram", externalId: `${p.name}${i}`, caption: p.caption, postedAt: daysAgo(10 + i), day: daysAgo(10 + i).toISOString().slice(0, 10), status: "approved", followersAtPost: 1000, likes: Math.round(p.rate * 1000) },
      });
      await db.postMetric.create({ data: { postId: post.id, likes: post.likes, source: "staff" } });
    }
    fans[p.name] = { id: fan.id, email: user.email, userId: user.id };
  }
  await refreshBrandSignals(brand.id);
  return { owner, brand, fans, cookie: await cookieFor(owner.id), params: { brand: brand.slug } };
}

const names = (page: { data: { rows: { name: string }[] } }) => page.data.rows.map((r) => r.name).sort();

describe("signals in the directory", () => {
  test("the stored signals equal the fit panel's, and the brand's medians per tier are kept", async () => {
    const s = await setup();
    const rosa = await db.ambassador.findUniqueOrThrow({ where: { id: s.fans.Rosa.id } });
    const fit = await fitSignals(staffScope(s.brand.id), s.fans.Rosa.id);
    expect(rosa.growth90).toBeCloseTo(500 / 1500, 10);
    expect(rosa.growth90).toBe(fit.growth!.windows[1].change);
    expect(rosa.engagementMedian).toBe(fit.engagement.byFollowers);
    expect(rosa.saturation).toBe(0);
    expect((await db.ambassador.findUniqueOrThrow({ where: { id: s.fans.Sami.id } })).saturation).toBe(1);
    const medians = JSON.parse((await db.brand.findUniqueOrThrow({ where: { id: s.brand.id } })).tierEngagementMedians);
    expect(medians.micro).toBeCloseTo(0.06, 10);
    expect(medians.nano).toBeCloseTo(0.2, 10);
  });

  test("a CSV of posts brings each author's stored signals up to date once the file is read", async () => {
    const s = await setup();
    const before = await db.ambassador.findUniqueOrThrow({ where: { id: s.fans.Uma.id } });
    expect(before.saturation).toBe(0);
    const day = (d: number) => daysAgo(d).toISOString().slice(0, 10);
    const records = [
      ["email", "url", "caption", "posted_at", "likes"],
      [s.fans.Uma.email, "https://www.instagram.com/p/UmaCsv1/", "#ad gifted loaf", day(3), "40"],
      [s.fans.Uma.email, "https://www.instagram.com/p/UmaCsv2/", "#ad more bread", day(2), "60"],
      [s.fans.Rosa.email, "https://www.instagram.com/p/RosaCsv1/", "Rye again", day(2), "300"],
    ];
    const imported = await importPostsCsv({ id: s.brand.id, timeZone: "UTC" }, s.owner.id, records);
    expect(imported.ok && imported.report.every((r) => r.ok)).toBe(true);
    for (const name of ["Uma", "Rosa"] as const) {
      const stored = await db.ambassador.findUniqueOrThrow({ where: { id: s.fans[name].id } });
      const fit = await fitSignals(staffScope(s.brand.id), s.fans[name].id);
      expect(stored.engagementMedian).toBe(fit.engagement.byFollowers);
      expect(stored.saturation).toBe(fit.saturation.share);
    }
    expect((await db.ambassador.findUniqueOrThrow({ where: { id: s.fans.Uma.id } })).saturation).toBeGreaterThan(0);
  });

  test("rising micro in Toronto; above the tier's median; low saturation — each compared with the hand-made facts", async () => {
    const s = await setup();
    const list = (q: string) => callLoader(directoryLoader, `/b/${s.brand.slug}/ambassadors?${q}`, { cookie: s.cookie, params: s.params });
    expect(names(await list("rising=1"))).toEqual(["Rosa Fan", "Tara Fan", "Uma Fan"]);
    expect(names(await list("rising=1&tier=micro&city=toronto"))).toEqual(["Rosa Fan"]);
    expect(names(await list("engagement=above"))).toEqual(["Rosa Fan"]); // Uma is nano, alone in her tier: not above its median
    expect(names(await list("saturation=low&tier=micro"))).toEqual(["Rosa Fan", "Tara Fan"]);
  });

  test("sorted by growth, engagement or least branded content, fans without the signal last; the export keeps the order", async () => {
    const s = await setup();
    await createAmbassador(db, s.brand.id, { name: "Vic New", status: "active", followers: [100] }); // no history, no posts
    const order = async (sort: string) => (await callLoader(directoryLoader, `/b/${s.brand.slug}/ambassadors?sort=${sort}`, { cookie: s.cookie, params: s.params })).data.rows.map((r: { name: string }) => r.name);
    // Growth: Uma +67 %, Tara +50 %, Rosa +33 %, Sami +10 %. Engagement: Uma 20 %, Rosa 10 %, Tara 6 %, Sami 2 %.
    expect(await order("growth")).toEqual(["Uma Fan", "Tara Fan", "Rosa Fan", "Sami Fan", "Vic New"]);
    expect(await order("engagement")).toEqual(["Uma Fan", "Rosa Fan", "Tara Fan", "Sami Fan", "Vic New"]);
    // Saturation: Rosa, Tara and Uma 0 % (a tie, broken by id), Sami 100 %, Vic unknown.
    const bySaturation = await order("saturation");
    expect(bySaturation.slice(0, 3).sort()).toEqual(["Rosa Fan", "Tara Fan", "Uma Fan"]);
    expect(bySaturation.slice(3)).toEqual(["Sami Fan", "Vic New"]);
    const names: string[] = [];
    for await (const rows of exportAmbassadors(staffScope(s.brand.id), { sort: "growth" }, { thresholds: await db.brand.findUniqueOrThrow({ where: { id: s.brand.id } }), quietAfterDays: 60 })) names.push(...rows.map((r) => r.name));
    expect(names).toEqual(["Uma Fan", "Tara Fan", "Rosa Fan", "Sami Fan", "Vic New"]);
  });

  test("a manager saves a view, it is listed and reusable; bad names and duplicates are refused; it can be deleted", async () => {
    const s = await setup();
    const path = `/b/${s.brand.slug}/ambassadors?tier=micro&city=Toronto&rising=1&page=2`;
    const saved = await callAction(directoryAction, path, { cookie: s.cookie, params: s.params, form: { intent: "save-view", name: "Rising micro in Toronto" } });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/b/${s.brand.slug}/ambassadors?tier=micro&city=Toronto&rising=1`);
    const again = await callAction(directoryAction, path, { cookie: s.cookie, params: s.params, form: { intent: "save-view", name: "Rising micro in Toronto" } });
    expect((await toastFrom(again.headers))?.message).toBe("There is already a view called “Rising micro in Toronto”.");
    const blank = await callAction(directoryAction, path, { cookie: s.cookie, params: s.params, form: { intent: "save-view", name: " " } });
    expect((await toastFrom(blank.headers))?.message).toMatch(/Name the view/);
    const everyone = await callAction(directoryAction, `/b/${s.brand.slug}/ambassadors`, { cookie: s.cookie, params: s.params, form: { intent: "save-view", name: "All" } });
    expect((await toastFrom(everyone.headers))?.message).toMatch(/Choose some filters first/);

    const page = await callLoader(directoryLoader, `/b/${s.brand.slug}/ambassadors`, { cookie: s.cookie, params: s.params });
    expect(page.data.views).toEqual([{ id: expect.any(String), name: "Rising micro in Toronto", query: "tier=micro&city=Toronto&rising=1", audienceReady: true }]);

    // Another brand's manager cannot delete it.
    const other = await createUser(db);
    const otherBrand = await createBrand(db, { ownerId: other.id });
    const denied = await callAction(directoryAction, `/b/${otherBrand.slug}/ambassadors`, { cookie: await cookieFor(other.id), params: { brand: otherBrand.slug }, form: { intent: "delete-view", viewId: page.data.views[0].id } });
    expect(denied.status).toBe(404);
    const deleted = await callAction(directoryAction, `/b/${s.brand.slug}/ambassadors`, { cookie: s.cookie, params: s.params, form: { intent: "delete-view", viewId: page.data.views[0].id } });
    expect(deleted.status).toBe(302);
    expect(await db.savedView.count({ where: { brandId: s.brand.id } })).toBe(0);
  });

  test("a saved view as an event's and a seeding campaign's audience: only the fans it finds see them", async () => {
    const s = await setup();
    const audience = { audienceKind: "view", audienceValues: JSON.stringify([encodeViewAudience("Rising micro in Toronto", "tier=micro&city=Toronto&rising=1")]) };
    const event = await createEvent(db, s.brand.id, { title: "Rising stars dinner" });
    await db.event.update({ where: { id: event.id }, data: { ...audience, publishedAt: new Date() } });
    const campaign = await db.seedingCampaign.create({ data: { brandId: s.brand.id, name: "Starter kit for risers", mode: "request", ...audience } });
    const product = await db.seedingProduct.create({ data: { campaignId: campaign.id, name: "Rye starter" } });
    await db.seedingVariant.create({ data: { campaignId: campaign.id, productId: product.id, name: "Jar", stock: 5 } });
    const seen = async (name: string) => {
      const cookie = await cookieFor(s.fans[name].userId);
      const events = (await callLoader(eventsLoader, "/me/events", { cookie })).data.events.map((e: { title: string }) => e.title);
      const seeding = (await callLoader(seedingLoader, "/me/seeding", { cookie })).data.open.map((c: { name: string }) => c.name);
      return { events, seeding };
    };
    expect(await seen("Rosa")).toEqual({ events: ["Rising stars dinner"], seeding: ["Starter kit for risers"] });
    expect(await seen("Sami")).toEqual({ events: [], seeding: [] });
    expect(await seen("Tara")).toEqual({ events: [], seeding: [] });
  });

  test("a saved view as a scoop's audience: only the fans it finds get the scoop, by email and in their feed", async () => {
    const s = await setup();
    await callAction(directoryAction, `/b/${s.brand.slug}/ambassadors?tier=micro&city=Toronto&rising=1`, { cookie: s.cookie, params: s.params, form: { intent: "save-view", name: "Rising micro in Toronto" } });
    await callAction(directoryAction, `/b/${s.brand.slug}/ambassadors?q=rosa`, { cookie: s.cookie, params: s.params, form: { intent: "save-view", name: "Searched" } });
    const form = await callLoader(newScoopLoader, `/b/${s.brand.slug}/scoops/new`, { cookie: s.cookie, params: s.params });
    // A view with a search is not offered: who it finds changes as people edit their profiles.
    expect(form.data.choices.views).toEqual([{ name: "Rising micro in Toronto", query: "tier=micro&city=Toronto&rising=1" }]);

    const value = encodeViewAudience("Rising micro in Toronto", "tier=micro&city=Toronto&rising=1");
    const scoopFields = { intent: "save", title: "For our rising stars", body: "A preview.", guidance: "", links: "", publishMode: "now", embargo: "", audienceKind: "view" };
    const refused = await callAction(newScoopAction, `/b/${s.brand.slug}/scoops/new`, { cookie: s.cookie, params: s.params, form: { ...scoopFields, audienceValues: encodeViewAudience("Searched", "q=rosa") } });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.data)).toContain("can't be an audience");
    const res = await callAction(newScoopAction, `/b/${s.brand.slug}/scoops/new`, { cookie: s.cookie, params: s.params, form: { ...scoopFields, audienceValues: value } });
    expect(res.status).toBe(302);
    while ((await runDueJobs()) > 0) {
      // send the scoop
    }
    const mailed = (await db.outboxMessage.findMany({ where: { brandId: s.brand.id, template: "scoop" }, select: { to: true } })).map((m) => m.to);
    expect(mailed).toEqual([s.fans.Rosa.email]);
    const feed = async (name: string) => (await callLoader(feedLoader, "/me/scoops", { cookie: await cookieFor(s.fans[name].userId) })).data.feed.items.map((i: { title: string }) => i.title);
    expect(await feed("Rosa")).toEqual(["For our rising stars"]);
    expect(await feed("Sami")).toEqual([]);
    expect(await feed("Tara")).toEqual([]);
  });
});
