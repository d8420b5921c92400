import QRCode from "qrcode";
import { describe, expect, test } from "vitest";
import "#app/jobs.server";
import { action as newScoopAction } from "#app/routes/b.$brand.scoops_.new/route";
import { action as editScoopAction } from "#app/routes/b.$brand.scoops_.$id_.edit/route";
import { action as scoopAction, loader as scoopLoader } from "#app/routes/b.$brand.scoops_.$id/route";
import { loader as scoopsLoader } from "#app/routes/b.$brand.scoops/route";
import { loader as feedLoader } from "#app/routes/me.scoops/route";
import { action as fanScoopAction, loader as fanScoopLoader } from "#app/routes/me.scoops_.$id/route";
import { loader as fileLoader } from "#app/routes/files.$id/route";
import { db } from "#app/utils/db.server";
import { runDueJobs } from "#app/utils/jobs.server";
import { callAction, callLoader, cookieFor } from "#tests/utils";
import { addStaff, createAmbassador, createBrand, createUser } from "#tests/factories";

async function setup() {
  const owner = await createUser(db);
  const brand = await createBrand(db, { ownerId: owner.id, name: "Scoop Bakery" });
  await db.brand.update({ where: { id: brand.id }, data: { timeZone: "America/Toronto", disclosureText: "#gifted by Scoop Bakery" } });
  const manager = await createUser(db);
  await addStaff(db, brand.id, manager.id, "manager");
  const insiderUser = await createUser(db, { name: "Ines Insider" });
  const outsiderUser = await createUser(db, { name: "Otto Outsider" });
  const insider = await createAmbassador(db, brand.id, { userId: insiderUser.id, email: insiderUser.email, tags: ["bakers-club"] });
  const outsider = await createAmbassador(db, brand.id, { userId: outsiderUser.id, email: outsiderUser.email, tags: ["newsletter"] });
  return { brand, manager, cookie: await cookieFor(manager.id), insiderUser, outsiderUser, insider, outsider, params: { brand: brand.slug } };
}

const scoopForm = (extra: Record<string, string | string[]> = {}) => ({
  title: "Spring menu preview",
  body: "**Rhubarb** tart and a new rye.\n\n<script>alert(1)</script>",
  guidance: "You may say a spring menu is coming. Keep the dishes secret.",
  links: "Press kit https://scoop.example/press",
  publishMode: "now",
  embargo: "on",
  embargoUntil: "2030-03-01T09:00",
  audienceKind: "tag",
  audienceValues: ["bakers-club"],
  ...extra,
});

