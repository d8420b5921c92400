import { describe, expect, test } from "vitest";
import { action as postAction, loader as postLoader } from "#app/routes/b.$brand.posts_.$id/route";
import { loader as postsLoader } from "#app/routes/b.$brand.posts/route";
import { action as myPostsAction, loader as myPostsLoader } from "#app/routes/me.posts/route";
import { deleteMyAccount } from "#app/models/account.server";
import { db } from "#app/utils/db.server";
import { todayInZone } from "#app/utils/format";
import { yearsAfter } from "#app/models/posts/usage-rights";
import { addStaff, createAmbassador, createBrand, createUser } from "#tests/factories";
import { callAction, callLoader, cookieFor, toastFrom } from "#tests/utils";

async function setup() {
  const owner = await createUser(db, { name: "Olive Owner" });
  const brand = await createBrand(db, { ownerId: owner.id, name: "Test Bakery", timeZone: "America/Toronto" });
  const organizer = await createUser(db, { name: "Otto Organizer" });
  await addStaff(db, brand.id, organizer.id, "organizer");
  const fanUser = await createUser(db, { name: "Noor Haddad" });
  const fan = await createAmbassador(db, brand.id, { name: "Noor Haddad", email: fanUser.email, userId: fanUser.id, status: "active" });
  const post = await db.post.create({ data: { brandId: brand.id, ambassadorId: fan.id, url: "https://www.instagram.com/p/Reuse01/", platform: "instagram", externalId: "Reuse01", postedAt: new Date(), day: todayInZone("UTC"), status: "approved" } });
  const staff = await cookieFor(owner.id);
  const fanCookie = await cookieFor(fanUser.id);
  const params = { brand: brand.slug, id: post.id };
  const path = `/b/${brand.slug}/posts/${post.id}`;
  return { owner, organizer, brand, fan, fanUser, post, staff, fanCookie, params, path };
}

const until = () => yearsAfter(todayInZone("America/Toronto"), 1);
const ask = (s: Awaited<ReturnType<typeof setup>>, form: Record<string, string | string[]> = {}) =>
  callAction(postAction, s.path, { cookie: s.staff, params: s.params, form: { intent: "reuse", uses: "The photo, credited to Noor", channels: ["social", "website"], until: until(), message: "We love this one!", ...form } });

