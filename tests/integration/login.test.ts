import { describe, expect, test } from "vitest";
import { action as loginAction, loader as loginLoader } from "#app/routes/login/route";
import { action as verifyAction, loader as verifyLoader } from "#app/routes/auth.verify/route";
import { loader as homeLoader } from "#app/routes/home/route";
import { db } from "#app/utils/db.server";
import { HIDDEN_SECRET } from "#app/utils/redaction";
import { BASE, callAction, callLoader, cookiesFrom, lastDeliveredTo, lastEmailTo, withEmailProvider } from "#tests/utils";
import { createBrand, createUser, uniqueEmail } from "#tests/factories";

async function requestCode(email: string, extra: Record<string, string> = {}, ip = "203.0.113.7") {
  const res = await callAction(loginAction, "/login", { form: { intent: "code", email, ...extra }, headers: { "x-kindred-client-ip": ip } });
  const message = await lastEmailTo(email.toLowerCase());
  const delivered = lastDeliveredTo(email.toLowerCase());
  const code = delivered?.subject.match(/\d{6}/)?.[0];
  const token = delivered?.text.match(/token=([A-Za-z0-9_-]+)/)?.[1];
  return { res, message, delivered, code, token, loginCookie: cookiesFrom(res.headers) };
}

withEmailProvider();

