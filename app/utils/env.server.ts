import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .default("file:./data/kindred.db")
      .refine((v) => v.startsWith("file:") || /^postgres(ql)?:\/\/[^/]+\/[^/?]+/.test(v), "must be a SQLite file URL such as file:./data/kindred.db, or a PostgreSQL URL such as postgresql://user:password@host:5432/kindred"),
    SESSION_SECRET: z.string().optional(),
    APP_URL: z.url("must be a full URL such as https://kindred.example.com").optional(),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_RATE_PER_SECOND: z.coerce.number("must be a number of requests per second, such as 2").positive("must be more than 0").max(1000).default(2),
    EMAIL_FROM: z.string().default("Kindred <hello@kindred.local>"),
    DEMO_MODE: bool,
    JOBS_ENABLED: z
      .enum(["true", "false", "1", "0"])
      .optional()
      .transform((v) => v !== "false" && v !== "0"),
    PORT: z.coerce.number().int().positive().default(3000),
    YOUTUBE_API_KEY: z.string().min(1).optional(),
    CONNECTIONS_KEY: z.string().min(32, "must be at least 32 random characters (it encrypts the brands' access tokens)").optional(),
    META_APP_SECRET: z.string().min(1).optional(),
    META_WEBHOOK_VERIFY_TOKEN: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production") {
      if (!env.SESSION_SECRET) {
        ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required in production (32+ random characters)" });
      }
      if (!env.APP_URL) {
        ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "is required in production (the public URL used in email links)" });
      }
    }
    for (const secret of (env.SESSION_SECRET ?? "").split(",").filter(Boolean)) {
      if (secret.length < 32) {
        ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "each secret must be at least 32 characters long" });
      }
    }
  });

export type Env = {
  NODE_ENV: "development" | "production" | "test";
  DATABASE_URL: string;
  SESSION_SECRETS: string[];
  APP_URL: string;
  RESEND_API_KEY?: string;
  /** calls per second to the provider's batch endpoint, across every instance */
  RESEND_RATE_PER_SECOND: number;
  EMAIL_FROM: string;
  DEMO_MODE: boolean;
  JOBS_ENABLED: boolean;
  PORT: number;
  YOUTUBE_API_KEY?: string;
  /** encrypts the access tokens of connected accounts; required in production before an account can be connected */
  CONNECTIONS_KEY?: string;
  /** Meta app secret: checks X-Hub-Signature-256 on Instagram webhooks (no secret, no webhooks) */
  META_APP_SECRET?: string;
  META_WEBHOOK_VERIFY_TOKEN?: string;
};

/** Formats zod issues as one line per variable, e.g. "SESSION_SECRET is required in production". */
export function describeEnvErrors(error: z.ZodError) {
  return error.issues.map((i) => `  ${i.path.join(".") || "environment"} ${i.message}`).join("\n");
}

/** Parses and validates configuration; throws an Error naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new Error(`Invalid configuration:\n${describeEnvErrors(result.error)}`);
  }
  const e = result.data;
  return {
    NODE_ENV: e.NODE_ENV,
    DATABASE_URL: e.DATABASE_URL,
    // Development and tests get a fixed, clearly-not-secret value; production has no default (checked above).
    SESSION_SECRETS: e.SESSION_SECRET ? e.SESSION_SECRET.split(",").filter(Boolean) : ["development-only-session-secret-000000"],
    APP_URL: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    RESEND_API_KEY: e.RESEND_API_KEY,
    RESEND_RATE_PER_SECOND: e.RESEND_RATE_PER_SECOND,
    EMAIL_FROM: e.EMAIL_FROM,
    DEMO_MODE: e.DEMO_MODE,
    JOBS_ENABLED: e.JOBS_ENABLED,
    PORT: e.PORT,
    YOUTUBE_API_KEY: e.YOUTUBE_API_KEY,
    // Development and tests get a fixed key; production has none unless it is set.
    CONNECTIONS_KEY: e.CONNECTIONS_KEY ?? (e.NODE_ENV === "production" ? undefined : "development-only-connections-key-0000000"),
    META_APP_SECRET: e.META_APP_SECRET,
    META_WEBHOOK_VERIFY_TOKEN: e.META_WEBHOOK_VERIFY_TOKEN,
  };
}

let cached: Env | undefined;
/** The validated configuration, read once per process. */
export function getEnv(): Env {
  return (cached ??= parseEnv());
}

/** Tests change process.env between cases; this forgets the cached parse. */
export function resetEnvCache() {
  cached = undefined;
}
