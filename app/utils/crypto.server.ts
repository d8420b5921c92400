import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/** A URL-safe random token with 256 bits of entropy. */
export function randomToken(bytes = 32) {
  return randomBytes(bytes).toString("base64url");
}

/** A six-digit one-time code, uniformly random, zero-padded. */
export function randomCode() {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** Tokens are stored hashed so a database leak does not hand out working links. */
export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

export function safeEqual(a: string, b: string) {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
