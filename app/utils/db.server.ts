import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type Database from "better-sqlite3";
import type { IsolationLevel, SqlDriverAdapter, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { PrismaClient as PostgresClient } from "#app/generated/postgres/client";
import { PrismaClient } from "#app/generated/prisma/client";
import { databaseUrl, isPostgresUrl } from "./database-url";
import { pgInserts, pgValue, sqliteInsert, sqliteValue, type SqlRow, type SqlValue } from "./sql-rows.server";
import type { Prisma } from "#app/generated/prisma/client";

/**
 * The database client. Kindred runs on the embedded SQLite file or on PostgreSQL (docs/decisions/017-two-engines.md):
 * two generated clients from one set of models; app code is typed against the SQLite one, whose API the PostgreSQL
 * client shares for everything Kindred uses.
 */
export type DB = PrismaClient;

/** A first-come, first-served lock: the one SQLite connection of this process runs one piece of work at a time. */
class Lock {
  #tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => {
      let released = false;
      return () => {
        if (!released) (released = true), release();
      };
    });
    this.#tail = this.#tail.then(() => held);
    return ready;
  }
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

const BUSY_WAIT_MS = 15_000;

function isBusy(error: unknown) {
  const code = (error as { cause?: { originalCode?: string } })?.cause?.originalCode ?? (error as { code?: string })?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

/**
 * Runs a statement again while another connection (the import's worker, a backup, a sqlite shell) holds the write
 * lock: SQLite's own wait blocks the thread, so it is kept short (busy_timeout 25 ms) and the rest of the wait
 * happens here, between tries with jitter, with the event loop free.
 */
export async function retryWhileBusy<T>(work: () => Promise<T>, waitMs = BUSY_WAIT_MS): Promise<T> {
  const until = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isBusy(error) || Date.now() > until) throw error;
      const delay = Math.min(200, 5 * 2 ** attempt) * (0.5 + Math.random());
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/**
 * The connection Prisma uses, on top of better-sqlite3's adapter (which converts values and errors):
 * - one piece of work at a time on the connection: a query outside a transaction waits for an open transaction
 *   instead of running inside it (and being rolled back, or lost, with it);
 * - transactions start with BEGIN IMMEDIATE, taking the write lock at the start (where waiting is safe) rather
 *   than failing with "database is locked" halfway through;
 * - a COMMIT or ROLLBACK that fails (disk full, read-only file, I/O error) still ends the transaction and
 *   releases the lock, so one failed write never wedges every later one;
 * - "database is locked" from another connection is waited out (retryWhileBusy).
 */
class SerializedSQLite implements SqlDriverAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  #lock = new Lock();
  constructor(readonly base: SqlDriverAdapter) {
    this.adapterName = base.adapterName;
  }
  // Between tries the lock is let go, so this process's other work goes on while another connection writes.
  queryRaw(query: SqlQuery) {
    return retryWhileBusy(() => this.#lock.run(() => this.base.queryRaw(query)));
  }
  executeRaw(query: SqlQuery) {
    return retryWhileBusy(() => this.#lock.run(() => this.base.executeRaw(query)));
  }
  executeScript(script: string) {
    return retryWhileBusy(() => this.#lock.run(() => this.base.executeScript(script)));
  }
  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") throw new Error(`SQLite transactions are serializable; ${isolationLevel} is not available`);
    const release = await retryWhileBusy(async () => {
      const release = await this.#lock.acquire();
      try {
        await this.base.executeScript("BEGIN IMMEDIATE");
        return release;
      } catch (error) {
        release();
        throw error;
      }
    });
    const base = this.base;
    const inTransaction = () => (base as { client?: { inTransaction?: boolean } }).client?.inTransaction !== false;
    const end = async (sql: "COMMIT" | "ROLLBACK", run: () => Promise<number>) => {
      try {
        return await run();
      } catch (error) {
        // A ROLLBACK after SQLite already rolled back by itself (as it does on some I/O errors) has done its job.
        if (sql === "ROLLBACK" && !inTransaction()) return 0;
        // The transaction may still be open (a COMMIT that could not write): roll it back so the connection is clean.
        if (inTransaction()) await base.executeScript("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        release();
      }
    };
    return {
      provider: this.provider,
      adapterName: this.adapterName,
      options: { usePhantomQuery: false },
      queryRaw: (query) => base.queryRaw(query),
      executeRaw: (query) => {
        const sql = query.sql.trim().toUpperCase();
        if (sql === "COMMIT" || sql === "ROLLBACK") return end(sql, () => base.executeRaw(query));
        return base.executeRaw(query);
      },
      commit: async () => release(),
      rollback: async () => release(),
    };
  }
  dispose() {
    return this.base.dispose();
  }
}

/** better-sqlite3 with Kindred's pragmas, behind the serialized connection above. */
let sqliteConnection: { inTransaction: boolean; prepare(sql: string): { run(...params: unknown[]): unknown } } | undefined;

/**
 * Prisma's adapter prepares every query anew (≈ 5 % of a page's server time); SQLite statements can be kept and run
 * again with new values. The adapter's connection is given a prepare() that keeps up to 500 statements and returns a
 * statement whose bind() binds for one run only (better-sqlite3's own bind() is for good).
 */
function keepStatements(client: Database.Database): Database.Database {
  const kept = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = kept.get(sql);
    if (!statement) {
      statement = client.prepare(sql);
      if (kept.size >= 500) kept.delete(kept.keys().next().value!);
      kept.set(sql, statement);
    }
    const s = statement;
    const bound = (args: unknown[]) => ({
      reader: s.reader,
      run: () => s.run(args),
      columns: () => s.columns(),
      raw: () => ({ all: () => s.raw(true).all(args) as unknown[][] }),
    });
    // Rows as objects for direct use (raw() is for statements that return rows).
    const rows = () => (s.reader ? s.raw(false) : s);
    return { reader: s.reader, run: (...params: unknown[]) => s.run(...params), all: (...params: unknown[]) => rows().all(...params), get: (...params: unknown[]) => rows().get(...params), columns: () => s.columns(), bind: (args: unknown[]) => bound(args) };
  };
  return new Proxy(client, {
    get(target, property) {
      if (property === "prepare") return prepare;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

class SQLiteAdapter extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    const withClient = adapter as unknown as { client: Database.Database };
    withClient.client = keepStatements(withClient.client);
    sqliteConnection = withClient.client as unknown as typeof sqliteConnection;
    await adapter.executeScript(
      "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 25; PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456; PRAGMA temp_store = MEMORY;",
    );
    return new SerializedSQLite(adapter) as unknown as Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
  }
}

export { databaseUrl, isPostgresUrl };

/** The engine behind the process's client. */
export const engine: "postgresql" | "sqlite" = isPostgresUrl() ? "postgresql" : "sqlite";

/**
 * A case-insensitive "contains" filter on both engines: SQLite's LIKE ignores ASCII case by itself, PostgreSQL needs
 * mode "insensitive" (ILIKE), which the SQLite client's types do not know.
 */
export function containsText(text: string): { contains: string } {
  return engine === "postgresql" ? ({ contains: text, mode: "insensitive" } as { contains: string }) : { contains: text };
}

/** A unique constraint refused the write (the same code from both engines). */
export function isUniqueViolation(error: unknown) {
  return (error as { code?: string } | null)?.code === "P2002";
}

/**
 * Runs work again when it lost a race on a unique key: an upsert (or a find-then-create) by two connections at
 * once can both miss the row and one insert then fails with P2002; on the second try that row is found.
 */
export async function retryOnUniqueViolation<T>(work: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= tries) throw error;
    }
  }
}

/** node-postgres pool size per process (DATABASE_POOL_SIZE, default 10). */
function poolSize() {
  const n = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

export function createPrisma(url = databaseUrl()): DB {
  if (isPostgresUrl(url)) {
    // The PostgreSQL client speaks the same API; its types differ only in PostgreSQL-only extras Kindred does not use.
    return new PostgresClient({
      adapter: new PrismaPg({ connectionString: url, max: poolSize() }),
      transactionOptions: { maxWait: 20_000, timeout: 30_000 },
    }) as unknown as DB;
  }
  // Transactions queue for the one connection (and, behind it, for other programs' writes): waiting for a turn is
  // normal under load and must not fail a request after Prisma's default 2 s.
  return new PrismaClient({ adapter: new SQLiteAdapter({ url }), transactionOptions: { maxWait: 20_000, timeout: 30_000 } });
}

// One client per process; kept on globalThis so dev-server reloads do not open new connections.
const g = globalThis as unknown as { __kindredDb?: DB };
export const db: DB = (g.__kindredDb ??= createPrisma());

/**
 * Inserts rows through the caller's Prisma transaction, for fan-outs (a scoop's outbox rows: 500 messages of a few KB
 * a job), where Prisma costs ~0.3 ms of CPU a row. On SQLite the rows go straight through a prepared statement of
 * the connection the transaction holds (the lock above keeps everything else off it), ~0.01 ms a row; on PostgreSQL
 * as multi-row INSERTs in the transaction. Values are stored as Prisma stores them (sql-rows.server.ts).
 */
export async function insertRows(client: Prisma.TransactionClient, table: string, rows: readonly SqlRow[]) {
  if (!rows.length) return;
  if (engine === "postgresql") {
    for (const { sql, params } of pgInserts(table, rows)) await client.$executeRawUnsafe(sql, ...params);
    return;
  }
  const conn = sqliteConnection;
  // Only inside the caller's transaction, which holds this process's one connection.
  if (!conn?.inTransaction) throw new Error("insertRows runs inside a transaction");
  sqliteInsert((sql) => conn.prepare(sql), table, rows);
}

/** ? placeholders and values as Prisma stores them, for the process's engine ($1, $2… on PostgreSQL). */
function plainSql(sql: string, params: readonly SqlValue[]): [string, ...unknown[]] {
  if (engine === "postgresql") {
    let n = 0;
    return [sql.replace(/\?/g, () => `$${++n}`), ...params.map(pgValue)];
  }
  return [sql, ...params.map(sqliteValue)];
}

/**
 * A read in plain SQL through the process's client, for the few queries Prisma cannot express (the directory's
 * text search, grouped counts). Written with ? placeholders for both engines; values are passed as Prisma stores them.
 */
export async function queryRows<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
  return db.$queryRawUnsafe<T[]>(...plainSql(sql, params));
}

/** A statement in plain SQL (? placeholders) inside a Prisma transaction; returns the rows it reads, if any. */
export async function executeSql<T = unknown>(tx: Prisma.TransactionClient, sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
  if (/^\s*(SELECT|WITH)\b/i.test(sql)) return tx.$queryRawUnsafe<T[]>(...plainSql(sql, params));
  await tx.$executeRawUnsafe(...plainSql(sql, params));
  return [];
}
