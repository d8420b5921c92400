// The migration step at start-up must not be blocked by a reader (a backup tool, a sqlite shell).
import { spawn } from "node:child_process";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import { isPostgresUrl } from "#app/utils/database-url";

const TEMPLATE = path.resolve("tmp/test-db/template.db");

function migrate(file: string) {
  return new Promise<{ code: number | null; out: string; ms: number }>((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ["scripts/migrate.mjs"], { env: { PATH: process.env.PATH ?? "", DATABASE_URL: `file:${file}`, MIGRATE_WAIT_MS: "30000" } as unknown as NodeJS.ProcessEnv });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    child.stderr.on("data", (d: Buffer) => (out += d));
    child.on("exit", (code) => resolve({ code, out, ms: Date.now() - started }));
  });
}

function copy(name: string) {
  const file = path.resolve("tmp/test-db", `${name}-${process.pid}-${Date.now()}.db`);
  copyFileSync(TEMPLATE, file);
  return file;
}

// Start-up migrations of the embedded SQLite file (PostgreSQL migrations take an advisory lock of their own).
describe.skipIf(isPostgresUrl())("migrations at start-up", () => {
  test("an up-to-date database starts while another program is reading it", async () => {
    const file = copy("reader");
    const reader = new Database(file);
    reader.exec("BEGIN");
    reader.prepare("SELECT count(*) FROM User").get();
    try {
      const result = await migrate(file);
      expect(result.out).toContain("Database is up to date.");
      expect(result.code).toBe(0);
    } finally {
      reader.exec("ROLLBACK");
      reader.close();
      rmSync(file, { force: true });
    }
  });

  test("a pending migration waits for the other program to close the database, then applies", { timeout: 60_000 }, async () => {
    const file = copy("pending");
    const prep = new Database(file);
    const [heartbeat] = prep.prepare("SELECT migration_name FROM _prisma_migrations WHERE migration_name LIKE '%_heartbeat'").all() as { migration_name: string }[];
    prep.exec(`DROP TABLE "Heartbeat"; DELETE FROM _prisma_migrations WHERE migration_name = '${heartbeat.migration_name}'`);
    prep.close();
    const holder = new Database(file);
    holder.exec("BEGIN");
    holder.prepare("SELECT count(*) FROM User").get();
    setTimeout(() => {
      holder.exec("ROLLBACK");
      holder.close();
    }, 8_000);
    const result = await migrate(file);
    expect(result.out).toContain("waiting for another program");
    expect(result.out).toContain("Applied 1 migration(s).");
    expect(result.code).toBe(0);
    const check = new Database(file, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'Heartbeat'").get()).toBeTruthy();
    check.close();
    rmSync(file, { force: true });
  });
});
