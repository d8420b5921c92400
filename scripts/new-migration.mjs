// Authors a migration without prompts: npm run db:new -- <name>
// Diffs the committed migrations (replayed on a shadow database) against the schema and writes the SQL
// into prisma/<engine>/migrations/<timestamp>_<name>/migration.sql. `prisma migrate dev` cannot run
// non-interactively here (see docs/decisions/002-prisma-6-19.md).
// Every change of models.prisma needs a migration for each engine: run it once as is (SQLite), and once with
// DATABASE_URL=postgresql://… (a server where the role may create the shadow database). The migrations test
// fails until both folders describe the models.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const name = (process.argv[2] ?? "").replace(/[^A-Za-z0-9_]/g, "_");
if (!name) {
  console.error("usage: npm run db:new -- <name>");
  process.exit(1);
}
if (existsSync(".env") && !process.env.DATABASE_URL) process.loadEnvFile(".env");
const engine = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? "postgresql" : "sqlite";
const schemaDir = engine === "postgresql" ? "prisma/postgres" : "prisma/sqlite";
const migrationsDir = join(schemaDir, "migrations");
const hasMigrations = existsSync(migrationsDir) && readdirSync(migrationsDir).some((d) => /^\d+_/.test(d));
const tmp = join(mkdtempSync(join(tmpdir(), "kindred-mig-")), "migration.sql");
const from = hasMigrations ? ["--from-migrations", migrationsDir] : ["--from-empty"];
execFileSync(
  "node",
  ["node_modules/prisma/build/index.js", "migrate", "diff", ...from, "--to-schema-datamodel", schemaDir, "--script", "-o", tmp],
  { stdio: ["ignore", "ignore", "inherit"] },
);
const sql = readFileSync(tmp, "utf8");
if (/^-- This is an empty migration\.\s*$/.test(sql)) {
  console.log("No schema changes.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const out = join(migrationsDir, `${stamp}_${name}`);
mkdirSync(out, { recursive: true });
renameSync(tmp, join(out, "migration.sql"));
if (!existsSync(join(migrationsDir, "migration_lock.toml"))) {
  const { writeFileSync } = await import("node:fs");
  writeFileSync(join(migrationsDir, "migration_lock.toml"), `provider = "${engine}"\n`);
}
console.log(`Created ${out}/migration.sql`);