describe("usage rights", () => {
  test("a manager asks (what, where, until); the fan is emailed, the timeline says so, and the post shows it waiting", async () => {
    const s = await setup();
    const res = await ask(s);
    expect(res.status).toBe(302);
    expect((await toastFrom(res.headers))?.message).toMatch(/Asked the fan/);
    const r = await db.usageRightsRequest.findFirstOrThrow({ where: { postId: s.post.id } });
    expect(r).toMatchObject({ status: "requested", uses: "The photo, credited to Noor", channels: "social,website", message: "We love this one!", requestedById: s.owner.id, ambassadorId: s.fan.id });
    // Until the end of the chosen day in the brand's zone (Toronto is UTC-5 in winter, UTC-4 in summer).
    const endLocal = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(r.until!);
    expect(endLocal).toBe(`${until()}, 23:59`);

    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: s.fan.email, template: "usage-rights" } });
    expect(mail.subject).toBe("Test Bakery would love to share your post");
    expect(mail.text).toContain("The photo, credited to Noor");
    expect(mail.text).toContain("The brand's own social media accounts, The brand's website");
    expect(await db.timelineEvent.count({ where: { ambassadorId: s.fan.id, summary: "Asked for permission to reuse a post" } })).toBe(1);

    const page = await callLoader(postLoader, s.path, { cookie: s.staff, params: s.params });
    expect(page.data.rights).toHaveLength(1);
    expect(page.data.rights[0].status).toBe("requested");
  });

  test("bad input gets field messages and saves nothing; a second ask while one waits is refused", async () => {
    const s = await setup();
    const noChannel = await ask(s, { channels: [] as unknown as string[], until: "2020-01-01" });
    expect(noChannel.status).toBe(400);
    expect(noChannel.data.result.error.channels).toEqual(["Choose at least one place you'd use it."]);
    const past = await ask(s, { until: "2020-01-01" });
    expect(past.status).toBe(400);
    expect(past.data.result.error.until).toEqual(["Choose a day after today."]);
    const tooLong = await ask(s, { until: yearsAfter(todayInZone("America/Toronto"), 3) });
    expect(tooLong.data.result.error.until[0]).toMatch(/at most 2 years/);
    const badDate = await ask(s, { until: "2027-02-30" });
    expect(badDate.data.result.error.until[0]).toMatch(/a date/);
    const noUse = await ask(s, { uses: " " });
    expect(noUse.data.result.error.uses[0]).toMatch(/Say what you'd like to reuse/);
    expect(await db.usageRightsRequest.count({ where: { postId: s.post.id } })).toBe(0);

    expect((await ask(s)).status).toBe(302);
    const again = await ask(s);
    expect(again.status).toBe(400);
    expect(again.data.result.error[""]).toEqual(["You already asked about this post; the fan hasn't answered yet."]);
    expect(await db.usageRightsRequest.count({ where: { postId: s.post.id } })).toBe(1);
  });

  test("ten asks at once make one request and one email", async () => {
    const s = await setup();
    const results = await Promise.all(Array.from({ length: 10 }, () => ask(s)));
    expect(results.filter((r) => r.status === 302)).toHaveLength(1);
    expect(await db.usageRightsRequest.count({ where: { postId: s.post.id } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { to: s.fan.email, template: "usage-rights" } })).toBe(1);
  });

  test("the fan grants in the app: the post is cleared for reuse in the library until the date, and can be withdrawn", async () => {
    const s = await setup();
    await ask(s);
    const mine = await callLoader(myPostsLoader, "/me/posts", { cookie: s.fanCookie });
    const asked = mine.data.posts.find((p: { id: string }) => p.id === s.post.id).rights[0];
    expect(asked).toMatchObject({ status: "requested", uses: "The photo, credited to Noor" });

    const yes = await callAction(myPostsAction, "/me/posts", { cookie: s.fanCookie, form: { intent: "rights", requestId: asked.id, answer: "granted" } });
    expect(yes.status).toBe(302);
    expect((await toastFrom(yes.headers))?.message).toMatch(/may now reuse/);
    // A double click: the second answer changes nothing.
    const twice = await callAction(myPostsAction, "/me/posts", { cookie: s.fanCookie, form: { intent: "rights", requestId: asked.id, answer: "declined" } });
    expect((await toastFrom(twice.headers))?.message).toBe("This request was already answered.");
    expect((await db.usageRightsRequest.findUniqueOrThrow({ where: { id: asked.id } })).status).toBe("granted");

    const cleared = await callLoader(postsLoader, `/b/${s.brand.slug}/posts?show=cleared`, { cookie: s.staff, params: { brand: s.brand.slug } });
    expect(cleared.data.posts.map((p: { id: string }) => p.id)).toEqual([s.post.id]);
    const pending = await callLoader(postsLoader, `/b/${s.brand.slug}/posts?show=approved`, { cookie: s.staff, params: { brand: s.brand.slug } });
    expect(pending.data.posts[0].usageRights).toHaveLength(1);
    // Already cleared: no new ask.
    const more = await ask(s);
    expect(more.data.result.error[""][0]).toMatch(/already cleared for reuse until/);

    const timeline = await db.timelineEvent.findMany({ where: { ambassadorId: s.fan.id, kind: "post" }, orderBy: { createdAt: "asc" }, select: { summary: true, actorId: true } });
    expect(timeline).toEqual([
      { summary: "Asked for permission to reuse a post", actorId: s.owner.id },
      { summary: "Gave permission to reuse a post", actorId: s.fanUser.id },
    ]);

    const withdraw = await callAction(myPostsAction, "/me/posts", { cookie: s.fanCookie, form: { intent: "rights", requestId: asked.id, answer: "withdrawn" } });
    expect((await toastFrom(withdraw.headers))?.message).toMatch(/Permission withdrawn/);
    const after = await callLoader(postsLoader, `/b/${s.brand.slug}/posts?show=cleared`, { cookie: s.staff, params: { brand: s.brand.slug } });
    expect(after.data.posts).toEqual([]);
    // Once withdrawn, the brand may ask again.
    expect((await ask(s)).status).toBe(302);
  });

  test("a grant whose date has passed no longer counts as cleared", async () => {
    const s = await setup();
    await ask(s);
    const r = await db.usageRightsRequest.findFirstOrThrow({ where: { postId: s.post.id } });
    await callAction(myPostsAction, "/me/posts", { cookie: s.fanCookie, form: { intent: "rights", requestId: r.id, answer: "granted" } });
    await db.usageRightsRequest.update({ where: { id: r.id }, data: { until: new Date(Date.now() - 1000) } });
    const cleared = await callLoader(postsLoader, `/b/${s.brand.slug}/posts?show=cleared`, { cookie: s.staff, params: { brand: s.brand.slug } });
    expect(cleared.data.posts).toEqual([]);
    expect((await ask(s)).status).toBe(302);
  });

  test("only the post's author answers; another brand's post and an organizer cannot ask", async () => {
    const s = await setup();
    await ask(s);
    const r = await db.usageRightsRequest.findFirstOrThrow({ where: { postId: s.post.id } });
    const stranger = await createUser(db, { name: "Someone Else" });
    const res = await callAction(myPostsAction, "/me/posts", { cookie: await cookieFor(stranger.id), form: { intent: "rights", requestId: r.id, answer: "granted" } });
    expect(res.status).toBe(404);
    expect((await db.usageRightsRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("requested");

    const other = await setup();
    const cross = await callAction(postAction, `/b/${other.brand.slug}/posts/${s.post.id}`, { cookie: other.staff, params: { brand: other.brand.slug, id: s.post.id }, form: { intent: "reuse", uses: "x y z", channels: "social", until: until() } });
    expect(cross.status).toBe(404);
    const organizer = await callAction(postAction, s.path, { cookie: await cookieFor(s.organizer.id), params: s.params, form: { intent: "reuse", uses: "x y z", channels: "social", until: until() } });
    expect(organizer.status).toBe(403);
  });

  test("deleting the account ends the permission and closes an open request", async () => {
    const s = await setup();
    await ask(s);
    const r = await db.usageRightsRequest.findFirstOrThrow({ where: { postId: s.post.id } });
    await callAction(myPostsAction, "/me/posts", { cookie: s.fanCookie, form: { intent: "rights", requestId: r.id, answer: "granted" } });
    expect((await deleteMyAccount(s.fanUser.id)).ok).toBe(true);
    expect((await db.usageRightsRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("withdrawn");
  });
});
