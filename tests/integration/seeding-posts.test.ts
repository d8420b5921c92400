import { describe, expect, test } from "vitest";
import { staffScope } from "#tests/factories";
import "#app/jobs.server";
import { fetchPublicMetrics, refreshMetrics, requestDisclosure } from "#app/models/posts/metrics.server";
import { submitPost } from "#app/models/posts/submit.server";
import { brandScope, fanScope } from "#app/models/scope";
import { createCampaign, packingListCsv } from "#app/models/seeding/campaigns.server";
import { decideRequests, giveFeedback, markDelivered, markShipped, runFollowUp } from "#app/models/seeding/pipeline.server";
import { requestProduct } from "#app/models/seeding/requests.server";
import type { CampaignInput } from "#app/models/seeding/rules";
import { db } from "#app/utils/db.server";
import { resetEnvCache } from "#app/utils/env.server";
import { blueskyOk, server, youtubeOk } from "#tests/mocks/server";
import { createAmbassador, createBrand, createUser } from "#tests/factories";

const address = { name: "Fan", line1: "1 Main St", line2: "", city: "Toronto", region: "ON", postalCode: "M1M 1M1", country: "Canada" };

async function setup(fans = 1) {
  const owner = await createUser(db);
  const brand = await createBrand(db, { ownerId: owner.id, name: "Seed Bakery" });
  await db.brand.update({ where: { id: brand.id }, data: { disclosureText: "Gifted by Seed Bakery" } });
  const people = [];
  for (let i = 0; i < fans; i++) {
    const user = await createUser(db, { name: `Fan ${i}` });
    const ambassador = await createAmbassador(db, brand.id, { userId: user.id, email: user.email, name: `Fan ${i}`, followers: [i === 0 ? 2500 : 400] });
    people.push({ user, ambassador });
  }
  const input: CampaignInput = {
    name: "Spring box",
    callToAction: "Try our new rye starter",
    guidelines: "",
    mode: "request",
    followUpDays: "7,14",
    audienceKind: "all",
    audienceValues: [],
    products: [{ name: "Rye starter", value: 24, variants: [{ name: "Small", stock: 3 }, { name: "Large", stock: 1 }] }],
  };
  const campaign = await createCampaign(staffScope(brand.id, "owner", owner.id), input);
  if (!campaign.ok) throw new Error("campaign");
  const variants = await db.seedingVariant.findMany({ where: { campaignId: campaign.id }, orderBy: { name: "desc" } });
  return { brand, owner, people, campaignId: campaign.id, small: variants[0], large: variants[1] };
}

