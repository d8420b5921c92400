// Raw, batched SQLite writes for bulk paths (the CSV import, in its worker thread), where Prisma's per-row cost
// would block the server: 500 rows through Prisma's createMany take ~50–100 ms of CPU, the same rows through a
// prepared statement ~2 ms. Only the import uses it; everything else goes through Prisma.
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { databaseUrl } from "./database-url";

type Row = Record<string, string | number | boolean | Date | null>;

const g = globalThis as unknown as { __kindredBulk?: { url: string; conn: Database.Database } };

/** This thread's own connection for bulk work (a worker thread has its own, apart from the server's). */
export function bulkConnection() {
  const url = databaseUrl();
  if (g.__kindredBulk?.url !== url) {
    g.__kindredBulk?.conn.close();
    const conn = new Database(url.replace(/^file:/, ""));
    conn.pragma("journal_mode = WAL");
    conn.pragma("synchronous = NORMAL");
    conn.pragma("cache_size = -65536"); // 64 MB: bulk writes touch many index pages
    conn.pragma("busy_timeout = 5000");
    conn.pragma("foreign_keys = ON");
    g.__kindredBulk = { url, conn };
  }
  return g.__kindredBulk.conn;
}

/** Prisma's SQLite format for DateTime columns (and booleans as 0/1). */
export function sqliteValue(v: Row[string]) {
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  return v;
}

const statements = new Map<string, Database.Statement>();
function insertStatement(table: string, columns: string[]) {
  const key = `${table}(${columns.join(",")})`;
  let s = statements.get(key);
  if (!s || !s.database.open) {
    s = bulkConnection().prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
    statements.set(key, s);
  }
  return s;
}

/** Inserts rows of the given tables, inside the caller's transaction (bulkTransaction). Every row of a table has the same keys. */
export function bulkInsert(tables: [table: string, rows: Row[]][]) {
  for (const [table, rows] of tables) {
    if (!rows.length) continue;
    const columns = Object.keys(rows[0]);
    const stmt = insertStatement(table, columns);
    for (const row of rows) stmt.run(columns.map((c) => sqliteValue(row[c])));
  }
}

/** Runs the work as one write transaction (taking the write lock at the start: BEGIN IMMEDIATE). */
export function bulkTransaction<T>(work: () => T): T {
  const conn = bulkConnection();
  const result = conn.transaction(work).immediate();
  // Copy this batch's pages into the database file now, a few at a time, instead of letting the WAL grow
  // until an automatic checkpoint copies thousands of pages in one go (a half-second pause of the server).
  conn.pragma("wal_checkpoint(PASSIVE)");
  return result;
}

/** Which of these emails already belong to ambassadors of the brand. */
export function existingAmbassadorEmails(brandId: string, emails: string[]) {
  if (!emails.length) return new Map<string, string | null>();
  const rows = bulkConnection()
    .prepare(`SELECT "email", "importJobId" FROM "Ambassador" WHERE "brandId" = ? AND "email" IN (${emails.map(() => "?").join(",")})`)
    .all(brandId, ...emails) as { email: string; importJobId: string | null }[];
  // email → the import that created the record (null when it came another way)
  return new Map(rows.map((r) => [r.email, r.importJobId]));
}

/** Ids of the brand's tags with these names, creating the missing ones. */
export function ensureTags(brandId: string, names: string[]) {
  const conn = bulkConnection();
  const insert = conn.prepare(`INSERT INTO "Tag" ("id", "brandId", "name") VALUES (?, ?, ?) ON CONFLICT ("brandId", "name") DO NOTHING`);
  const select = conn.prepare(`SELECT "id" FROM "Tag" WHERE "brandId" = ? AND "name" = ?`);
  const ids = new Map<string, string>();
  for (const name of names) {
    insert.run(randomUUID(), brandId, name);
    ids.set(name, (select.get(brandId, name) as { id: string }).id);
  }
  return ids;
}
