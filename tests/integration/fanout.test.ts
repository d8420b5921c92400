import { http, HttpResponse } from "msw";
import { createElement } from "react";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import "#app/jobs.server";
import ScoopEmail from "../../emails/scoop";
import EventEmail from "../../emails/event";
import { action as newScoopAction } from "#app/routes/b.$brand.scoops_.new/route";
import { db } from "#app/utils/db.server";
import { prepareEmail, prepareEmails } from "#app/utils/email.server";
import { resetEnvCache } from "#app/utils/env.server";
import { runDueJobs } from "#app/utils/jobs.server";
import { HIDDEN_SECRET } from "#app/utils/redaction";
import { callAction, callLoader, cookieFor } from "#tests/utils";
import { loader as outboxLoader } from "#app/routes/b.$brand.outbox/route";
import { addStaff, createBrand, createUser } from "#tests/factories";
import { server } from "#tests/mocks/server";

/** A stand-in for Resend's batch endpoint that keeps what it delivered and honours idempotency keys, as Resend does. */
function provider() {
  const delivered: { to: string; headers: Record<string, string>; key: string }[] = [];
  const calls: { key: string; size: number; answer: number; at: number }[] = [];
  const answered = new Map<string, { id: string }[]>();
  const script: ((n: number) => Response | null)[] = [];
  server.use(
    http.post("https://api.resend.com/emails/batch", async ({ request }) => {
      const key = request.headers.get("idempotency-key") ?? "";
      const body = (await request.json()) as { to: string; headers?: Record<string, string> }[];
      const scripted = script.shift()?.(calls.length);
      if (scripted && scripted.status === 429) {
        calls.push({ key, size: body.length, answer: 429, at: Date.now() });
        return scripted;
      }
      // A key seen before gets the first answer again and delivers nothing more.
      let data = answered.get(key);
      if (!data) {
        data = body.map((_, i) => ({ id: `re_${calls.length}_${i}` }));
        answered.set(key, data);
        for (const m of body) delivered.push({ to: m.to, headers: m.headers ?? {}, key });
      }
      calls.push({ key, size: body.length, answer: scripted?.status ?? 200, at: Date.now() });
      // A lost answer: the provider sent the batch, but the reply never arrived.
      return scripted ?? HttpResponse.json({ data });
    }),
  );
  return { delivered, calls, script };
}

const tooMany = (seconds: number) => () => HttpResponse.json({ name: "rate_limit_exceeded", message: "Too many requests", statusCode: 429 }, { status: 429, headers: { "retry-after": String(seconds) } });
const lostAnswer = () => () => HttpResponse.json({ name: "internal_server_error", message: "Something went wrong", statusCode: 500 }, { status: 500 });

beforeEach(async () => {
  // Each test starts with an empty queue (the file shares one database).
  await db.job.deleteMany({ where: { status: "pending" } });
  await db.rateLimit.deleteMany();
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_RATE_PER_SECOND = "2";
  resetEnvCache();
});
afterEach(() => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_RATE_PER_SECOND;
  resetEnvCache();
});

async function scoopTo(fans: number) {
  const owner = await createUser(db);
  const brand = await createBrand(db, { ownerId: owner.id, name: "Fanout Bakery" });
  const manager = await createUser(db);
  await addStaff(db, brand.id, manager.id, "manager");
  await db.ambassador.createMany({ data: Array.from({ length: fans }, (_, i) => ({ brandId: brand.id, email: `fan${i}@fanout.example`, name: `Fan ${i}`, status: "active" })) });
  const res = await callAction(newScoopAction, `/b/${brand.slug}/scoops/new`, {
    cookie: await cookieFor(manager.id),
    params: { brand: brand.slug },
    form: { intent: "save", title: "Rye week", body: "A new rye.", guidance: "", links: "", publishMode: "now", embargo: "", audienceKind: "all" },
  });
  expect(res.status).toBe(302);
  return { ...brand, managerId: manager.id };
}

/**
 * Runs the queue as the runner does, moving the jobs' clock forward half a second a round (real time passes too, a
 * little, for the provider's pause after a 429, which every instance reads from the shared store) until nothing is
 * left or `until` passes.
 */
