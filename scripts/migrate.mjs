// Applies pending migrations to the database in DATABASE_URL (creating its folder). Used by dev, start and setup.
// On PostgreSQL it runs `prisma migrate deploy` (which takes an advisory lock, so instances starting together
// migrate one after another) and then installs the job queue's own schema (graphile-worker).
// Prisma's migration engine opens SQLite in exclusive locking mode, which fails while any other connection holds
// the database (a backup tool, a sqlite shell, a second server). So the applied migrations are read first with an
// ordinary connection, and the engine runs only when one is pending — a restart is never blocked by a reader —
// and then it waits, saying so, for other connections to let go.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";

if (existsSync(".env")) process.loadEnvFile(".env");
const url = process.env.DATABASE_URL ?? "file:./data/kindred.db";

if (/^postgres(ql)?:\/\//.test(url)) {
  try {
    execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, DATABASE_URL: url } });
  } catch (error) {
    process.stderr.write(String(error.stderr ?? error));
    console.error(`Could not migrate the PostgreSQL database in DATABASE_URL (${new URL(url).host}). Is the server running and the role allowed to create tables?`);
    process.exit(1);
  }
  const { runMigrations } = await import("graphile-worker");
  await runMigrations({ connectionString: url, logger: quietLogger() });
  console.log("PostgreSQL database is up to date.");
  process.exit(0);
}

function quietLogger() {
  return { scope: () => quietLogger(), debug() {}, info() {}, warn: console.warn, error: console.error };
}
const file = url.slice("file:".length);
mkdirSync(dirname(file), { recursive: true });

const folders = readdirSync("prisma/sqlite/migrations", { withFileTypes: true })
  .filter((d) => d.isDirectory() && /^\d+_/.test(d.name))
  .map((d) => d.name);

function pendingMigrations() {
  if (!existsSync(file)) return folders;
  const conn = new Database(file, { readonly: true, timeout: 15_000 });
  try {
    const table = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return folders;
    const applied = new Set(conn.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").all().map((r) => r.migration_name));
    return folders.filter((f) => !applied.has(f));
  } finally {
    conn.close();
  }
}

/**
 * The directory's search index, which Prisma cannot describe (prisma/sqlite/search.sql; idempotent). The file's hash
 * is kept in "_kindred_sql", and the file runs only when it changed, so a start-up with nothing to change only reads
 * (and is not blocked by a program holding the database open).
 */
function applySearchIndex() {
  const sql = readFileSync("prisma/sqlite/search.sql", "utf8");
  const hash = createHash("sha256").update(sql).digest("hex");
  const reader = new Database(file, { readonly: true, timeout: 15_000 });
  let current = false;
  try {
    const table = reader.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_kindred_sql'").get();
    current = Boolean(table && reader.prepare("SELECT 1 FROM _kindred_sql WHERE name = 'search' AND hash = ?").get(hash));
  } finally {
    reader.close();
  }
  if (current) return;
  const conn = new Database(file, { timeout: WAIT_MS });
  try {
    conn.transaction(() => {
      conn.exec(sql);
      conn.exec("CREATE TABLE IF NOT EXISTS _kindred_sql (name TEXT PRIMARY KEY, hash TEXT NOT NULL)");
      conn.prepare("INSERT INTO _kindred_sql (name, hash) VALUES ('search', ?) ON CONFLICT (name) DO UPDATE SET hash = excluded.hash").run(hash);
    }).immediate();
  } finally {
    conn.close();
  }
}

const WAIT_MS = Number(process.env.MIGRATE_WAIT_MS ?? 120_000);
const pending = pendingMigrations();
if (pending.length === 0) {
  applySearchIndex();
  console.log("Database is up to date.");
  process.exit(0);
}

const until = Date.now() + WAIT_MS;
for (let attempt = 1; ; attempt++) {
  try {
    execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, DATABASE_URL: url } });
    break;
  } catch (error) {
    const stderr = String(error.stderr ?? "");
    const busy = /SQLITE_BUSY|SocketTimeout|database is locked/.test(stderr);
    if (!busy || Date.now() > until) {
      process.stderr.write(stderr);
      if (busy) console.error(`Migrating ${file} needs it to itself, and another program kept it open for ${Math.round(WAIT_MS / 1000)} s. Close it (a sqlite shell, a backup) and start again.`);
      process.exit(1);
    }
    if (attempt === 1) console.log(`Applying ${pending.length} migration(s) needs the database to itself; waiting for another program (a sqlite shell, a backup?) to close it…`);
    await new Promise((r) => setTimeout(r, 2_000));
  }
}
applySearchIndex();
console.log(`Applied ${pending.length} migration(s). Database is up to date.`);
