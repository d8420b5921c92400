import { closeSync, existsSync, openSync, readSync, rmSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { db, isPostgresUrl } from "#app/utils/db.server";
import { transition } from "#app/utils/transition.server";
import { z } from "zod";
import { defineJob } from "#app/utils/jobs.server";
import { uploadRoot } from "#app/utils/uploads.server";
import { MAX_IMPORT_COLUMNS, REJECTS_KEEP_DAYS, detectDelimiter, guessMapping, mapRow, mappedCell, type ImportedFan, type Mapping } from "./csv-import";
import { csvParser, runImport, type RunInput, type RunResult } from "./csv-import-run.server";
import { NotFound } from "./errors";
import type { BrandScope } from "./scope";

export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

export function uploadDir() {
  return uploadRoot("imports");
}

const CHUNK = 1024 * 1024;

/**
 * Reads a whole uploaded file once, cheaply, for what would break the import later: bytes that are not text (a
 * spreadsheet or image renamed .csv), and a quote that opens and never closes (which would swallow the rest of
 * the file into one cell). Returns a sentence for the person who uploaded it, or null when the file is fine.
 */
async function problemWithFile(filePath: string): Promise<string | null> {
  const fd = openSync(filePath, "r");
  const buf = Buffer.alloc(CHUNK);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let inQuote = false;
  let line = 1;
  let quoteOpenedOn = 0;
  try {
    for (let offset = 0; ; ) {
      const n = readSync(fd, buf, 0, CHUNK, offset);
      if (n === 0) break;
      const chunk = buf.subarray(0, n);
      if (chunk.includes(0)) return "This file is not a CSV text file (it has binary data — perhaps a spreadsheet or an image renamed .csv). Save it as “CSV UTF-8” and upload that.";
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        return "This file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8” and upload that.";
      }
      // Native searches for quotes and line ends (a loop over every byte of 100 MB would hold the server up).
      const countLines = (from: number, to: number) => {
        for (let i = chunk.indexOf(0x0a, from); i !== -1 && i < to; i = chunk.indexOf(0x0a, i + 1)) line++;
      };
      let at = 0;
      for (let q = chunk.indexOf(0x22); q !== -1; q = chunk.indexOf(0x22, q + 1)) {
        countLines(at, q);
        at = q;
        inQuote = !inQuote;
        if (inQuote) quoteOpenedOn = line;
      }
      countLines(at, n);
      offset += n;
      // Let other requests run between megabytes.
      await new Promise((r) => setImmediate(r));
    }
  } finally {
    closeSync(fd);
  }
  if (inQuote) return `A quote (") opened on line ${quoteOpenedOn.toLocaleString("en")} is never closed, so the rest of the file would be read as one cell. Fix that line and upload the file again.`;
  return null;
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

/** Creates an import from an uploaded file, guessing the column mapping; a file that would not import is refused here. */
export async function createImport(scope: BrandScope, { fileName, filePath }: { fileName: string; filePath: string }) {
  const { brandId, userId } = scope;
  const refuse = (error: string) => {
    rmSync(filePath, { force: true });
    return { ok: false as const, error };
  };
  const problem = await problemWithFile(filePath);
  if (problem) return refuse(problem);
  let inspected: Awaited<ReturnType<typeof inspectCsv>>;
  try {
    inspected = await inspectCsv(filePath, 0);
  } catch (error) {
    return refuse(`The first rows of this file could not be read as CSV: ${(error as Error).message}`);
  }
  const { delimiter, headers } = inspected;
  if (!headers.length || headers.every((h) => !h)) return refuse("This file is empty or has no header row.");
  if (headers.length > MAX_IMPORT_COLUMNS) {
    return refuse(`This file has ${headers.length.toLocaleString("en")} columns; an import reads up to ${MAX_IMPORT_COLUMNS}. Remove the columns you don't need and upload it again.`);
  }
  const job = await db.importJob.create({
    data: { brandId, createdById: userId, fileName: fileName.slice(0, 200), filePath, fileBytes: statSync(filePath).size, delimiter, headers: JSON.stringify(headers), mapping: JSON.stringify(guessMapping(headers)) },
    select: { id: true },
  });
  return { ok: true as const, id: job.id };
}

export type PreviewRow = { line: number; cells: string[]; problem: string | null; warnings: string[]; fan: ImportedFan | null; raw: { email: string; name: string; city: string } };

/** The first rows as they would be imported with this mapping, each with its problem if any. */
export async function previewImport(filePath: string, delimiter: string, mapping: Mapping, brandId: string): Promise<PreviewRow[]> {
  const { sample } = await inspectCsv(filePath, 10);
  const results = sample.map((cells, i) => ({ cells, line: i + 2, result: mapRow(cells, mapping) }));
  const emails = results.flatMap((r) => (r.result.ok ? [r.result.fan.email] : []));
  const existing = new Set((await db.ambassador.findMany({ where: { brandId, email: { in: emails } }, select: { email: true } })).map((a) => a.email));
  const seen = new Set<string>();
  return results.map(({ cells, line, result }) => {
    // A refused row still shows what it holds, each value in its own column.
    const raw = { email: mappedCell(cells, mapping, "email"), name: mappedCell(cells, mapping, "name") || [mappedCell(cells, mapping, "firstName"), mappedCell(cells, mapping, "lastName")].filter(Boolean).join(" "), city: mappedCell(cells, mapping, "city") };
    if (!result.ok) return { line, cells, raw, problem: result.reason, warnings: [], fan: null };
    const dup = seen.has(result.fan.email) ? "repeats an earlier row" : existing.has(result.fan.email) ? "already in the program" : null;
    seen.add(result.fan.email);
    return { line, cells, raw, problem: dup, warnings: dup ? [] : result.warnings, fan: result.fan };
  });
}

/**
 * On SQLite the import runs in a worker thread, so parsing and the file's writes never block requests; on
 * PostgreSQL its writes wait on the server, not on this thread, and it runs here.
 */
function runInWorker(input: RunInput) {
  if (isPostgresUrl()) return runImport(input);
  const { entry, eval: isCode } = workerEntry();
  return new Promise<RunResult>((resolve, reject) => {
    const worker = new Worker(entry, { workerData: input, eval: isCode });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`Import worker stopped with code ${code}`)));
  });
}

