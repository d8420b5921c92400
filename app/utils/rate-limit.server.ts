import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "./db.server";

// Limits kept in the database (the RateLimit table, through rate-limiter-flexible's Prisma store), so every instance
// on one database counts against the same budget (docs/decisions/019-several-instances.md).
const rules = {
  /** sign-in emails per address */
  loginPerEmail: { points: 5, duration: 15 * 60 },
  /** sign-in emails per client address */
  loginPerIp: { points: 30, duration: 15 * 60 },
  /** code guesses per client address (each code also allows only 5 tries) */
  verifyPerIp: { points: 40, duration: 15 * 60 },
  /** code guesses per address, from every client together: many client addresses cannot share out the guessing */
  verifyPerEmail: { points: 10, duration: 15 * 60 },
  /** applications through the public page per client address */
  applyPerIp: { points: 10, duration: 60 * 60 },
  /** any POST per client address, enforced by the Express server */
  postPerIp: { points: 300, duration: 60 },
} as const;

export type RateLimitRule = keyof typeof rules;

const g = globalThis as unknown as { __kindredLimiters?: Map<string, RateLimiterPrisma> };
const limiters = (g.__kindredLimiters ??= new Map());

function limiter(name: string, budget: { points: number; duration: number }) {
  const id = `${name}:${budget.points}/${budget.duration}`;
  let l = limiters.get(id);
  if (!l) {
    // The store's own sweep is off: the daily cleanup job removes expired counters (jobs.server.ts).
    l = new RateLimiterPrisma({ storeClient: db, tableName: "rateLimit", keyPrefix: name, clearExpiredByTimeout: false, ...budget });
    limiters.set(id, l);
  }
  return l;
}

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Spends one point of the rule for the key; says when to retry once the budget is gone. */
export async function consumeRateLimit(rule: RateLimitRule, key: string): Promise<RateLimitResult> {
  try {
    await limiter(rule, rules[rule]).consume(key);
    return { ok: true };
  } catch (e) {
    if (e instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.ceil(e.msBeforeNext / 1000) };
    throw e;
  }
}

/** Spends one point of each rule, in order; the first budget that is gone answers. */
export async function consumeRateLimits(checks: readonly (readonly [RateLimitRule, string])[]): Promise<RateLimitResult> {
  for (const [rule, key] of checks) {
    const result = await consumeRateLimit(rule, key);
    if (!result.ok) return result;
  }
  return { ok: true };
}

/**
 * Takes one call to the email provider from a budget of `perSecond` calls a second shared by every instance
 * (RESEND_RATE_PER_SECOND). Returns 0 when the call may go now, otherwise how many milliseconds until one may.
 */
export async function takeProviderCall(perSecond: number): Promise<number> {
  try {
    await providerLimiter(perSecond).consume("resend");
    return 0;
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.max(1, e.msBeforeNext);
    throw e;
  }
}

/** The provider answered 429 with Retry-After: every instance holds its calls for that long. */
export async function pauseProviderCalls(perSecond: number, until: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  await providerLimiter(perSecond).block("resend", seconds);
}

function providerLimiter(perSecond: number) {
  return limiter("emailProvider", perSecond >= 1 ? { points: Math.floor(perSecond), duration: 1 } : { points: 1, duration: Math.ceil(1 / perSecond) });
}

export function describeRetry(seconds: number) {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? "in a minute" : `in ${minutes} minutes`;
}

/** Forgets every counter (tests). */
export async function resetRateLimits() {
  await db.rateLimit.deleteMany();
}
