import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "#app/generated/prisma/client";
import { databaseUrl } from "./database-url";

export type DB = PrismaClient;

/** better-sqlite3 adapter that sets per-connection pragmas right after connecting. */
class SQLiteAdapter extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(
      "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 15000; PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456; PRAGMA temp_store = MEMORY;",
    );
    return adapter;
  }
}

export { databaseUrl };

export function createPrisma(url = databaseUrl()): DB {
  return new PrismaClient({ adapter: new SQLiteAdapter({ url }) });
}

// One client per process; kept on globalThis so dev-server reloads do not open new connections.
const g = globalThis as unknown as { __kindredDb?: DB };
export const db: DB = (g.__kindredDb ??= createPrisma());
