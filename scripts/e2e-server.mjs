// Starts the production build on a fresh database for the browser tests (run by playwright.config.ts).
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";

const env = JSON.parse(process.env.KINDRED_E2E_ENV ?? "{}");
const file = env.DATABASE_URL.slice("file:".length);
mkdirSync(dirname(file), { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
const childEnv = { ...process.env, ...env };
execFileSync(process.execPath, ["scripts/migrate.mjs"], { stdio: "inherit", env: childEnv });
const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { stdio: "inherit", env: childEnv });
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
