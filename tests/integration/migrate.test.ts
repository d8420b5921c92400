// The migration step at start-up must not be blocked by a reader (a backup tool, a sqlite shell).
import { spawn } from "node:child_process";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import pg from "pg";
import { isPostgresUrl } from "#app/utils/database-url";
import { dropTestDatabase, pgAdmin, pgDatabaseUrl } from "#tests/setup/postgres";

const TEMPLATE = path.resolve("tmp/test-db/template.db");

function migrate(file: string, onOutput?: (out: string) => void) {
  return new Promise<{ code: number | null; out: string; ms: number }>((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ["scripts/migrate.mjs"], { env: { PATH: process.env.PATH ?? "", DATABASE_URL: `file:${file}`, MIGRATE_WAIT_MS: "30000" } as unknown as NodeJS.ProcessEnv });
    let out = "";
    const read = (d: Buffer) => {
      out += d;
      onOutput?.(out);
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
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
    // The other program lets go once the migration says it is waiting for it (however long that takes on a busy machine).
    const release = () => {
      if (!holder.open) return;
      holder.exec("ROLLBACK");
      holder.close();
    };
    const result = await migrate(file, (out) => {
      if (out.includes("waiting for another program")) setTimeout(release, 1_000);
    });
    release();
    expect(result.out).toContain("waiting for another program");
    expect(result.out).toContain("Applied 1 migration(s).");
    expect(result.code).toBe(0);
    const check = new Database(file, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'Heartbeat'").get()).toBeTruthy();
    check.close();
    rmSync(file, { force: true });
  });
});

function setup(url: string, envFile: string, ...args: string[]) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ["scripts/setup.mjs", ...args], { env: { PATH: process.env.PATH ?? "", DATABASE_URL: url, ENV_FILE: envFile } as unknown as NodeJS.ProcessEnv });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    child.stderr.on("data", (d: Buffer) => (out += d));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

// `DATABASE_URL=postgresql://… npm run setup` on an empty database: the schema, the queue's schema and the demo data.
describe.skipIf(!isPostgresUrl())("setup on PostgreSQL", () => {
  test("migrates an empty database and seeds the demo; a reset starts again from empty", { timeout: 120_000 }, async () => {
    const name = `kindred_t_setup_${process.pid}`;
    const envFile = path.resolve("tmp", `setup-${process.pid}.env`);
    await dropTestDatabase(name);
    await pgAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
    const url = pgDatabaseUrl(name);
    const counts = async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const one = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0].n);
        return {
          brands: await one(`SELECT COUNT(*) AS n FROM "Brand"`),
          demoStaff: await one(`SELECT COUNT(*) AS n FROM "User" WHERE email IN ('maya@juniperbakery.example', 'sam@juniperbakery.example', 'lea@juniperbakery.example')`),
          ambassadors: await one(`SELECT COUNT(*) AS n FROM "Ambassador"`),
          queue: await one(`SELECT COUNT(*) AS n FROM information_schema.schemata WHERE schema_name = 'graphile_worker'`),
          // Juniper's connected Instagram and Bluesky: two known fans' posts wait for review, three other fans are listed.
          foundPending: await one(`SELECT COUNT(*) AS n FROM "Post" WHERE "foundVia" IS NOT NULL AND "status" = 'pending'`),
          foundAuthors: await one(`SELECT COUNT(*) AS n FROM "FoundAuthor" WHERE "status" = 'new'`),
          connections: await one(`SELECT COUNT(*) AS n FROM "BrandConnection" WHERE "status" = 'active'`),
        };
      } finally {
        await client.end();
      }
    };
    try {
      const first = await setup(url, envFile);
      expect(first.out).toContain("Seeded Juniper Bakery");
      expect(first.code).toBe(0);
      const seeded = await counts();
      expect(seeded).toMatchObject({ brands: 2, demoStaff: 3, queue: 1, foundPending: 2, foundAuthors: 3, connections: 2 });
      expect(seeded.ambassadors).toBeGreaterThan(50);
      const again = await setup(url, envFile, "--reset");
      expect(again.out).toContain("Removed the old database.");
      expect(again.code).toBe(0);
      expect(await counts()).toEqual(seeded);
    } finally {
      rmSync(envFile, { force: true });
      await dropTestDatabase(name);
    }
  });
});