describe("seeding", () => {
  test("stock is never oversold when many fans request at once", async () => {
    const s = await setup(12);
    const results = await Promise.all(s.people.map((p) => requestProduct(fanScope(p.user), s.campaignId, s.small.id, address, false)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(Array(9).fill("Sorry — Rye starter (Small) just ran out. Choose another option."));
    expect((await db.seedingVariant.findUniqueOrThrow({ where: { id: s.small.id } })).reserved).toBe(3);
    expect(await db.seedingRequest.count({ where: { campaignId: s.campaignId } })).toBe(3);
  });

  test("the pipeline: request → approve → shipped → delivered → follow-ups → settles quietly as no post", async () => {
    const s = await setup(1);
    const fan = s.people[0];
    const r = await requestProduct(fanScope(fan.user), s.campaignId, s.large.id, address, true);
    expect(r.ok).toBe(true);
    const id = (r as { id: string }).id;
    expect(JSON.parse((await db.ambassador.findUniqueOrThrow({ where: { id: fan.ambassador.id } })).shippingAddress).line1).toBe("1 Main St");
    expect(await requestProduct(fanScope(fan.user), s.campaignId, s.small.id, address, false)).toEqual({ ok: false, error: "You already asked for something from this campaign." });
    expect(await decideRequests(staffScope(s.brand.id), s.campaignId, [id], true, s.owner.id)).toBe(1);
    expect((await db.outboxMessage.findFirstOrThrow({ where: { to: fan.user.email, template: "seeding" }, orderBy: { createdAt: "desc" } })).subject).toBe("Good news: Rye starter (Large) is coming your way");
    const packing = await packingListCsv(staffScope(s.brand.id), s.campaignId);
    expect(packing?.rows.flat()).toContain("1 Main St");
    expect(await markShipped(staffScope(s.brand.id), s.campaignId, id, { carrier: "Canada Post", trackingNumber: "CP123", trackingUrl: "https://track.example/CP123" }, s.owner.id)).toBe(true);
    expect((await db.outboxMessage.findFirstOrThrow({ where: { to: fan.user.email, template: "seeding" }, orderBy: { createdAt: "desc" } })).text).toContain("CP123");
    const delivered = new Date();
    expect(await markDelivered(brandScope(s.brand.id, "owner", s.owner.id), id, delivered)).toBe(true);
    const jobs = await db.job.findMany({ where: { dedupeKey: { startsWith: `seeding:${id}` } }, orderBy: { runAt: "asc" } });
    expect(jobs.map((j) => Math.round((j.runAt.getTime() - delivered.getTime()) / 86_400_000))).toEqual([7, 14, 15]);
    expect(await runFollowUp(id, 0)).toBe("sent");
    expect((await db.outboxMessage.findFirstOrThrow({ where: { to: fan.user.email, template: "seeding" }, orderBy: { createdAt: "desc" } })).subject).toBe("How are you finding the Rye starter (Large)?");
    expect(await runFollowUp(id, "settle")).toBe("settled");
    expect(await db.seedingRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "settled", outcome: "no_post" });
  });

  test("honest feedback is an outcome of its own; declining gives the unit back", async () => {
    const s = await setup(2);
    const a = (await requestProduct(fanScope(s.people[0].user), s.campaignId, s.large.id, address, false)) as { id: string };
    const b = (await requestProduct(fanScope(s.people[1].user), s.campaignId, s.small.id, address, false)) as { id: string };
    await decideRequests(staffScope(s.brand.id), s.campaignId, [b.id], false, s.owner.id);
    expect((await db.seedingVariant.findUniqueOrThrow({ where: { id: s.small.id } })).reserved).toBe(0);
    await decideRequests(staffScope(s.brand.id), s.campaignId, [a.id], true, s.owner.id);
    await markShipped(staffScope(s.brand.id), s.campaignId, a.id, { carrier: "", trackingNumber: "", trackingUrl: "" }, s.owner.id);
    await markDelivered(fanScope(s.people[0].user), a.id);
    await giveFeedback(fanScope(s.people[0].user), a.id, "The large jar leaked a little, but the rye was lovely.");
    expect(await db.seedingRequest.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ outcome: "feedback", status: "settled" });
    expect(await runFollowUp(a.id, 0)).toBe("skipped"); // no nudges after feedback
  });
});

/** One fan who asked for the small rye starter and has it delivered. */
async function deliveredToOneFan() {
  const s = await setup(1);
  const fan = s.people[0];
  const r = (await requestProduct(fanScope(fan.user), s.campaignId, s.small.id, address, false)) as { id: string };
  await decideRequests(staffScope(s.brand.id), s.campaignId, [r.id], true, s.owner.id);
  await markShipped(staffScope(s.brand.id), s.campaignId, r.id, { carrier: "", trackingNumber: "", trackingUrl: "" }, s.owner.id);
  await markDelivered(brandScope(s.brand.id, "owner", s.owner.id), r.id);
  return { s, fan, r };
}