describe("passwordless sign-in", () => {
  test("emails a six-digit code and a link, then signs in with the code", async () => {
    const email = uniqueEmail("Ana");
    const { res, message, delivered, code, token, loginCookie } = await requestCode(email.toUpperCase());
    expect(res.status).toBe(302);
    expect(res.location).toBe("/auth/verify");
    expect(message).toMatchObject({ template: "magic-link", status: "sent", redacted: true, privateContent: null });
    expect(delivered!.text).toContain(code);
    expect(delivered!.html).toContain(`${BASE}/auth/verify?token=${token}`);
    // The outbox copy has neither the code nor the link's token.
    for (const field of [message!.subject, message!.html, message!.text]) {
      expect(field).not.toContain(code);
      expect(field).not.toContain(token);
    }
    expect(message!.subject).toBe(`Your Kindred sign-in code: ${HIDDEN_SECRET}`);
    expect(message!.html).toContain(`${BASE}/auth/verify?token=${HIDDEN_SECRET}`);

    const page = await callLoader(verifyLoader, "/auth/verify", { cookie: loginCookie });
    expect(page.data).toMatchObject({ mode: "code", email: email.toLowerCase() });

    const signedIn = await callAction(verifyAction, "/auth/verify", { cookie: loginCookie, form: { intent: "code", code: code! } });
    expect(signedIn.status).toBe(302);
    expect(signedIn.location).toBe("/home");
    const home = await callLoader(homeLoader, "/home", { cookie: cookiesFrom(signedIn.headers) });
    expect(home.status).toBe(200);
    expect(await db.user.count({ where: { email: email.toLowerCase() } })).toBe(1);
  });

  test("a code works once; reuse gets a clear message and a way to a new one", async () => {
    const email = uniqueEmail();
    const { code, loginCookie } = await requestCode(email);
    expect((await callAction(verifyAction, "/auth/verify", { cookie: loginCookie, form: { intent: "code", code: code! } })).status).toBe(302);
    const again = await callAction(verifyAction, "/auth/verify", { cookie: loginCookie, form: { intent: "code", code: code! } });
    expect(again.status).toBe(400);
    expect(again.data.expired).toBe(true);
    expect(again.data.result.error.code).toEqual(["This code has expired or was already used. Request a new one below."]);
  });

  test("an expired code is refused", async () => {
    const email = uniqueEmail();
    const { code, loginCookie } = await requestCode(email);
    await db.loginToken.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await callAction(verifyAction, "/auth/verify", { cookie: loginCookie, form: { intent: "code", code: code! } });
    expect(res.status).toBe(400);
    expect(res.data.expired).toBe(true);
  });

  test("five wrong codes use the code up", async () => {
    const email = uniqueEmail();
    const { code, loginCookie } = await requestCode(email);
    const wrong = code === "000000" ? "111111" : "000000";
    const first = await callAction(verifyAction, "/auth/verify", { cookie: loginCookie, form: { intent: "code", code: wrong } });
    expect(first.data.result.error.code).toEqual(["That code is not right. 4 tries left."]);
    for (let i = 0; i < 4; i++) await callAction(verifyAction, "/auth/verify", { cookie: loginCookie, form: { intent: "code", code: wrong } });
    const right = await callAction(verifyAction, "/auth/verify", { cookie: loginCookie, form: { intent: "code", code: code! } });
    expect(right.status).toBe(400);
    expect(right.data.expired).toBe(true);
  });

  test("a malformed code gets a field message", async () => {
    const email = uniqueEmail();
    const { loginCookie } = await requestCode(email);
    const res = await callAction(verifyAction, "/auth/verify", { cookie: loginCookie, form: { intent: "code", code: "12ab" } });
    expect(res.status).toBe(400);
    expect(res.data.result.error.code).toEqual(["The code is six digits, like 493021"]);
  });

  test("requesting a new code makes the older one stop working", async () => {
    const email = uniqueEmail();
    const first = await requestCode(email);
    const second = await requestCode(email);
    const old = await callAction(verifyAction, "/auth/verify", { cookie: second.loginCookie, form: { intent: "code", code: first.code! } });
    if (first.code !== second.code) expect(old.status).toBe(400);
    const ok = await callAction(verifyAction, "/auth/verify", { cookie: second.loginCookie, form: { intent: "code", code: second.code! } });
    expect(ok.status).toBe(302);
  });

  test("the emailed link signs in once and keeps the page to return to", async () => {
    const email = uniqueEmail();
    const { token } = await requestCode(email, { redirectTo: "/account" });
    const preview = await callLoader(verifyLoader, `/auth/verify?token=${token}`);
    expect(preview.data).toMatchObject({ mode: "link", linkEmail: email });
    const res = await callAction(verifyAction, "/auth/verify", { form: { intent: "link", token: token! } });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/account");
    const reuse = await callAction(verifyAction, "/auth/verify", { form: { intent: "link", token: token! } });
    expect(reuse.status).toBe(400);
    expect(reuse.data.linkError).toMatch(/expired or was already used/);
  });

  test.each(["//evil.example/steal", "/.//evil.example", "/\\evil.example", "https://evil.example"])("never redirects to another site after sign-in (%s)", async (redirectTo) => {
    const email = uniqueEmail();
    const { code, loginCookie } = await requestCode(email, { redirectTo });
    const res = await callAction(verifyAction, "/auth/verify", { cookie: loginCookie, form: { intent: "code", code: code! } });
    expect(res.location).toBe("/home");
  });

  test("a return address with a tab, CR/LF or NUL is dropped from the page and refused with a 400 by the form", async () => {
    const page = await callLoader(loginLoader, `/login?redirectTo=${encodeURIComponent("/\t/evil.example")}`);
    expect(page.data.redirectTo).toBe("");
    for (const redirectTo of ["/\t/evil.example", "/\r\nLocation: https://evil.example", "/a\u0000"]) {
      const res = await callAction(loginAction, "/login", { form: { intent: "code", email: uniqueEmail(), redirectTo } });
      expect(res.status).toBe(400);
    }
    expect((await callLoader(loginLoader, "/login?redirectTo=%2Fme%2Fevents")).data.redirectTo).toBe("/me/events");
  });

  test("an invalid address gets a field message and keeps the input", async () => {
    const res = await callAction(loginAction, "/login", { form: { intent: "code", email: "not-an-email" } });
    expect(res.status).toBe(400);
    expect(res.data.result.error.email).toEqual(["Enter a valid email address, like name@example.com"]);
    expect(res.data.result.initialValue.email).toBe("not-an-email");
  });

  test("limits sign-in emails per address", async () => {
    const email = uniqueEmail();
    for (let i = 0; i < 5; i++) expect((await requestCode(email, {}, `198.51.100.${i}`)).res.status).toBe(302);
    const sixth = await callAction(loginAction, "/login", { form: { intent: "code", email }, headers: { "x-kindred-client-ip": "198.51.100.99" } });
    expect(sixth.status).toBe(429);
    expect(sixth.data.result.error.email[0]).toMatch(/Too many sign-in requests. Please try again in \d+ minutes/);
    expect(await db.outboxMessage.count({ where: { to: email } })).toBe(5);
  });

  test("limits sign-in emails per client address", async () => {
    for (let i = 0; i < 30; i++) await requestCode(uniqueEmail(), {}, "192.0.2.50");
    const res = await callAction(loginAction, "/login", { form: { intent: "code", email: uniqueEmail() }, headers: { "x-kindred-client-ip": "192.0.2.50" } });
    expect(res.status).toBe(429);
  });

  test("code guesses for one address are limited across every client address", async () => {
    const email = uniqueEmail("target");
    let guesses = 0;
    let last = await requestCode(email);
    // Ten wrong guesses from ten client addresses, over fresh codes (each code allows five).
    for (let i = 0; i < 10; i++) {
      if (i === 4 || i === 8) last = await requestCode(email);
      const wrong = String((Number(last.code) + 1) % 1_000_000).padStart(6, "0");
      const res = await callAction(verifyAction, "/auth/verify", { cookie: last.loginCookie, form: { intent: "code", code: wrong }, headers: { "x-kindred-client-ip": `198.51.100.${i + 1}` } });
      expect(res.status).toBe(400);
      guesses++;
    }
    expect(guesses).toBe(10);
    // The eleventh, from yet another address, is refused even with the right code.
    const blocked = await callAction(verifyAction, "/auth/verify", { cookie: last.loginCookie, form: { intent: "code", code: last.code! }, headers: { "x-kindred-client-ip": "198.51.100.99" } });
    expect(blocked.status).toBe(429);
    expect(blocked.data.result.error.code[0]).toMatch(/Too many attempts/);
    expect(await db.session.count({ where: { user: { email } } })).toBe(0);
  });

  test("a filled honeypot sends nothing but looks the same to the bot", async () => {
    const email = uniqueEmail();
    const res = await callAction(loginAction, "/login", { form: { intent: "code", email, website: "http://spam.example" } });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/auth/verify");
    expect(await db.outboxMessage.count({ where: { to: email } })).toBe(0);
  });

  test("stores codes and link tokens only as hashes", async () => {
    const email = uniqueEmail();
    const { code, token } = await requestCode(email);
    const row = await db.loginToken.findFirstOrThrow({ where: { email } });
    expect(row.codeHash).not.toContain(code!);
    expect(row.linkHash).not.toBe(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(15 * 60 * 1000);
  });
});

describe("where sign-in lands", () => {
  test("a staff member of one brand who is nobody's ambassador lands on the brand; a return address still wins", async () => {
    const staff = await createUser(db);
    const brand = await createBrand(db, { ownerId: staff.id });
    const first = await requestCode(staff.email);
    const landed = await callAction(verifyAction, "/auth/verify", { cookie: first.loginCookie, form: { intent: "code", code: first.code! } });
    expect(landed.location).toBe(`/b/${brand.slug}`);
    const second = await requestCode(staff.email, { redirectTo: "/account" });
    const back = await callAction(verifyAction, "/auth/verify", { cookie: second.loginCookie, form: { intent: "code", code: second.code! } });
    expect(back.location).toBe("/account");
  });

  test("someone who is also an ambassador, or staff of two brands, lands on the home page", async () => {
    const staff = await createUser(db);
    await createBrand(db, { ownerId: staff.id });
    await createBrand(db, { ownerId: staff.id });
    const { code, loginCookie } = await requestCode(staff.email);
    expect((await callAction(verifyAction, "/auth/verify", { cookie: loginCookie, form: { intent: "code", code: code! } })).location).toBe("/home");
  });
});
