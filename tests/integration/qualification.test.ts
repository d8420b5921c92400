import { describe, expect, test } from "vitest";
import { action as ambassadorAction, loader as ambassadorLoader } from "#app/routes/b.$brand.ambassadors_.$id/route";
import { loader as overviewLoader } from "#app/routes/b.$brand._index/route";
import { action as postAction } from "#app/routes/b.$brand.posts_.$id/route";
import { action as programAction, loader as programLoader } from "#app/routes/b.$brand.program/route";
import { db } from "#app/utils/db.server";
import { createAmbassador, createBrand, createEvent, createUser } from "#tests/factories";
import { callAction, callLoader, cookieFor } from "#tests/utils";

const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY);

async function setup() {
  const owner = await createUser(db, { name: "Olive Owner" });
  const brand = await createBrand(db, { ownerId: owner.id, name: "Fit Bakery", timeZone: "America/Toronto" });
  await db.brand.update({ where: { id: brand.id }, data: { autoCities: "Toronto, Hamilton" } });
  const fan = await createAmbassador(db, brand.id, { name: "Noor Haddad", city: "montreal", status: "active", followers: [1300], tags: ["sourdough"] });
  const cookie = await cookieFor(owner.id);
  const params = { brand: brand.slug, id: fan.id };
  const path = `/b/${brand.slug}/ambassadors/${fan.id}`;
  return { owner, brand, fan, cookie, params, path };
}

describe("the fit panel", () => {
  test("every signal, from hand-made data, with the values worked out by hand", async () => {
    const s = await setup();
    await db.ambassador.update({ where: { id: s.fan.id }, data: { interests: "rye, food photography" } });
    await db.application.create({
      data: { brandId: s.brand.id, ambassadorId: s.fan.id, email: s.fan.email, name: "Noor Haddad", whyLove: "The rye", status: "approved", createdAt: daysAgo(100), answers: JSON.stringify([{ questionId: "q1", label: "Favourite bake?", answer: "Rye" }, { questionId: "q2", label: "Moving soon?", answer: "Yes, to Ottawa", lifeMoment: true }]) },
    });
    // Two past events in Montréal she said yes to: she came to one. (Its city makes Montréal one of the brand's cities.)
    for (const [i, came] of [true, false].entries()) {
      const event = await createEvent(db, s.brand.id, { title: `Workshop ${i}` });
      await db.event.update({ where: { id: event.id }, data: { city: "Montréal", startsAt: daysAgo(20 + i), endsAt: daysAgo(20 + i) } });
      await db.rsvp.create({ data: { eventId: event.id, brandId: s.brand.id, ambassadorId: s.fan.id, status: "going", ticketCode: `fit-${event.id}`, checkedInAt: came ? daysAgo(20) : null } });
    }
    // Posts: ratings 5 and 3 (average 4); captions: 1 of 3 recent ones discloses (#gifted); engagement by followers 0.1, 0.2, 0.05 → median 0.1.
    const posts = [
      { caption: "#gifted rye from Fit Bakery", likes: 100, followersAtPost: 1000, views: 400, qualityRating: 5, postedAt: daysAgo(5) },
      { caption: "Sunday loaf", likes: 200, followersAtPost: 1000, views: null, qualityRating: 3, postedAt: daysAgo(10) },
      { caption: "Market day", likes: 50, followersAtPost: 1000, views: 1000, qualityRating: null, postedAt: daysAgo(40) },
    ];
    for (const [i, p] of posts.entries()) {
      const post = await db.post.create({ data: { brandId: s.brand.id, ambassadorId: s.fan.id, url: `https://www.instagram.com/p/Fit${i}/`, platform: "instagram", externalId: `Fit${i}`, day: p.postedAt.toISOString().slice(0, 10), status: "approved", comments: 0, shares: 0, saves: 0, ...p } });
      await db.postMetric.create({ data: { postId: post.id, likes: p.likes, views: p.views, source: "staff" } });
    }
    // The largest account: 800 (200 days ago) → 1,000 (95 days ago) → 1,100 (40 days ago) → 1,300 now.
    const account = await db.socialAccount.findFirstOrThrow({ where: { ambassadorId: s.fan.id } });
    await db.followerSnapshot.deleteMany({ where: { socialAccountId: account.id } });
    for (const [followers, d] of [[800, 200], [1000, 95], [1100, 40], [1300, 1]]) await db.followerSnapshot.create({ data: { socialAccountId: account.id, followers, recordedAt: daysAgo(d) } });

    const page = await callLoader(ambassadorLoader, s.path, { cookie: s.cookie, params: s.params });
    expect(page.status).toBe(200);
    const fit = page.data.fit;
    expect(fit.expertise).toMatchObject({ tags: ["sourdough"], interests: ["rye", "food photography"], answers: [{ label: "Favourite bake?", answer: "Rye" }] });
    expect(fit.lifeMoments).toEqual([{ label: "Moving soon?", answer: "Yes, to Ottawa", givenAt: expect.any(Date) }]);
    expect(fit.local).toMatchObject({ inBrandCity: true, matchedCity: "Montréal", eventsGoing: 2, eventsAttended: 1, attendanceShare: 0.5 });
    expect(fit.local.brandCities.sort()).toEqual(["Hamilton", "Montréal", "Toronto"]);
    expect(fit.quality).toEqual({ rated: 2, average: 4 });
    expect(fit.saturation).toEqual({ posts: 3, branded: 1, share: 1 / 3 });
    // By views: 100/400 = 0.25 and 50/1000 = 0.05 → median 0.15.
    expect(fit.engagement.byFollowers).toBeCloseTo(0.1, 10);
    expect(fit.engagement.byViews).toBeCloseTo(0.15, 10);
    expect(fit.growth.windows).toEqual([
      { days: 30, from: 1100, change: 200 / 1100 },
      { days: 90, from: 1000, change: 0.3 },
      { days: 365, from: null, change: null },
    ]);
    expect(fit.growth.crossed.tier).toBe("micro");
    // Crossed into micro with the 1,000 reading (the one before it was 800).
    const crossing = await db.followerSnapshot.findFirstOrThrow({ where: { socialAccountId: account.id, followers: 1000 } });
    expect(new Date(fit.growth.crossed.at)).toEqual(crossing.recordedAt);
  });

  test("staff rate a post 1–5 while reviewing; anything else is refused", async () => {
    const s = await setup();
    const post = await db.post.create({ data: { brandId: s.brand.id, ambassadorId: s.fan.id, url: "https://www.instagram.com/p/Rate1/", platform: "instagram", externalId: "Rate1", postedAt: new Date(), day: new Date().toISOString().slice(0, 10) } });
    const rate = (rating: string) => callAction(postAction, `/b/${s.brand.slug}/posts/${post.id}`, { cookie: s.cookie, params: { brand: s.brand.slug, id: post.id }, form: { intent: "rate", rating } });
    expect((await rate("4")).status).toBe(302);
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).qualityRating).toBe(4);
    expect((await rate("7")).status).toBe(400);
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).qualityRating).toBe(4);
    expect((await rate("")).status).toBe(302);
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).qualityRating).toBeNull();
  });
});

