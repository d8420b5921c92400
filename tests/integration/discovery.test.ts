import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import "#app/jobs.server";
import { action as settingsAction, loader as settingsLoader } from "#app/routes/b.$brand.settings/route";
import { action as discoverAction, loader as discoverLoader } from "#app/routes/b.$brand.discover/route";
import { action as webhookAction, loader as webhookLoader } from "#app/routes/webhooks.instagram/route";
import { ingestFound, readConnection } from "#app/models/discovery/discovery.server";
import { joinViaLink } from "#app/models/invite-links.server";
import { db } from "#app/utils/db.server";
import { resetEnvCache } from "#app/utils/env.server";
import { decryptSecret } from "#app/utils/secret-box.server";
import { createAmbassador, createBrand, createUser, uniqueEmail } from "#tests/factories";
import { BASE, callAction, callLoader, cookieFor, runAllJobs, toastFrom } from "#tests/utils";
import { server } from "#tests/mocks/server";
import { blueskySearch, calls, IG_TOKEN, IG_USER, instagramMention, instagramTags, rateLimited, youtubeSearch } from "#tests/mocks/social";

async function setup() {
  const owner = await createUser(db, { name: "Olive Owner" });
  const brand = await createBrand(db, { ownerId: owner.id, name: "Test Bakery" });
  const cookie = await cookieFor(owner.id);
  // Noor is an active ambassador whose Instagram handle is stored with capitals and an @; Mateo is on Bluesky with the short handle.
  const noor = await createAmbassador(db, brand.id, { name: "Noor Haddad", status: "active", followers: [2400] });
  await db.socialAccount.updateMany({ where: { ambassadorId: noor.id, platform: "instagram" }, data: { handle: "@noor.bakes" } });
  const mateo = await createAmbassador(db, brand.id, { name: "Mateo Ruiz", status: "active", followers: [300] });
  await db.socialAccount.create({ data: { ambassadorId: mateo.id, platform: "bluesky", handle: "Mateo", followers: 650 } });
  const params = { brand: brand.slug };
  return { owner, brand, cookie, noor, mateo, params };
}

async function connectInstagram(s: Awaited<ReturnType<typeof setup>>) {
  return callAction(settingsAction, `/b/${s.brand.slug}/settings`, { cookie: s.cookie, params: s.params, form: { intent: "connect-instagram", platform: "instagram", accountRef: IG_USER, token: IG_TOKEN } });
}

