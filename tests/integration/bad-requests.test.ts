// Bad requests get a 4xx with a reason, never a 500, and change nothing.
import { describe, expect, test } from "vitest";
import { action as programAction } from "#app/routes/b.$brand.program/route";
import { action as importsAction } from "#app/routes/b.$brand.imports/route";
import { action as newScoopAction } from "#app/routes/b.$brand.scoops_.new/route";
import { action as loginAction } from "#app/routes/login/route";
import { db } from "#app/utils/db.server";
import { checkWriteOrigin } from "#app/utils/http.server";
import { FORM_MAX_BYTES, readForm } from "#app/utils/request-body.server";
import { BASE, callAction, callLoader, cookieFor, toastFrom } from "#tests/utils";
import { createBrand, createUser } from "#tests/factories";

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, message: await thrown.text() };
    throw thrown;
  }
  throw new Error("expected the request to be refused");
}

const post = (body: BodyInit | null, headers: Record<string, string> = {}) => new Request(`${BASE}/x`, { method: "POST", body, headers });

describe("reading a form", () => {
  test.each([
    ["JSON", "application/json", '{"a":1}'],
    ["plain text", "text/plain", "a=1"],
    ["XML", "application/xml", "<a/>"],
  ])("%s is a 415 with a reason", async (_what, type, body) => {
    expect(await refusal(readForm(post(body, { "Content-Type": type })))).toEqual({ status: 415, message: "Send forms as application/x-www-form-urlencoded or multipart/form-data." });
  });

  test("no content type is a 415", async () => {
    const request = post(new Blob(["a=1"]));
    request.headers.delete("content-type");
    expect((await refusal(readForm(request))).status).toBe(415);
  });

  test("malformed multipart is a 400", async () => {
    expect(await refusal(readForm(post("--xx\r\nbroken", { "Content-Type": "multipart/form-data; boundary=xx" })))).toMatchObject({ status: 400, message: expect.stringMatching(/cut off or is malformed/) });
    expect((await refusal(readForm(post("a", { "Content-Type": "multipart/form-data" })))).status).toBe(400);
  });

  test("a url-encoded form over 1 MB is a 413, whether or not it says its length", async () => {
    const big = `note=${"x".repeat(FORM_MAX_BYTES + 10)}`;
    expect((await refusal(readForm(post(big, { "Content-Type": "application/x-www-form-urlencoded" })))).status).toBe(413);
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const chunked = new Request(`${BASE}/x`, { method: "POST", body: stream, headers: { "Content-Type": "application/x-www-form-urlencoded" }, duplex: "half" } as RequestInit);
    expect((await refusal(readForm(chunked))).status).toBe(413);
  });

  test("a file sent to a form that takes none is a 400", async () => {
    const form = new FormData();
    form.append("email", "a@example.com");
    form.append("avatar", new File(["x"], "x.png", { type: "image/png" }));
    expect(await refusal(readForm(post(form)))).toEqual({ status: 400, message: "This form does not take files." });
  });

  test("a good form reads as it was sent", async () => {
    const form = await readForm(post(new URLSearchParams({ a: "1", b: "é" }), {}));
    expect([...form]).toEqual([["a", "1"], ["b", "é"]]);
  });
});

