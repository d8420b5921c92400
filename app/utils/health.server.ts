// The health check's probe: can the database take a write right now?
import { db } from "./db.server";
import { faultResponse, machineFault } from "./faults.server";

const WRITE_CHECK_MS = 5_000;

/**
 * "ok" only when the database takes a write — a transaction that commits an update of the check's own row. A full
 * disk, a read-only file or a stuck writer answers 503/507 with the reason.
 */
export async function databaseHealth(): Promise<Response> {
  const headers = { "Content-Type": "text/plain", "Cache-Control": "no-store" };
  const now = new Date();
  const write = db.$transaction([db.heartbeat.upsert({ where: { id: "healthz" }, create: { id: "healthz", at: now }, update: { at: now } })]);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("SQLITE_BUSY: the write check did not finish in time")), WRITE_CHECK_MS)));
  try {
    await Promise.race([write, timeout]);
    return new Response("ok", { headers });
  } catch (error) {
    return faultResponse(machineFault(error) ?? { status: 503, message: "The database did not take a write." });
  } finally {
    clearTimeout(timer);
  }
}