/**
 * The worker's entry: the production build carries it compiled beside the server build (scripts/build-server.mjs);
 * from the sources (development, tests, benchmarks) the TypeScript entry runs under tsx.
 */
function workerEntry() {
  if (fileURLToPath(import.meta.url).split(path.sep).join("/").includes("/build/server/")) return { entry: path.resolve("build/server/csv-import.worker.js"), eval: false };
  const source = JSON.stringify(pathToFileURL(path.resolve("app/models/csv-import.worker.ts")).href);
  return { entry: `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${source}); });`, eval: true };
}

/**
 * The job: runs (or, after a crash, resumes) the import to its end in one worker, then removes the uploaded file
 * and schedules the removal of the rejected rows. Safe to run again: the worker starts from the stored position.
 */
export async function runImportJob(importId: string) {
  const job = await db.importJob.findUnique({ where: { id: importId }, select: { id: true, status: true, filePath: true } });
  if (!job || job.status === "done" || job.status === "failed" || job.status === "mapping") return;
  if (job.status === "queued") await db.importJob.updateMany({ where: { id: job.id, status: "queued" }, data: { status: "running", startedAt: new Date() } });
  const result = await runInWorker({ importId });
  if (result.status === "lost") return;
  // The import has ended: the uploaded file (every row, personal data included) is not kept.
  rmSync(job.filePath, { force: true });
  const keptUntil = new Date(Date.now() + REJECTS_KEEP_DAYS * 86_400_000);
  await db.$transaction(async (tx) => {
    await tx.importJob.update({ where: { id: job.id }, data: { rejectsKeptUntil: keptUntil } });
    await importExpireRejectsJob.enqueue({ importId: job.id }, { tx, dedupeKey: `import:${job.id}:expire-rejects`, runAt: keptUntil });
  });
}

const importPayload = z.object({ importId: z.string() });

export const importRunJob = defineJob("import.run", importPayload, async ({ importId }) => runImportJob(importId));

export const importExpireRejectsJob = defineJob("import.expire-rejects", importPayload, async ({ importId }) => {
  await db.importReject.deleteMany({ where: { importId } });
});

/** Saves the mapping and queues the import. The email column is required. */
/** One of the brand's imports, with its column headers read; NotFound outside the brand. */
export async function getImportForStaff(scope: BrandScope, importId: string) {
  const { brandId } = scope;
  const job = await db.importJob.findFirst({ where: { id: importId, brandId } });
  if (!job) throw new NotFound("Import not found");
  const hasRejects = !!(await db.importReject.findFirst({ where: { importId: job.id }, select: { id: true } }));
  return { job, headers: JSON.parse(job.headers) as string[], mapping: JSON.parse(job.mapping) as Mapping, hasRejects };
}

/** Keeps the columns' mapping of an import not yet started (for the preview). */
export async function saveImportMapping(scope: BrandScope, importId: string, mapping: Mapping) {
  const { brandId } = scope;
  await db.importJob.updateMany({ where: { id: importId, brandId, status: "mapping" }, data: { mapping: JSON.stringify(mapping) } });
}

