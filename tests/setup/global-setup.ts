// Builds a migrated template database once per test run; each test file gets its own copy (see setup-test-env.ts).
// SQLite: a template file that each file copies. PostgreSQL (TEST_POSTGRES_URL set): a template database that each
// file clones with CREATE DATABASE … TEMPLATE.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { PG_TEMPLATE, pgAdmin, pgDatabaseUrl, testPostgresUrl } from "./postgres";

export const TEST_DB_DIR = path.resolve("tmp/test-db");
export const TEMPLATE_DB = path.join(TEST_DB_DIR, "template.db");

const migrate = (url: string) =>
  execFileSync(process.execPath, ["scripts/migrate.mjs"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DATABASE_URL: url } });

export default async function setup() {
  rmSync(TEST_DB_DIR, { recursive: true, force: true });
  mkdirSync(TEST_DB_DIR, { recursive: true });
  if (testPostgresUrl()) {
    await pgAdmin(async (admin) => {
      // Databases a crashed run left behind go first.
      const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'kindred\\_t\\_%'`);
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS "${PG_TEMPLATE}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${PG_TEMPLATE}"`);
    });
    migrate(pgDatabaseUrl(PG_TEMPLATE));
    return;
  }
  migrate(`file:${TEMPLATE_DB}`);
  // Fold the WAL into the main file so a plain copy is complete.
  execFileSync(process.execPath, ["-e", `const D=require("better-sqlite3");const d=new D(${JSON.stringify(TEMPLATE_DB)});d.pragma("wal_checkpoint(TRUNCATE)");d.pragma("journal_mode=DELETE");d.close()`]);
}
