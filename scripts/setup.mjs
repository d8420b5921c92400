// One-time local setup: writes .env (demo mode, a random session secret), migrates the database (the embedded
// SQLite file, or PostgreSQL when DATABASE_URL says so) and loads the demo data. `--reset` starts from an empty
// database.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync, writeFileSync } from "node:fs";

// ENV_FILE names another file to write and read (the tests use it to leave the checkout's .env alone).
const envFile = process.env.ENV_FILE || ".env";
if (!existsSync(envFile)) {
  writeFileSync(
    envFile,
    [
      "# Local configuration written by npm run setup. See README.md for every variable.",
      "DATABASE_URL=file:./data/kindred.db",
      `SESSION_SECRET=${randomBytes(32).toString("hex")}`,
      "APP_URL=http://localhost:3000",
      "# Demo mode: one-click demo sign-in and the all-mail outbox at /dev/outbox. Never on for real users.",
      "DEMO_MODE=true",
      "# RESEND_API_KEY=re_...",
      "",
    ].join("\n"),
  );
  console.log(`Wrote ${envFile} with a fresh SESSION_SECRET and demo mode on.`);
}
// Variables already set (DATABASE_URL=postgresql://… npm run setup) win over the file.
process.loadEnvFile(envFile);
const url = process.env.DATABASE_URL ?? "file:./data/kindred.db";
if (process.argv.includes("--reset")) {
  if (url.startsWith("file:")) {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(url.slice(5) + suffix, { force: true });
  } else {
    // PostgreSQL: empty the database (Kindred's tables and graphile-worker's schema); the role must own them.
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("DROP SCHEMA IF EXISTS graphile_worker CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    await client.end();
  }
  console.log("Removed the old database.");
}
execFileSync(process.execPath, ["scripts/migrate.mjs"], { stdio: "inherit" });
execFileSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { stdio: "inherit" });
