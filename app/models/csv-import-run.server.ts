// The work of a CSV import: one streaming pass over the file from where the import stands, in batches that each
// commit, in one transaction, everything they describe — the new fans, their rejected rows, the jobs that invite
// them, and the import's counts and position in the file. A crash at any moment leaves the database at the end of a
// batch; the next run resumes from the stored byte offset with nothing done twice.
// It touches only files and a bulk session of its own (no Prisma): on SQLite it runs in a worker thread, so the
// server's requests never wait on it; on PostgreSQL its writes are round trips to the server, and it runs in place.
import { orderedId as randomUUID } from "#app/utils/ids.server";
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import { hashToken, randomToken } from "#app/utils/crypto.server";
import { ensureTags, existingAmbassadorEmails, openBulk, type BulkSession } from "#app/utils/bulk.server";
import { mapRow, type ImportedFan, type Mapping } from "./csv-import";
import { jobRow } from "#app/utils/job-row";
import { FAN_INVITE_DAYS, FAN_INVITE_SEND_JOB, fanInviteSendPayload } from "./invite-input";

/** Rows per transaction: small enough that other writers wait a few milliseconds at most. */
export const BATCH_ROWS = 1_000;

export type RunInput = { importId: string };
export type RunResult = { status: "done" | "failed" | "lost"; error?: string };

type ImportRow = {
  id: string;
  brandId: string;
  fileName: string;
  filePath: string;
  delimiter: string;
  mapping: string;
  sendInvites: number | bigint | boolean;
  createdById: string | null;
  byteOffset: number | bigint;
  lineOffset: number | bigint;
  status: string;
};

export function csvParser(filePath: string, delimiter: string, opts: { start?: number; to?: number; info?: boolean } = {}) {
  const { start = 0, ...rest } = opts;
  return createReadStream(filePath, { start }).pipe(parse({ delimiter, bom: start === 0, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, trim: false, ...rest }));
}

type Note = { line: number; kind: "rejected" | "duplicate" | "warning"; reason: string; cells: string[] };
type Batch = { fans: { fan: ImportedFan; line: number; warnings: string[]; cells: string[] }[]; rejects: Note[]; rows: number; endByte: number; endLine: number };

/** Writes one batch and moves the import's position, all in one transaction; false when another run moved it first. */
function commitBatch(bulk: BulkSession, job: ImportRow, batch: Batch, from: { byte: number; line: number }, tagIds: Map<string, string>) {
  return bulk.transaction(async (tx) => {
      const now = new Date();
      const existing = await existingAmbassadorEmails(tx, job.brandId, batch.fans.map((f) => f.fan.email));
      const seen = new Set<string>();
      const fresh: ImportedFan[] = [];
      const notes: Note[] = [...batch.rejects];
      let duplicates = 0;
      let noted = 0;
      for (const { fan, line, warnings, cells } of batch.fans) {
        // The same words as the preview: a row repeated in this file, or a fan who was there before the import.
        const dup = seen.has(fan.email) || (existing.has(fan.email) && existing.get(fan.email) === job.id) ? "repeats an earlier row" : existing.has(fan.email) ? "already in the program" : null;
        seen.add(fan.email);
        if (dup) {
          duplicates++;
          notes.push({ line, kind: "duplicate", reason: dup, cells });
          continue;
        }
        fresh.push(fan);
        if (warnings.length) noted++;
        for (const w of warnings) notes.push({ line, kind: "warning", reason: w, cells });
      }
      const ambassadors = fresh.map((f) => ({
        id: randomUUID(),
        brandId: job.brandId,
        email: f.email,
        name: f.name,
        city: f.city,
        region: f.region,
        status: "invited",
        source: "import",
        importJobId: job.id,
        maxFollowers: Math.max(0, ...f.accounts.map((a) => a.followers)),
        lastTouchAt: now,
        createdAt: now,
        updatedAt: now,
      }));
      const accounts = fresh.flatMap((f, i) => f.accounts.map((a) => ({ id: randomUUID(), ambassadorId: ambassadors[i].id, platform: a.platform, handle: a.handle, followers: a.followers, updatedAt: now })));
      const missing = [...new Set(fresh.flatMap((f) => f.tags))].filter((t) => !tagIds.has(t));
      for (const [name, id] of await ensureTags(tx, job.brandId, missing)) tagIds.set(name, id);
      const invites = Number(job.sendInvites)
        ? ambassadors.map((a) => ({ id: randomUUID(), brandId: job.brandId, ambassadorId: a.id, invitedById: job.createdById, note: "", tokenHash: hashToken(randomToken()), expiresAt: new Date(now.getTime() + FAN_INVITE_DAYS * 86_400_000), sendCount: 0, lastSentAt: now, createdAt: now }))
        : [];
      const fans: [string, typeof ambassadors][] = [["Ambassador", ambassadors]];
      const socials: [string, Record<string, string | number | Date>[]][] = [
        ["SocialAccount", accounts],
        ["FollowerSnapshot", accounts.map((a) => ({ id: randomUUID(), socialAccountId: a.id, followers: a.followers, recordedAt: now }))],
      ];
      await tx.insert([
        // On SQLite the accounts go in first (foreign keys are checked at commit there), so each fan's search document
        // (prisma/sqlite/search.sql) is written once, handles included, instead of once more per account.
        ...(tx.engine === "sqlite" ? [...socials, ...fans] : [...fans, ...socials]),
        ["AmbassadorTag", fresh.flatMap((f, i) => f.tags.map((t) => ({ ambassadorId: ambassadors[i].id, tagId: tagIds.get(t)! })))],
        ["TimelineEvent", ambassadors.map((a) => ({ id: randomUUID(), brandId: job.brandId, ambassadorId: a.id, kind: "invited", summary: `Imported from ${job.fileName}`, body: "", actorId: job.createdById, createdAt: now }))],
        ["FanInvite", invites],
        // The invitation emails are jobs committed with the fans they invite: an imported fan is an invited fan.
        [
          "Job",
          invites.map((i) => ({
            id: randomUUID(),
            ...jobRow(FAN_INVITE_SEND_JOB, fanInviteSendPayload, { inviteId: i.id, inviterName: "the team" }, { runAt: now, dedupeKey: `fan-invite:${i.id}:0` }),
            status: "pending",
            attempts: 0,
            createdAt: now,
            updatedAt: now,
          })),
        ],
        ["ImportReject", notes.map((r) => ({ id: randomUUID(), importId: job.id, line: r.line, kind: r.kind, reason: r.reason, cells: JSON.stringify(r.cells) }))],
      ]);
      const moved = await tx.run(
        `UPDATE "ImportJob" SET "processedRows" = "processedRows" + ?, "importedRows" = "importedRows" + ?, "duplicateRows" = "duplicateRows" + ?, "notedRows" = "notedRows" + ?, "rejectedRows" = "rejectedRows" + ?, "byteOffset" = ?, "lineOffset" = ? WHERE "id" = ? AND "byteOffset" = ? AND "status" = 'running'`,
        [batch.rows, fresh.length, duplicates, noted, batch.rejects.length, batch.endByte, batch.endLine, job.id, from.byte],
      );
      // Another run of this import got further (a lapsed lease): this batch is not ours to write.
      if (moved !== 1) throw new LostImport();
  });
}

