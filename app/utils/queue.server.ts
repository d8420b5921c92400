// graphile-worker, the job queue of PostgreSQL deployments (docs/decisions/018-job-queue.md). It does not hold the
// jobs' data: a trigger on the Job table (migration 20261204000100_job_queue) adds one graphile-worker job per
// pending Job row, in the transaction that wrote the row, keyed by the row's id. Its workers, in every instance,
// hand those ids to runJobById; its cron sweeps lapsed leases once a minute, whichever instance gets there first.
import { Logger, run, type Runner, type TaskList } from "graphile-worker";
import { databaseUrl } from "./database-url";
import { releaseLapsedLeases, runJobById } from "./jobs.server";

export const QUEUE_TASK = "kindred.job";
const SWEEP_TASK = "kindred_sweep";

// graphile-worker logs every job at info level; Kindred reports only what needs a look.
const logger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[queue] ${message}`);
});

const tasks: TaskList = {
  [QUEUE_TASK]: async (payload) => {
    await runJobById((payload as { id: string }).id);
  },
  [SWEEP_TASK]: async () => {
    await releaseLapsedLeases();
  },
};

/** Concurrent jobs per instance (JOB_CONCURRENCY, default 4). */
function concurrency() {
  const n = Number(process.env.JOB_CONCURRENCY ?? 4);
  return Number.isInteger(n) && n > 0 ? n : 4;
}

/** Starts this instance's workers; stop() lets running jobs finish and releases the connection pool. */
export async function startQueue(): Promise<{ stop(): Promise<void> }> {
  const runner: Runner = await run({
    connectionString: databaseUrl(),
    concurrency: concurrency(),
    noHandleSignals: true,
    pollInterval: 2_000,
    taskList: tasks,
    crontab: `* * * * * ${SWEEP_TASK}`,
    logger,
  });
  return { stop: () => runner.stop() };
}
