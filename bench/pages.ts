// Benchmark: Kindred's pages on the demo data against a minimal Remix app of the same versions (bench/minimal-app:
// one route, Express + compression), both production builds on this machine, loaded in one run.
// - server time: p50 of 200 requests one after another on one connection (the whole response, read to the end);
// - throughput: requests per second at 50 connections (autocannon, 5 s after a 2 s warm-up), as a share of the
//   minimal app's (measured before and after Kindred's pages; their mean).
// Usage: npm run bench:pages   (BENCH_BUILD=1 rebuilds Kindred first; it is built when build/ is missing)
//        PROFILE_DIR=<dir> also writes a CPU profile of Kindred's server under the load (node --cpu-prof).
import { execFileSync, spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { DEMO_BRAND_SLUG, DEMO_PEOPLE } from "#app/models/demo";
import { cookieFor, freshInstance, startKindred, waitFor } from "#tests/support/kindred-server";
import { report } from "./report";

const KINDRED_PORT = 3950;
const MINIMAL_PORT = 3951;

if (process.env.BENCH_BUILD === "1" || !existsSync("build/server/start.js")) {
  console.log("building Kindred…");
  execFileSync("npm", ["run", "build", "--silent"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NODE_ENV: "production" } });
}
console.log("building the minimal app…");
execFileSync(process.execPath, [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
  cwd: "bench/minimal-app",
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, NODE_ENV: "production" },
});

console.log("seeding the demo data…");
const instance = freshInstance("bench-pages");
execFileSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DATABASE_URL: instance.url } });
const db = instance.db;
const brand = await db.brand.findUniqueOrThrow({ where: { slug: DEMO_BRAND_SLUG } });
const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;
const manager = await cookieFor(db, await userId(DEMO_PEOPLE[1].email));
const fan = await cookieFor(db, await userId(DEMO_PEOPLE[3].email));
const ambassador = await db.ambassador.findFirstOrThrow({ where: { brandId: brand.id, status: "active" }, orderBy: { createdAt: "asc" } });
const event = await db.event.findFirstOrThrow({ where: { brandId: brand.id }, orderBy: { startsAt: "desc" } });
const scoop = await db.scoop.findFirstOrThrow({ where: { brandId: brand.id }, orderBy: { createdAt: "desc" } });

const b = `/b/${brand.slug}`;
const pages: { name: string; path: string; cookie?: string; share: number }[] = [
  { name: "sign-in", path: "/login", share: 0.5 },
  { name: "join", path: `/join/${brand.slug}`, share: 0.5 },
  { name: "overview", path: b, cookie: manager, share: 0.25 },
  { name: "directory", path: `${b}/ambassadors`, cookie: manager, share: 0.25 },
  { name: "ambassador", path: `${b}/ambassadors/${ambassador.id}`, cookie: manager, share: 0.25 },
  { name: "event", path: `${b}/events/${event.id}`, cookie: manager, share: 0.25 },
  { name: "scoop", path: `${b}/scoops/${scoop.id}`, cookie: manager, share: 0.25 },
  { name: "analytics", path: `${b}/analytics`, cookie: manager, share: 0.25 },
  { name: "fan home", path: "/me", cookie: fan, share: 0.25 },
];

const profileDir = process.env.PROFILE_DIR ? path.resolve(process.env.PROFILE_DIR) : null;
const startedAt = performance.now();
const kindred = await startKindred(instance, KINDRED_PORT, { JOBS_ENABLED: "false" }, profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []);
const startUp = (performance.now() - startedAt) / 1000;
console.log(`Kindred's production server answered its health check ${startUp.toFixed(1)} s after it was started`);
const minimal = spawn(process.execPath, ["bench/minimal-app/server.mjs"], { env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", PORT: String(MINIMAL_PORT) }, stdio: "ignore" });
const minimalUrl = `http://localhost:${MINIMAL_PORT}/`;
await waitFor("the minimal app", () => fetch(minimalUrl).then((r) => r.ok, () => false), 30_000);

async function serverTime(url: string, cookie?: string) {
  const times: number[] = [];
  for (let i = 0; i < 220; i++) {
    const t = performance.now();
    const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    if (i >= 20) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)] };
}

async function throughput(url: string, cookie?: string) {
  const options = { url, connections: 50, headers: cookie ? { cookie } : {} };
  await autocannon({ ...options, duration: 2 });
  const result = await autocannon({ ...options, duration: 5 });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} answers other than 2xx, ${result.errors} errors under load`);
  return result.requests.average;
}

const baseline: number[] = [await throughput(minimalUrl)];
console.log(`minimal Remix app: ${baseline[0].toFixed(0)} req/s at 50 connections`);
const results: { name: string; p50: number; p95: number; rps: number; share: number }[] = [];
for (const page of pages) {
  const url = `${kindred.url}${page.path}`;
  const time = await serverTime(url, page.cookie);
  const rps = await throughput(url, page.cookie);
  results.push({ name: page.name, ...time, rps, share: page.share });
  console.log(`${page.name.padEnd(12)} p50 ${time.p50.toFixed(1).padStart(5)} ms, p95 ${time.p95.toFixed(1).padStart(5)} ms, ${rps.toFixed(0).padStart(5)} req/s`);
}
baseline.push(await throughput(minimalUrl));
const minimalRps = (baseline[0] + baseline[1]) / 2;
console.log(`minimal Remix app: ${baseline[1].toFixed(0)} req/s at 50 connections (again); mean ${minimalRps.toFixed(0)}`);

report({ measurement: "production server start-up (compiled JavaScript, until /healthz answers)", result: `${startUp.toFixed(1)} s`, target: "≤ 2 s", met: startUp <= 2 });
for (const r of results) {
  report({ measurement: `page "${r.name}" (demo data): server time`, result: `p50 ${r.p50.toFixed(1)} ms`, target: "p50 ≤ 10 ms", met: r.p50 <= 10 });
  const share = r.rps / minimalRps;
  report({
    measurement: `page "${r.name}" (demo data): req/s at 50 connections`,
    result: `${r.rps.toFixed(0)} req/s = ${(share * 100).toFixed(0)} % of the minimal app's ${minimalRps.toFixed(0)}`,
    target: `≥ ${r.share * 100} %`,
    met: share >= r.share,
  });
}

minimal.kill();
await kindred.stop();
await db.$disconnect();
rmSync(instance.dir, { recursive: true, force: true });
if (profileDir) console.log(`CPU profile of the server in ${profileDir}`);
