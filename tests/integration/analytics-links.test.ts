import { describe, expect, test } from "vitest";
import { staffScope } from "#tests/factories";
import { dashboard, parseRange } from "#app/models/analytics.server";
import { bulkStatus } from "#app/models/bulk-actions.server";
import { createBrandLink } from "#app/models/tracked-links.server";
import { brandScope } from "#app/models/scope";
import { submitPost } from "#app/models/posts/submit.server";
import { loader as redirectLoader } from "#app/routes/r.$code/route";
import { db } from "#app/utils/db.server";
import { callLoader } from "#tests/utils";
import { createAmbassador, createBrand, createEvent, createUser } from "#tests/factories";

describe("dashboard", () => {
  test("engagement by tier, posts over time, joins by source, event attendance and top contributors", async () => {
    const owner = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    const now = new Date();
    const nano = await createAmbassador(db, brand.id, { followers: [500], source: "link", joinedAt: new Date(now.getTime() - 5 * 86_400_000) });
    const micro = await createAmbassador(db, brand.id, { followers: [10_000], source: "import", joinedAt: new Date(now.getTime() - 400 * 86_400_000) });
    const post = (a: { id: string }, url: string, likes: number) =>
      submitPost({ brandId: brand.id, ambassadorId: a.id, actorId: null, url, caption: "", postedAt: new Date(now.getTime() - 2 * 86_400_000), metrics: { likes, comments: 0, shares: 0, saves: 0 }, source: "staff" });
    await post(nano, "https://x.com/a/status/1", 50); // 10 %
    await post(nano, "https://x.com/a/status/2", 25); // 5 %
    await post(micro, "https://x.com/b/status/3", 200); // 2 %
    const event = await createEvent(db, brand.id, { startsAt: new Date(now.getTime() - 3 * 86_400_000), endsAt: new Date(now.getTime() - 3 * 86_400_000 + 7_200_000) });
    await db.rsvp.createMany({
      data: [
        { eventId: event.id, brandId: brand.id, ambassadorId: nano.id, status: "going", ticketCode: "t1", checkedInAt: event.startsAt },
        { eventId: event.id, brandId: brand.id, ambassadorId: micro.id, status: "going", ticketCode: "t2", noShow: true },
      ],
    });
    const d = await dashboard(staffScope(brand.id), parseRange(new URLSearchParams(), now));
    expect(d.totals).toMatchObject({ posts: 3, interactions: 275, joined: 1 });
    expect(d.byTier.find((t) => t.tier === "nano")).toMatchObject({ posts: 2, avgRate: expect.closeTo(0.075, 10) });
    expect(d.byTier.find((t) => t.tier === "micro")).toMatchObject({ posts: 1, avgRate: expect.closeTo(0.02, 10) });
    expect(d.byTier.find((t) => t.tier === "macro")).toMatchObject({ posts: 0, avgRate: null });
    expect(d.sources).toEqual([{ source: "link", joins: 1 }]);
    expect(d.postsOverTime.reduce((n, w) => n + w.posts, 0)).toBe(3);
    expect(d.growth.at(-1)?.active).toBe(2);
    expect(d.events[0]).toMatchObject({ going: 2, checkedIn: 1, noShows: 1, attendanceRate: 0.5, noShowRate: 0.5 });
    // Ranked by what their posts drew, not by how many they made.
    expect(d.topContributors.map((t) => [t.ambassadorId, t.posts, t.interactions])).toEqual([
      [micro.id, 1, 200],
      [nano.id, 2, 75],
    ]);
    // Another brand's posts never count.
    const other = await createBrand(db, { ownerId: owner.id });
    expect((await dashboard(staffScope(other.id), parseRange(new URLSearchParams(), now))).totals.posts).toBe(0);
  });

  test("every number equals a straight count of the same data: paused and alumni fans are not active", async () => {
    const owner = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    const now = new Date();
    const day = (n: number) => new Date(now.getTime() - n * 86_400_000);
    const fans = [];
    for (const [i, status] of (["active", "active", "active", "paused", "alumni", "invited", "active"] as const).entries()) {
      fans.push(await createAmbassador(db, brand.id, { status, followers: [i % 2 ? 20_000 : 700], joinedAt: status === "invited" ? undefined : day(200 + i) }));
    }
    // A manager pauses one more fan: they stop counting as active too.
    await bulkStatus(staffScope(brand.id), [fans[6].id], "paused", owner.id);
    let n = 0;
    for (const [i, f] of fans.entries()) {
      for (let k = 0; k <= i % 3; k++) {
        await submitPost({ brandId: brand.id, ambassadorId: f.id, actorId: null, url: `https://x.com/f${i}/status/${++n}`, caption: "", postedAt: day(k * 10 + 1), metrics: { likes: 10 * (i + 1), comments: k, shares: 1, saves: 0 }, source: "staff" });
      }
    }
    const range = parseRange(new URLSearchParams(), now);
    const d = await dashboard(staffScope(brand.id), range);
    const inRange = { brandId: brand.id, status: { not: "hidden" }, day: { gte: range.from, lte: range.to } };
    const posts = await db.post.findMany({ where: inRange, select: { ambassadorId: true, tier: true, likes: true, comments: true, shares: true, saves: true } });
    const sum = (list: typeof posts) => list.reduce((t, p) => t + p.likes + p.comments + p.shares + p.saves, 0);

    const active = await db.ambassador.count({ where: { brandId: brand.id, status: "active" } });
    expect(active).toBe(3);
    expect(d.totals.active).toBe(active);
    expect(d.growth.at(-1)!.active).toBe(active);
    expect(d.totals.posts).toBe(posts.length);
    expect(d.totals.interactions).toBe(sum(posts));
    expect(d.postsOverTime.reduce((t, w) => t + w.posts, 0)).toBe(posts.length);
    expect(d.postsOverTime.reduce((t, w) => t + w.interactions, 0)).toBe(sum(posts));
    for (const t of d.byTier) {
      const mine = posts.filter((p) => p.tier === t.tier);
      expect([t.tier, t.posts, t.interactions]).toEqual([t.tier, mine.length, sum(mine)]);
    }
    const byFan = [...new Set(posts.map((p) => p.ambassadorId))].map((id) => ({ id, interactions: sum(posts.filter((p) => p.ambassadorId === id)) })).sort((a, b) => b.interactions - a.interactions);
    expect(d.topContributors.map((t) => [t.ambassadorId, t.interactions])).toEqual(byFan.slice(0, 10).map((f) => [f.id, f.interactions]));
  });

  test("the date range is read safely", () => {
    const now = new Date("2026-11-25T12:00:00Z");
    expect(parseRange(new URLSearchParams(), now)).toEqual({ from: "2026-08-28", to: "2026-11-25" });
    expect(parseRange(new URLSearchParams("from=2026-11-30&to=2026-11-01"), now)).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(parseRange(new URLSearchParams("from=garbage&to=2026-01-10"), now)).toEqual({ from: "2025-10-13", to: "2026-01-10" });
  });
});