describe("the relationship score", () => {
  test("a manager sets the weights on the program page; the fit panel's score follows them and shows each part", async () => {
    const s = await setup();
    const path = `/b/${s.brand.slug}/program`;
    const bad = await callAction(programAction, path, { cookie: s.cookie, params: { brand: s.brand.slug }, form: { intent: "score", growth: "150", engagement: "0", authenticity: "0", quality: "0", local: "0", attendance: "0" } });
    expect(bad.status).toBe(400);
    expect(bad.data.result.error.growth[0]).toMatch(/100 at most/);
    const ok = await callAction(programAction, path, { cookie: s.cookie, params: { brand: s.brand.slug }, form: { intent: "score", growth: "0", engagement: "0", authenticity: "0", quality: "0", local: "10", attendance: "0" } });
    expect(ok.status).toBe(302);
    expect((await callLoader(programLoader, path, { cookie: s.cookie, params: { brand: s.brand.slug } })).data.weights.local).toBe(10);
    // Only "lives in one of the brand's cities" counts: Noor lives in Montréal; the brand's cities are Toronto and Hamilton → 0.
    const page = await callLoader(ambassadorLoader, s.path, { cookie: s.cookie, params: s.params });
    expect(page.data.fit.score.score).toBe(0);
    await db.brand.update({ where: { id: s.brand.id }, data: { autoCities: "Toronto, Montreal" } });
    const again = await callLoader(ambassadorLoader, s.path, { cookie: s.cookie, params: s.params });
    expect(again.data.fit.score.score).toBe(100);
    expect(again.data.fit.score.contributions.local).toBe(100);
  });
});

describe("milestones", () => {
  const details = (s: Awaited<ReturnType<typeof setup>>, followers: number) =>
    callAction(ambassadorAction, s.path, { cookie: s.cookie, params: s.params, form: { intent: "details", name: "Noor Haddad", city: "Toronto", region: "ON", "accounts[0].platform": "instagram", "accounts[0].handle": "noor.bakes", "accounts[0].followers": String(followers) } });

  test("crossing into micro is on the fan's timeline and the overview; fast growth is noted once a month", async () => {
    const s = await setup();
    await details(s, 900); // replaces the generated account: 900, nano
    const account = await db.socialAccount.findFirstOrThrow({ where: { ambassadorId: s.fan.id } });
    await db.followerSnapshot.updateMany({ where: { socialAccountId: account.id }, data: { recordedAt: daysAgo(35) } });
    expect(await db.timelineEvent.count({ where: { ambassadorId: s.fan.id, kind: "milestone" } })).toBe(0);

    // 900 → 1,200: micro, and +33 % in 30 days.
    expect((await details(s, 1200)).status).toBe(302);
    const milestones = await db.timelineEvent.findMany({ where: { ambassadorId: s.fan.id, kind: "milestone" }, orderBy: { summary: "asc" }, select: { summary: true, body: true } });
    expect(milestones).toEqual([
      { summary: "Noor is growing fast: +33 % in 30 days", body: "instagram: 900 → 1,200 followers" },
      { summary: "Noor is now micro", body: "900 → 1,200 followers" },
    ]);
    // 1,200 → 1,250: still micro; fast growth already noted this month.
    await details(s, 1250);
    expect(await db.timelineEvent.count({ where: { ambassadorId: s.fan.id, kind: "milestone" } })).toBe(2);

    const overview = await callLoader(overviewLoader, `/b/${s.brand.slug}`, { cookie: s.cookie, params: { brand: s.brand.slug } });
    expect(overview.data.milestones.map((m: { summary: string }) => m.summary).sort()).toEqual(["Noor is growing fast: +33 % in 30 days", "Noor is now micro"]);
  });

  test("a drop in followers records nothing", async () => {
    const s = await setup();
    await details(s, 5000);
    const before = await db.timelineEvent.count({ where: { ambassadorId: s.fan.id, kind: "milestone" } });
    await details(s, 800);
    expect(await db.timelineEvent.count({ where: { ambassadorId: s.fan.id, kind: "milestone" } })).toBe(before);
  });
});