describe("actions refuse bad bodies before doing anything", () => {
  async function owner() {
    const user = await createUser(db);
    const brand = await createBrand(db, { ownerId: user.id });
    return { brand, cookie: await cookieFor(user.id), params: { brand: brand.slug } };
  }

  test("JSON to a staff form is a 415 and changes nothing", async () => {
    const { brand, cookie, params } = await owner();
    const before = await db.brand.findUniqueOrThrow({ where: { id: brand.id } });
    const request = new Request(`${BASE}/b/${brand.slug}/program`, { method: "POST", body: '{"quietAfterDays":1}', headers: { Cookie: cookie, "Content-Type": "application/json" } });
    expect((await refusal(Promise.resolve(programAction({ request, params, context: {} })))).status).toBe(415);
    expect(await db.brand.findUniqueOrThrow({ where: { id: brand.id } })).toEqual(before);
  });

  test("an import without a file says to choose one, url-encoded or multipart", async () => {
    const { brand, cookie, params } = await owner();
    const multipart = await callAction(importsAction, `/b/${brand.slug}/imports`, { cookie, params, form: { intent: "upload", note: "no file" } });
    expect(multipart.status).toBe(400);
    expect(multipart.data.error).toBe("Choose a CSV file to upload.");
    const request = new Request(`${BASE}/b/${brand.slug}/imports`, { method: "POST", body: new URLSearchParams({ intent: "upload", x: "1" }), headers: { Cookie: cookie } });
    const urlencoded = (await importsAction({ request, params, context: {} })) as { data: { error: string }; init: { status: number } };
    expect(urlencoded.init.status).toBe(400);
    expect(urlencoded.data.error).toBe("Choose a CSV file to upload.");
    expect(await db.importJob.count({ where: { brandId: brand.id } })).toBe(0);
  });

  test("a scoop with a file that is not an image, or a file in a text field, is a 400 with a message", async () => {
    const { brand, cookie, params } = await owner();
    const wrongType = await callAction(newScoopAction, `/b/${brand.slug}/scoops/new`, { cookie, params, form: { intent: "save", title: "x" }, files: { images: [{ name: "notes.txt", type: "image/png", content: "hello" }] } });
    expect(wrongType.status).toBe(400);
    // The reply carries only fields, never the uploaded file, so the form can be shown again.
    expect(JSON.stringify(wrongType.data)).not.toContain("notes.txt");
    const inTextField = await callAction(newScoopAction, `/b/${brand.slug}/scoops/new`, { cookie, params, form: { intent: "save", title: "x" }, files: { body: [{ name: "a.bin", type: "application/octet-stream", content: "x" }] } });
    expect(inTextField.status).toBe(400);
    expect(await db.scoop.count({ where: { brandId: brand.id } })).toBe(0);
  });

  test("sign-in with a form of JSON is a 415", async () => {
    const request = new Request(`${BASE}/login`, { method: "POST", body: '{"email":"a@example.com"}', headers: { "Content-Type": "application/json" } });
    expect((await refusal(Promise.resolve(loginAction({ request, params: {}, context: {} })))).status).toBe(415);
  });
});

describe("writes from another site", () => {
  const h = (init: Record<string, string>) => new Headers(init);
  test("the same site, or no Origin (older browsers), passes", () => {
    expect(checkWriteOrigin(h({ host: "kindred.example", origin: "https://kindred.example" }))).toBeNull();
    expect(checkWriteOrigin(h({ host: "kindred.example" }))).toBeNull();
    expect(checkWriteOrigin(h({ host: "internal:3000", "x-forwarded-host": "kindred.example", origin: "https://kindred.example" }))).toBeNull();
  });

  test("another site is a 403, a hidden origin too, a garbled one a 400", () => {
    expect(checkWriteOrigin(h({ host: "kindred.example", origin: "https://evil.example" }))).toEqual({ status: 403, message: "This form was sent from another site (evil.example), so it was not accepted." });
    expect(checkWriteOrigin(h({ host: "kindred.example", origin: "null" }))?.status).toBe(403);
    expect(checkWriteOrigin(h({ host: "kindred.example", origin: "not a url" }))?.status).toBe(400);
  });
});

import { action as invitationsAction } from "#app/routes/b.$brand.invitations/route";
import { action as fanPostsAction } from "#app/routes/me.posts/route";
import { action as fanSeedingAction } from "#app/routes/me.seeding_.$id/route";
import { action as staffSeedingAction } from "#app/routes/b.$brand.seeding_.$id/route";
import { createAmbassador } from "#tests/factories";

