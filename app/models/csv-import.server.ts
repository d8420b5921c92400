import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { toCsv } from "#app/utils/csv.server";
import { db } from "#app/utils/db.server";
import { enqueueJob, registerJobHandler } from "#app/utils/jobs.server";
import { uploadRoot } from "#app/utils/uploads.server";
import { REJECTS_KEEP_DAYS, detectDelimiter, guessMapping, mapRow, type ImportedFan, type Mapping } from "./csv-import";
import { csvParser, type PartInput, type PartResult } from "./csv-import-part.server";
import { FAN_INVITE_SEND_JOB } from "./fan-invites.server";

export { ROWS_PER_RUN } from "./csv-import-part.server";

export const IMPORT_RUN_JOB = "import.run";
export const IMPORT_EXPIRE_REJECTS_JOB = "import.expire-rejects";

export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

export function uploadDir() {
  return uploadRoot("imports");
}


/** Reads only the start of an uploaded file: its delimiter, header row and first rows. */
export async function inspectCsv(filePath: string, rows = 10) {
  const fd = openSync(filePath, "r");
  const head = Buffer.alloc(64 * 1024);
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const firstLine = head.subarray(0, n).toString("utf8").replace(/^\uFEFF/, "").split(/\r?\n/)[0] ?? "";
  const delimiter = detectDelimiter(firstLine);
  const records: string[][] = [];
  for await (const record of csvParser(filePath, delimiter, { to: rows + 1 })) records.push(record as string[]);
  const [headers = [], ...sample] = records;
  return { delimiter, headers: headers.map((h) => h.trim()), sample };
}

/** Creates an import from an uploaded file, guessing the column mapping. */
export async function createImport({ brandId, userId, fileName, filePath }: { brandId: string; userId: string; fileName: string; filePath: string }) {
  const { delimiter, headers } = await inspectCsv(filePath, 0);
  if (!headers.length || headers.every((h) => !h)) {
    rmSync(filePath, { force: true });
    return { ok: false as const, error: "This file is empty or has no header row." };
  }
  const job = await db.importJob.create({
    data: { brandId, createdById: userId, fileName: fileName.slice(0, 200), filePath, delimiter, headers: JSON.stringify(headers), mapping: JSON.stringify(guessMapping(headers)) },
    select: { id: true },
  });
  return { ok: true as const, id: job.id };
}

export type PreviewRow = { line: number; cells: string[]; problem: string | null; fan: ImportedFan | null };

/** The first rows as they would be imported with this mapping, each with its problem if any. */
export async function previewImport(filePath: string, delimiter: string, mapping: Mapping, brandId: string): Promise<PreviewRow[]> {
  const { sample } = await inspectCsv(filePath, 10);
  const results = sample.map((cells, i) => ({ cells, line: i + 2, result: mapRow(cells, mapping) }));
  const emails = results.flatMap((r) => (r.result.ok ? [r.result.fan.email] : []));
  const existing = new Set((await db.ambassador.findMany({ where: { brandId, email: { in: emails } }, select: { email: true } })).map((a) => a.email));
  const seen = new Set<string>();
  return results.map(({ cells, line, result }) => {
    if (!result.ok) return { line, cells, problem: result.reason, fan: null };
    const dup = existing.has(result.fan.email) ? "already in the program" : seen.has(result.fan.email) ? "repeats an earlier row" : null;
    seen.add(result.fan.email);
    return { line, cells, problem: dup, fan: result.fan };
  });
}

/** Runs one part of an import in a worker thread, so parsing and SQLite writes never block requests. */
function runPartInWorker(input: PartInput) {
  return new Promise<PartResult>((resolve, reject) => {
    const worker = new Worker(path.resolve("app/models/csv-import.worker.mjs"), { workerData: input });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`Import worker stopped with code ${code}`)));
  });
}

