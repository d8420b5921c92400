import { randomUUID } from "node:crypto";
import type { Prisma } from "#app/generated/prisma/client";
import { z } from "zod";
import { db, engine } from "./db.server";
import { jobRow, type JobRowOptions } from "./job-row";

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
export type JobContext = { id: string; attempts: number; createdAt: Date };

/** A kind of background work: its name, the shape of its payload, and how to queue it. */
export type JobDefinition<S extends z.ZodType> = {
  readonly name: string;
  readonly schema: S;
  /** Queues the job; the payload is checked against the schema now, and again when the job runs. */
  enqueue(payload: z.input<S>, opts?: EnqueueOptions): Promise<{ id: string }>;
};

type Registered = { schema: z.ZodType; handler: (payload: unknown, job: JobContext) => Promise<void> };
const definitions = new Map<string, Registered>();

/**
 * Defines a job: the one way app code declares background work. The handler receives the payload as the schema
 * parsed it; a payload that does not fit (a row queued by an older version, say) fails the job at once, with the
 * schema's message, instead of being retried.
 */
export function defineJob<S extends z.ZodType>(name: string, schema: S, handler: (payload: z.output<S>, job: JobContext) => Promise<void>): JobDefinition<S> {
  // A module reloaded in development defines its jobs again: the newest handler wins.
  definitions.set(name, { schema, handler: handler as Registered["handler"] });
  return { name, schema, enqueue: async (payload, opts = {}) => insertJob(jobRow(name, schema, payload, opts), opts) };
}

/** A job's lease lasts this long without renewal; a restarted server picks up a crashed run within it. */
export const LEASE_MS = 20_000;
const HEARTBEAT_MS = 5_000;

type EnqueueOptions = JobRowOptions & {
  /** the transaction of the change that causes the job: both are kept, or neither */
  tx?: Prisma.TransactionClient;
};

/** Adds a job row. With a dedupeKey, a second insert of the same key is a no-op. */
async function insertJob(data: ReturnType<typeof jobRow>, opts: EnqueueOptions) {
  const client = opts.tx ?? db;
  if (data.dedupeKey) {
    if (engine === "postgresql") {
      // Two instances scheduling the same key at once: INSERT … ON CONFLICT DO NOTHING, which (unlike an upsert
      // that loses the race with a unique-key error) does not abort the caller's transaction.
      const createMany = client.job.createMany as unknown as (args: { data: (typeof data)[]; skipDuplicates: boolean }) => Promise<unknown>;
      await createMany.call(client.job, { data: [data], skipDuplicates: true });
      return client.job.findUniqueOrThrow({ where: { dedupeKey: data.dedupeKey }, select: { id: true } });
    }
    return client.job.upsert({ where: { dedupeKey: data.dedupeKey }, create: data, update: {}, select: { id: true } });
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

/** Thrown by a handler that was told when to come back (a 429 with Retry-After): the job runs again then. */
export class RetryAfter extends Error {
  constructor(
    readonly at: Date,
    reason: string,
  ) {
    super(reason);
  }
}

/** A failure that another try cannot fix (no such job, a payload that does not fit): the job fails at once. */
class PermanentJobError extends Error {}

type JobRow = { id: string; type: string; payload: string; attempts: number; maxAttempts: number; createdAt: Date };

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
  const definition = definitions.get(job.type);
  try {
    if (!definition) throw new PermanentJobError(`No job is defined with the name "${job.type}"`);
    const payload = definition.schema.safeParse(JSON.parse(job.payload));
    if (!payload.success) throw new PermanentJobError(`The payload does not fit the job "${job.type}": ${payload.error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`).join("; ")}`);
    await definition.handler(payload.data, { id: job.id, attempts, createdAt: job.createdAt });
    await db.job.updateMany({ where: mine, data: { status: "done", lockedAt: null, lockedBy: null, lastError: null } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RetryAfter) {
      // Told to wait (a provider's rate limit): back in the queue for that time, and the try does not count.
      await db.job.updateMany({ where: mine, data: { status: "pending", lockedAt: null, lockedBy: null, lastError: message.slice(0, 2000), runAt: error.at, attempts: job.attempts } });
      return true;
    }
    const giveUp = error instanceof PermanentJobError || attempts >= job.maxAttempts;
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

const JOB_ROW = { id: true, type: true, payload: true, attempts: true, maxAttempts: true, createdAt: true } as const;

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

const KEEP_FINISHED_JOBS_DAYS = 14;

/**
 * Daily housekeeping: finished jobs older than two weeks, expired sessions, sign-in codes that expired or were
 * used, and rate-limit counters whose window ended go; it schedules the next day's run itself.
 */
export async function cleanUp(now = new Date()) {
  const day = 86_400_000;
  const [jobs, sessions, tokens, limits] = await Promise.all([
    db.job.deleteMany({ where: { status: { in: ["done", "failed"] }, updatedAt: { lt: new Date(now.getTime() - KEEP_FINISHED_JOBS_DAYS * day) } } }),
    db.session.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.loginToken.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { usedAt: { not: null } }] } }),
    db.rateLimit.deleteMany({ where: { expire: { lt: now } } }),
  ]);
  return { jobs: jobs.count, sessions: sessions.count, tokens: tokens.count, rateLimits: limits.count };
}

const dailyJobs: JobDefinition<z.ZodObject<{}>>[] = [];

/** Queues a daily job for 03:00 UTC tomorrow (once, however many instances ask). */
function scheduleDaily(job: JobDefinition<z.ZodObject<{}>>, now = new Date()) {
  const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 3));
  return job.enqueue({}, { runAt: tomorrow, dedupeKey: `${job.name}:${tomorrow.toISOString().slice(0, 10)}` });
}

/** Work that runs once a day at 03:00 UTC: each run queues the next, and the runner's start makes sure one is queued. */
export function defineDailyJob(name: string, work: () => Promise<void>) {
  const job: JobDefinition<z.ZodObject<{}>> = defineJob(name, z.object({}), async () => {
    await work();
    await scheduleDaily(job);
  });
  dailyJobs.push(job);
  return job;
}

export const cleanupJob = defineDailyJob("maintenance.cleanup", async () => {
  await cleanUp();
});

const g = globalThis as unknown as { __kindredJobTimer?: NodeJS.Timeout; __kindredQueue?: Promise<{ stop(): Promise<void> }> };

/**
 * Starts this process's runner (once) and makes sure each daily job (the cleanup, the signals refresh) is scheduled: on PostgreSQL graphile-worker's
 * workers (see queue.server.ts), on SQLite a poll of the Job table every second.
 */
export function startJobRunner(intervalMs = 1000) {
  if (g.__kindredJobTimer || g.__kindredQueue) return;
  for (const job of dailyJobs) scheduleDaily(job).catch((error) => console.error(`[jobs] could not schedule ${job.name}`, error));
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