export async function startImport(scope: BrandScope, importId: string, mapping: Mapping, sendInvites: boolean) {
  const { brandId } = scope;
  if (!Object.values(mapping).includes("email")) return { ok: false as const, error: "Choose which column holds the email address." };
  return db.$transaction(async (tx) => {
    const res = await transition(tx.importJob, { id: importId, brandId, status: "mapping" }, { mapping: JSON.stringify(mapping), sendInvites, status: "queued" });
    if (!res) return { ok: false as const, error: "This import has already started." };
    await importRunJob.enqueue({ importId }, { tx, dedupeKey: `import:${importId}:start` });
    return { ok: true as const };
  });
}

/** The rejected rows of an import, oldest line first, as CSV rows after a header (for the download). */
const REJECT_OUTCOMES: Record<string, string> = { rejected: "not imported", duplicate: "not imported (duplicate)", warning: "imported, with a note" };

/** The brand's latest imports, newest first, for the import page. */
export async function recentImports(scope: BrandScope) {
  return db.importJob.findMany({
    where: { brandId: scope.brandId },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, fileName: true, status: true, totalRows: true, importedRows: true, duplicateRows: true, rejectedRows: true, createdAt: true },
  });
}

/** The download of an import's rejected rows: its file name and its rows (a header, then each row with its reason). */
export async function rejectedRowsDownload(scope: BrandScope, importId: string) {
  const job = await db.importJob.findFirst({
    where: { id: importId, brandId: scope.brandId },
    select: { id: true, fileName: true, headers: true, _count: { select: { rejects: true } } },
  });
  if (!job || job._count.rejects === 0) throw new NotFound("No rejected rows for this import");
  const fileName = `${job.fileName.replace(/\.[^.]+$/, "").replace(/[^\w.-]+/g, "_")}-rejected.csv`;
  return { fileName, rows: rejectedRows(job.id, JSON.parse(job.headers) as string[]) };
}

async function* rejectedRows(importId: string, headers: string[]) {
  yield ["line", "outcome", "reason", ...headers];
  // Ordered by line and then id, so a row with two notes (two unreadable counts) is listed whole, once per note.
  for (let after: { line: number; id: string } | null = null; ; ) {
    const page: { id: string; line: number; kind: string; reason: string; cells: string }[] = await db.importReject.findMany({
      where: { importId, ...(after ? { OR: [{ line: { gt: after.line } }, { line: after.line, id: { gt: after.id } }] } : {}) },
      orderBy: [{ line: "asc" }, { id: "asc" }],
      take: 1000,
      select: { id: true, line: true, kind: true, reason: true, cells: true },
    });
    if (!page.length) return;
    for (const r of page) yield [String(r.line), REJECT_OUTCOMES[r.kind] ?? "not imported", r.reason, ...(JSON.parse(r.cells) as string[])];
    after = page[page.length - 1];
  }
}

/** Overwrites every occurrence of the address in a file with spaces, byte for byte, so positions in it stay true. */
function blankInFile(filePath: string, address: string) {
  const needle = Buffer.from(address);
  const fd = openSync(filePath, "r+");
  const buf = Buffer.alloc(CHUNK + needle.length);
  try {
    for (let offset = 0; ; ) {
      const n = readSync(fd, buf, 0, buf.length, offset);
      if (n === 0) break;
      const window = buf.subarray(0, n);
      const lower = Buffer.from(window.toString("latin1").toLowerCase(), "latin1");
      for (let i = lower.indexOf(needle); i !== -1; i = lower.indexOf(needle, i + needle.length)) writeSync(fd, Buffer.alloc(needle.length, 0x20), 0, needle.length, offset + i);
      if (n < buf.length) break;
      offset += CHUNK;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * A deleted account's address leaves every import file still kept: its rejected rows are deleted, and in files
 * not yet fully imported the address is blanked (its rows then report "missing email" instead of importing).
 */
export async function forgetAddressInImportFiles(email: string) {
  const address = email.trim().toLowerCase();
  if (!address) return;
  const escaped = address.replace(/[\\%_]/g, (c) => `\\${c}`);
  await db.$executeRaw`DELETE FROM "ImportReject" WHERE lower("cells") LIKE ${`%${escaped}%`} ESCAPE '\\'`;
  const pending = await db.importJob.findMany({ where: { status: { in: ["mapping", "queued", "running"] } }, select: { filePath: true } });
  for (const job of pending) if (existsSync(job.filePath)) blankInFile(job.filePath, address);
}