describe("dates that do not exist or cannot be right", () => {
  test("an invite link cannot expire on February 30th: the message says the date does not exist", async () => {
    const user = await createUser(db);
    const brand = await createBrand(db, { ownerId: user.id });
    const res = await callAction(invitationsAction, `/b/${brand.slug}/invitations`, { cookie: await cookieFor(user.id), params: { brand: brand.slug }, form: { intent: "create-link", label: "Counter", expiresOn: "2030-02-30" } });
    expect(res.status).toBe(400);
    expect(res.data.result.error.expiresOn).toEqual(["2030-02-30 is not a date on the calendar. Choose a day that exists."]);
    expect(await db.inviteLink.count({ where: { brandId: brand.id } })).toBe(0);
  });

  test("a post dated 1900 is refused with the reason", async () => {
    const owner = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    const fanUser = await createUser(db);
    const fan = await createAmbassador(db, brand.id, { userId: fanUser.id, email: fanUser.email });
    const res = await callAction(fanPostsAction, "/me/posts", { cookie: await cookieFor(fanUser.id), form: { intent: "add", programId: fan.id, url: "https://www.instagram.com/p/OLD1/", postedAt: "1900-01-01T10:00", caption: "" } });
    expect(res.status).toBe(400);
    expect(res.data.result.error.postedAt).toEqual(["1900 is too long ago for a post — check the date."]);
    expect(await db.post.count({ where: { brandId: brand.id } })).toBe(0);
  });
});

describe("state changes that do not apply", () => {
  test("marking a package delivered that was never shipped says so and changes nothing, for the fan and for staff", async () => {
    const owner = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    const fanUser = await createUser(db);
    const fan = await createAmbassador(db, brand.id, { userId: fanUser.id, email: fanUser.email });
    const campaign = await db.seedingCampaign.create({ data: { brandId: brand.id, name: "Box" } });
    const product = await db.seedingProduct.create({ data: { campaignId: campaign.id, name: "Rye" } });
    const variant = await db.seedingVariant.create({ data: { campaignId: campaign.id, productId: product.id, name: "One", stock: 1, reserved: 1 } });
    const request = await db.seedingRequest.create({ data: { brandId: brand.id, campaignId: campaign.id, variantId: variant.id, ambassadorId: fan.id, status: "approved" } });
    const before = await db.seedingRequest.findUniqueOrThrow({ where: { id: request.id } });
    const asFan = await callAction(fanSeedingAction, `/me/seeding/${campaign.id}`, { cookie: await cookieFor(fanUser.id), params: { id: campaign.id }, form: { intent: "delivered" } });
    expect(asFan.status).toBe(302);
    expect(await toastFrom(asFan.headers)).toEqual({ kind: "error", message: "Nothing from this campaign is on its way to you, so there is nothing to mark as arrived." });
    const asStaff = await callAction(staffSeedingAction, `/b/${brand.slug}/seeding/${campaign.id}`, { cookie: await cookieFor(owner.id), params: { brand: brand.slug, id: campaign.id }, form: { intent: "delivered", id: request.id } });
    expect(asStaff.status).toBe(409);
    expect(asStaff.data.error).toBe("Only shipped requests can be marked delivered.");
    expect(await db.seedingRequest.findUniqueOrThrow({ where: { id: request.id } })).toEqual(before);
    expect(await db.job.count({ where: { dedupeKey: { startsWith: `seeding:${request.id}` } } })).toBe(0);
  });
});

import { loader as fanPostsLoader } from "#app/routes/me.posts/route";

describe("times in the viewer's zone", () => {
  test("the post form is filled and read in the fan's own zone, and says which", async () => {
    const owner = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id, timeZone: "America/Toronto" });
    const fanUser = await createUser(db);
    const fan = await createAmbassador(db, brand.id, { userId: fanUser.id, email: fanUser.email });
    const cookie = `${await cookieFor(fanUser.id)}; kindred_tz=Asia%2FTokyo`;
    const page = await callLoader(fanPostsLoader, "/me/posts", { cookie });
    expect(page.data.entryZone).toBe("Asia/Tokyo");
    const res = await callAction(fanPostsAction, "/me/posts", { cookie, form: { intent: "add", programId: fan.id, url: "https://www.instagram.com/p/TOKYO1/", postedAt: "2026-06-01T09:00", timeZone: "Asia/Tokyo", caption: "" } });
    expect(res.status).toBe(302);
    expect((await db.post.findFirstOrThrow({ where: { brandId: brand.id } })).postedAt.toISOString()).toBe("2026-06-01T00:00:00.000Z");
    // Without the cookie the brand's zone is used, and said.
    expect((await callLoader(fanPostsLoader, "/me/posts", { cookie: await cookieFor(fanUser.id) })).data.entryZone).toBe("America/Toronto");
  });
});
