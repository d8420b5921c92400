import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, loginAs, readLatestEmail, test, uniqueEmail } from "./fixtures";
import { E2E_DATABASE_URL, E2E_SESSION_SECRET, e2eServerEnv } from "./env";

test("a manager who invites another brand's owner as a fan cannot read the link, and the link does not sign anyone in", async ({ page, browser, db }) => {
  test.slow();
  const manager = await db.user.create({ data: { email: uniqueEmail("mgr") } });
  const victim = await db.user.create({ data: { email: uniqueEmail("owner-of-brand-b"), name: "Bea Owner" } });
  const slugA = `atk-a-${Date.now().toString(36)}`;
  const slugB = `atk-b-${Date.now().toString(36)}`;
  await db.brand.create({ data: { name: "Attack Bakery", slug: slugA, memberships: { create: { userId: manager.id, role: "manager" } } } });
  await db.brand.create({ data: { name: "Victim Bakery", slug: slugB, memberships: { create: { userId: victim.id, role: "owner" } } } });

  // The manager invites the other brand's owner and opens the invitation in the brand's outbox.
  await loginAs(page, manager.email);
  await page.goto(`/b/${slugA}/invitations`);
  await page.getByLabel("Who to invite").fill(victim.email);
  await page.getByRole("button", { name: "Send invitations" }).click();
  await expect(page.getByTestId("toast")).toContainText("1 invitation is on the way");
  await expect(async () => {
    await page.goto(`/b/${slugA}/outbox`);
    await page.getByRole("link", { name: /would love you in its ambassador program/ }).first().click({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("secrets-hidden")).toBeVisible();
  await page.getByText("Plain-text version").click();
  const staffCopy = (await page.getByTestId("email-text").textContent()) ?? "";
  expect(staffCopy).toContain("/invite/••••••");
  expect(staffCopy).not.toMatch(/\/invite\/[A-Za-z0-9_-]{20,}/);

  // Whoever holds the real link (here read from the demo's all-mail outbox) joins the program but is not signed in.
  const other = await browser.newContext();
  const visitor = await other.newPage();
  const link = (await readLatestEmail(visitor, victim.email)).match(/http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]+/)![0];
  await visitor.goto(link);
  await visitor.getByLabel(/I accept Attack Bakery's program terms/).check();
  await visitor.getByRole("button", { name: "Join Attack Bakery" }).click();
  await expect(visitor.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(visitor.getByTestId("toast")).toContainText("sign in with the code we just emailed you");
  expect((await other.cookies()).some((c) => c.name === "kindred_session")).toBe(false);
  const settings = await visitor.goto(`/b/${slugB}/settings`);
  await expect(visitor).toHaveURL(/\/login/);
  expect(settings?.status()).toBe(200);
  expect(await db.session.count({ where: { userId: victim.id } })).toBe(0);
  await other.close();
});

test("private pages, their data and files are never stored by the browser or a proxy", async ({ page, db }) => {
  const owner = await db.user.create({ data: { email: uniqueEmail("cache") } });
  const slug = `cache-${Date.now().toString(36)}`;
  const brand = await db.brand.create({ data: { name: "Cache Bakery", slug, memberships: { create: { userId: owner.id, role: "owner" } } } });
  await loginAs(page, owner.email);
  const doc = await page.request.get(`/b/${slug}`);
  expect(doc.status()).toBe(200);
  expect(doc.headers()["cache-control"]).toBe("private, no-store");
  const data = await page.request.get(`/b/${slug}.data`);
  expect(data.status()).toBe(200);
  expect(data.headers()["cache-control"]).toBe("private, no-store");
  const csv = await page.request.get(`/b/${slug}/ambassadors.csv`);
  expect(csv.headers()["cache-control"]).toBe("private, no-store");

  const dir = path.join(e2eServerEnv.UPLOAD_DIR, "brands", brand.id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "note.pdf"), "%PDF-1.4 test");
  const upload = await db.upload.create({ data: { brandId: brand.id, kind: "file", fileName: "note.pdf", storedAs: "note.pdf", mimeType: "application/pdf", size: 13 } });
  const file = await page.request.get(`/files/${upload.id}`);
  expect(file.status()).toBe(200);
  expect(file.headers()["cache-control"]).toBe("private, no-cache");
  const etag = file.headers()["etag"];
  const revalidated = await page.request.get(`/files/${upload.id}`, { headers: { "If-None-Match": etag } });
  expect(revalidated.status()).toBe(304);
});

test("the production build started without NODE_ENV keeps developer tools off and cookies secure", async () => {
  const port = 3102;
  const base = `http://localhost:${port}`;
  const server = spawn(process.execPath, ["build/server/start.js"], {
    env: {
      PATH: process.env.PATH ?? "",
      DATABASE_URL: E2E_DATABASE_URL,
      SESSION_SECRET: E2E_SESSION_SECRET,
      APP_URL: base,
      PORT: String(port),
      DEMO_MODE: "false",
      JOBS_ENABLED: "false",
      UPLOAD_DIR: e2eServerEnv.UPLOAD_DIR,
    } as unknown as NodeJS.ProcessEnv,
    stdio: "ignore",
  });
  try {
    await expect(async () => {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    }).toPass({ timeout: 20_000 });
    expect((await fetch(`${base}/dev/outbox`)).status).toBe(404);
    expect((await fetch(`${base}/dev/outbox/anything`)).status).toBe(404);
    const login = await fetch(`${base}/login`, {
      method: "POST",
      body: new URLSearchParams({ intent: "code", email: uniqueEmail("prod") }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
      redirect: "manual",
    });
    expect(login.status).toBe(302);
    const cookies = login.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure/i);
    // A form posted from another site is refused with a reason (not a 500), before any action runs.
    const foreign = await fetch(`${base}/login`, { method: "POST", body: new URLSearchParams({ email: uniqueEmail("csrf") }), headers: { Origin: "https://evil.example" }, redirect: "manual" });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toBe("This form was sent from another site (evil.example), so it was not accepted.");
    // Bodies that are not forms are a 415 with a reason.
    const json = await fetch(`${base}/login`, { method: "POST", body: '{"email":"a@example.com"}', headers: { "Content-Type": "application/json" }, redirect: "manual" });
    expect(json.status).toBe(415);
  } finally {
    server.kill("SIGTERM");
  }
});
