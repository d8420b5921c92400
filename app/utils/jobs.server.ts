import { randomUUID } from "node:crypto";
import type { Prisma } from "#app/generated/prisma/client";
import { db, engine } from "./db.server";

/**
 * Durable background jobs (docs/decisions/018-job-queue.md). Every job is a row in the Job table, written in the
 * transaction of the change that causes it, with a dedupe key that makes scheduling idempotent for good.
 * Who runs the rows depends on the engine:
 * - SQLite (one process): this process polls the table every second (startJobRunner).
 * - PostgreSQL (several instances): graphile-worker. A trigger on the Job table queues each pending row in
 *   graphile-worker in the same transaction; its workers, in every instance, wake through LISTEN/NOTIFY and hand
 *   the row to runJob. Its cron runs the lease sweep once a minute across all instances.
 * Either way a row is claimed atomically (pending -> running) with a lease that its runner renews while it works; a
 * job whose lease lapses (its process crashed or froze) goes back to the queue within LEASE_MS, and the late runner's
 * result is ignored. A failed run is retried with exponential backoff until maxAttempts. Handlers must be
 * idempotent: a crash after the work but before "done" runs them again.
 */
export type JobHandler = (payload: any, job: { id: string; attempts: number }) => Promise<void>;

const handlers = new Map<string, JobHandler>();

export function registerJobHandler(type: string, handler: JobHandler) {
  handlers.set(type, handler);
}

/** A job's lease lasts this long without renewal; a restarted server picks up a crashed run within it. */
export const LEASE_MS = 20_000;
const HEARTBEAT_MS = 5_000;

type EnqueueOptions = {
  runAt?: Date;
  dedupeKey?: string;
  maxAttempts?: number;
  /** the transaction of the change that causes the job: both are kept, or neither */
  tx?: Prisma.TransactionClient;
};

/** Adds a job. With a dedupeKey, a second enqueue of the same key is a no-op (idempotent scheduling). */
export async function enqueueJob(type: string, payload: unknown, opts: EnqueueOptions = {}) {
  const client = opts.tx ?? db;
  const data = {
    type,
    payload: JSON.stringify(payload ?? {}),
    runAt: opts.runAt ?? new Date(),
    maxAttempts: opts.maxAttempts ?? 5,
    dedupeKey: opts.dedupeKey ?? null,
  };
  if (opts.dedupeKey) {
    if (engine === "postgresql") {
      // Two instances scheduling the same key at once: INSERT … ON CONFLICT DO NOTHING, which (unlike an upsert
      // that loses the race with a unique-key error) does not abort the caller's transaction.
      const createMany = client.job.createMany as unknown as (args: { data: (typeof data)[]; skipDuplicates: boolean }) => Promise<unknown>;
      await createMany.call(client.job, { data: [data], skipDuplicates: true });
      return client.job.findUniqueOrThrow({ where: { dedupeKey: opts.dedupeKey }, select: { id: true } });
    }
    return client.job.upsert({ where: { dedupeKey: opts.dedupeKey }, create: data, update: {}, select: { id: true } });
  }
  return client.job.create({ data, select: { id: true } });
}

