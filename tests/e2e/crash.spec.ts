// Crash recovery of the real server: kill -9 at chosen points, start again, and count what happened.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { cookieFor, fakeResend, freshInstance, startKindred, stopAllKindred, waitFor } from "../support/kindred-server";

test.describe.configure({ mode: "serial" });

test.afterEach(stopAllKindred);

test("an import killed half-way resumes within 30 s and ends with exact counts, rejected rows and invitations", async () => {
  test.setTimeout(240_000);
  const instance = freshInstance("import");
  const { db } = instance;
  const owner = await db.user.create({ data: { email: "owner@crash.example" } });
  const brand = await db.brand.create({ data: { name: "Crash Bakery", slug: "crash", memberships: { create: { userId: owner.id, role: "owner" } } } });
  // 500 fans already in the program, whose rows in the file are duplicates.
  await db.ambassador.createMany({ data: Array.from({ length: 500 }, (_, i) => ({ brandId: brand.id, email: `fan${i * 100}@example.com`, name: `Fan ${i}`, status: "active" })) });
  const rows = ["email,name,city"];
  for (let i = 0; i < 50_000; i++) rows.push(i % 100 === 50 ? `broken-${i},Broken,Nowhere` : `fan${i}@example.com,Fan ${i},Toronto`);
  mkdirSync(path.join(instance.uploads, "imports"), { recursive: true });
  const file = path.join(instance.uploads, "imports", "fans.csv");
  writeFileSync(file, rows.join("\n") + "\n");
  const job = await db.importJob.create({
    data: { brandId: brand.id, createdById: owner.id, fileName: "fans.csv", filePath: file, headers: JSON.stringify(["email", "name", "city"]), mapping: JSON.stringify({ 0: "email", 1: "name", 2: "city" }), sendInvites: true, status: "queued" },
  });
  await db.job.create({ data: { type: "import.run", payload: JSON.stringify({ importId: job.id }), dedupeKey: `import:${job.id}:start` } });

  const first = await startKindred(instance, 3201);
  const atKill = await waitFor("the import to be part-way", async () => {
    const j = await db.importJob.findUniqueOrThrow({ where: { id: job.id } });
    return j.processedRows >= 10_000 && j.processedRows;
  });
  await first.crash();
  const afterKill = await db.importJob.findUniqueOrThrow({ where: { id: job.id } });
  expect(afterKill.status).toBe("running");
  expect(afterKill.processedRows).toBeLessThan(50_000);
  // What was committed is consistent: as many fans and invitations as the counts say.
  expect(await db.ambassador.count({ where: { brandId: brand.id, source: "import" } })).toBe(afterKill.importedRows);
  expect(await db.fanInvite.count({ where: { brandId: brand.id } })).toBe(afterKill.importedRows);

  const restarted = Date.now();
  const second = await startKindred(instance, 3201);
  const resumedAfter = await waitFor("the import to resume", async () => {
    const j = await db.importJob.findUniqueOrThrow({ where: { id: job.id } });
    return j.processedRows > afterKill.processedRows && Date.now() - restarted;
  });
  expect(resumedAfter).toBeLessThan(30_000);
  const done = await waitFor("the import to finish", async () => {
    const j = await db.importJob.findUniqueOrThrow({ where: { id: job.id } });
    return j.status === "done" && j;
  }, 180_000, 250);
  await second.stop();

  expect(done).toMatchObject({ totalRows: 50_000, processedRows: 50_000, importedRows: 49_000, duplicateRows: 500, rejectedRows: 500 });
  // Each refused row and each duplicate is listed once, none twice after the restart.
  expect(await db.importReject.count({ where: { importId: job.id, kind: "rejected" } })).toBe(500);
  expect(await db.importReject.count({ where: { importId: job.id, kind: "duplicate" } })).toBe(500);
  const lines = await db.importReject.findMany({ where: { importId: job.id, kind: "rejected" }, select: { line: true } });
  expect(new Set(lines.map((l) => l.line)).size).toBe(500);
  expect(lines.map((l) => l.line).sort((a, b) => a - b).slice(0, 2)).toEqual([52, 152]);
  const duplicates = await db.importReject.findMany({ where: { importId: job.id, kind: "duplicate" }, select: { line: true } });
  expect(new Set(duplicates.map((l) => l.line)).size).toBe(500);
  expect(await db.ambassador.count({ where: { brandId: brand.id } })).toBe(49_500);
  expect(await db.fanInvite.count({ where: { brandId: brand.id } })).toBe(49_000);
  expect(await db.job.count({ where: { type: "fan-invite.send" } })).toBe(49_000);
  console.log(`import: killed at ${atKill.toLocaleString("en")} rows, resumed ${(resumedAfter / 1000).toFixed(1)} s after the restart`);
  await db.$disconnect();
  rmSync(instance.dir, { recursive: true, force: true });
});