describe("posts", () => {
  test("honest feedback stays the outcome: later posts that do not name the product are not attributed to it", async () => {
    const { s, fan, r } = await deliveredToOneFan();
    await giveFeedback(fanScope(fan.user), r.id, "Honestly a bit sour for me.");
    for (let i = 0; i < 3; i++) {
      const unrelated = await submitPost({ brandId: s.brand.id, ambassadorId: fan.ambassador.id, actorId: fan.user.id, url: `https://www.instagram.com/p/UNREL${i}/`, caption: "My cat in the sun", postedAt: new Date(), source: "fan" });
      expect(unrelated.ok).toBe(true);
      expect(await db.post.findUniqueOrThrow({ where: { id: (unrelated as { id: string }).id } })).toMatchObject({ seedingRequestId: null, campaignId: null, disclosureFlag: false });
    }
    // Even a post that names the product keeps the fan's chosen outcome; it still counts for the campaign.
    const about = await submitPost({ brandId: s.brand.id, ambassadorId: fan.ambassador.id, actorId: fan.user.id, url: "https://www.instagram.com/p/ABOUT1/", caption: "#ad Tried the #ryestarter", postedAt: new Date(), source: "fan" });
    expect(await db.post.findUniqueOrThrow({ where: { id: (about as { id: string }).id } })).toMatchObject({ seedingRequestId: r.id, campaignId: s.campaignId });
    expect(await db.seedingRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ outcome: "feedback", status: "settled" });
  });

  test("a post after a delivered product is attributed to it, flagged without disclosure, and settles the request as posted", async () => {
    const { s, fan, r } = await deliveredToOneFan();
    const result = await submitPost({
      brandId: s.brand.id,
      ambassadorId: fan.ambassador.id,
      actorId: fan.user.id,
      url: "https://www.instagram.com/p/C3xYz12AbCd/?igsh=abc",
      caption: "Best rye starter ever, my loaf rose like a dream",
      postedAt: new Date(),
      metrics: { likes: 100, comments: 10, shares: 5, saves: 10 },
      source: "fan",
    });
    expect(result).toMatchObject({ ok: true, disclosureFlag: true, embargoFlag: false });
    const post = await db.post.findUniqueOrThrow({ where: { id: (result as { id: string }).id } });
    expect(post).toMatchObject({ platform: "instagram", externalId: "C3xYz12AbCd", seedingRequestId: r.id, campaignId: s.campaignId, tier: "micro", followersAtPost: 2500 });
    expect(await db.seedingRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ outcome: "posted", status: "settled" });
    const again = await submitPost({ brandId: s.brand.id, ambassadorId: fan.ambassador.id, actorId: null, url: "https://instagram.com/p/C3xYz12AbCd", caption: "", postedAt: new Date(), source: "staff" });
    expect(again).toEqual({ ok: false, field: "url", error: "This post was already submitted.", duplicateOf: post.id });

    await requestDisclosure(staffScope(s.brand.id), post.id, s.owner.id);
    const ask = await db.outboxMessage.findFirstOrThrow({ where: { to: fan.user.email, template: "post-request" } });
    expect(ask.text).toContain("Gifted by Seed Bakery");
    // A post with a disclosure at the start is not flagged.
    const ok = await submitPost({ brandId: s.brand.id, ambassadorId: fan.ambassador.id, actorId: null, url: "https://www.tiktok.com/@fan/video/7301234567890123456", caption: "#ad my rye journey", postedAt: new Date(), source: "staff" });
    expect(ok).toMatchObject({ ok: true, disclosureFlag: false });
  });

  test("a post about a scoop before its embargo lifted is flagged", async () => {
    const s = await setup(1);
    const fan = s.people[0];
    const scoop = await db.scoop.create({ data: { brandId: s.brand.id, title: "Secret menu", body: "x", publishAt: new Date(Date.now() - 3_600_000), embargoUntil: new Date(Date.now() + 86_400_000) } });
    await db.scoopRead.create({ data: { scoopId: scoop.id, ambassadorId: fan.ambassador.id, openedAt: new Date(Date.now() - 1_800_000), acknowledgedAt: new Date() } });
    const r = await submitPost({ brandId: s.brand.id, ambassadorId: fan.ambassador.id, actorId: null, url: "https://x.com/fan/status/1791234567890123456", caption: "#ad can't wait for the new menu", postedAt: new Date(), source: "staff" });
    expect(r).toMatchObject({ ok: true, embargoFlag: true, disclosureFlag: false });
    expect((await db.post.findFirstOrThrow({ where: { brandId: s.brand.id } })).scoopId).toBe(scoop.id);
  });

  test("fresh numbers come from Bluesky's public API and YouTube's (with a key), or the fan is asked", async () => {
    server.use(...blueskyOk, youtubeOk);
    expect(await fetchPublicMetrics("bluesky", "fan.bsky.social/3kq2abc")).toEqual({ views: null, likes: 42, comments: 5, shares: 4, saves: 0 });
    expect(await fetchPublicMetrics("youtube", "dQw4w9WgXcQ")).toBeNull(); // no key configured
    process.env.YOUTUBE_API_KEY = "test-key";
    resetEnvCache();
    try {
      expect(await fetchPublicMetrics("youtube", "dQw4w9WgXcQ")).toEqual({ views: 12000, likes: 640, comments: 31, shares: 0, saves: 0 });
    } finally {
      delete process.env.YOUTUBE_API_KEY;
      resetEnvCache();
    }
    const s = await setup(1);
    const fan = s.people[0];
    const sky = (await submitPost({ brandId: s.brand.id, ambassadorId: fan.ambassador.id, actorId: null, url: "https://bsky.app/profile/fan.bsky.social/post/3kq2abc", caption: "", postedAt: new Date(), source: "staff" })) as { id: string };
    expect(await refreshMetrics(sky.id)).toBe("fetched");
    expect(await db.post.findUniqueOrThrow({ where: { id: sky.id } })).toMatchObject({ likes: 42, comments: 5, shares: 4 });
    expect(await db.postMetric.count({ where: { postId: sky.id, source: "bluesky" } })).toBe(1);
    const insta = (await submitPost({ brandId: s.brand.id, ambassadorId: fan.ambassador.id, actorId: null, url: "https://www.instagram.com/reel/C4aBcDeFgHi/", caption: "", postedAt: new Date(), source: "staff" })) as { id: string };
    expect(await refreshMetrics(insta.id)).toBe("asked");
    expect((await db.outboxMessage.findFirstOrThrow({ where: { to: fan.user.email, template: "post-request" } })).subject).toBe("Could you share your post's latest numbers?");
    const jobs = await db.job.findMany({ where: { type: "post.metrics", dedupeKey: { startsWith: `post:${insta.id}` } } });
    expect(jobs).toHaveLength(3);
  });
});

