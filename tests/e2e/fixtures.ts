// Playwright fixtures: direct database access (the same SQLite file the server uses) and `login(email)`,
// which creates a session the way the app does and hands the browser its signed cookie.
import { test as base, expect, type Page } from "@playwright/test";
import { createCookie } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { createPrisma, type DB } from "#app/utils/db.server";
import { E2E_DATABASE_URL, E2E_SESSION_SECRET, E2E_URL } from "./env";

const db = createPrisma(E2E_DATABASE_URL);
const sessionCookie = createCookie("kindred_session", { secrets: [E2E_SESSION_SECRET], httpOnly: true, sameSite: "lax", path: "/" });

export async function loginAs(page: Page, email: string, name?: string) {
  const user = await db.user.upsert({ where: { email }, create: { email, name: name ?? null }, update: {} });
  const id = randomBytes(32).toString("base64url");
  await db.session.create({ data: { id, userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) } });
  const value = (await sessionCookie.serialize(id)).split(";")[0].split("=").slice(1).join("=");
  await page.context().addCookies([{ name: "kindred_session", value, url: E2E_URL, httpOnly: true, sameSite: "Lax" }]);
  return user;
}

let n = 0;
export function uniqueEmail(prefix: string) {
  return `${prefix}.${Date.now().toString(36)}${++n}${randomBytes(2).toString("hex")}@example.com`;
}

/**
 * Reads the newest email to an address from the developer outbox, as a person would. Some mail is sent by the
 * background job runner, so the outbox is reloaded until the message arrives.
 */
export async function readLatestEmail(page: Page, to: string) {
  await expect(async () => {
    await page.goto(`/dev/outbox?to=${encodeURIComponent(to)}`);
    await expect(page.getByTestId("outbox-row").first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.getByTestId("outbox-row").first().getByRole("link").click();
  await page.getByText("Plain-text version").click();
  return (await page.getByTestId("email-text").textContent()) ?? "";
}

/** Watches a page: any console error, uncaught page error or React hydration warning is recorded. */
export function watch(page: Page, problems: string[]) {
  page.on("console", (message) => {
    const text = message.text();
    // The browser's own note on a 4xx a test asked for (a page it may not see) is not the app's error.
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
    // The outbox shows email HTML in a sandboxed frame on purpose: Chrome noting that the sandbox held is not an error.
    if (/^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/.test(text)) return;
    if (message.type() === "error" || /hydrat/i.test(text)) problems.push(`console ${message.type()} on ${page.url()}: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
}

export const test = base.extend<{ db: DB; browserProblems: string[] }>({
  db: async ({}, use) => use(db),
  // Every browser journey fails on a console error, a page error or a hydration warning — in its own page and in
  // every page of the extra browser contexts it opens (a fan next to a manager).
  browserProblems: [
    async ({ context, browser }, use) => {
      const problems: string[] = [];
      context.on("page", (p) => watch(p, problems));
      for (const p of context.pages()) watch(p, problems);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<typeof browser.newContext>) => {
        const created = await newContext(...args);
        created.on("page", (p) => watch(p, problems));
        return created;
      };
      await use(problems);
      browser.newContext = newContext;
      expect(problems, "the browser reported errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
