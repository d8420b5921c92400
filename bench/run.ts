// `npm run bench`: every benchmark at the stated scale, one after the other, then one table of what each measured
// against its target. Each benchmark reports through bench/report.ts into the file named by BENCH_RESULTS.
// The PostgreSQL import runs when BENCH_POSTGRES_URL or TEST_POSTGRES_URL names a role that may create databases
// (scripts/test-postgres.sh prints one for the local server).
// Usage: npm run bench [-- <name> …]   (names: import, import-postgres, directory, dashboard, fanout, pages, faults)
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Measurement } from "./report";

const postgres = process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL;
const benches: { name: string; script: string; args?: string[]; skip?: string }[] = [
  { name: "import", script: "bench/import.ts" },
  { name: "import-postgres", script: "bench/import.ts", args: ["100000", "postgres"], skip: postgres ? undefined : "no PostgreSQL (set BENCH_POSTGRES_URL)" },
  { name: "directory", script: "bench/directory.ts" },
  { name: "dashboard", script: "bench/analytics.ts" },
  { name: "fanout", script: "bench/fanout.ts" },
  { name: "pages", script: "bench/pages.ts" },
  { name: "faults", script: "bench/faults.ts" },
];
const only = process.argv.slice(2);
const results = path.join(mkdtempSync(path.join(tmpdir(), "kindred-bench-results-")), "results.jsonl");
const failures: string[] = [];

for (const bench of benches) {
  if (only.length && !only.includes(bench.name)) continue;
  if (bench.skip) {
    console.log(`\n── ${bench.name}: skipped, ${bench.skip}`);
    continue;
  }
  console.log(`\n── ${bench.name} (${bench.script}${bench.args ? ` ${bench.args.join(" ")}` : ""})`);
  const started = Date.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", bench.script, ...(bench.args ?? [])], { stdio: "inherit", env: { ...process.env, BENCH_RESULTS: results } });
  console.log(`── ${bench.name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (run.status !== 0) failures.push(bench.name);
}

const rows: Measurement[] = existsSync(results)
  ? readFileSync(results, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Measurement)
  : [];
const table = [["measurement", "result", "target", "met"], ...rows.map((r) => [r.measurement, r.result, r.target, r.met === null ? "—" : r.met ? "met" : "NOT met"])];
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
console.log("\n");
for (const [i, row] of table.entries()) {
  console.log(`| ${row.map((c, j) => c.padEnd(widths[j])).join(" | ")} |`);
  if (i === 0) console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
}
const met = rows.filter((r) => r.met === true).length;
const missed = rows.filter((r) => r.met === false).length;
console.log(`\n${met} met, ${missed} not met${failures.length ? `; benchmarks that failed to run: ${failures.join(", ")}` : ""}`);
process.exit(failures.length ? 1 : 0);