describe("tracked links", () => {
  test("redirects to the allowed destination with UTM parameters, counts people but not bots, and refuses other domains", async () => {
    const owner = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    const fan = await createAmbassador(db, brand.id);
    expect(await createBrandLink(brandScope(brand.id, "owner", owner.id), { destination: "https://shop.example/rye", label: "", ambassadorId: fan.id, utmCampaign: "spring" })).toMatchObject({ ok: false, field: "destination" });
    await db.brand.update({ where: { id: brand.id }, data: { allowedDomains: "shop.example" } });
    expect(await createBrandLink(brandScope(brand.id, "owner", owner.id), { destination: "https://shop.example.evil.com/rye", label: "", ambassadorId: fan.id, utmCampaign: "spring" })).toMatchObject({ ok: false, error: "Links can only go to shop.example." });
    const link = await createBrandLink(brandScope(brand.id, "owner", owner.id), { destination: "https://shop.example/rye?size=large", label: "Rye page", ambassadorId: fan.id, utmCampaign: "spring" });
    expect(link.ok).toBe(true);
    const code = (link as { code: string }).code;
    const res = await callLoader(redirectLoader, `/r/${code}`, { params: { code }, headers: { "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)", referer: "https://www.instagram.com/p/abc/" } });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`https://shop.example/rye?size=large&utm_source=kindred&utm_medium=ambassador&utm_campaign=spring&utm_content=${fan.id}`);
    expect(res.headers.get("set-cookie")).toBeNull();
    await callLoader(redirectLoader, `/r/${code}`, { params: { code }, headers: { "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" } });
    const days = await db.linkClickDay.findMany({ where: { link: { code } } });
    expect(days).toEqual([expect.objectContaining({ referrerDomain: "instagram.com", count: 1 })]);
    expect((await db.trackedLink.findUniqueOrThrow({ where: { code } })).clicks).toBe(1);
    // If the brand later removes the domain, the link stops redirecting.
    await db.brand.update({ where: { id: brand.id }, data: { allowedDomains: "other.example" } });
    expect((await callLoader(redirectLoader, `/r/${code}`, { params: { code } })).status).toBe(404);
    expect((await callLoader(redirectLoader, `/r/nope`, { params: { code: "nope" } })).status).toBe(404);
  });
});
