import { describe, expect, test } from "vitest";
import { parseEnv } from "./env.server";

describe("parseEnv", () => {
  test("development works without any configuration", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.DATABASE_URL).toBe("file:./data/kindred.db");
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.RESEND_API_KEY).toBeUndefined();
    expect(env.DEMO_MODE).toBe(false);
  });

  test("production names every missing variable and has no default secret", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET is required in production[\s\S]*APP_URL is required in production/);
  });

  test("rejects a short session secret, a non-SQLite database URL and a malformed app URL", () => {
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET each secret must be at least 32 characters/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must be a SQLite file URL/);
    expect(() => parseEnv({ APP_URL: "localhost" })).toThrow(/APP_URL must be a full URL/);
  });

  test("accepts rotated secrets and trims the app URL", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      SESSION_SECRET: `${"a".repeat(32)},${"b".repeat(40)}`,
      APP_URL: "https://kindred.example.com/",
      DEMO_MODE: "true",
    });
    expect(env.SESSION_SECRETS).toHaveLength(2);
    expect(env.APP_URL).toBe("https://kindred.example.com");
    expect(env.DEMO_MODE).toBe(true);
  });
});
