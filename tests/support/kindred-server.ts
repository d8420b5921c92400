// Runs the real production server as a child process on its own database, so tests and benchmarks can crash it
// (kill -9) and start it again, and talk to it over HTTP. Also a stand-in for Resend's HTTP API on loopback (the
// server is another process, where MSW cannot reach): it records each call and, like Resend, answers a repeated
// idempotency key with the first answer instead of sending again.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { createCookie } from "@remix-run/node";
import { createPrisma, type DB } from "#app/utils/db.server";

export const SECRET = "crash-tests-session-secret-0123456789abcdef";

export type Kindred = { url: string; port: number; process: ChildProcess; stderr(): string; crash(): Promise<void>; stop(): Promise<void> };

/** A migrated, empty database and upload folder of its own. */
export function freshInstance(name: string) {
  const dir = path.resolve("tmp/crash", `${name}-${process.pid}-${Date.now().toString(36)}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "kindred.db");
  execFileSync(process.execPath, ["scripts/migrate.mjs"], { stdio: "ignore", env: { ...process.env, DATABASE_URL: `file:${file}` } });
  return { dir, file, url: `file:${file}`, uploads: path.join(dir, "uploads"), db: createPrisma(`file:${file}`) as DB };
}

function exited(child: ChildProcess) {
  return new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
}

const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Kills every server this process started and has not stopped (for afterEach: a failed test leaves none behind). */
export async function stopAllKindred() {
  await Promise.all([...running].map(async (child) => {
    child.kill("SIGKILL");
    await exited(child);
  }));
}

/**
 * Starts the built server and waits until /healthz says the database takes writes. The port must be free: a server
 * left over from another run would answer the health check in its place.
 */
export async function startKindred(instance: { url: string; uploads: string }, port: number, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<Kindred> {
  const url = `http://localhost:${port}`;
  const busy = await fetch(`${url}/healthz`).then(() => true, () => false);
  if (busy) throw new Error(`Port ${port} is already in use by another server; stop it first.`);
  const child = spawn(process.execPath, [...nodeArgs, "build/server/start.js"], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      DATABASE_URL: instance.url,
      SESSION_SECRET: SECRET,
      APP_URL: url,
      PORT: String(port),
      DEMO_MODE: "false",
      JOBS_ENABLED: "true",
      UPLOAD_DIR: instance.uploads,
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
  const until = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited at start-up:\n${stderr}`);
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`The server did not become healthy:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    process: child,
    stderr: () => stderr,
    async crash() {
      child.kill("SIGKILL");
      await exited(child);
    },
    async stop() {
      child.kill("SIGTERM");
      await exited(child);
    },
  };
}

/** Polls until the check returns a value (not undefined/false), or fails after the timeout. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const sessionCookie = createCookie("kindred_session", { secrets: [SECRET], httpOnly: true, sameSite: "lax", path: "/" });

/** A Cookie header for a new session of the user, signed as the server signs it. */
export async function cookieFor(db: DB, userId: string) {
  const id = randomBytes(32).toString("base64url");
  await db.session.create({ data: { id, userId, expiresAt: new Date(Date.now() + 86_400_000) } });
  return (await sessionCookie.serialize(id)).split(";")[0];
}

export type ResendCall = { to: string; subject: string; idempotencyKey: string | null };

/** A stand-in for api.resend.com: POST /emails and POST /emails/batch, with idempotency keys honoured. */
export async function fakeResend(port: number) {
  const calls: ResendCall[] = [];
  const answered = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
      const payload = JSON.parse(body || "{}");
      const messages = (Array.isArray(payload) ? payload : [payload]) as { to: string | string[]; subject: string }[];
      const fresh = !key || !answered.has(key);
      if (fresh) for (const m of messages) calls.push({ to: [m.to].flat()[0], subject: m.subject, idempotencyKey: key });
      const answer = key && answered.get(key);
      const id = answer ?? `re_${calls.length}`;
      if (key) answered.set(key, id);
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(Array.isArray(payload) ? { data: messages.map((_, i) => ({ id: `${id}_${i}` })) } : { id }));
    });
  });
  await new Promise<void>((r) => server.listen(port, r));
  return { url: `http://localhost:${port}`, calls, close: () => new Promise<void>((r) => server.close(() => r())) };
}