async function drain(until = Date.now() + 60_000) {
  for (let now = Date.now(); now < until; now += 500) {
    await runDueJobs({ now: new Date(now), limit: 50 });
    if (!(await db.job.count({ where: { status: "pending", type: { in: ["email.batch", "scoop.notify"] } } }))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("fan-out mail through the provider's batch endpoint", () => {
  test("a scoop to 250 fans goes out in three calls of ≤100, once per fan, each fan's own unsubscribe link hidden from staff", async () => {
    const p = provider();
    const brand = await scoopTo(250);
    await drain();
    expect(p.calls.map((c) => c.size)).toEqual([100, 100, 50]);
    expect(new Set(p.calls.map((c) => c.key)).size).toBe(3);
    expect(p.delivered).toHaveLength(250);
    expect(new Set(p.delivered.map((d) => d.to)).size).toBe(250);
    const rows = await db.outboxMessage.findMany({ where: { brandId: brand.id, template: "scoop" } });
    expect(rows).toHaveLength(250);
    expect(rows.every((r) => r.status === "sent" && r.providerId?.startsWith("re_") && r.attempts === 1 && r.privateContent === null)).toBe(true);
    expect(new Set(rows.map((r) => r.batchKey)).size).toBe(3);
    // Each message keeps the provider's id for its own place in the batch (sent in id order), and when it went.
    for (const key of new Set(rows.map((r) => r.batchKey))) {
      const batch = rows.filter((r) => r.batchKey === key).sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(batch.map((r) => r.providerId!.split("_").at(-1))).toEqual(batch.map((_, i) => String(i)));
      expect(batch.every((r) => r.sentAt instanceof Date && r.error === null)).toBe(true);
    }
    // Each fan got a link of their own; the outbox copy hides it.
    const fan7 = p.delivered.find((d) => d.to === "fan7@fanout.example")!;
    const row7 = rows.find((r) => r.to === "fan7@fanout.example")!;
    expect(fan7.headers["List-Unsubscribe"]).toMatch(/\/unsubscribe\/[^.]+\.scoops\./);
    expect(JSON.parse(row7.headers)["List-Unsubscribe"]).toContain(HIDDEN_SECRET);
    expect(row7.text).toContain("Hi Fan 7,");
    expect(await db.job.count({ where: { type: "email.deliver" } })).toBe(0);
  });

  test("a 429 with Retry-After: every batch waits that long without spending a try, and nothing is sent twice or dropped", async () => {
    const p = provider();
    p.script.push(tooMany(2));
    const brand = await scoopTo(150);
    const start = Date.now();
    await runDueJobs({ now: new Date(start), limit: 50 }); // the scoop's audience: two batches queued
    await runDueJobs({ now: new Date(), limit: 50 }); // handed over: the first is told to wait
    const waiting = await db.job.findMany({ where: { type: "email.batch", status: "pending" }, orderBy: { runAt: "asc" } });
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    // The batch told to wait, and the one behind it (the pause is shared), come back after the Retry-After.
    expect(waiting).toHaveLength(2);
    expect(waiting[0].runAt.getTime()).toBeGreaterThanOrEqual(start + 1_500);
    expect(waiting.every((j) => j.attempts === 0)).toBe(true);
    const queued = await db.outboxMessage.findFirstOrThrow({ where: { brandId: brand.id, status: "queued", error: { not: null } } });
    expect(queued.error).toMatch(/asked to wait/);
    // The outbox says how many are still to go.
    const page = await callLoader(outboxLoader, `/b/${brand.slug}/outbox`, { cookie: await cookieFor(brand.managerId), params: { brand: brand.slug } });
    expect(page.data.progress).toMatchObject({ queued: 150, sentLastHour: 0, etaMinutes: 1 });
    await drain(start + 60_000);
    expect(p.calls.filter((c) => c.answer === 429)).toHaveLength(1);
    expect(p.delivered).toHaveLength(150);
    expect(new Set(p.delivered.map((d) => d.to)).size).toBe(150);
    expect(await db.outboxMessage.count({ where: { brandId: brand.id, status: "sent" } })).toBe(150);
  });

  test("a lost answer is retried with the same idempotency key: the provider sends the batch once", async () => {
    const p = provider();
    p.script.push(lostAnswer());
    const brand = await scoopTo(40);
    await runDueJobs({ limit: 50 });
    await runDueJobs({ limit: 50 });
    const failed = await db.outboxMessage.findFirstOrThrow({ where: { brandId: brand.id } });
    expect(failed.status).toBe("failed");
    // The retry comes after the backoff.
    await drain(Date.now() + 120_000);
    expect(p.calls).toHaveLength(2);
    expect(p.calls[0].key).toBe(p.calls[1].key);
    expect(p.delivered).toHaveLength(40);
    expect(await db.outboxMessage.count({ where: { brandId: brand.id, status: "sent" } })).toBe(40);
  });

  test("the configured rate is kept across batches: at 2 calls a second, five batches take at least two seconds", async () => {
    const p = provider();
    const brand = await scoopTo(500);
    // Queue every batch first (the notify jobs), then hand them over as the runner would, polling.
    for (let i = 0; i < 5; i++) await runDueJobs({ limit: 1 });
    const until = Date.now() + 15_000;
    while (p.delivered.length < 500 && Date.now() < until) {
      await runDueJobs({ now: new Date(Date.now() + 5_000), limit: 50 });
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(p.delivered).toHaveLength(500);
    expect(await db.outboxMessage.count({ where: { brandId: brand.id, status: "sent" } })).toBe(500);
    const at = p.calls.map((c) => c.at);
    expect(at).toHaveLength(5);
    // Windows of one second, two calls each: the fifth call is in the third window, two seconds after the first
    // window opened. The times are taken where the provider receives the calls, each some milliseconds after the
    // limiter counted it (the first call, the process's first request, the slowest), hence the margin.
    expect(at[4] - at[0]).toBeGreaterThanOrEqual(1_800);
  });
});

describe("one render for many recipients", () => {
  const brand = { name: "Juniper & Co", color: "#b45309" };
  const fans = ["Ana", `O'Brien <b>&</b> "Zoë"`, "Jean  Luc", "", "Noor Al-Sayed", "KINDREDMERGEfanNameX"];

  test("the merged scoop email is exactly what rendering it for each fan gives", async () => {
    const build = ({ fanName, email }: Record<string, string>) => ({
      to: email,
      subject: `New scoop for ${fanName}`,
      template: "scoop",
      react: ScoopEmail({ kind: "published", brand, fanName, title: "Rye <week>", url: "http://localhost/me/scoops/1", embargoUntil: null, disclosureText: "#gifted" }),
    });
    const merged = await prepareEmails(fans, (name) => ({ fanName: name, email: `${fans.indexOf(name)}@x.example` }), build);
    for (const [i, name] of fans.entries()) {
      const alone = await prepareEmail(build({ fanName: name, email: `${i}@x.example` }));
      expect(merged[i].full).toEqual(alone.full);
    }
  });

  test("a template that transforms a field is rendered per recipient instead, with the same result", async () => {
    // The event email upper-cases nothing of the name, so wrap it in a heading that the plain text upper-cases.
    const Shouting = ({ fanName }: { fanName: string }) => createElement("h1", null, `Hello ${fanName}`);
    const build = ({ fanName }: Record<string, string>) => ({ to: "a@x.example", subject: "s", template: "t", react: createElement(Shouting, { fanName }) });
    const merged = await prepareEmails(["Ana", "Bo"], (name) => ({ fanName: name }), build);
    expect(merged[1].full.text).toContain("HELLO BO");
    expect(merged[1].full).toEqual((await prepareEmail(build({ fanName: "Bo" }))).full);
    const event = await prepareEmails(["Ana"], (n) => ({ fanName: n }), ({ fanName }) => ({
      to: "a@x.example",
      subject: "s",
      template: "event",
      react: createElement(EventEmail, { kind: "announced", brand, fanName, title: "Rye night", when: "Mar 1", where: "Toronto", url: "http://localhost/e", plusOnes: 0, hasTicket: false, offerExpires: null, onlineUrl: null, disclosureText: "" }),
    }));
    expect(event[0].full.text).toContain("Ana");
  });
});
