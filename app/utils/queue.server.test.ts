// graphile-worker on PostgreSQL: jobs committed with their change reach the workers, each runs once however many
// instances' workers compete for it, and a rolled-back change queues nothing.
import { afterEach, describe, expect, test } from "vitest";
import { db, engine } from "./db.server";
import { z } from "zod";
import { defineJob } from "./jobs.server";
import { startQueue } from "./queue.server";

async function until(check: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const queues: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const q of queues.splice(0)) await q.stop();
});

describe.skipIf(engine !== "postgresql")("the PostgreSQL job queue", () => {
  test("a committed job runs at once; one rolled back with its change is never queued", async () => {
    const seen: number[] = [];
    const collect = defineJob("test.queue.collect", z.object({ n: z.number() }), async ({ n }) => void seen.push(n));
    queues.push(await startQueue());
    const { id } = await db.$transaction((tx) => collect.enqueue({ n: 1 }, { tx }));
    await expect(
      db.$transaction(async (tx) => {
        await collect.enqueue({ n: 2 }, { tx });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await until(async () => (await db.job.findUniqueOrThrow({ where: { id } })).status === "done");
    expect(seen).toEqual([1]);
    const queued = await db.$queryRaw<{ n: bigint }[]>`SELECT COUNT(*) AS n FROM graphile_worker.jobs WHERE task_identifier = 'kindred.job'`;
    expect(Number(queued[0].n)).toBe(0);
  });

  test("two instances' workers run each of 300 jobs exactly once", async () => {
    const runs = new Map<number, number>();
    defineJob("test.queue.count", z.object({ n: z.number() }), async ({ n }) => {
      runs.set(n, (runs.get(n) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 2));
    });
    queues.push(await startQueue(), await startQueue());
    await db.job.createMany({ data: Array.from({ length: 300 }, (_, n) => ({ type: "test.queue.count", payload: JSON.stringify({ n }) })) });
    await until(async () => (await db.job.count({ where: { type: "test.queue.count", status: "done" } })) === 300, 60_000);
    expect(runs.size).toBe(300);
    expect([...runs.values()].every((c) => c === 1)).toBe(true);
  });

  test("a failed run is queued again for its retry time, and a job moved later waits for its new time", async () => {
    const flaky = defineJob("test.queue.flaky", z.object({}), async () => {
      throw new Error("boom");
    });
    queues.push(await startQueue());
    const { id } = await flaky.enqueue({}, { maxAttempts: 3 });
    // A run counts its attempt when it starts; wait for the failure to be written too.
    await until(async () => {
      const run = await db.job.findUniqueOrThrow({ where: { id } });
      return run.attempts === 1 && run.status !== "running";
    });
    const job = await db.job.findUniqueOrThrow({ where: { id } });
    expect(job).toMatchObject({ status: "pending", lastError: "boom" });
    const [queued] = await db.$queryRaw<{ run_at: Date }[]>`SELECT run_at FROM graphile_worker.jobs WHERE key = ${id} AND task_identifier = 'kindred.job'`;
    expect(Math.abs(queued.run_at.getTime() - job.runAt.getTime())).toBeLessThan(1000);
  });
});