/** The job: imports the next part of a file in a worker, records the counts, and schedules the part after it. */
export async function runImportPart(importId: string) {
  const job = await db.importJob.findUnique({ where: { id: importId } });
  if (!job || job.status === "done" || job.status === "failed" || job.status === "mapping") return;
  const rejectsPath = job.rejectsPath ?? path.join(uploadDir(), `${job.id}-rejected.csv`);
  const first = job.status === "queued";
  if (first) await db.importJob.update({ where: { id: job.id }, data: { status: "running", startedAt: new Date(), rejectsPath } });
  const part = await runPartInWorker({
    brandId: job.brandId,
    fileName: job.fileName,
    filePath: job.filePath,
    delimiter: job.delimiter,
    headers: JSON.parse(job.headers),
    mapping: JSON.parse(job.mapping),
    processedRows: job.processedRows,
    countRows: first,
    rejectsPath,
    sendInvites: job.sendInvites,
    createdById: job.createdById,
  });
  const updated = await db.importJob.update({
    where: { id: job.id },
    data: {
      ...(part.totalRows !== null ? { totalRows: part.totalRows } : {}),
      processedRows: { increment: part.processed },
      importedRows: { increment: part.imported },
      duplicateRows: { increment: part.duplicates },
      rejectedRows: { increment: part.rejected },
      ...(part.error ? { status: "failed", error: part.error, finishedAt: new Date() } : part.finished ? { status: "done", finishedAt: new Date() } : {}),
    },
    select: { processedRows: true },
  });
  for (const id of part.inviteIds) await enqueueJob(FAN_INVITE_SEND_JOB, { inviteId: id, inviterName: "the team" }, { dedupeKey: `fan-invite:${id}:0` });
  if (!part.error && !part.finished) {
    await enqueueJob(IMPORT_RUN_JOB, { importId: job.id }, { dedupeKey: `import:${job.id}:${updated.processedRows}` });
    return;
  }
  // The import has ended: the uploaded file (every row, personal data included) is not kept.
  rmSync(job.filePath, { force: true });
  await enqueueJob(IMPORT_EXPIRE_REJECTS_JOB, { importId: job.id }, { dedupeKey: `import:${job.id}:expire-rejects`, runAt: new Date(Date.now() + REJECTS_KEEP_DAYS * 86_400_000) });
}

registerJobHandler(IMPORT_EXPIRE_REJECTS_JOB, async ({ importId }: { importId: string }) => {
  const job = await db.importJob.findUnique({ where: { id: importId }, select: { rejectsPath: true } });
  if (!job?.rejectsPath) return;
  rmSync(job.rejectsPath, { force: true });
  await db.importJob.update({ where: { id: importId }, data: { rejectsPath: null } });
});

/** Rewrites a CSV file record by record (atomically: a new file renamed over the old). */
async function rewriteCsv(filePath: string, delimiter: string, change: (record: string[]) => string[] | null) {
  const out: string[] = [];
  let changed = false;
  for await (const record of csvParser(filePath, delimiter)) {
    const next = change(record as string[]);
    if (next !== record) changed = true;
    if (next) out.push(toCsv([next], { delimiter }));
  }
  if (!changed) return;
  const tmp = `${filePath}.${process.pid}.tmp`;
  writeFileSync(tmp, out.join(""));
  renameSync(tmp, filePath);
}

/**
 * A deleted account's address leaves every import file still kept: its rows go from the rejected-rows files, and
 * in files not yet imported its rows are blanked (kept as empty rows so the import's position in the file holds;
 * they are reported as "missing email").
 */
export async function forgetAddressInImportFiles(email: string) {
  const address = email.trim().toLowerCase();
  const holds = (record: string[]) => record.some((cell) => cell.trim().toLowerCase().replace(/^'/, "") === address);
  const jobs = await db.importJob.findMany({
    where: { OR: [{ rejectsPath: { not: null } }, { status: { in: ["mapping", "queued", "running"] } }] },
    select: { filePath: true, delimiter: true, rejectsPath: true, status: true },
  });
  for (const job of jobs) {
    if (job.rejectsPath && existsSync(job.rejectsPath)) await rewriteCsv(job.rejectsPath, ",", (r) => (holds(r) ? null : r));
    if (["mapping", "queued", "running"].includes(job.status) && existsSync(job.filePath)) {
      await rewriteCsv(job.filePath, job.delimiter, (r) => (holds(r) ? r.map(() => "") : r));
    }
  }
}

registerJobHandler(IMPORT_RUN_JOB, async ({ importId }: { importId: string }) => runImportPart(importId));

/** Saves the mapping and queues the import. The email column is required. */
export async function startImport(brandId: string, importId: string, mapping: Mapping, sendInvites: boolean) {
  if (!Object.values(mapping).includes("email")) return { ok: false as const, error: "Choose which column holds the email address." };
  const res = await db.importJob.updateMany({ where: { id: importId, brandId, status: "mapping" }, data: { mapping: JSON.stringify(mapping), sendInvites, status: "queued" } });
  if (res.count !== 1) return { ok: false as const, error: "This import has already started." };
  await enqueueJob(IMPORT_RUN_JOB, { importId }, { dedupeKey: `import:${importId}:start` });
  return { ok: true as const };
}
