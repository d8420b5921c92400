-- The Job table feeds graphile-worker (docs/decisions/018-job-queue.md): whenever a row becomes pending (inserted,
-- retried after a failure, released from a lapsed lease, moved to another time), one graphile-worker job keyed by
-- the row's id is queued in the same transaction. graphile-worker's own schema is installed by scripts/migrate.mjs
-- after these migrations; PL/pgSQL resolves graphile_worker.add_job only when the trigger first runs.
-- A key already queued and not yet running is moved to the new time ("replace"); one that is running gets a second
-- job, and the row's guarded claim lets only one of them run it.
CREATE FUNCTION "kindred_queue_job"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."status" = 'pending' AND (TG_OP = 'INSERT' OR OLD."status" IS DISTINCT FROM 'pending' OR OLD."runAt" IS DISTINCT FROM NEW."runAt") THEN
    PERFORM graphile_worker.add_job('kindred.job', json_build_object('id', NEW."id"), run_at := NEW."runAt" AT TIME ZONE 'UTC', max_attempts := 10, job_key := NEW."id");
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Job_queue" AFTER INSERT OR UPDATE OF "status", "runAt" ON "Job" FOR EACH ROW EXECUTE FUNCTION "kindred_queue_job"();
