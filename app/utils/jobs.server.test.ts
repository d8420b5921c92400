import { describe, expect, test } from "vitest";
import { db } from "./db.server";
import { backoffMs, enqueueJob, registerJobHandler, runDueJobs } from "./jobs.server";

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
});
