import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// A config file turns off Prisma's own .env loading, so load it here.
if (existsSync(".env")) process.loadEnvFile(".env");

const url = process.env.DATABASE_URL ?? "file:./data/kindred.db";
// Every command opens this file (migrate diff too): its folder must exist.
if (url.startsWith("file:")) mkdirSync(dirname(url.slice("file:".length)), { recursive: true });

// Prisma 6.19's WebAssembly schema engine replays migration files on the shadow database through
// executeRaw() with the whole multi-statement file, which the adapter runs as one prepared statement
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

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/sqlite",
  adapter: async () => new SQLiteMigrateAdapter({ url }),
});
