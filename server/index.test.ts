import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";

function startServer(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...env },
    encoding: "utf8",
    timeout: 20_000,
  });
}

describe("server start-up", () => {
  test("exits with a message naming each missing production variable", () => {
    // Empty values are set explicitly so a developer's .env cannot fill them in.
    const result = startServer({ SESSION_SECRET: "", APP_URL: "" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("SESSION_SECRET is required in production");
    expect(result.stderr).toContain("APP_URL is required in production");
  });

  test("exits with a message naming a malformed variable", () => {
    const result = startServer({ SESSION_SECRET: "x".repeat(40), APP_URL: "https://kindred.example.com", DATABASE_URL: "mysql://db/kindred" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL must be a SQLite file URL");
  });
});
