// Benchmark: the ambassador directory's query (count + one page) with 100,000 ambassadors in one brand.
// Usage: npm run bench:directory [-- <ambassadors>]
import { staffScope } from "#tests/factories";
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { report } from "./report";

const total = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(path.join(tmpdir(), "kindred-bench-"));
process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
execFileSync(process.execPath, ["scripts/migrate.mjs"], { stdio: ["ignore", "ignore", "inherit"], env: process.env });

const { db } = await import("#app/utils/db.server");
const { openBulk } = await import("#app/utils/bulk.server");
const bulk = openBulk();
const { listAmbassadors } = await import("#app/models/ambassadors.server");

const brand = await db.brand.create({ data: { name: "Bench", slug: "bench" } });
const tags = await Promise.all(["rye", "vegan", "coffee", "events", "family"].map((name) => db.tag.create({ data: { brandId: brand.id, name } })));
const cities = ["Toronto", "Ottawa", "Hamilton", "Montréal", "Vancouver", "Calgary", "Halifax"];
const statuses = ["active", "active", "active", "paused", "invited", "alumni"];
const now = Date.now();
const t0 = performance.now();
for (let start = 0; start < total; start += 2000) {
  const rows = Array.from({ length: Math.min(2000, total - start) }, (_, j) => {
    const i = start + j;
    const touched = new Date(now - (i % 120) * 86_400_000);
    return { id: randomUUID(), brandId: brand.id, email: `fan${i}@example.com`, name: `Fan ${String(i).padStart(6, "0")}`, city: cities[i % 7], region: "", status: statuses[i % 6], source: "import", maxFollowers: (i * 7919) % 300_000, lastTouchAt: touched, createdAt: touched, updatedAt: touched, joinedAt: touched,
      // Two in three have signals (the others have no posts or follower history yet).
      growth90: i % 3 ? (((i * 37) % 100) - 30) / 100 : null, engagementMedian: i % 3 ? ((i * 13) % 100) / 1000 : null, saturation: i % 3 ? (i % 5) / 4 : null };
  });
  await bulk.transaction((tx) => tx.insert([
    ["Ambassador", rows],
    ["SocialAccount", rows.map((r, j) => ({ id: randomUUID(), ambassadorId: r.id, platform: j % 3 ? "instagram" : "tiktok", handle: `h${start + j}`, followers: r.maxFollowers, updatedAt: r.updatedAt }))],
    ["AmbassadorTag", rows.map((r, j) => ({ ambassadorId: r.id, tagId: tags[(start + j) % 5].id }))],
  ]));
}
console.log(`seeded ${total.toLocaleString("en")} ambassadors in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
await db.$executeRawUnsafe("ANALYZE");

const ctx = { thresholds: { tierMicroMin: 1000, tierMacroMin: 100_000, tierMegaMin: 1_000_000 }, quietAfterDays: 60 };
const cases: [string, Parameters<typeof listAmbassadors>[1]][] = [
  ["first page, by name", { page: 1 }],
  ["page 2,000 of 4,000, by name", { page: 2000 }],
  ["last page, by name", { page: Math.ceil(total / 25) }],
  ["search 'fan 0123' (name)", { q: "Fan 0123" }],
  ["search 'montreal' (city, finds Montréal)", { q: "montreal" }],
  ["search 'fan77@' (email)", { q: "fan77@" }],
  ["search '@h4242' (handle)", { q: "@h4242" }],
  ["status active, tier micro", { status: "active", tier: "micro" }],
  ["tag rye, city Ottawa", { tag: "rye", city: "Ottawa" }],
  ["gone quiet, sorted by followers", { quiet: true, sort: "followers" }],
  ["platform tiktok, joined within 30 days", { platform: "tiktok", joined: "30" }],
  ["sorted by growth, page 2", { sort: "growth", page: 2 }],
  ["rising, sorted by engagement", { rising: true, sort: "engagement" }],
  ["low saturation, sorted by least branded", { saturation: "low", sort: "saturation" }],
];
await listAmbassadors(staffScope(brand.id), { page: 1 }, ctx); // warm up the query compiler
let worst = 0;
for (const [label, f] of cases) {
  const times: number[] = [];
  let matched = 0;
  for (let r = 0; r < 20; r++) {
    const t = performance.now();
    matched = (await listAmbassadors(staffScope(brand.id), f, ctx)).total;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const p95 = times[18];
  worst = Math.max(worst, p95);
  console.log(`${label.padEnd(44)} median ${times[10].toFixed(1).padStart(6)} ms, p95 ${p95.toFixed(1).padStart(6)} ms  (${matched.toLocaleString("en")} match)`);
  report({ measurement: `directory, ${total.toLocaleString("en")} ambassadors: ${label}`, result: `p95 ${p95.toFixed(0)} ms`, target: "p95 ≤ 50 ms", met: p95 <= 50 });
}
await db.$disconnect();
if (!process.env.KEEP_BENCH_DB) rmSync(dir, { recursive: true, force: true });
else console.log(`kept ${dir}`);
