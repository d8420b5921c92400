// Two app instances on one PostgreSQL database, as behind a load balancer: a scoop to 2,000 fans is emailed once
// per fan however the two instances' workers share the fan-out, and the sign-in limit counts attempts made on either.
// Runs in the PostgreSQL pass of `npm test` (E2E_DATABASE_URL=postgresql://…).
import { execFileSync } from "node:child_process";
import { test, expect } from "@playwright/test";
import { emptyPostgresDatabase } from "#tests/setup/postgres";
import { createPrisma } from "#app/utils/db.server";
import { fakeResend, startKindred, stopAllKindred, waitFor } from "#tests/support/kindred-server";
import { E2E_DATABASE_URL } from "./env";

const onPostgres = /^postgres(ql)?:\/\//.test(E2E_DATABASE_URL);
test.skip(!onPostgres, "needs PostgreSQL (the PostgreSQL pass of npm test)");
test.afterEach(() => stopAllKindred());

/** A migrated, empty database of its own on the test server. */
async function freshDatabase(name: string) {
  const url = await emptyPostgresDatabase(E2E_DATABASE_URL, name);
  execFileSync(process.execPath, ["scripts/migrate.mjs"], { stdio: "ignore", env: { ...process.env, DATABASE_URL: url } });
  return url;
}

test("two instances: a 2,000-fan scoop is emailed once per fan, and sign-in attempts count on both @postgres", async () => {
  test.setTimeout(300_000);
  const url = await freshDatabase("kindred_e2e_instances");
  const db = createPrisma(url);
  const resend = await fakeResend(3311);
  const owner = await db.user.create({ data: { email: "owner@instances.example" } });
  const brand = await db.brand.create({ data: { name: "Two Ovens", slug: "two-ovens", memberships: { create: { userId: owner.id, role: "owner" } } } });
  const fans = Array.from({ length: 2000 }, (_, i) => `fan${i}@instances.example`);
  await db.ambassador.createMany({ data: fans.map((email, i) => ({ brandId: brand.id, email, name: `Fan ${i}`, status: "active", emailOptIn: true })) });
  const uploads = "tmp/e2e/instances-uploads";
  const env = { RESEND_API_KEY: "re_instances_test", RESEND_BASE_URL: resend.url };
  const [a, b] = await Promise.all([startKindred({ url, uploads }, 3212, env), startKindred({ url, uploads }, 3213, env)]);

  // The scoop is committed with its fan-out job, as publishing does; both instances' queues compete for the work.
  const scoop = await db.scoop.create({ data: { brandId: brand.id, title: "Two ovens, one rye", body: "Soon.", publishAt: new Date(Date.now() - 1000), audienceKind: "all" } });
  await db.job.create({ data: { type: "scoop.notify", payload: JSON.stringify({ scoopId: scoop.id, kind: "published" }), dedupeKey: `scoop:${scoop.id}:published:instances` } });
  await waitFor("the fan-out to finish", async () => !!(await db.scoop.findUniqueOrThrow({ where: { id: scoop.id } })).notifiedAt, 240_000, 500);
  await waitFor("every email to be delivered", async () => (await db.outboxMessage.count({ where: { template: "scoop", status: { not: "sent" } } })) === 0, 240_000, 500);

  const outbox = await db.outboxMessage.groupBy({ by: ["to"], where: { template: "scoop" }, _count: { _all: true } });
  expect(outbox).toHaveLength(2000);
  expect(outbox.filter((o) => o._count._all !== 1)).toEqual([]);
  const perFan = new Map<string, number>();
  for (const c of resend.calls) perFan.set(c.to, (perFan.get(c.to) ?? 0) + 1);
  expect(perFan.size).toBe(2000);
  expect([...perFan.values()].filter((n) => n > 1)).toEqual([]);
  // Nothing failed or was left behind: the only jobs still waiting are tomorrow's daily jobs (one each, though both
  // instances scheduled them).
  const waiting = await db.job.groupBy({ by: ["type", "status"], where: { status: { not: "done" } }, _count: { _all: true } });
  expect(waiting.sort((a, b) => a.type.localeCompare(b.type))).toEqual([
    { type: "maintenance.cleanup", status: "pending", _count: { _all: 1 } },
    { type: "qualification.refresh", status: "pending", _count: { _all: 1 } },
  ]);

  // Sign-in emails to one address: 5 per 15 minutes, counted across instances — the sixth is refused whichever
  // instance gets it.
  const email = "someone@instances.example";
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const server = i % 2 ? b : a;
    const res = await fetch(`${server.url}/login`, { method: "POST", body: new URLSearchParams({ intent: "code", email }), headers: { Origin: server.url }, redirect: "manual" });
    statuses.push(res.status);
    if (i === 5) expect(await res.text()).toContain("Too many sign-in requests");
  }
  expect(statuses.slice(0, 5)).toEqual([302, 302, 302, 302, 302]);
  expect(statuses[5]).not.toBe(302);
  await a.stop();
  await b.stop();
  await resend.close();
  console.log(`two instances: ${resend.calls.length} deliveries to ${perFan.size} fans; sign-in answers ${statuses.join(", ")}`);
  await db.$disconnect();
});
