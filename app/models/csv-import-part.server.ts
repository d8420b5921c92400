// One part of a CSV import: parse, validate, dedupe and write up to ROWS_PER_RUN rows. It touches only files and
// the raw SQLite bulk writer (no Prisma), so it can run in a worker thread and never stall the server's requests.
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, writeFileSync } from "node:fs";
import { parse } from "csv-parse";
import { toCsv } from "#app/utils/csv.server";
import { hashToken, randomToken } from "#app/utils/crypto.server";
import { bulkInsert, ensureTags, existingAmbassadorEmails } from "#app/utils/sqlite-bulk.server";
import { mapRow, type ImportedFan, type Mapping } from "./csv-import";
import { FAN_INVITE_DAYS } from "./invite-input";

export const ROWS_PER_RUN = 5_000;
const BATCH = 200;

export type PartInput = {
  brandId: string;
  fileName: string;
  filePath: string;
  delimiter: string;
  headers: string[];
  mapping: Mapping;
  processedRows: number;
  countRows: boolean;
  rejectsPath: string;
  sendInvites: boolean;
  createdById: string | null;
};

export type PartResult = {
  totalRows: number | null;
  processed: number;
  imported: number;
  duplicates: number;
  rejected: number;
  finished: boolean;
  inviteIds: string[];
  error: string | null;
};

export function csvParser(filePath: string, delimiter: string, opts: { from?: number; to?: number } = {}) {
  return createReadStream(filePath).pipe(parse({ delimiter, bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, trim: false, ...opts }));
}

async function countRecords(filePath: string, delimiter: string) {
  let n = 0;
  for await (const _ of csvParser(filePath, delimiter)) n++;
  return Math.max(0, n - 1);
}

function writeBatch(input: PartInput, fans: ImportedFan[], tagIds: Map<string, string>) {
  const now = new Date();
  const { brandId, fileName, createdById } = input;
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
  const missing = [...new Set(fans.flatMap((f) => f.tags))].filter((t) => !tagIds.has(t));
  for (const [name, id] of ensureTags(brandId, missing)) tagIds.set(name, id);
  const invites = input.sendInvites
    ? ambassadors.map((a) => ({ id: randomUUID(), brandId, ambassadorId: a.id, invitedById: createdById, note: "", tokenHash: hashToken(randomToken()), expiresAt: new Date(now.getTime() + FAN_INVITE_DAYS * 86_400_000), sendCount: 0, lastSentAt: now, createdAt: now }))
    : [];
  bulkInsert([
    ["Ambassador", ambassadors],
    ["SocialAccount", accounts],
    ["FollowerSnapshot", accounts.map((a) => ({ id: randomUUID(), socialAccountId: a.id, followers: a.followers, recordedAt: now }))],
    ["AmbassadorTag", fans.flatMap((f, i) => f.tags.map((t) => ({ ambassadorId: ambassadors[i].id, tagId: tagIds.get(t)! })))],
    ["TimelineEvent", ambassadors.map((a) => ({ id: randomUUID(), brandId, ambassadorId: a.id, kind: "invited", summary: `Imported from ${fileName}`, body: "", actorId: createdById, createdAt: now }))],
    ["FanInvite", invites],
  ]);
  return invites.map((i) => i.id);
}

/**
 * Imports the next part of a file: streams from where the last part stopped, validates rows, skips addresses
 * already in the program (or repeated in the file), writes good rows in small transactions, and appends bad
 * rows with their reason to the rejects file.
 */
export async function importPart(input: PartInput): Promise<PartResult> {
  const result: PartResult = { totalRows: null, processed: 0, imported: 0, duplicates: 0, rejected: 0, finished: true, inviteIds: [], error: null };
  if (input.countRows) {
    result.totalRows = await countRecords(input.filePath, input.delimiter);
    writeFileSync(input.rejectsPath, toCsv([["line", "reason", ...input.headers]]));
  }
  const rejects = createWriteStream(input.rejectsPath, { flags: "a" });
  const tagIds = new Map<string, string>();
  let batch: ImportedFan[] = [];
  const flush = () => {
    if (!batch.length) return;
    const existing = existingAmbassadorEmails(input.brandId, batch.map((f) => f.email));
    const seen = new Set<string>();
    const fresh = batch.filter((f) => {
      const dup = existing.has(f.email) || seen.has(f.email);
      seen.add(f.email);
      if (dup) result.duplicates++;
      return !dup;
    });
    if (fresh.length) result.inviteIds.push(...writeBatch(input, fresh, tagIds));
    result.imported += fresh.length;
    batch = [];
  };
  const startLine = input.processedRows + 2; // record 1 is the header
  try {
    for await (const record of csvParser(input.filePath, input.delimiter, { from: startLine })) {
      if (result.processed >= ROWS_PER_RUN) {
        result.finished = false;
        break;
      }
      const line = startLine + result.processed;
      result.processed++;
      const row = mapRow(record as string[], input.mapping);
      if (row.ok) batch.push(row.fan);
      else {
        result.rejected++;
        rejects.write(toCsv([[String(line), row.reason, ...(record as string[])]]));
      }
      if (batch.length >= BATCH) flush();
    }
    flush();
  } catch (error) {
    result.error = `The file could not be read past row ${input.processedRows + result.processed + 1}: ${(error as Error).message}`;
  }
  await new Promise((r) => rejects.end(r));
  return result;
}
