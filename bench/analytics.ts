// Benchmark: the analytics dashboard's loader over 100,000 ambassadors and 1,000,000 posts in one brand.
// Usage: npm run bench:analytics [-- <ambassadors> <posts>]  (KEEP_BENCH_DB=1 keeps the database and prints where)
import { staffScope } from "#tests/factories";
import { report } from "./report";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ambassadors = Number(process.argv[2] ?? 100_000);
const posts = Number(process.argv[3] ?? 1_000_000);
const dir = mkdtempSync(path.join(tmpdir(), "kindred-bench-"));
process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
execFileSync(process.execPath, ["scripts/migrate.mjs"], { stdio: ["ignore", "ignore", "inherit"], env: process.env });

const { db } = await import("#app/utils/db.server");
const { openBulk } = await import("#app/utils/bulk.server");
const bulk = openBulk();
const { dashboard, dashboardTables, resolveRange } = await import("#app/models/analytics.server");
const { tierFor } = await import("#app/models/tiers");
const { orderedId } = await import("#app/utils/ids.server");

const brand = await db.brand.create({ data: { name: "Bench", slug: "bench" } });
const DAY = 86_400_000;
const now = Date.now();
const sources = ["invite", "link", "application", "import"];
const platforms = ["instagram", "tiktok", "youtube", "bluesky"];
const t0 = performance.now();
const ids: string[] = [];
const followers: number[] = [];
for (let start = 0; start < ambassadors; start += 5000) {
  const rows = Array.from({ length: Math.min(5000, ambassadors - start) }, (_, j) => {
    const i = start + j;
    const joined = new Date(now - (i % 730) * DAY);
    const f = i % 50 === 0 ? 150_000 + (i % 900_000) : i % 5 === 0 ? 1000 + ((i * 37) % 90_000) : 50 + ((i * 13) % 950);
    ids.push(orderedId());
    followers.push(f);
    return { id: ids[i], brandId: brand.id, email: `fan${i}@example.com`, name: `Fan ${i}`, city: "Toronto", region: "", status: i % 10 === 9 ? "alumni" : "active", source: sources[i % 4], maxFollowers: f, joinedAt: joined, leftAt: i % 10 === 9 ? new Date(joined.getTime() + 200 * DAY) : null, lastTouchAt: joined, createdAt: joined, updatedAt: joined };
  });
  await bulk.transaction((tx) => tx.insert([["Ambassador", rows]]));
}
const campaigns = await Promise.all(Array.from({ length: 10 }, (_, i) => db.seedingCampaign.create({ data: { brandId: brand.id, name: `Campaign ${i + 1}` }, select: { id: true } })));
const t1 = performance.now();
for (let start = 0; start < posts; start += 10_000) {
  const rows = Array.from({ length: Math.min(10_000, posts - start) }, (_, j) => {
    const i = start + j;
    const a = (i * 7) % ambassadors;
    const postedAt = new Date(now - (i % 365) * DAY - (i % 1440) * 60_000);
    const likes = (i * 31) % 900;
    return {
      id: orderedId(),
      brandId: brand.id,
      ambassadorId: ids[a],
      url: `https://example.com/p/${i}`,
      platform: platforms[i % 4],
      externalId: String(i),
      kind: "post",
      caption: "",
      postedAt,
      day: postedAt.toISOString().slice(0, 10),
      status: i % 20 === 0 ? "hidden" : "approved",
      tier: tierFor(followers[a]),
      followersAtPost: followers[a],
      views: i % 3 ? likes * 20 : null,
      likes,
      comments: likes % 40,
      shares: likes % 13,
      saves: likes % 7,
      disclosureFlag: false,
      embargoFlag: false,
      campaignId: i % 8 === 0 ? campaigns[i % 10].id : null,
      createdAt: postedAt,
      updatedAt: postedAt,
    };
  });
  await bulk.transaction((tx) => tx.insert([["Post", rows]]));
}
console.log(`seeded ${ambassadors.toLocaleString("en")} ambassadors in ${((t1 - t0) / 1000).toFixed(1)} s and ${posts.toLocaleString("en")} posts in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
await db.$executeRawUnsafe("ANALYZE");

const cases: [string, URLSearchParams][] = [
  ["last 30 days", new URLSearchParams({ from: new Date(now - 29 * DAY).toISOString().slice(0, 10), to: new Date(now).toISOString().slice(0, 10) })],
  ["last 90 days (default)", new URLSearchParams()],
  ["last 365 days", new URLSearchParams({ from: new Date(now - 364 * DAY).toISOString().slice(0, 10), to: new Date(now).toISOString().slice(0, 10) })],
  ["all time", new URLSearchParams({ range: "all" })],
];
const scope = staffScope(brand.id);
await dashboard(scope, await resolveRange(scope, new URLSearchParams())); // warm up
for (const [label, params] of cases) {
  const times: number[] = [];
  let postsInRange = 0;
  for (let r = 0; r < 20; r++) {
    const t = performance.now();
    const d = await dashboard(scope, await resolveRange(scope, params));
    dashboardTables(d);
    postsInRange = d.totals.posts;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const p95 = times[18];
  console.log(`dashboard loader, ${label.padEnd(24)} median ${times[10].toFixed(0).padStart(5)} ms, p95 ${p95.toFixed(0).padStart(5)} ms  (${postsInRange.toLocaleString("en")} posts in range)`);
  report({ measurement: `dashboard, ${ambassadors.toLocaleString("en")} ambassadors / ${posts.toLocaleString("en")} posts: ${label}`, result: `p95 ${p95.toFixed(0)} ms`, target: "p95 ≤ 50 ms", met: p95 <= 50 });
}
await db.$disconnect();
if (!process.env.KEEP_BENCH_DB) rmSync(dir, { recursive: true, force: true });
else console.log(`kept ${dir}`);
