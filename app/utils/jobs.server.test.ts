import { describe, expect, test } from "vitest";
import { db } from "./db.server";
import { LEASE_MS, backoffMs, cleanUp, enqueueJob, registerJobHandler, runDueJobs } from "./jobs.server";

describe("job runner", () => {
  test("runs due jobs with their payload and marks them done", async () => {
    const seen: unknown[] = [];
    registerJobHandler("test.collect", async (payload) => void seen.push(payload));
    const { id } = await enqueueJob("test.collect", { n: 1 });
    await enqueueJob("test.collect", { n: 2 }, { runAt: new Date(Date.now() + 3_600_000) });
    expect(await runDueJobs()).toBe(1);
    expect(seen).toEqual([{ n: 1 }]);
    expect((await db.job.findUniqueOrThrow({ where: { id } })).status).toBe("done");
  });

  test("a dedupe key schedules a job only once", async () => {
    await enqueueJob("test.noop", {}, { dedupeKey: "reminder:1" });
    await enqueueJob("test.noop", {}, { dedupeKey: "reminder:1" });
    expect(await db.job.count({ where: { dedupeKey: "reminder:1" } })).toBe(1);
  });

  test("retries with growing delays, then gives up", async () => {
    let calls = 0;
    registerJobHandler("test.flaky", async () => {
      calls++;
      throw new Error("boom");
    });
    const { id } = await enqueueJob("test.flaky", {}, { maxAttempts: 3 });
    const far = (ms: number) => new Date(Date.now() + ms);
    await runDueJobs();
    let job = await db.job.findUniqueOrThrow({ where: { id } });
    expect(job).toMatchObject({ status: "pending", attempts: 1, lastError: "boom" });
    expect(job.runAt.getTime() - Date.now()).toBeGreaterThan(25_000);
    await runDueJobs({ now: far(10 * 60_000) });
    await runDueJobs({ now: far(60 * 60_000) });
    job = await db.job.findUniqueOrThrow({ where: { id } });
    expect(job).toMatchObject({ status: "failed", attempts: 3 });
    expect(calls).toBe(3);
    expect([1, 2, 3, 20].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 3_600_000]);
  });

  test("two runners never run the same job twice", async () => {
    let calls = 0;
    registerJobHandler("test.once", async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
    });
    for (let i = 0; i < 5; i++) await enqueueJob("test.once", { i });
    await Promise.all([runDueJobs(), runDueJobs(), runDueJobs()]);
    expect(calls).toBe(5);
    expect(await db.job.count({ where: { type: "test.once", status: "done" } })).toBe(5);
  });

  test("a job left running by a crashed process is picked up again", async () => {
    let calls = 0;
    registerJobHandler("test.crashed", async () => void calls++);
    const { id } = await enqueueJob("test.crashed", {});
    await db.job.update({ where: { id }, data: { status: "running", lockedAt: new Date(Date.now() - 11 * 60_000), attempts: 1 } });
    await runDueJobs();
    expect(calls).toBe(1);
    expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "done", attempts: 2 });
  });

  test("an unknown job type fails with a clear error", async () => {
    const { id } = await enqueueJob("test.unknown", {}, { maxAttempts: 1 });
    await runDueJobs();
    expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed", lastError: 'No handler registered for job type "test.unknown"' });
  });

  test("a crashed run is taken over once its lease lapses, not before", async () => {
    let calls = 0;
    registerJobHandler("test.lease", async () => void calls++);
    const { id } = await enqueueJob("test.lease", {});
    await db.job.update({ where: { id }, data: { status: "running", lockedBy: "dead-process", lockedAt: new Date(Date.now() - LEASE_MS + 5_000), attempts: 1 } });
    await runDueJobs();
    expect(calls).toBe(0);
    await runDueJobs({ now: new Date(Date.now() + 6_000) });
    expect(calls).toBe(1);
    expect(LEASE_MS).toBeLessThanOrEqual(30_000);
  });

  test("a runner that lost its lease does not overwrite the run that took over", async () => {
    let release!: () => void;
    registerJobHandler("test.slow", () => new Promise<void>((r) => (release = r)));
    const { id } = await enqueueJob("test.slow", {}, { maxAttempts: 1 });
    const first = runDueJobs();
    await new Promise((r) => setTimeout(r, 20));
    // Another process took the job over (as after a lapsed lease) and finished it.
    await db.job.update({ where: { id }, data: { lockedBy: "someone-else", status: "done" } });
    release();
    await first;
    expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "done", lockedBy: "someone-else" });
  });

  test("a job enqueued in a transaction that rolls back is not kept", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueJob("test.noop", { x: 1 }, { tx, dedupeKey: "tx-job" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.job.count({ where: { dedupeKey: "tx-job" } })).toBe(0);
  });

  test("the cleanup removes old finished jobs, expired sessions and used or expired codes", async () => {
    const user = await db.user.create({ data: { email: `clean-${Date.now()}@example.com` } });
    const old = new Date(Date.now() - 30 * 86_400_000);
    const done = await enqueueJob("test.noop", {});
    await db.job.update({ where: { id: done.id }, data: { status: "done" } });
    await db.job.updateMany({ where: { id: done.id }, data: { updatedAt: old } });
    const pending = await enqueueJob("test.noop", {}, { runAt: old });
    await db.session.create({ data: { id: `expired-${user.id}`, userId: user.id, expiresAt: old } });
    await db.session.create({ data: { id: `live-${user.id}`, userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) } });
    await db.loginToken.create({ data: { email: user.email, codeHash: "c1", linkHash: `l1-${user.id}`, expiresAt: old } });
    const result = await cleanUp();
    expect(result.jobs).toBeGreaterThanOrEqual(1);
    expect(await db.job.findUnique({ where: { id: done.id } })).toBeNull();
    expect(await db.job.findUnique({ where: { id: pending.id } })).not.toBeNull();
    expect(await db.session.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual([{ id: `live-${user.id}` }]);
    expect(await db.loginToken.count({ where: { email: user.email } })).toBe(0);
  });
});
