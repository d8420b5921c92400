// Runs before each test file: a fresh copy of the template database (a file, or a PostgreSQL database when
// TEST_POSTGRES_URL is set), MSW for Resend, and no console errors.
import { randomUUID } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from "vitest";
import { createTestDatabase, dropTestDatabase, testPostgresUrl } from "./postgres";

const dir = path.resolve("tmp/test-db");
const id = randomUUID().replaceAll("-", "");
const file = path.join(dir, `test-${id}.db`);
const pgDatabase = `kindred_t_${id}`;
if (testPostgresUrl()) {
  process.env.DATABASE_URL = await createTestDatabase(pgDatabase);
} else {
  copyFileSync(path.join(dir, "template.db"), file);
  process.env.DATABASE_URL = `file:${file}`;
}
delete process.env.RESEND_API_KEY;
delete process.env.YOUTUBE_API_KEY;
delete process.env.SESSION_SECRET;
delete process.env.DEMO_MODE;
process.env.APP_URL = "http://localhost:3000";
const uploads = path.resolve("tmp/test-uploads", randomUUID());
process.env.UPLOAD_DIR = uploads;

const { server } = await import("#tests/mocks/server");
const { resetRateLimits } = await import("#app/utils/rate-limit.server");
const { resetEnvCache } = await import("#app/utils/env.server");

let consoleError: ReturnType<typeof vi.spyOn>;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(async () => {
  await resetRateLimits();
  resetEnvCache();
  consoleError = vi.spyOn(console, "error");
});
afterEach(() => {
  server.resetHandlers();
  const calls = consoleError.mock.calls;
  consoleError.mockRestore();
  expect(calls, "console.error was called during the test").toEqual([]);
});
afterAll(async () => {
  server.close();
  const { db } = await import("#app/utils/db.server");
  await db.$disconnect();
  if (testPostgresUrl()) await dropTestDatabase(pgDatabase);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  rmSync(uploads, { recursive: true, force: true });
});
