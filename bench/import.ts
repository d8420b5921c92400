// Benchmark: import 100,000 fans from a CSV file through the real import job, on a fresh SQLite database (or, with
// "postgres" and BENCH_POSTGRES_URL / TEST_POSTGRES_URL naming a role that may create databases, a fresh PostgreSQL one).
// Prints rows per second, peak memory and how long the event loop was blocked (the server's responsiveness).
// Usage: npm run bench:import [-- <rows> [postgres]]
import { staffScope } from "#tests/factories";
import { emptyPostgresDatabase } from "#tests/setup/postgres";
import { report } from "./report";
import { execFileSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";

const rows = Number(process.argv[2] ?? 100_000);
const onPostgres = process.argv[3] === "postgres";
const dir = mkdtempSync(path.join(tmpdir(), "kindred-bench-"));
process.env.DATABASE_URL = onPostgres ? await freshPostgres("kindred_bench_import") : `file:${path.join(dir, "bench.db")}`;
const engineName = onPostgres ? "PostgreSQL" : "SQLite";

async function freshPostgres(name: string) {
  const server = process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL;
  if (!server) throw new Error("Set BENCH_POSTGRES_URL (or TEST_POSTGRES_URL) to a role that may create databases.");
  return emptyPostgresDatabase(server, name);
}
process.env.UPLOAD_DIR = dir;
execFileSync(process.execPath, ["scripts/migrate.mjs"], { stdio: ["ignore", "ignore", "inherit"], env: process.env });

const { db } = await import("#app/utils/db.server");
const { createImport, startImport } = await import("#app/models/csv-import.server");
const { runDueJobs } = await import("#app/utils/jobs.server");

const cities = ["Toronto", "Ottawa", "Hamilton", "Montreal", "Vancouver"];
const tags = ["sourdough", "pastry", "vegan", "coffee", "family"];
// Written in parts, so the benchmark itself holds no copy of the file while the import runs.
const csvPath = path.join(dir, "fans.csv");
writeFileSync(csvPath, "email,first name,last name,city,instagram,instagram followers,tiktok,tiktok followers,tags");
for (let start = 0; start < rows; start += 10_000) {
  const part: string[] = [];
  for (let i = start; i < Math.min(rows, start + 10_000); i++) {
    const bad = i % 997 === 0; // about 0.1% rows with a broken address
    part.push(`\n${bad ? "broken" : `fan${i}@example.com`},Fan,${i},${cities[i % 5]},@fan${i},${(i * 37) % 250_000},${i % 3 ? `@tt${i}` : ""},${i % 3 ? (i * 11) % 90_000 : ""},"${tags[i % 5]}, ${tags[(i + 2) % 5]}"`);
  }
  appendFileSync(csvPath, part.join(""));
}
const fileMb = statSync(csvPath).size / 1024 / 1024;

const owner = await db.user.create({ data: { email: "bench@example.com" } });
const brand = await db.brand.create({ data: { name: "Bench", slug: "bench", memberships: { create: { userId: owner.id, role: "owner" } } } });

let peakRss = process.memoryUsage().rss;
console.log(`RSS before the import: ${Math.round(peakRss / 1024 / 1024)} MB`);
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const started = performance.now();
const created = await createImport(staffScope(brand.id, "owner", owner.id), { fileName: "fans.csv", filePath: csvPath });
if (!created.ok) throw new Error(created.error);
const job = await db.importJob.findUniqueOrThrow({ where: { id: created.id } });
await startImport(staffScope(brand.id), job.id, JSON.parse(job.mapping), false);
while ((await runDueJobs()) > 0) {
  // run the import
}
const seconds = (performance.now() - started) / 1000;
loop.disable();
clearInterval(sampler);
const done = await db.importJob.findUniqueOrThrow({ where: { id: job.id } });

console.log(`file: ${rows.toLocaleString("en")} rows, ${fileMb.toFixed(1)} MB`);
console.log(`imported ${done.importedRows.toLocaleString("en")}, duplicates ${done.duplicateRows}, rejected ${done.rejectedRows} (status ${done.status})`);
console.log(`time: ${seconds.toFixed(1)} s — ${Math.round(rows / seconds).toLocaleString("en")} rows/s`);
console.log(`peak memory (RSS): ${Math.round(peakRss / 1024 / 1024)} MB`);
console.log(`event loop blocked: p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms`);
const rate = rows / seconds;
const label = `import ${rows.toLocaleString("en")} rows (${fileMb.toFixed(0)} MB) on ${engineName}`;
const ok = done.status === "done" && done.importedRows + done.duplicateRows + done.rejectedRows === rows;
report({ measurement: `${label}: end to end`, result: `${seconds.toFixed(1)} s, ${Math.round(rate).toLocaleString("en")} rows/s${ok ? "" : ` (status ${done.status}, counts do not add up)`}`, target: onPostgres ? "≥ 10,000 rows/s" : "≤ 5 s (≥ 20,000 rows/s)", met: ok && rate >= (onPostgres ? 10_000 : 20_000) });
report({ measurement: `${label}: peak RSS`, result: `${Math.round(peakRss / 1024 / 1024)} MB`, target: "≤ 200 MB", met: peakRss <= 200 * 1024 * 1024 });
report({ measurement: `${label}: event loop blocked`, result: `max ${(loop.max / 1e6).toFixed(0)} ms`, target: "≤ 50 ms", met: loop.max / 1e6 <= 50 });
await db.$disconnect();
rmSync(dir, { recursive: true, force: true });
