// Raw, batched writes for bulk paths (the CSV import, the benchmarks' fixtures), where Prisma's per-row cost would
// hold the server up: 500 rows through Prisma's createMany take ~50–100 ms of CPU, the same rows through a prepared
// SQLite statement ~2 ms, and through one multi-row PostgreSQL INSERT one round trip. Only these paths use it;
// everything else goes through Prisma.
// SQLite: this thread's own better-sqlite3 connection (the import runs it in a worker thread, apart from the server).
// PostgreSQL: one node-postgres connection of its own, so a batch's transaction never waits for the request pool.
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { databaseUrl, isPostgresUrl } from "./database-url";
import { pgInserts, pgValue, sqliteInsert, sqliteValue, type SqlRow as Row, type SqlValue as Value } from "./sql-rows.server";

/** Reads and writes inside one transaction. SQL is written with ? placeholders for both engines. */
export type BulkTx = {
  /**
   * SQLite checks foreign keys at commit (defer_foreign_keys), so a transaction may insert children before their
   * parents; PostgreSQL checks each row as it goes, parents first.
   */
  engine: "sqlite" | "postgresql";
  all<T>(sql: string, params?: Value[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: Value[]): Promise<number>;
  /** Inserts rows of the given tables. Every row of a table has the same keys. */
  insert(tables: [table: string, rows: Row[]][]): Promise<void>;
};

export type BulkSession = BulkTx & {
  /** Runs the work as one write transaction: all of it is kept, or none. */
  transaction<T>(work: (tx: BulkTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

function sqliteSession(file: string): BulkSession {
  const conn = new Database(file);
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = NORMAL");
  conn.pragma("cache_size = -65536"); // 64 MB: bulk writes touch many index pages
  conn.pragma("busy_timeout = 5000");
  conn.pragma("foreign_keys = ON");
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = conn.prepare(sql)));
    return s;
  };
  const tx: BulkTx = {
    engine: "sqlite",
    all: async <T>(sql: string, params: Value[] = []) => prepared(sql).all(...params.map(sqliteValue)) as T[],
    run: async (sql, params = []) => prepared(sql).run(...params.map(sqliteValue)).changes,
    insert: async (tables) => {
      for (const [table, rows] of tables) sqliteInsert(prepared, table, rows);
    },
  };
  return {
    ...tx,
    async transaction(work) {
      // Only this session uses the connection, so its statements between BEGIN and COMMIT are the transaction's.
      conn.exec("BEGIN IMMEDIATE");
      conn.pragma("defer_foreign_keys = ON");
      try {
        const result = await work(tx);
        conn.exec("COMMIT");
        // Copy this batch's pages into the database file now, a few at a time, instead of letting the WAL grow
        // until an automatic checkpoint copies thousands of pages in one go (a half-second pause of the server).
        conn.pragma("wal_checkpoint(PASSIVE)");
        return result;
      } catch (error) {
        if (conn.inTransaction) conn.exec("ROLLBACK");
        throw error;
      }
    },
    close: async () => void conn.close(),
  };
}

/** ? placeholders as PostgreSQL's $1, $2, … (the bulk SQL has no ? inside literals). */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

function postgresSession(url: string): BulkSession {
  const client = new pg.Client({ connectionString: url });
  const connected = client.connect();
  const tx: BulkTx = {
    engine: "postgresql",
    all: async <T>(sql: string, params: Value[] = []) => {
      await connected;
      return (await client.query(numbered(sql), params.map(pgValue))).rows as T[];
    },
    run: async (sql, params = []) => {
      await connected;
      return (await client.query(numbered(sql), params.map(pgValue))).rowCount ?? 0;
    },
    insert: async (tables) => {
      await connected;
      for (const [table, rows] of tables) {
        for (const { sql, params } of pgInserts(table, rows)) await client.query(sql, params);
      }
    },
  };
  return {
    ...tx,
    async transaction(work) {
      await connected;
      await client.query("BEGIN");
      try {
        const result = await work(tx);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    },
    close: async () => {
      await connected.catch(() => {});
      await client.end();
    },
  };
}

/** A bulk session on the database in DATABASE_URL; close it when done. */
export function openBulk(url = databaseUrl()): BulkSession {
  return isPostgresUrl(url) ? postgresSession(url) : sqliteSession(url.replace(/^file:/, ""));
}

/** Which of these emails already belong to ambassadors of the brand (email → the import that created the record). */
export async function existingAmbassadorEmails(tx: BulkTx, brandId: string, emails: string[]) {
  if (!emails.length) return new Map<string, string | null>();
  const rows = await tx.all<{ email: string; importJobId: string | null }>(`SELECT "email", "importJobId" FROM "Ambassador" WHERE "brandId" = ? AND "email" IN (${emails.map(() => "?").join(",")})`, [brandId, ...emails]);
  return new Map(rows.map((r) => [r.email, r.importJobId]));
}

/** Ids of the brand's tags with these names, creating the missing ones. */
export async function ensureTags(tx: BulkTx, brandId: string, names: string[]) {
  const ids = new Map<string, string>();
  for (const name of names) {
    await tx.run(`INSERT INTO "Tag" ("id", "brandId", "name") VALUES (?, ?, ?) ON CONFLICT ("brandId", "name") DO NOTHING`, [randomUUID(), brandId, name]);
    const [row] = await tx.all<{ id: string }>(`SELECT "id" FROM "Tag" WHERE "brandId" = ? AND "name" = ?`, [brandId, name]);
    ids.set(name, row.id);
  }
  return ids;
}