describe("scoops", () => {
  test("an embargoed scoop for a tag: the fan in the tag acknowledges then reads; a fan outside gets 404", async () => {
    const s = await setup();
    const png = await QRCode.toBuffer("rhubarb");
    const created = await callAction(newScoopAction, `/b/${s.brand.slug}/scoops/new`, {
      cookie: s.cookie,
      params: s.params,
      form: { intent: "save", ...scoopForm() },
      files: { images: [{ name: "tart.png", type: "image/png", content: png }] },
    });
    expect(created.status).toBe(302);
    const scoop = await db.scoop.findFirstOrThrow({ where: { brandId: s.brand.id }, include: { uploads: true } });
    // 09:00 in Toronto in March (before daylight saving time starts) is 14:00 UTC.
    expect(scoop.embargoUntil?.toISOString()).toBe("2030-03-01T14:00:00.000Z");
    expect(scoop.uploads).toHaveLength(1);
    expect(scoop.uploads[0]).toMatchObject({ kind: "image", mimeType: "image/png", fileName: "tart.png" });

    const fanCookie = await cookieFor(s.insiderUser.id);
    const locked = await callLoader(fanScoopLoader, `/me/scoops/${scoop.id}`, { cookie: fanCookie, params: { id: scoop.id } });
    expect(locked.data.scoop.locked).toBe(true);
    expect(locked.data.scoop.html).toBeUndefined();
    // The image stays private until the fan acknowledges.
    const hiddenImage = await callLoader(fileLoader, `/files/${scoop.uploads[0].id}`, { cookie: fanCookie, params: { id: scoop.uploads[0].id } });
    expect(hiddenImage.status).toBe(404);

    const ack = await callAction(fanScoopAction, `/me/scoops/${scoop.id}`, { cookie: fanCookie, params: { id: scoop.id }, form: { intent: "acknowledge" } });
    expect(ack.status).toBe(302);
    const open = await callLoader(fanScoopLoader, `/me/scoops/${scoop.id}`, { cookie: fanCookie, params: { id: scoop.id } });
    expect(open.data.scoop.locked).toBe(false);
    expect(open.data.scoop.html).toContain("<strong>Rhubarb</strong>");
    expect(open.data.scoop.html).not.toContain("<script>");
    expect(open.data.scoop.links).toEqual([{ label: "Press kit", url: "https://scoop.example/press" }]);
    const image = await callLoader(fileLoader, `/files/${scoop.uploads[0].id}`, { cookie: fanCookie, params: { id: scoop.uploads[0].id } });
    expect(image.status).toBe(200);
    expect(image.headers.get("Content-Type")).toBe("image/png");
    expect(image.headers.get("Cache-Control")).toBe("private, no-cache");
    const etag = image.headers.get("ETag");
    expect(etag).toBeTruthy();
    const again = await callLoader(fileLoader, `/files/${scoop.uploads[0].id}`, { cookie: fanCookie, params: { id: scoop.uploads[0].id }, headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);

    // The scoop page is for managers: an organizer of the same brand cannot open its files either.
    const organizer = await createUser(db);
    await addStaff(db, s.brand.id, organizer.id, "organizer");
    const asOrganizer = await callLoader(fileLoader, `/files/${scoop.uploads[0].id}`, { cookie: await cookieFor(organizer.id), params: { id: scoop.uploads[0].id } });
    expect(asOrganizer.status).toBe(404);
    const asOwner = await callLoader(fileLoader, `/files/${scoop.uploads[0].id}`, { cookie: s.cookie, params: { id: scoop.uploads[0].id } });
    expect(asOwner.status).toBe(200);

    const outsiderCookie = await cookieFor(s.outsiderUser.id);
    const denied = await callLoader(fanScoopLoader, `/me/scoops/${scoop.id}`, { cookie: outsiderCookie, params: { id: scoop.id } });
    expect(denied.status).toBe(404);
    const deniedAck = await callAction(fanScoopAction, `/me/scoops/${scoop.id}`, { cookie: outsiderCookie, params: { id: scoop.id }, form: { intent: "acknowledge" } });
    expect(deniedAck.status).toBe(404);

    // The fan replies privately; the reply lands on her timeline for staff. Someone outside cannot reply.
    const empty = await callAction(fanScoopAction, `/me/scoops/${scoop.id}`, { cookie: fanCookie, params: { id: scoop.id }, form: { intent: "reply", body: " " } });
    expect(empty.status).toBe(400);
    expect(empty.data.result.error).toEqual({ body: ["Write a few words first."] });
    const reply = await callAction(fanScoopAction, `/me/scoops/${scoop.id}`, { cookie: fanCookie, params: { id: scoop.id }, form: { intent: "reply", body: "Honestly? Less sugar, more rhubarb." } });
    expect(reply.status).toBe(302);
    const insider = await db.ambassador.findFirstOrThrow({ where: { userId: s.insiderUser.id, brandId: s.brand.id } });
    expect(await db.timelineEvent.findFirst({ where: { ambassadorId: insider.id, kind: "message" }, orderBy: { createdAt: "desc" } })).toMatchObject({ summary: `Replied to the scoop “${scoop.title}”`, body: "Honestly? Less sugar, more rhubarb." });
    expect((await callAction(fanScoopAction, `/me/scoops/${scoop.id}`, { cookie: outsiderCookie, params: { id: scoop.id }, form: { intent: "reply", body: "Sneaky" } })).status).toBe(404);
    expect((await callLoader(feedLoader, "/me/scoops", { cookie: outsiderCookie })).data.feed.items).toEqual([]);

    // Read receipts and reach for the manager.
    const detail = await callLoader(scoopLoader, `/b/${s.brand.slug}/scoops/${scoop.id}`, { cookie: s.cookie, params: { ...s.params, id: scoop.id } });
    expect(detail.data.reach).toMatchObject({ audience: 1, opened: 1, acknowledged: 1 });
    expect(detail.data.receipts[0].ambassador.id).toBe(s.insider.id);
    const list = await callLoader(scoopsLoader, `/b/${s.brand.slug}/scoops`, { cookie: s.cookie, params: s.params });
    expect(list.data.scoops[0].reach).toEqual({ audience: 1, opened: 1, acknowledged: 1 });
  });

  test("the feed lists scoops across programs newest first, with unread markers", async () => {
    const s = await setup();
    const other = await createBrand(db, { ownerId: s.manager.id, name: "Other Roastery" });
    await createAmbassador(db, other.id, { userId: s.insiderUser.id, email: s.insiderUser.email });
    const old = await db.scoop.create({ data: { brandId: s.brand.id, title: "Older", body: "x", publishAt: new Date(Date.now() - 86_400_000) } });
    await db.scoop.create({ data: { brandId: other.id, title: "Newer elsewhere", body: "y", publishAt: new Date(Date.now() - 3_600_000) } });
    await db.scoop.create({ data: { brandId: s.brand.id, title: "Draft", body: "z" } });
    await db.scoop.create({ data: { brandId: s.brand.id, title: "Later", body: "z", publishAt: new Date(Date.now() + 86_400_000) } });
    const fanCookie = await cookieFor(s.insiderUser.id);
    await callLoader(fanScoopLoader, `/me/scoops/${old.id}`, { cookie: fanCookie, params: { id: old.id } });
    const feed = (await callLoader(feedLoader, "/me/scoops", { cookie: fanCookie })).data.feed;
    expect(feed.items.map((i: { title: string; unread: boolean }) => [i.title, i.unread])).toEqual([
      ["Newer elsewhere", true],
      ["Older", false],
    ]);
    expect(feed.unread).toBe(1);
  });

  test("publishing emails the audience in the background (respecting email choices), and the embargo lift sends a second email", async () => {
    const s = await setup();
    await db.ambassador.update({ where: { id: s.outsider.id }, data: { tags: { create: { tag: { connect: { brandId_name: { brandId: s.brand.id, name: "bakers-club" } } } } } } });
    const quiet = await createAmbassador(db, s.brand.id, { tags: ["bakers-club"] });
    await db.ambassador.update({ where: { id: quiet.id }, data: { emailOptIn: false } });
    const paused = await createAmbassador(db, s.brand.id, { tags: ["bakers-club"], status: "paused" });
    const res = await callAction(newScoopAction, `/b/${s.brand.slug}/scoops/new`, { cookie: s.cookie, params: s.params, form: { intent: "save", ...scoopForm() } });
    expect(res.status).toBe(302);
    const scoop = await db.scoop.findFirstOrThrow({ where: { brandId: s.brand.id } });
    expect(await db.outboxMessage.count({ where: { template: "scoop", brandId: s.brand.id } })).toBe(0); // nothing sent during the request
    await runDueJobs();
    const sent = await db.outboxMessage.findMany({ where: { template: "scoop", brandId: s.brand.id }, select: { to: true, text: true } });
    expect(sent.map((m) => m.to).sort()).toEqual([s.insider.email, s.outsider.email].sort());
    expect(sent.every((m) => !m.to.includes(quiet.email) && !m.to.includes(paused.email))).toBe(true);
    expect(sent[0].text).toContain("Under embargo until Mar 1, 2030, 9:00 AM EST");
    await runDueJobs(); // running again sends nothing twice
    expect(await db.outboxMessage.count({ where: { template: "scoop", brandId: s.brand.id } })).toBe(2);

    // The embargo lifts: the lift email goes out at that time.
    await runDueJobs({ now: new Date("2030-03-01T14:00:01Z") });
    // the handler checks the real clock, so move the embargo into the past and run the job again
    await db.scoop.update({ where: { id: scoop.id }, data: { embargoUntil: new Date(Date.now() - 1000) } });
    await db.job.updateMany({ where: { dedupeKey: { contains: `scoop:${scoop.id}:lifted` } }, data: { status: "pending", runAt: new Date() } });
    await runDueJobs();
    const lifted = await db.outboxMessage.findMany({ where: { template: "scoop", brandId: s.brand.id, subject: { startsWith: "You can share it now" } } });
    expect(lifted).toHaveLength(2);
    expect(lifted[0].text).toContain("Early access from Scoop Bakery #ad");
    expect(lifted[0].text).not.toContain("gifted");
  });

  test("a large audience is emailed in batches by successive jobs", async () => {
    const s = await setup();
    await db.ambassador.createMany({ data: Array.from({ length: 1030 }, (_, i) => ({ brandId: s.brand.id, email: `fan${i}@batch.example`, name: `Fan ${i}` })) });
    await callAction(newScoopAction, `/b/${s.brand.slug}/scoops/new`, { cookie: s.cookie, params: s.params, form: { intent: "save", ...scoopForm({ audienceKind: "all", audienceValues: [], embargo: "" }) } });
    // 500 fans a job (the setup's two fans and 1,030 more): three jobs, each queueing the next.
    await runDueJobs({ limit: 1 });
    expect(await db.outboxMessage.count({ where: { template: "scoop", brandId: s.brand.id } })).toBe(500);
    await runDueJobs({ limit: 1 });
    expect(await db.outboxMessage.count({ where: { template: "scoop", brandId: s.brand.id } })).toBe(1000);
    await runDueJobs({ limit: 1 });
    expect(await db.outboxMessage.count({ where: { template: "scoop", brandId: s.brand.id } })).toBe(1032);
    const emailed = await db.outboxMessage.groupBy({ by: ["to"], where: { template: "scoop", brandId: s.brand.id }, _count: { _all: true } });
    expect(emailed.every((m) => m._count._all === 1)).toBe(true);
    expect((await db.scoop.findFirstOrThrow({ where: { brandId: s.brand.id } })).notifiedAt).not.toBeNull();
  });

  test("bad input gets field messages and saves nothing; a fake image is refused", async () => {
    const s = await setup();
    const bad = await callAction(newScoopAction, `/b/${s.brand.slug}/scoops/new`, {
      cookie: s.cookie,
      params: s.params,
      form: { intent: "save", ...scoopForm({ title: "", audienceValues: [], links: "not a link", embargoUntil: "" }) },
    });
    expect(bad.status).toBe(400);
    const errors = bad.data.result.error;
    expect(errors.title).toEqual(["Give the scoop a title."]);
    expect(errors.audienceValues[0]).toMatch(/Choose a tag/);
    expect(errors.links[0]).toMatch(/Line 1/);
    expect(errors.embargoUntil).toEqual(["Choose when the embargo lifts."]);

    const early = await callAction(newScoopAction, `/b/${s.brand.slug}/scoops/new`, {
      cookie: s.cookie,
      params: s.params,
      form: { intent: "save", ...scoopForm({ publishMode: "later", publishAt: "2030-03-02T09:00", embargoUntil: "2030-03-01T09:00" }) },
    });
    expect(early.data.result.error.embargoUntil).toEqual(["The embargo must lift after the scoop is published."]);
    expect(await db.scoop.count({ where: { brandId: s.brand.id } })).toBe(0);

    const fake = await callAction(newScoopAction, `/b/${s.brand.slug}/scoops/new`, {
      cookie: s.cookie,
      params: s.params,
      form: { intent: "save", ...scoopForm() },
      files: { images: [{ name: "photo.png", type: "image/png", content: "<?php echo 'not an image'; ?>" }] },
    });
    expect(fake.status).toBe(400);
    expect(fake.data.result.error.images[0]).toMatch(/“photo.png” is not an allowed type/);
    expect(await db.upload.count({ where: { brandId: s.brand.id } })).toBe(0);
    expect(await db.scoop.count({ where: { brandId: s.brand.id } })).toBe(0);
  });

  test("scheduled scoops stay hidden until their time; staff of another brand cannot see or change them", async () => {
    const s = await setup();
    await callAction(newScoopAction, `/b/${s.brand.slug}/scoops/new`, {
      cookie: s.cookie,
      params: s.params,
      form: { intent: "save", ...scoopForm({ publishMode: "later", publishAt: "2030-01-01T10:00", embargo: "", audienceKind: "all", audienceValues: [] }) },
    });
    const scoop = await db.scoop.findFirstOrThrow({ where: { brandId: s.brand.id } });
    expect(scoop.publishAt?.toISOString()).toBe("2030-01-01T15:00:00.000Z");
    const fanCookie = await cookieFor(s.insiderUser.id);
    expect((await callLoader(fanScoopLoader, `/me/scoops/${scoop.id}`, { cookie: fanCookie, params: { id: scoop.id } })).status).toBe(404);
    await runDueJobs();
    expect(await db.outboxMessage.count({ where: { template: "scoop", brandId: s.brand.id } })).toBe(0);

    const stranger = await createUser(db);
    await createBrand(db, { ownerId: stranger.id, name: "Elsewhere" });
    const strangerCookie = await cookieFor(stranger.id);
    const peek = await callLoader(scoopLoader, `/b/${s.brand.slug}/scoops/${scoop.id}`, { cookie: strangerCookie, params: { ...s.params, id: scoop.id } });
    expect(peek.status).toBe(404);
    const edit = await callAction(editScoopAction, `/b/${s.brand.slug}/scoops/${scoop.id}/edit`, { cookie: strangerCookie, params: { ...s.params, id: scoop.id }, form: { intent: "save", ...scoopForm() } });
    expect(edit.status).toBe(404);

    // Publish now from the detail page.
    const publish = await callAction(scoopAction, `/b/${s.brand.slug}/scoops/${scoop.id}`, { cookie: s.cookie, params: { ...s.params, id: scoop.id }, form: { intent: "publish" } });
    expect(publish.status).toBe(302);
    expect((await callLoader(fanScoopLoader, `/me/scoops/${scoop.id}`, { cookie: fanCookie, params: { id: scoop.id } })).data.scoop.locked).toBe(false);
  });
});
