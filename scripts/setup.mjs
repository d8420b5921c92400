// One-time local setup: writes .env (demo mode, a random session secret), migrates the embedded SQLite
// database and loads the demo data. `--reset` starts from an empty database.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync, writeFileSync } from "node:fs";

if (!existsSync(".env")) {
  writeFileSync(
    ".env",
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
  console.log("Wrote .env with a fresh SESSION_SECRET and demo mode on.");
}
process.loadEnvFile(".env");
const url = process.env.DATABASE_URL ?? "file:./data/kindred.db";
if (process.argv.includes("--reset") && url.startsWith("file:")) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(url.slice(5) + suffix, { force: true });
  console.log("Removed the old database.");
}
execFileSync(process.execPath, ["scripts/migrate.mjs"], { stdio: "inherit" });
execFileSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { stdio: "inherit" });
