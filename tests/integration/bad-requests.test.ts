// Bad requests get a 4xx with a reason, never a 500, and change nothing.
import { describe, expect, test } from "vitest";
import { action as programAction } from "#app/routes/b.$brand.program";
import { action as importsAction } from "#app/routes/b.$brand.imports";
import { action as newScoopAction } from "#app/routes/b.$brand.scoops_.new";
import { action as loginAction } from "#app/routes/login";
import { db } from "#app/utils/db.server";
import { checkWriteOrigin } from "#app/utils/http.server";
import { FORM_MAX_BYTES, readForm } from "#app/utils/request-body.server";
import { BASE, callAction, cookieFor } from "#tests/utils";
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
    const multipart = await callAction(importsAction, `/b/${brand.slug}/imports`, { cookie, params, form: { note: "no file" } });
    expect(multipart.status).toBe(400);
    expect(multipart.data.error).toBe("Choose a CSV file to upload.");
    const request = new Request(`${BASE}/b/${brand.slug}/imports`, { method: "POST", body: new URLSearchParams({ x: "1" }), headers: { Cookie: cookie } });
    const urlencoded = (await importsAction({ request, params, context: {} })) as { data: { error: string }; init: { status: number } };
    expect(urlencoded.init.status).toBe(400);
    expect(urlencoded.data.error).toBe("Choose a CSV file to upload.");
    expect(await db.importJob.count({ where: { brandId: brand.id } })).toBe(0);
  });

  test("a scoop with a file that is not an image, or a file in a text field, is a 400 with a message", async () => {
    const { brand, cookie, params } = await owner();
    const wrongType = await callAction(newScoopAction, `/b/${brand.slug}/scoops/new`, { cookie, params, form: { title: "x" }, files: { images: [{ name: "notes.txt", type: "image/png", content: "hello" }] } });
    expect(wrongType.status).toBe(400);
    // The reply carries only fields, never the uploaded file, so the form can be shown again.
    expect(JSON.stringify(wrongType.data)).not.toContain("notes.txt");
    const inTextField = await callAction(newScoopAction, `/b/${brand.slug}/scoops/new`, { cookie, params, form: { title: "x" }, files: { body: [{ name: "a.bin", type: "application/octet-stream", content: "x" }] } });
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
