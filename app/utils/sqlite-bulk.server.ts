// Raw, batched SQLite writes for bulk paths (CSV import), where Prisma's per-row cost would block the server:
// 500 rows through Prisma's createMany take ~50–100 ms of CPU, the same rows through a prepared statement ~2 ms.
// Only this module and its callers' "bulk" functions use it; everything else goes through Prisma.
// A PostgreSQL deployment needs its own implementation of these two functions.
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { databaseUrl } from "./database-url";

type Row = Record<string, string | number | boolean | Date | null>;

const g = globalThis as unknown as { __kindredBulk?: { url: string; conn: Database.Database } };

function connection() {
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

/** Prisma's SQLite format for DateTime columns. */
function value(v: Row[string]) {
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  return v;
}

const statements = new Map<string, Database.Statement>();
function insertStatement(table: string, columns: string[]) {
  const key = `${table}(${columns.join(",")})`;
  let s = statements.get(key);
  if (!s || !s.database.open) {
    s = connection().prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
    statements.set(key, s);
  }
  return s;
}

/** Inserts rows of the given tables in one transaction: all or nothing. Every row of a table has the same keys. */
export function bulkInsert(tables: [table: string, rows: Row[]][]) {
  const conn = connection();
  conn.transaction(() => {
    for (const [table, rows] of tables) {
      if (!rows.length) continue;
      const columns = Object.keys(rows[0]);
      const stmt = insertStatement(table, columns);
      for (const row of rows) stmt.run(columns.map((c) => value(row[c])));
    }
  })();
  // Copy this batch's pages into the database file now, a few at a time, instead of letting the WAL grow
  // until an automatic checkpoint copies thousands of pages in one go (a half-second pause of the server).
  conn.pragma("wal_checkpoint(PASSIVE)");
}

/** Which of these emails already belong to ambassadors of the brand. */
export function existingAmbassadorEmails(brandId: string, emails: string[]) {
  if (!emails.length) return new Set<string>();
  const rows = connection()
    .prepare(`SELECT "email" FROM "Ambassador" WHERE "brandId" = ? AND "email" IN (${emails.map(() => "?").join(",")})`)
    .all(brandId, ...emails) as { email: string }[];
  return new Set(rows.map((r) => r.email));
}

/** Ids of the brand's tags with these names, creating the missing ones. */
export function ensureTags(brandId: string, names: string[]) {
  const conn = connection();
  const insert = conn.prepare(`INSERT INTO "Tag" ("id", "brandId", "name") VALUES (?, ?, ?) ON CONFLICT ("brandId", "name") DO NOTHING`);
  const select = conn.prepare(`SELECT "id" FROM "Tag" WHERE "brandId" = ? AND "name" = ?`);
  const ids = new Map<string, string>();
  for (const name of names) {
    insert.run(randomUUID(), brandId, name);
    ids.set(name, (select.get(brandId, name) as { id: string }).id);
  }
  return ids;
}
