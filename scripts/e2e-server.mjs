// Starts the production build on a fresh database for the browser tests (run by playwright.config.ts).
import { execFileSync, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";

const env = JSON.parse(process.env.KINDRED_E2E_ENV ?? "{}");
// A SQLite file starts empty; a PostgreSQL database is made fresh by scripts/test.mjs.
mkdirSync("tmp/e2e", { recursive: true });
if (env.DATABASE_URL.startsWith("file:")) {
  const file = env.DATABASE_URL.slice("file:".length);
  mkdirSync(dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}
rmSync("tmp/e2e/server-errors.log", { force: true });
const childEnv = { ...process.env, ...env };
execFileSync(process.execPath, ["scripts/migrate.mjs"], { stdio: "inherit", env: childEnv });
// Everything the server writes to stderr is kept; the test run fails if it logged errors (tests/e2e/teardown.ts).
const errorLog = createWriteStream(process.env.KINDRED_E2E_ERROR_LOG ?? "tmp/e2e/server-errors.log");
const server = spawn(process.execPath, ["build/server/start.js"], { stdio: ["ignore", "inherit", "pipe"], env: childEnv });
server.stderr.on("data", (chunk) => {
  errorLog.write(chunk);
  process.stderr.write(chunk);
});
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