describe("a fan's own data", () => {
  test("export includes requests, posts and RSVPs; deleting the account removes the address, links and captions but keeps the numbers", async () => {
    const { exportMyData, deleteMyAccount } = await import("#app/models/account.server");
    const s = await setup(1);
    const fan = s.people[0];
    const r = (await requestProduct(fanScope(fan.user), s.campaignId, s.small.id, address, true)) as { id: string };
    const p = (await submitPost({ brandId: s.brand.id, ambassadorId: fan.ambassador.id, actorId: fan.user.id, url: "https://x.com/f/status/42", caption: "my rye", postedAt: new Date(), metrics: { likes: 9, comments: 1, shares: 0, saves: 0 }, source: "fan" })) as { id: string };
    const exported = await exportMyData(fan.user.id);
    expect(exported.programs[0].shippingAddress).toMatchObject({ line1: "1 Main St" });
    expect(exported.programs[0].seedingRequests[0].address).toMatchObject({ city: "Toronto" });
    expect(exported.programs[0].posts[0]).toMatchObject({ url: "https://x.com/f/status/42", caption: "my rye", likes: 9 });
    expect(await deleteMyAccount(fan.user.id)).toMatchObject({ ok: true });
    expect(await db.seedingRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ address: "", feedback: "" });
    expect(await db.post.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ url: "", caption: "", likes: 9, externalId: `deleted:${p.id}` });
    expect((await db.ambassador.findUniqueOrThrow({ where: { id: fan.ambassador.id } })).shippingAddress).toBe("");
  });
});