test("a scoop fan-out killed mid-way emails each of 600 fans exactly once (the fault benchmark does 3,000)", async () => {
  test.setTimeout(240_000);
  const instance = freshInstance("fanout");
  const { db } = instance;
  const resend = await fakeResend(3301);
  const owner = await db.user.create({ data: { email: "owner@fanout.example" } });
  const brand = await db.brand.create({ data: { name: "Fan-out Bakery", slug: "fanout", memberships: { create: { userId: owner.id, role: "owner" } } } });
  const fans = Array.from({ length: 600 }, (_, i) => `reader${i}@example.com`);
  await db.ambassador.createMany({ data: fans.map((email, i) => ({ brandId: brand.id, email, name: `Reader ${i}`, status: "active", emailOptIn: true })) });
  const scoop = await db.scoop.create({ data: { brandId: brand.id, title: "New rye", body: "Soon.", publishAt: new Date(Date.now() - 1000), audienceKind: "all" } });
  await db.job.create({ data: { type: "scoop.notify", payload: JSON.stringify({ scoopId: scoop.id, kind: "published" }), dedupeKey: `scoop:${scoop.id}:published:test` } });
  const env = { RESEND_API_KEY: "re_crash_test", RESEND_BASE_URL: resend.url };

  const first = await startKindred(instance, 3202, env);
  await waitFor("a third of the emails", async () => resend.calls.length >= 200);
  await first.crash();
  const second = await startKindred(instance, 3202, env);
  await waitFor("the fan-out to finish", async () => !!(await db.scoop.findUniqueOrThrow({ where: { id: scoop.id } })).notifiedAt, 180_000, 250);
  await waitFor("every email to be delivered", async () => (await db.outboxMessage.count({ where: { template: "scoop", status: { not: "sent" } } })) === 0, 120_000, 250);
  await second.stop();
  await resend.close();

  const perFan = new Map<string, number>();
  for (const c of resend.calls) perFan.set(c.to, (perFan.get(c.to) ?? 0) + 1);
  const duplicates = [...perFan.values()].filter((n) => n > 1).length;
  const missed = fans.filter((f) => !perFan.has(f)).length;
  console.log(`fan-out: ${resend.calls.length} deliveries to ${perFan.size} fans, duplicates ${duplicates}, missed ${missed}`);
  expect(duplicates).toBe(0);
  expect(missed).toBe(0);
  expect(await db.outboxMessage.count({ where: { template: "scoop" } })).toBe(600);
  expect(await db.scoopRead.count({ where: { scoopId: scoop.id, notifiedAt: { not: null } } })).toBe(600);
  await db.$disconnect();
  rmSync(instance.dir, { recursive: true, force: true });
});

test("a change and the job it causes survive a kill together: an invitation killed right after it was made is still sent", async () => {
  test.setTimeout(120_000);
  const instance = freshInstance("commit-job");
  const { db } = instance;
  const resend = await fakeResend(3302);
  const manager = await db.user.create({ data: { email: "manager@commit.example", name: "Mia" } });
  const brand = await db.brand.create({ data: { name: "Commit Bakery", slug: "commit", memberships: { create: { userId: manager.id, role: "manager" } } } });
  const env = { RESEND_API_KEY: "re_crash_test", RESEND_BASE_URL: resend.url };
  // The job runner of the first server is off: the invitation is committed, its email not yet sent.
  const first = await startKindred(instance, 3203, { ...env, JOBS_ENABLED: "false" });
  const res = await fetch(`${first.url}/b/${brand.slug}/invitations`, {
    method: "POST",
    body: new URLSearchParams({ intent: "invite", emails: "new-fan@example.com", note: "" }),
    headers: { Cookie: await cookieFor(db, manager.id), Origin: first.url },
    redirect: "manual",
  });
  expect(res.status).toBe(302);
  await first.crash();
  expect(await db.fanInvite.count({ where: { brandId: brand.id } })).toBe(1);
  expect(await db.job.count({ where: { type: "fan-invite.send", status: "pending" } })).toBe(1);
  const second = await startKindred(instance, 3203, env);
  await waitFor("the invitation email", async () => resend.calls.some((c) => c.to === "new-fan@example.com"), 30_000);
  await second.stop();
  await resend.close();
  expect(resend.calls.filter((c) => c.to === "new-fan@example.com")).toHaveLength(1);
  await db.$disconnect();
  rmSync(instance.dir, { recursive: true, force: true });
});
