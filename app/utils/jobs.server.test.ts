import { describe, expect, test } from "vitest";
import { z } from "zod";
import { db } from "./db.server";
import { LEASE_MS, backoffMs, cleanUp, defineJob, runDueJobs } from "./jobs.server";

const noop = defineJob("test.noop", z.object({ x: z.number().optional() }), async () => {});
const counted = (name: string, handler: () => Promise<void>) => defineJob(name, z.object({ i: z.number().optional() }), handler);

describe("job runner", () => {
  test("runs due jobs with their payload as the schema parsed it, and marks them done", async () => {
    const seen: unknown[] = [];
    const collect = defineJob("test.collect", z.object({ n: z.number(), label: z.string().default("none") }), async (payload) => void seen.push(payload));
    const { id } = await collect.enqueue({ n: 1 });
    await collect.enqueue({ n: 2 }, { runAt: new Date(Date.now() + 3_600_000) });
    expect(await runDueJobs()).toBe(1);
    expect(seen).toEqual([{ n: 1, label: "none" }]);
    expect((await db.job.findUniqueOrThrow({ where: { id } })).status).toBe("done");
  });

  test("a payload that does not fit the schema is refused when queued, and nothing is kept", async () => {
    const typed = defineJob("test.typed", z.object({ eventId: z.string() }), async () => {});
    // @ts-expect-error the payload's type comes from the schema
    await expect(typed.enqueue({ eventId: 42 })).rejects.toThrow(/The job "test.typed" was given a payload that does not fit its schema:[\s\S]*eventId/);
    await expect(
      db.$transaction(async (tx) => {
        await tx.user.create({ data: { email: "typed-job@example.com" } });
        // @ts-expect-error a required field is missing
        await typed.enqueue({}, { tx });
      }),
    ).rejects.toThrow("does not fit");
    expect(await db.job.count({ where: { type: "test.typed" } })).toBe(0);
    expect(await db.user.count({ where: { email: "typed-job@example.com" } })).toBe(0);
  });

  test("a stored payload that no longer fits fails at once with the schema's reason, without retries", async () => {
    let calls = 0;
    defineJob("test.strict", z.object({ rsvpId: z.string() }), async () => void calls++);
    // A row queued by an older version whose payload had another shape.
    const { id } = await db.job.create({ data: { type: "test.strict", payload: JSON.stringify({ rsvp: "r1" }), maxAttempts: 5 } });
    await runDueJobs();
    expect(calls).toBe(0);
    const job = await db.job.findUniqueOrThrow({ where: { id } });
    expect(job).toMatchObject({ status: "failed", attempts: 1 });
    expect(job.lastError).toMatch(/^The payload does not fit the job "test.strict": rsvpId: /);
  });

  test("a dedupe key schedules a job only once", async () => {
    await noop.enqueue({}, { dedupeKey: "reminder:1" });
    await noop.enqueue({}, { dedupeKey: "reminder:1" });
    expect(await db.job.count({ where: { dedupeKey: "reminder:1" } })).toBe(1);
  });

  test("retries with growing delays, then gives up", async () => {
    let calls = 0;
    const flaky = counted("test.flaky", async () => {
      calls++;
      throw new Error("boom");
    });
    const { id } = await flaky.enqueue({}, { maxAttempts: 3 });
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
    const once = counted("test.once", async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
    });
    for (let i = 0; i < 5; i++) await once.enqueue({ i });
    await Promise.all([runDueJobs(), runDueJobs(), runDueJobs()]);
    expect(calls).toBe(5);
    expect(await db.job.count({ where: { type: "test.once", status: "done" } })).toBe(5);
  });

  test("a job left running by a crashed process is picked up again", async () => {
    let calls = 0;
    const crashed = counted("test.crashed", async () => void calls++);
    const { id } = await crashed.enqueue({});
    await db.job.update({ where: { id }, data: { status: "running", lockedAt: new Date(Date.now() - 11 * 60_000), attempts: 1 } });
    await runDueJobs();
    expect(calls).toBe(1);
    expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "done", attempts: 2 });
  });

  test("a row for a job that is not defined fails at once with a clear error", async () => {
    const { id } = await db.job.create({ data: { type: "test.unknown", payload: "{}", maxAttempts: 5 } });
    await runDueJobs();
    expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed", attempts: 1, lastError: 'No job is defined with the name "test.unknown"' });
  });

  test("a crashed run is taken over once its lease lapses, not before", async () => {
    let calls = 0;
    const lease = counted("test.lease", async () => void calls++);
    const { id } = await lease.enqueue({});
    await db.job.update({ where: { id }, data: { status: "running", lockedBy: "dead-process", lockedAt: new Date(Date.now() - LEASE_MS + 5_000), attempts: 1 } });
    await runDueJobs();
    expect(calls).toBe(0);
    await runDueJobs({ now: new Date(Date.now() + 6_000) });
    expect(calls).toBe(1);
    expect(LEASE_MS).toBeLessThanOrEqual(30_000);
  });

  test("a runner that lost its lease does not overwrite the run that took over", async () => {
    let release: (() => void) | undefined;
    const slow = counted("test.slow", () => new Promise<void>((r) => (release = r)));
    const { id } = await slow.enqueue({}, { maxAttempts: 1 });
    const first = runDueJobs();
    // Wait until the job is running (a fixed 20 ms was too short on a loaded machine).
    while (!release) await new Promise((r) => setTimeout(r, 5));
    // Another process took the job over (as after a lapsed lease) and finished it.
    await db.job.update({ where: { id }, data: { lockedBy: "someone-else", status: "done" } });
    release!();
    await first;
    expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "done", lockedBy: "someone-else" });
  });

  test("a job enqueued in a transaction that rolls back is not kept", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await noop.enqueue({ x: 1 }, { tx, dedupeKey: "tx-job" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.job.count({ where: { dedupeKey: "tx-job" } })).toBe(0);
  });

  test("the cleanup removes old finished jobs, expired sessions and used or expired codes", async () => {
    const user = await db.user.create({ data: { email: `clean-${Date.now()}@example.com` } });
    const old = new Date(Date.now() - 30 * 86_400_000);
    const done = await noop.enqueue({});
    await db.job.update({ where: { id: done.id }, data: { status: "done" } });
    await db.job.updateMany({ where: { id: done.id }, data: { updatedAt: old } });
    const pending = await noop.enqueue({}, { runAt: old });
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
