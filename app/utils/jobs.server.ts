import { db } from "./db.server";

/**
 * Durable background jobs: rows in the Job table, polled by the server process.
 * A job is claimed atomically (pending -> running), so two pollers never run the same job; a failed run is
 * retried with exponential backoff until maxAttempts; jobs left "running" by a crash are picked up again.
 * Handlers must be idempotent: a crash after the work but before "done" runs them again.
 */
export type JobHandler = (payload: any, job: { id: string; attempts: number }) => Promise<void>;

const handlers = new Map<string, JobHandler>();

export function registerJobHandler(type: string, handler: JobHandler) {
  handlers.set(type, handler);
}

type EnqueueOptions = { runAt?: Date; dedupeKey?: string; maxAttempts?: number };

/** Adds a job. With a dedupeKey, a second enqueue of the same key is a no-op (idempotent scheduling). */
export async function enqueueJob(type: string, payload: unknown, opts: EnqueueOptions = {}) {
  const data = {
    type,
    payload: JSON.stringify(payload ?? {}),
    runAt: opts.runAt ?? new Date(),
    maxAttempts: opts.maxAttempts ?? 5,
    dedupeKey: opts.dedupeKey ?? null,
  };
  if (opts.dedupeKey) {
    return db.job.upsert({ where: { dedupeKey: opts.dedupeKey }, create: data, update: {}, select: { id: true } });
  }
  return db.job.create({ data, select: { id: true } });
}

/** Delay before the next try: 30 s, 1 min, 2 min, … capped at one hour. */
export function backoffMs(attempts: number) {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

const STALE_LOCK_MS = 10 * 60 * 1000;

/** Runs the jobs that are due, oldest first. Returns how many ran (successfully or not). */
export async function runDueJobs({ now = new Date(), limit = 20 } = {}) {
  // Jobs whose runner died mid-way go back to pending.
  await db.job.updateMany({
    where: { status: "running", lockedAt: { lt: new Date(now.getTime() - STALE_LOCK_MS) } },
    data: { status: "pending", lockedAt: null },
  });
  const due = await db.job.findMany({
    where: { status: "pending", runAt: { lte: now } },
    orderBy: { runAt: "asc" },
    take: limit,
    select: { id: true, type: true, payload: true, attempts: true, maxAttempts: true },
  });
  let ran = 0;
  for (const job of due) {
    const claimed = await db.job.updateMany({
      where: { id: job.id, status: "pending" },
      data: { status: "running", lockedAt: new Date(), attempts: { increment: 1 } },
    });
    if (claimed.count !== 1) continue;
    ran++;
    const attempts = job.attempts + 1;
    const handler = handlers.get(job.type);
    try {
      if (!handler) throw new Error(`No handler registered for job type "${job.type}"`);
      await handler(JSON.parse(job.payload), { id: job.id, attempts });
      await db.job.update({ where: { id: job.id }, data: { status: "done", lockedAt: null, lastError: null } });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = attempts >= job.maxAttempts;
      await db.job.update({
        where: { id: job.id },
        data: {
          status: giveUp ? "failed" : "pending",
          lockedAt: null,
          lastError: message.slice(0, 2000),
          runAt: giveUp ? undefined : new Date(Date.now() + backoffMs(attempts)),
        },
      });
    }
  }
  return ran;
}

const g = globalThis as unknown as { __kindredJobTimer?: NodeJS.Timeout };

/** Starts polling in this process (once). */
export function startJobRunner(intervalMs = 1000) {
  if (g.__kindredJobTimer) return;
  let busy = false;
  g.__kindredJobTimer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      while ((await runDueJobs()) > 0) {
        // keep draining while there is work
      }
    } catch (error) {
      console.error("[jobs] poll failed", error);
    } finally {
      busy = false;
    }
  }, intervalMs);
  g.__kindredJobTimer.unref();
}

export function stopJobRunner() {
  if (g.__kindredJobTimer) clearInterval(g.__kindredJobTimer);
  g.__kindredJobTimer = undefined;
}