/** Delay before the next try: 30 s, 1 min, 2 min, … capped at one hour. */
export function backoffMs(attempts: number) {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/** Jobs whose lease lapsed (their runner crashed or froze) go back to the queue. */
export async function releaseLapsedLeases(now = new Date()) {
  const { count } = await db.job.updateMany({
    where: { status: "running", OR: [{ lockedAt: { lt: new Date(now.getTime() - LEASE_MS) } }, { lockedAt: null }] },
    data: { status: "pending", lockedAt: null, lockedBy: null },
  });
  return count;
}

type JobRow = { id: string; type: string; payload: string; attempts: number; maxAttempts: number };

/** Claims one pending job and runs it under a renewed lease; false when another runner had it first. */
async function runJob(job: JobRow) {
  const lease = randomUUID();
  const claimed = await db.job.updateMany({
    where: { id: job.id, status: "pending" },
    data: { status: "running", lockedAt: new Date(), lockedBy: lease, attempts: { increment: 1 } },
  });
  if (claimed.count !== 1) return false;
  const attempts = job.attempts + 1;
  const mine = { id: job.id, lockedBy: lease, status: "running" };
  const heartbeat = setInterval(() => {
    db.job.updateMany({ where: mine, data: { lockedAt: new Date() } }).catch(() => {});
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const handler = handlers.get(job.type);
  try {
    if (!handler) throw new Error(`No handler registered for job type "${job.type}"`);
    await handler(JSON.parse(job.payload), { id: job.id, attempts });
    await db.job.updateMany({ where: mine, data: { status: "done", lockedAt: null, lockedBy: null, lastError: null } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const giveUp = attempts >= job.maxAttempts;
    await db.job.updateMany({
      where: mine,
      data: {
        status: giveUp ? "failed" : "pending",
        lockedAt: null,
        lockedBy: null,
        lastError: message.slice(0, 2000),
        runAt: giveUp ? undefined : new Date(Date.now() + backoffMs(attempts)),
      },
    });
  } finally {
    clearInterval(heartbeat);
  }
  return true;
}

const JOB_ROW = { id: true, type: true, payload: true, attempts: true, maxAttempts: true } as const;

/** Runs the jobs that are due, oldest first. Returns how many ran (successfully or not). */
export async function runDueJobs({ now = new Date(), limit = 20 } = {}) {
  await releaseLapsedLeases(now);
  const due = await db.job.findMany({ where: { status: "pending", runAt: { lte: now } }, orderBy: { runAt: "asc" }, take: limit, select: JOB_ROW });
  let ran = 0;
  for (const job of due) if (await runJob(job)) ran++;
  return ran;
}

/** Runs one job by id if it is due (graphile-worker's task on PostgreSQL). */
export async function runJobById(id: string, now = new Date()) {
  const job = await db.job.findFirst({ where: { id, status: "pending", runAt: { lte: now } }, select: JOB_ROW });
  return job ? runJob(job) : false;
}

export const CLEANUP_JOB = "maintenance.cleanup";
const KEEP_FINISHED_JOBS_DAYS = 14;

/**
 * Daily housekeeping: finished jobs older than two weeks, expired sessions, and sign-in codes that expired or were
 * used go; it schedules the next day's run itself.
 */
export async function cleanUp(now = new Date()) {
  const day = 86_400_000;
  const [jobs, sessions, tokens] = await Promise.all([
    db.job.deleteMany({ where: { status: { in: ["done", "failed"] }, updatedAt: { lt: new Date(now.getTime() - KEEP_FINISHED_JOBS_DAYS * day) } } }),
    db.session.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.loginToken.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { usedAt: { not: null } }] } }),
  ]);
  return { jobs: jobs.count, sessions: sessions.count, tokens: tokens.count };
}

function scheduleCleanup(now = new Date()) {
  const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 3));
  return enqueueJob(CLEANUP_JOB, {}, { runAt: tomorrow, dedupeKey: `${CLEANUP_JOB}:${tomorrow.toISOString().slice(0, 10)}` });
}

registerJobHandler(CLEANUP_JOB, async () => {
  await cleanUp();
  await scheduleCleanup();
});

const g = globalThis as unknown as { __kindredJobTimer?: NodeJS.Timeout; __kindredQueue?: Promise<{ stop(): Promise<void> }> };

/**
 * Starts this process's runner (once) and makes sure the daily cleanup is scheduled: on PostgreSQL graphile-worker's
 * workers (see queue.server.ts), on SQLite a poll of the Job table every second.
 */
export function startJobRunner(intervalMs = 1000) {
  if (g.__kindredJobTimer || g.__kindredQueue) return;
  scheduleCleanup().catch((error) => console.error("[jobs] could not schedule the cleanup", error));
  if (engine === "postgresql") {
    g.__kindredQueue = import("./queue.server").then((q) => q.startQueue());
    g.__kindredQueue.catch((error) => console.error("[jobs] the queue did not start", error));
    return;
  }
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

export async function stopJobRunner() {
  if (g.__kindredJobTimer) clearInterval(g.__kindredJobTimer);
  g.__kindredJobTimer = undefined;
  const queue = g.__kindredQueue;
  g.__kindredQueue = undefined;
  if (queue) await (await queue.catch(() => null))?.stop();
}
