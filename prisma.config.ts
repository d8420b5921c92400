import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

// A config file turns off Prisma's own .env loading, so load it here.
if (existsSync(".env")) process.loadEnvFile(".env");

const url = process.env.DATABASE_URL ?? "file:./data/kindred.db";
const isPostgres = /^postgres(ql)?:\/\//.test(url);
// Every SQLite command opens this file (migrate diff too): its folder must exist.
if (url.startsWith("file:")) mkdirSync(dirname(url.slice("file:".length)), { recursive: true });

// Prisma 6.19's WebAssembly schema engine replays migration files on the shadow database through
// executeRaw() with the whole multi-statement file, which the adapters run as one prepared statement
// (P3006). Route argument-less SQL of the shadow connection to executeScript() instead.
type ScriptAdapter = { executeRaw(q: { sql: string; args: unknown[] }): Promise<number>; executeScript(s: string): Promise<void> };
function scriptsViaExec<T extends ScriptAdapter>(adapter: T): T {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (q) => {
    if (q.args.length === 0) {
      await adapter.executeScript(q.sql);
      return 0;
    }
    return executeRaw(q);
  };
  return adapter;
}

class SQLiteMigrateAdapter extends PrismaBetterSQLite3 {
  override async connectToShadowDb() {
    return scriptsViaExec(await super.connectToShadowDb());
  }
}

// PostgreSQL through the same engine needs four more fixes (docs/decisions/017-two-engines.md):
// 1. node-postgres lets a connectionString override `database`, which would point the shadow database at the
//    main one: pass the parts of the URL as separate fields.
function pgConfig(u: string) {
  const p = new URL(u);
  return {
    host: decodeURIComponent(p.hostname),
    port: Number(p.port || 5432),
    user: decodeURIComponent(p.username),
    password: decodeURIComponent(p.password),
    database: decodeURIComponent(p.pathname.slice(1)),
    allowExitOnIdle: true,
  };
}
type PgConfig = ReturnType<typeof pgConfig>;
type PgConnection = Awaited<ReturnType<PrismaPg["connect"]>>;
// 2. The engine's catalog queries return columns of type name, "char" and their arrays, which adapter-pg cannot
//    map: report them as text and text[].
const CATALOG_TYPES: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };
function catalogTypesAsText(connection: PgConnection): PgConnection {
  const performIO = (connection as unknown as { performIO(q: unknown): Promise<{ fields: { dataTypeID: number }[] }> }).performIO.bind(connection);
  (connection as unknown as { performIO: typeof performIO }).performIO = async (q) => {
    const result = await performIO(q);
    for (const f of result.fields) f.dataTypeID = CATALOG_TYPES[f.dataTypeID] ?? f.dataTypeID;
    return result;
  };
  return connection;
}
// 3. adapter-pg runs a script by splitting it at every ";", which breaks function bodies (the Job table's queue
//    trigger) and comments: send each migration file whole, as PostgreSQL's simple query protocol allows.
function wholeScripts(connection: PgConnection): PgConnection {
  const conn = connection as unknown as { client: { query(sql: string): Promise<unknown> }; onError(e: unknown): never };
  connection.executeScript = async (script: string) => {
    try {
      await conn.client.query(script);
    } catch (error) {
      conn.onError(error);
    }
  };
  return connection;
}
// 4. The shadow database is created and dropped here, its pool closed before the drop.
class PgMigrateAdapter extends PrismaPg {
  constructor(private readonly parts: PgConfig) {
    super(parts);
  }
  override async connect() {
    return wholeScripts(catalogTypesAsText(await super.connect()));
  }
  override async connectToShadowDb() {
    const admin = await super.connect();
    const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = scriptsViaExec(wholeScripts(catalogTypesAsText(await new PrismaPg({ ...this.parts, database }).connect())));
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    };
    return shadow;
  }
}

// The engine arms 10 s and 60 s timers it never clears: without this a PostgreSQL command lingers after its work.
if (isPostgres) {
  const setTimeoutAsIs = globalThis.setTimeout;
  globalThis.setTimeout = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = setTimeoutAsIs(fn, ms, ...args);
    if ((ms ?? 0) >= 10_000) timer.unref();
    return timer;
  }) as typeof setTimeout;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres ? "prisma/postgres" : "prisma/sqlite",
  adapter: async () => (isPostgres ? new PgMigrateAdapter(pgConfig(url)) : new SQLiteMigrateAdapter({ url })),
});
