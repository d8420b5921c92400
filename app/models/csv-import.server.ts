import { randomUUID } from "node:crypto";
import { closeSync, createReadStream, createWriteStream, mkdirSync, openSync, readSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify/sync";
import { db } from "#app/utils/db.server";
import { hashToken, randomToken } from "#app/utils/crypto.server";
import { enqueueJob, registerJobHandler } from "#app/utils/jobs.server";
import { bulkInsert, existingAmbassadorEmails } from "#app/utils/sqlite-bulk.server";
import { detectDelimiter, guessMapping, mapRow, type ImportedFan, type Mapping } from "./csv-import";
import { FAN_INVITE_DAYS, FAN_INVITE_SEND_JOB } from "./fan-invites.server";

export const IMPORT_RUN_JOB = "import.run";
/** Rows handled by one run of the job; the job then schedules the next part, so other jobs get their turn. */
export const ROWS_PER_RUN = 5_000;
/** Rows written in one transaction: small enough that one write never holds up the server noticeably. */
const BATCH = 200;
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

export function uploadDir() {
  const dir = path.resolve(process.env.UPLOAD_DIR ?? "data/uploads", "imports");
  mkdirSync(dir, { recursive: true });
  return dir;
}

function parser(filePath: string, delimiter: string, opts: { from?: number; to?: number } = {}) {
  return createReadStream(filePath).pipe(
    parse({ delimiter, bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, trim: false, ...opts }),
  );
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
  for await (const record of parser(filePath, delimiter, { to: rows + 1 })) records.push(record as string[]);
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

async function countRecords(filePath: string, delimiter: string) {
  let n = 0;
  for await (const _ of parser(filePath, delimiter)) n++;
  return Math.max(0, n - 1);
}

type Counters = { imported: number; duplicates: number; rejected: number };

/** Writes one batch of new fans with their accounts, first follower readings, tags, timeline and invitations. */
async function writeBatch(brandId: string, fileName: string, fans: ImportedFan[], sendInvites: boolean, invitedById: string | null, tagIds: Map<string, string>) {
  const now = new Date();
  const ambassadors = fans.map((f) => ({
    id: randomUUID(),
    brandId,
    email: f.email,
    name: f.name,
    city: f.city,
    region: f.region,
    status: "invited",
    source: "import",
    maxFollowers: Math.max(0, ...f.accounts.map((a) => a.followers)),
    lastTouchAt: now,
    createdAt: now,
    updatedAt: now,
  }));
  const accounts = fans.flatMap((f, i) => f.accounts.map((a) => ({ id: randomUUID(), ambassadorId: ambassadors[i].id, platform: a.platform, handle: a.handle, followers: a.followers, updatedAt: now })));
  for (const name of new Set(fans.flatMap((f) => f.tags))) {
    if (tagIds.has(name)) continue;
    const tag = await db.tag.upsert({ where: { brandId_name: { brandId, name } }, create: { brandId, name }, update: {}, select: { id: true } });
    tagIds.set(name, tag.id);
  }
  const invites = sendInvites
    ? ambassadors.map((a) => ({ id: randomUUID(), brandId, ambassadorId: a.id, invitedById, note: "", tokenHash: hashToken(randomToken()), expiresAt: new Date(now.getTime() + FAN_INVITE_DAYS * 86_400_000), sendCount: 0, lastSentAt: now, createdAt: now }))
    : [];
  bulkInsert([
    ["Ambassador", ambassadors],
    ["SocialAccount", accounts],
    ["FollowerSnapshot", accounts.map((a) => ({ id: randomUUID(), socialAccountId: a.id, followers: a.followers, recordedAt: now }))],
    ["AmbassadorTag", fans.flatMap((f, i) => f.tags.map((t) => ({ ambassadorId: ambassadors[i].id, tagId: tagIds.get(t)! })))],
    ["TimelineEvent", ambassadors.map((a) => ({ id: randomUUID(), brandId, ambassadorId: a.id, kind: "invited", summary: `Imported from ${fileName}`, body: "", actorId: invitedById, createdAt: now }))],
    ["FanInvite", invites],
  ]);
  for (const invite of invites) await enqueueJob(FAN_INVITE_SEND_JOB, { inviteId: invite.id, inviterName: "the team" }, { dedupeKey: `fan-invite:${invite.id}:0` });
}

/**
 * Imports the next part of a file: streams from where the last run stopped, validates rows, skips addresses
 * already in the program (or repeated in the file), writes good rows in batches, appends bad rows with their
 * reason to a rejects file, and schedules itself again until the file is done.
 */
export async function runImportPart(importId: string) {
  const job = await db.importJob.findUnique({ where: { id: importId } });
  if (!job || job.status === "done" || job.status === "failed" || job.status === "mapping") return;
  const mapping = JSON.parse(job.mapping) as Mapping;
  const headers = JSON.parse(job.headers) as string[];
  const rejectsPath = job.rejectsPath ?? path.join(uploadDir(), `${job.id}-rejected.csv`);
  if (job.status === "queued") {
    const totalRows = await countRecords(job.filePath, job.delimiter);
    await db.importJob.update({ where: { id: job.id }, data: { status: "running", startedAt: new Date(), totalRows, rejectsPath } });
    writeFileSync(rejectsPath, stringify([["line", "reason", ...headers]]));
  }
  const rejects = createWriteStream(rejectsPath, { flags: "a" });
  const counters: Counters = { imported: 0, duplicates: 0, rejected: 0 };
  let processed = 0;
  let batch: { line: number; cells: string[]; fan: ImportedFan }[] = [];
  const tagIds = new Map<string, string>(); // tag name -> id, looked up once per part

  const flush = async () => {
    if (!batch.length) return;
    const emails = batch.map((b) => b.fan.email);
    const existing = existingAmbassadorEmails(job.brandId, emails);
    const seen = new Set<string>();
    const fresh = batch.filter((b) => {
      if (existing.has(b.fan.email) || seen.has(b.fan.email)) {
        counters.duplicates++;
        return false;
      }
      seen.add(b.fan.email);
      return true;
    });
    if (fresh.length) await writeBatch(job.brandId, job.fileName, fresh.map((b) => b.fan), job.sendInvites, job.createdById, tagIds);
    counters.imported += fresh.length;
    batch = [];
  };

  const startLine = job.processedRows + 2; // record 1 is the header
  let finished = true;
  try {
    for await (const record of parser(job.filePath, job.delimiter, { from: startLine })) {
      if (processed >= ROWS_PER_RUN) {
        finished = false;
        break;
      }
      const line = startLine + processed;
      processed++;
      const result = mapRow(record as string[], mapping);
      if (result.ok) batch.push({ line, cells: record as string[], fan: result.fan });
      else {
        counters.rejected++;
        rejects.write(stringify([[String(line), result.reason, ...(record as string[])]]));
      }
      if (batch.length >= BATCH) {
        await flush();
        await new Promise((r) => setImmediate(r)); // let waiting requests run between batches
      }
    }
    await flush();
  } catch (error) {
    await new Promise((r) => rejects.end(r));
    await db.importJob.update({ where: { id: job.id }, data: { status: "failed", error: `The file could not be read past row ${job.processedRows + processed + 1}: ${(error as Error).message}`, finishedAt: new Date() } });
    return;
  }
  await new Promise((r) => rejects.end(r));
  const updated = await db.importJob.update({
    where: { id: job.id },
    data: {
      processedRows: { increment: processed },
      importedRows: { increment: counters.imported },
      duplicateRows: { increment: counters.duplicates },
      rejectedRows: { increment: counters.rejected },
      ...(finished ? { status: "done", finishedAt: new Date() } : {}),
    },
    select: { processedRows: true },
  });
  if (!finished) await enqueueJob(IMPORT_RUN_JOB, { importId: job.id }, { dedupeKey: `import:${job.id}:${updated.processedRows}` });
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