describe("connecting the brand's accounts", () => {
  test("an owner connects Instagram: the token is stored encrypted, never shown again, and the first read files the posts", async () => {
    const s = await setup();
    server.use(instagramTags());
    const res = await connectInstagram(s);
    expect(res.status).toBe(302);
    expect((await toastFrom(res.headers))?.message).toMatch(/Connected/);

    const stored = await db.brandConnection.findFirstOrThrow({ where: { brandId: s.brand.id } });
    expect(stored.tokenEncrypted).not.toContain(IG_TOKEN);
    expect(decryptSecret(stored.tokenEncrypted!)).toBe(IG_TOKEN);
    const page = await callLoader(settingsLoader, `/b/${s.brand.slug}/settings`, { cookie: s.cookie, params: s.params });
    expect(JSON.stringify(page.data)).not.toContain(IG_TOKEN);
    expect(JSON.stringify(page.data)).not.toContain(stored.tokenEncrypted);
    expect(page.data.connections[0]).toMatchObject({ platform: "instagram", accountRef: IG_USER, hasToken: true });

    await runAllJobs();
    // Both pages were read; the private media was skipped.
    expect(calls.filter((u) => u.includes("/tags")).length).toBeGreaterThanOrEqual(2);
    const found = await db.post.findMany({ where: { brandId: s.brand.id }, select: { ambassadorId: true, status: true, foundVia: true, externalId: true, likes: true, comments: true, caption: true } });
    expect(found).toEqual([{ ambassadorId: s.noor.id, status: "pending", foundVia: "instagram-tags", externalId: "KnownFan01", likes: 210, comments: 14, caption: "Morning loaf from @testbakery #gifted" }]);
    const metrics = await db.postMetric.findMany({ where: { post: { brandId: s.brand.id } }, select: { likes: true, source: true } });
    expect(metrics).toEqual([{ likes: 210, source: "found" }]);
    const authors = await db.foundAuthor.findMany({ where: { brandId: s.brand.id }, orderBy: { handle: "asc" }, select: { handle: true, status: true, platform: true } });
    expect(authors).toEqual([
      { handle: "brunchclub", status: "new", platform: "instagram" },
      { handle: "crumbqueen", status: "new", platform: "instagram" },
    ]);
    const timeline = await db.timelineEvent.findFirstOrThrow({ where: { ambassadorId: s.noor.id, kind: "post" } });
    expect(timeline.summary).toBe("Found posting on instagram");
    const connection = await db.brandConnection.findFirstOrThrow({ where: { brandId: s.brand.id } });
    expect(connection.status).toBe("active");
    expect(connection.lastCheckedAt).not.toBeNull();
    // The next read is scheduled, not run now.
    expect(await db.job.count({ where: { type: "discovery.read", status: "pending" } })).toBe(1);
  });

  test("reading again files nothing twice and stops paging at posts already seen", async () => {
    const s = await setup();
    server.use(instagramTags());
    await connectInstagram(s);
    await runAllJobs();
    const connection = await db.brandConnection.findFirstOrThrow({ where: { brandId: s.brand.id } });
    calls.length = 0;
    await readConnection(connection.id);
    expect(calls.filter((u) => u.includes("/tags"))).toHaveLength(1); // page 1 was all old: no second page
    expect(await db.post.count({ where: { brandId: s.brand.id } })).toBe(1);
    expect(await db.foundPost.count({ where: { brandId: s.brand.id } })).toBe(2);
  });

  test("a revoked token marks the connection with the platform's reason; a rate limit retries at Retry-After", async () => {
    const s = await setup();
    server.use(instagramTags());
    await callAction(settingsAction, `/b/${s.brand.slug}/settings`, { cookie: s.cookie, params: s.params, form: { intent: "connect-instagram", platform: "instagram", accountRef: IG_USER, token: "EAAGrevokedtoken00000000" } });
    await runAllJobs();
    const bad = await db.brandConnection.findFirstOrThrow({ where: { brandId: s.brand.id } });
    expect(bad.status).toBe("error");
    expect(bad.lastError).toContain("Invalid OAuth access token");

    server.use(rateLimited(`https://graph.facebook.com/v21.0/${IG_USER}/tags`, "120"));
    await connectInstagram(s);
    const before = Date.now();
    await runAllJobs();
    const job = await db.job.findFirstOrThrow({ where: { type: "discovery.read", status: "pending", lastError: { not: null } } });
    expect(job.lastError).toContain("429");
    expect(job.runAt.getTime()).toBeGreaterThanOrEqual(before + 119_000);
    expect(job.attempts).toBe(0); // a rate limit does not use up a try
  });

  test("a token the server can no longer read (the key changed) marks the connection, asking to connect again", async () => {
    const s = await setup();
    server.use(instagramTags());
    await connectInstagram(s);
    const c = await db.brandConnection.findFirstOrThrow({ where: { brandId: s.brand.id } });
    const [v, iv, tag, data] = c.tokenEncrypted!.split(".");
    await db.brandConnection.update({ where: { id: c.id }, data: { tokenEncrypted: [v, iv, tag, data.slice(2) + "AA"].join(".") } });
    calls.length = 0;
    await runAllJobs();
    const after = await db.brandConnection.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.status).toBe("error");
    expect(after.lastError).toMatch(/cannot be read.*Connect the account again/);
    expect(calls.filter((u) => u.includes("/tags"))).toHaveLength(0);
  });

  test("Bluesky needs no token: mentions (two pages) and hashtags, the brand's own posts left out, short handles matched", async () => {
    const s = await setup();
    server.use(blueskySearch());
    const res = await callAction(settingsAction, `/b/${s.brand.slug}/settings`, { cookie: s.cookie, params: s.params, form: { intent: "connect-bluesky", platform: "bluesky", accountRef: "@TestBakery.bsky.social", terms: "#testbakery, Test Bakery, #testbakery" } });
    expect(res.status).toBe(302);
    const c = await db.brandConnection.findFirstOrThrow({ where: { brandId: s.brand.id } });
    expect(c).toMatchObject({ accountRef: "testbakery.bsky.social", terms: "#testbakery, Test Bakery", tokenEncrypted: null });
    await runAllJobs();
    const posts = await db.post.findMany({ where: { brandId: s.brand.id }, select: { ambassadorId: true, externalId: true, shares: true, foundVia: true } });
    expect(posts).toEqual([{ ambassadorId: s.mateo.id, externalId: "mateo.bsky.social/3lmateo00001", shares: 4, foundVia: "bluesky" }]);
    const authors = await db.foundAuthor.findMany({ where: { brandId: s.brand.id }, select: { handle: true, followers: true } });
    expect(authors).toEqual([{ handle: "rye-and-shine.bsky.social", followers: 1840 }]);
  });

  test("YouTube: search with the server's key, handles and subscribers from channels, deleted channels skipped", async () => {
    const s = await setup();
    server.use(...youtubeSearch());
    const refused = await callAction(settingsAction, `/b/${s.brand.slug}/settings`, { cookie: s.cookie, params: s.params, form: { intent: "connect-youtube", platform: "youtube", terms: "Test Bakery" } });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.data)).toContain("YOUTUBE_API_KEY");
    process.env.YOUTUBE_API_KEY = "yt-test-key";
    resetEnvCache();
    try {
      const ok = await callAction(settingsAction, `/b/${s.brand.slug}/settings`, { cookie: s.cookie, params: s.params, form: { intent: "connect-youtube", platform: "youtube", terms: "Test Bakery", accountRef: "@testbakery" } });
      expect(ok.status).toBe(302);
      await runAllJobs();
    } finally {
      delete process.env.YOUTUBE_API_KEY;
      resetEnvCache();
    }
    const authors = await db.foundAuthor.findMany({ where: { brandId: s.brand.id }, select: { handle: true, followers: true, displayName: true, posts: { select: { views: true, likes: true, url: true } } } });
    expect(authors).toEqual([{ handle: "kitchenkwame", followers: 12400, displayName: "Kitchen Kwame", posts: [{ views: 8900, likes: 610, url: "https://www.youtube.com/watch?v=vidKwame001" }] }]);
  });

  test("bad forms get field messages; organizers and managers cannot connect; another brand's connection cannot be touched", async () => {
    const s = await setup();
    const bad = await callAction(settingsAction, `/b/${s.brand.slug}/settings`, { cookie: s.cookie, params: s.params, form: { intent: "connect-instagram", platform: "instagram", accountRef: "juniper", token: "short" } });
    expect(bad.status).toBe(400);
    expect(bad.data.result.error).toMatchObject({ accountRef: [expect.stringContaining("is a number")], token: [expect.stringContaining("too short")] });
    const manager = await createUser(db);
    await db.membership.create({ data: { brandId: s.brand.id, userId: manager.id, role: "manager" } });
    const denied = await callAction(settingsAction, `/b/${s.brand.slug}/settings`, { cookie: await cookieFor(manager.id), params: s.params, form: { intent: "connect-bluesky", platform: "bluesky", accountRef: "x.bsky.social" } });
    expect(denied.status).toBe(403);

    const other = await setup();
    server.use(blueskySearch());
    await callAction(settingsAction, `/b/${other.brand.slug}/settings`, { cookie: other.cookie, params: other.params, form: { intent: "connect-bluesky", platform: "bluesky", accountRef: "other.bsky.social" } });
    const theirs = await db.brandConnection.findFirstOrThrow({ where: { brandId: other.brand.id } });
    const cross = await callAction(settingsAction, `/b/${s.brand.slug}/settings`, { cookie: s.cookie, params: s.params, form: { intent: "disconnect", connectionId: theirs.id } });
    expect(cross.status).toBe(404);
    expect(await db.brandConnection.count({ where: { id: theirs.id } })).toBe(1);

    const gone = await callAction(settingsAction, `/b/${other.brand.slug}/settings`, { cookie: other.cookie, params: other.params, form: { intent: "disconnect", connectionId: theirs.id } });
    expect(gone.status).toBe(302);
    expect(await db.brandConnection.count({ where: { id: theirs.id } })).toBe(0);
  });

  test("in production no key means no token is stored, with a clear message", async () => {
    const s = await setup();
    process.env.NODE_ENV = "production";
    process.env.SESSION_SECRET = "x".repeat(40);
    resetEnvCache();
    try {
      const res = await callAction(settingsAction, `/b/${s.brand.slug}/settings`, { cookie: await cookieFor(s.owner.id), params: s.params, form: { intent: "connect-instagram", platform: "instagram", accountRef: IG_USER, token: IG_TOKEN } });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.data)).toContain("CONNECTIONS_KEY is not set");
    } finally {
      process.env.NODE_ENV = "test";
      delete process.env.SESSION_SECRET;
      resetEnvCache();
    }
    expect(await db.brandConnection.count({ where: { brandId: s.brand.id } })).toBe(0);
  });
});

