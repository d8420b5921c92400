// Configuration shared by the Playwright config, its server and its fixtures.
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DB_FILE = path.resolve("tmp/e2e/kindred-e2e.db");
// The browser tests run on a fresh SQLite file, or on the PostgreSQL database that scripts/test.mjs made for them.
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || `file:${E2E_DB_FILE}`;
export const E2E_SESSION_SECRET = "e2e-only-session-secret-0123456789abcdef";

export const e2eServerEnv = {
  NODE_ENV: "production",
  DATABASE_URL: E2E_DATABASE_URL,
  SESSION_SECRET: E2E_SESSION_SECRET,
  APP_URL: E2E_URL,
  PORT: String(E2E_PORT),
  DEMO_MODE: "true",
  // Demo mode: connected accounts read the recorded sample answers, not the network.
  CONNECTIONS_KEY: "e2e-only-connections-key-0123456789abcdef",
  RESEND_API_KEY: "",
  UPLOAD_DIR: path.resolve("tmp/e2e/uploads"),
};
