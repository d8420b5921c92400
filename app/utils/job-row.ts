import { z } from "zod";

export type JobRowOptions = {
  runAt?: Date;
  /** a second job with the same key is never added (idempotent scheduling) */
  dedupeKey?: string;
  maxAttempts?: number;
};

/**
 * The Job row that queues `payload` for the job `name`, checked against the job's schema. Every way of queueing work
 * builds its row here: defineJob's enqueue (jobs.server.ts) and the CSV import's bulk insert, which runs without
 * Prisma and so cannot load the job's handler module.
 */
export function jobRow<S extends z.ZodType>(name: string, schema: S, payload: z.input<S>, opts: JobRowOptions = {}) {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new Error(`The job "${name}" was given a payload that does not fit its schema:\n${z.prettifyError(parsed.error)}`);
  return {
    type: name,
    payload: JSON.stringify(parsed.data),
    runAt: opts.runAt ?? new Date(),
    maxAttempts: opts.maxAttempts ?? 5,
    dedupeKey: opts.dedupeKey ?? null,
  };
}