class LostImport extends Error {}

async function readJob(bulk: BulkSession, importId: string) {
  const [job] = await bulk.all<ImportRow>(`SELECT "id", "brandId", "fileName", "filePath", "delimiter", "mapping", "sendInvites", "createdById", "byteOffset", "lineOffset", "status" FROM "ImportJob" WHERE "id" = ?`, [importId]);
  return job;
}

async function finish(bulk: BulkSession, importId: string, data: { status: "done" | "failed"; error?: string }) {
  await bulk.run(`UPDATE "ImportJob" SET "status" = ?, "error" = ?, "totalRows" = "processedRows", "finishedAt" = ? WHERE "id" = ? AND "status" = 'running'`, [data.status, data.error ?? null, new Date(), importId]);
}

/** Runs (or resumes) an import to its end. */
export async function runImport(input: RunInput): Promise<RunResult> {
  const bulk = openBulk();
  try {
    return await runWith(bulk, input);
  } finally {
    await bulk.close();
  }
}

async function runWith(bulk: BulkSession, { importId }: RunInput): Promise<RunResult> {
  const job = await readJob(bulk, importId);
  if (!job || job.status !== "running") return { status: "lost" };
  const mapping = JSON.parse(job.mapping) as Mapping;
  let position = { byte: Number(job.byteOffset), line: Number(job.lineOffset) };
  const tagIds = new Map<string, string>();
  let batch: Batch = { fans: [], rejects: [], rows: 0, endByte: position.byte, endLine: position.line };
  const flush = async () => {
    if (!batch.rows) return;
    await commitBatch(bulk, job, batch, position, tagIds);
    position = { byte: batch.endByte, line: batch.endLine };
    batch = { fans: [], rejects: [], rows: 0, endByte: position.byte, endLine: position.line };
  };
  // The parser counts bytes and lines from where it started reading.
  const start = { ...position };
  try {
    let header = start.byte === 0;
    for await (const { record, info } of csvParser(job.filePath, job.delimiter, { start: start.byte, info: true }) as AsyncIterable<{ record: string[]; info: { bytes: number; lines: number } }>) {
      const endByte = start.byte + info.bytes;
      const line = start.line + info.lines;
      if (header) {
        // The header row: nothing to import, but the position moves past it in the first batch.
        header = false;
        batch.endByte = endByte;
        batch.endLine = line;
        continue;
      }
      batch.rows++;
      batch.endByte = endByte;
      batch.endLine = line;
      const row = mapRow(record, mapping);
      if (row.ok) batch.fans.push({ fan: row.fan, line, warnings: row.warnings, cells: record });
      else batch.rejects.push({ line, kind: "rejected", reason: row.reason, cells: record });
      if (batch.rows >= BATCH_ROWS) await flush();
    }
    if (!batch.rows && batch.endByte !== position.byte) {
      // Only the header was left: record the position so a resume does not read it as a row.
      await bulk.run(`UPDATE "ImportJob" SET "byteOffset" = ?, "lineOffset" = ? WHERE "id" = ? AND "byteOffset" = ?`, [batch.endByte, batch.endLine, job.id, position.byte]);
    }
    await flush();
  } catch (error) {
    if (error instanceof LostImport) return { status: "lost" };
    const message = `The file could not be read past line ${position.line + 1}: ${(error as Error).message}`;
    await finish(bulk, importId, { status: "failed", error: message });
    return { status: "failed", error: message };
  }
  await finish(bulk, importId, { status: "done" });
  return { status: "done" };
}