describe("Instagram mentions webhook", () => {
  const secret = "meta-app-secret-for-tests";
  const sign = (body: string, key = secret) => `sha256=${createHmac("sha256", key).update(body).digest("hex")}`;
  const deliver = (body: string, signature: string | null) =>
    webhookAction({ request: new Request(`${BASE}/webhooks/instagram`, { method: "POST", body, headers: { "content-type": "application/json", ...(signature ? { "x-hub-signature-256": signature } : {}) } }), params: {}, context: {} });

  test("verification echoes the challenge only for our verify token", async () => {
    process.env.META_WEBHOOK_VERIFY_TOKEN = "verify-me";
    resetEnvCache();
    try {
      const ok = await webhookLoader({ request: new Request(`${BASE}/webhooks/instagram?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444`), params: {}, context: {} });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toBe("1158201444");
      const no = await webhookLoader({ request: new Request(`${BASE}/webhooks/instagram?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1`), params: {}, context: {} });
      expect(no.status).toBe(403);
    } finally {
      delete process.env.META_WEBHOOK_VERIFY_TOKEN;
      resetEnvCache();
    }
  });

  test("a signed mention is read and filed; a bad signature is refused and changes nothing", async () => {
    const s = await setup();
    server.use(instagramTags(), instagramMention());
    await connectInstagram(s);
    await runAllJobs();
    // Earlier tests connected the same account id for other brands; each connection would get its own read.
    await db.brandConnection.deleteMany({ where: { brandId: { not: s.brand.id } } });
    process.env.META_APP_SECRET = secret;
    resetEnvCache();
    try {
      const body = JSON.stringify({ object: "instagram", entry: [{ id: IG_USER, time: 1733400000, changes: [{ field: "mentions", value: { media_id: "17999" } }, { field: "mentions", value: { media_id: "gone" } }] }] });
      const forged = await deliver(body, sign(body, "not-the-secret"));
      expect(forged.status).toBe(401);
      expect(await deliver(body, null).then((r) => r.status)).toBe(401);
      expect(await db.job.count({ where: { type: "discovery.instagram-mention" } })).toBe(0);

      const res = await deliver(body, sign(body));
      expect(res.status).toBe(200);
      // Delivered twice (Meta retries): queued once.
      expect((await deliver(body, sign(body))).status).toBe(200);
      expect(await db.job.count({ where: { type: "discovery.instagram-mention" } })).toBe(2);
      await runAllJobs();
    } finally {
      delete process.env.META_APP_SECRET;
      resetEnvCache();
    }
    const author = await db.foundAuthor.findFirstOrThrow({ where: { brandId: s.brand.id, handle: "mentionfan" }, select: { posts: { select: { externalId: true, foundVia: true } } } });
    expect(author.posts).toEqual([{ externalId: "Mention17999", foundVia: "instagram-mentions" }]);
    // The deleted media answered 400: the connection says why.
    expect((await db.brandConnection.findFirstOrThrow({ where: { brandId: s.brand.id } })).lastError).toContain("does not exist");
  });
});

describe("fans already posting", () => {
  async function withFinds() {
    const s = await setup();
    const at = new Date(Date.now() - 3_600_000);
    const item = (handle: string, id: string, hours: number, followers: number | null = null) => ({
      platform: "instagram" as const,
      externalId: id,
      url: `https://www.instagram.com/p/${id}/`,
      handle,
      displayName: handle,
      followers,
      caption: `About Test Bakery ${id}`,
      postedAt: new Date(at.getTime() - hours * 3_600_000),
      likes: 5,
      comments: 1,
      shares: 0,
      views: null,
      via: "instagram-tags" as const,
    });
    const result = await ingestFound(s.brand.id, [item("crumbqueen", "Crumb01", 48, 900), item("crumbqueen", "Crumb02", 2), item("weekendloaves", "Loaves01", 10), item("noor.bakes", "Noor01", 1)]);
    expect(result).toEqual({ queued: 1, alreadyKnown: 0, newAuthors: 2, authorPosts: 3 });
    return { ...s, at };
  }

  test("the list shows each author with their posts, first and last seen; staff dismiss and restore", async () => {
    const s = await withFinds();
    const page = await callLoader(discoverLoader, `/b/${s.brand.slug}/discover`, { cookie: s.cookie, params: s.params });
    expect(page.data.counts).toEqual({ new: 2, invited: 0, dismissed: 0 });
    const crumb = page.data.authors.find((a: { handle: string }) => a.handle === "crumbqueen");
    expect(crumb._count.posts).toBe(2);
    expect(crumb.followers).toBe(900);
    expect(new Date(crumb.firstSeenAt).getTime()).toBe(s.at.getTime() - 48 * 3_600_000);
    expect(new Date(crumb.lastSeenAt).getTime()).toBe(s.at.getTime() - 2 * 3_600_000);
    expect(page.data.authors[0].handle).toBe("crumbqueen"); // most recently seen first

    const dismissed = await callAction(discoverAction, `/b/${s.brand.slug}/discover`, { cookie: s.cookie, params: s.params, form: { intent: "dismiss", authorId: crumb.id } });
    expect(dismissed.status).toBe(302);
    const after = await callLoader(discoverLoader, `/b/${s.brand.slug}/discover?show=dismissed`, { cookie: s.cookie, params: s.params });
    expect(after.data.counts).toEqual({ new: 1, invited: 0, dismissed: 1 });
    expect(after.data.authors.map((a: { handle: string }) => a.handle)).toEqual(["crumbqueen"]);
    // Reading her again does not bring her back to review.
    await ingestFound(s.brand.id, [{ ...after.data.authors[0], platform: "instagram", externalId: "Crumb03", url: "https://www.instagram.com/p/Crumb03/", caption: "", postedAt: new Date(), likes: 1, comments: 0, shares: 0, views: null, via: "instagram-tags" }]);
    expect((await db.foundAuthor.findFirstOrThrow({ where: { id: crumb.id } })).status).toBe("dismissed");
    await callAction(discoverAction, `/b/${s.brand.slug}/discover`, { cookie: s.cookie, params: s.params, form: { intent: "restore", authorId: crumb.id } });
    expect((await db.foundAuthor.findFirstOrThrow({ where: { id: crumb.id } })).status).toBe("new");
  });

  test("invited by email: an invitation goes out and the handle is kept on the new record", async () => {
    const s = await withFinds();
    const author = await db.foundAuthor.findFirstOrThrow({ where: { brandId: s.brand.id, handle: "crumbqueen" } });
    const bad = await callAction(discoverAction, `/b/${s.brand.slug}/discover`, { cookie: s.cookie, params: s.params, form: { intent: "invite", authorId: author.id, email: "not-an-email" } });
    expect(bad.status).toBe(200);
    expect(bad.data).toMatchObject({ ok: false, authorId: author.id, message: expect.stringContaining("full email address") });
    const email = uniqueEmail("crumb");
    const res = await callAction(discoverAction, `/b/${s.brand.slug}/discover`, { cookie: s.cookie, params: s.params, form: { intent: "invite", authorId: author.id, email } });
    expect(res.status).toBe(302);
    await runAllJobs();
    const ambassador = await db.ambassador.findFirstOrThrow({ where: { brandId: s.brand.id, email }, select: { id: true, status: true, name: true, socialAccounts: { select: { platform: true, handle: true, followers: true } } } });
    expect(ambassador).toMatchObject({ status: "invited", name: "crumbqueen", socialAccounts: [{ platform: "instagram", handle: "crumbqueen", followers: 900 }] });
    expect(await db.outboxMessage.count({ where: { to: email, template: "fan-invite" } })).toBe(1);
    expect((await db.foundAuthor.findFirstOrThrow({ where: { id: author.id } })).status).toBe("invited");
  });

  test("invited by link: a one-use join link to send by DM; joining through it marks them joined with their handle", async () => {
    const s = await withFinds();
    const author = await db.foundAuthor.findFirstOrThrow({ where: { brandId: s.brand.id, handle: "weekendloaves" } });
    const res = await callAction(discoverAction, `/b/${s.brand.slug}/discover`, { cookie: s.cookie, params: s.params, form: { intent: "invite", authorId: author.id } });
    expect(res.headers.get("Location")).toBe(`/b/${s.brand.slug}/discover?show=invited`);
    const page = await callLoader(discoverLoader, `/b/${s.brand.slug}/discover?show=invited`, { cookie: s.cookie, params: s.params });
    const code = page.data.authors[0].inviteLink.code as string;
    expect(page.data.authors[0].handle).toBe("weekendloaves");
    const fan = await createUser(db, { name: "Wen Loaves" });
    const joined = await joinViaLink({ code, user: { id: fan.id, email: fan.email, name: fan.name, sessionId: "s1" }, input: { name: "Wen Loaves", city: "Toronto", acceptTerms: true, emailOptIn: true } as never });
    expect(joined.ok).toBe(true);
    const after = await db.foundAuthor.findFirstOrThrow({ where: { id: author.id } });
    expect(after.status).toBe("joined");
    const ambassador = await db.ambassador.findFirstOrThrow({ where: { id: after.ambassadorId! }, select: { status: true, socialAccounts: { select: { handle: true } } } });
    expect(ambassador.status).toBe("active");
    expect(ambassador.socialAccounts.map((a) => a.handle)).toContain("weekendloaves");
    // One use only.
    const second = await createUser(db);
    expect((await joinViaLink({ code, user: { id: second.id, email: second.email, name: null, sessionId: "s2" }, input: { name: "Someone", city: "", acceptTerms: true, emailOptIn: false } as never })).ok).toBe(false);
  });

  test("another brand's authors cannot be invited or dismissed", async () => {
    const s = await withFinds();
    const other = await setup();
    const author = await db.foundAuthor.findFirstOrThrow({ where: { brandId: s.brand.id } });
    for (const intent of ["invite", "dismiss"]) {
      const res = await callAction(discoverAction, `/b/${other.brand.slug}/discover`, { cookie: other.cookie, params: other.params, form: { intent, authorId: author.id } });
      expect(res.status).toBe(404);
    }
    expect((await db.foundAuthor.findFirstOrThrow({ where: { id: author.id } })).status).toBe("new");
  });
});
