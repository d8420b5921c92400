// Fault benchmark: the production server (npm run build first) under the faults that used to lose or repeat work.
// Prints: the error rate of 50 concurrent writers during a 100,000-row import; how long an import killed with
// kill -9 takes to resume after a restart; duplicates and misses of a 3,000-fan scoop fan-out killed mid-way.
// Targets: 0 %, ≤ 30 s, 0 and 0.   Usage: npm run bench:faults [-- rows fans [writers|resume|fanout]]
import { report } from "./report";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cookieFor, fakeResend, freshInstance, startKindred, waitFor } from "../tests/support/kindred-server";

const ROWS = Number(process.argv[2] ?? 100_000);
const FANS = Number(process.argv[3] ?? 3_000);
const WRITERS = 50;
const ONLY = process.argv[4];

type Instance = ReturnType<typeof freshInstance>;

async function queueImport(instance: Instance, brandId: string, ownerId: string, rows: number) {
  const lines = ["email,name,city,instagram,instagram followers"];
  for (let i = 0; i < rows; i++) lines.push(`import${i}@example.com,Imported ${i},Toronto,@imp${i},${(i * 37) % 90_000}`);
  mkdirSync(path.join(instance.uploads, "imports"), { recursive: true });
  const file = path.join(instance.uploads, "imports", `import-${rows}.csv`);
  writeFileSync(file, lines.join("\n") + "\n");
  const job = await instance.db.importJob.create({
    data: { brandId, createdById: ownerId, fileName: "fans.csv", filePath: file, headers: JSON.stringify(["email", "name", "city", "instagram", "instagram followers"]), mapping: JSON.stringify({ 0: "email", 1: "name", 2: "city", 3: "instagram", 4: "instagramFollowers" }), status: "queued" },
  });
  await instance.db.job.create({ data: { type: "import.run", payload: JSON.stringify({ importId: job.id }), dedupeKey: `import:${job.id}:start` } });
  return job.id;
}

async function writersDuringImport() {
  const instance = freshInstance("bench-writers");
  const { db } = instance;
  const owner = await db.user.create({ data: { email: "owner@bench.example", name: "Owner" } });
  const brand = await db.brand.create({ data: { name: "Bench Bakery", slug: "bench", memberships: { create: { userId: owner.id, role: "owner" } } } });
  const event = await db.event.create({
    data: { brandId: brand.id, title: "Open house", format: "in_person", venue: "Shop", timeZone: "America/Toronto", startsAt: new Date(Date.now() + 7 * 86_400_000), endsAt: new Date(Date.now() + 7 * 86_400_000 + 7_200_000), capacity: 1000, publishedAt: new Date(), audienceKind: "all" },
  });
  const fans: { ambassador: { id: string }; cookie: string }[] = [];
  for (let i = 0; i < WRITERS; i++) {
    const user = await db.user.create({ data: { email: `writer${i}@bench.example`, name: `Writer ${i}` } });
    const ambassador = await db.ambassador.create({ data: { brandId: brand.id, userId: user.id, email: user.email, name: user.name!, status: "active", joinedAt: new Date() } });
    fans.push({ ambassador, cookie: await cookieFor(db, user.id) });
  }
  const ownerCookie = await cookieFor(db, owner.id);
  // 50 writers are 50 people: each comes from its own address (through one trusted proxy), as the per-client
  // rate limit expects.
  const server = await startKindred(instance, 3401, { TRUST_PROXY: "1" });
  const importId = await queueImport(instance, brand.id, owner.id, ROWS);
  await waitFor("the import to start", async () => (await db.importJob.findUniqueOrThrow({ where: { id: importId } })).status === "running", 30_000, 50);

  const tally: Record<string, { ok: number; refused: number; failed: number; examples: string[] }> = Object.fromEntries(["note", "rsvp", "post"].map((k) => [k, { ok: 0, refused: 0, failed: 0, examples: [] }]));
  let importing = true;
  const refusedStatuses = new Map<number, number>();
  const post = async (kind: string, url: string, cookie: string, form: Record<string, string>, client: number) => {
    try {
      const res = await fetch(`${server.url}${url}`, { method: "POST", body: new URLSearchParams(form), headers: { Cookie: cookie, Origin: server.url, "X-Forwarded-For": `10.0.0.${client + 1}` }, redirect: "manual" });
      if (res.status >= 400 && res.status < 500) refusedStatuses.set(res.status, (refusedStatuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) {
        tally[kind].failed++;
        if (tally[kind].examples.length < 3) tally[kind].examples.push(`${res.status} ${res.statusText}`);
      } else if (res.status >= 400) tally[kind].refused++;
      else tally[kind].ok++;
    } catch (error) {
      tally[kind].failed++;
      if (tally[kind].examples.length < 3) tally[kind].examples.push(String(error));
    }
  };
  const writer = async (i: number) => {
    const fan = fans[i];
    for (let n = 0; importing; n++) {
      const which = (i + n) % 3;
      if (which === 0) await post("note", `/b/${brand.slug}/ambassadors/${fan.ambassador.id}`, ownerCookie, { intent: "note", body: `Note ${n} from writer ${i}` }, i);
      else if (which === 1) await post("rsvp", `/me/events/${event.id}`, fan.cookie, { intent: "rsvp", status: n % 2 ? "going" : "not_going", plusOnes: "0" }, i);
      else await post("post", "/me/posts", fan.cookie, { intent: "add", programId: fan.ambassador.id, url: `https://example.com/post/${i}/${n}`, postedAt: new Date(Date.now() - 86_400_000).toISOString().slice(0, 16), caption: "#ad New bread", followersAtPost: "800", likes: "3" }, i);
    }
  };
  const started = Date.now();
  const all = Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i)));
  const done = await waitFor("the import to finish", async () => {
    const j = await db.importJob.findUniqueOrThrow({ where: { id: importId } });
    return (j.status === "done" || j.status === "failed") && j;
  }, 600_000, 200);
  const seconds = (Date.now() - started) / 1000;
  importing = false;
  await all;
  // A post that answered with an error must not have been saved, and every saved post has its metric jobs.
  const saved = await db.post.findMany({ where: { brandId: brand.id }, select: { id: true } });
  const reads = await db.job.findMany({ where: { type: "post.metrics" }, select: { payload: true } });
  const withReads = new Set(reads.map((r) => (JSON.parse(r.payload) as { postId: string }).postId));
  const posts = saved.length;
  const postsWithoutJobs = saved.filter((p) => !withReads.has(p.id)).length;
  const serverErrors = server.stderr().trim();
  await server.stop();
  await db.$disconnect();
  rmSync(instance.dir, { recursive: true, force: true });
  const total = Object.values(tally).reduce((s, t) => s + t.ok + t.refused + t.failed, 0);
  const failed = Object.values(tally).reduce((s, t) => s + t.failed, 0);
  console.log(`\n1. ${WRITERS} writers during a ${ROWS.toLocaleString("en")}-row import (${done.status}, ${seconds.toFixed(1)} s, ${Math.round(ROWS / seconds).toLocaleString("en")} rows/s while serving writes)`);
  console.log(`   requests: ${total.toLocaleString("en")}, errors: ${failed} — error rate ${((failed / Math.max(1, total)) * 100).toFixed(2)} %`);
  for (const [kind, t] of Object.entries(tally)) console.log(`   ${kind.padEnd(5)} ok ${t.ok}, refused as invalid ${t.refused}, failed ${t.failed}${t.examples.length ? `  e.g. ${t.examples.join(" | ")}` : ""}`);
  if (serverErrors) console.log(`   the server logged:\n${serverErrors.slice(0, 2000)}`);
  if (refusedStatuses.size) console.log(`   refused: ${[...refusedStatuses].map(([s, n]) => `${n} × ${s}`).join(", ")}`);
  console.log(`   posts saved: ${posts}, of which without their metric reads scheduled: ${postsWithoutJobs}`);
  return failed;
}

async function resumeAfterKill() {
  const instance = freshInstance("bench-resume");
  const { db } = instance;
  const owner = await db.user.create({ data: { email: "owner@resume.example" } });
  const brand = await db.brand.create({ data: { name: "Resume Bakery", slug: "resume", memberships: { create: { userId: owner.id, role: "owner" } } } });
  const importId = await queueImport(instance, brand.id, owner.id, 50_000);
  const first = await startKindred(instance, 3402);
  await waitFor("the import to be part-way", async () => (await db.importJob.findUniqueOrThrow({ where: { id: importId } })).processedRows >= 10_000, 120_000, 50);
  await first.crash();
  const at = (await db.importJob.findUniqueOrThrow({ where: { id: importId } })).processedRows;
  const restarted = Date.now();
  const second = await startKindred(instance, 3402);
  const delay = await waitFor("the import to resume", async () => (await db.importJob.findUniqueOrThrow({ where: { id: importId } })).processedRows > at && Date.now() - restarted, 120_000, 50);
  const done = await waitFor("the import to finish", async () => {
    const j = await db.importJob.findUniqueOrThrow({ where: { id: importId } });
    return j.status === "done" && j;
  }, 300_000, 200);
  const ambassadors = await db.ambassador.count({ where: { brandId: brand.id } });
  await second.stop();
  await db.$disconnect();
  rmSync(instance.dir, { recursive: true, force: true });
  console.log(`\n2. an import of 50,000 rows killed (kill -9) at ${at.toLocaleString("en")} rows`);
  console.log(`   resumed ${(delay / 1000).toFixed(1)} s after the restart; ended with ${done.importedRows.toLocaleString("en")} imported, ${ambassadors.toLocaleString("en")} ambassadors (expected 50,000 and 50,000)`);
  return delay;
}

async function fanOutAcrossKill() {
  const instance = freshInstance("bench-fanout");
  const { db } = instance;
  const resend = await fakeResend(3403);
  const brand = await db.brand.create({ data: { name: "Fan-out Bakery", slug: "fanout" } });
  const fans = Array.from({ length: FANS }, (_, i) => `reader${i}@example.com`);
  await db.ambassador.createMany({ data: fans.map((email, i) => ({ brandId: brand.id, email, name: `Reader ${i}`, status: "active", emailOptIn: true })) });
  const scoop = await db.scoop.create({ data: { brandId: brand.id, title: "New rye", body: "Soon.", publishAt: new Date(Date.now() - 1000), audienceKind: "all" } });
  await db.job.create({ data: { type: "scoop.notify", payload: JSON.stringify({ scoopId: scoop.id, kind: "published" }), dedupeKey: `scoop:${scoop.id}:published:bench` } });
  const env = { RESEND_API_KEY: "re_bench", RESEND_BASE_URL: resend.url };
  const started = Date.now();
  const first = await startKindred(instance, 3404, env);
  await waitFor("a third of the emails", async () => resend.calls.length >= Math.floor(FANS / 3), 600_000, 50);
  await first.crash();
  const second = await startKindred(instance, 3404, env);
  await waitFor("the fan-out to finish", async () => !!(await db.scoop.findUniqueOrThrow({ where: { id: scoop.id } })).notifiedAt, 900_000, 250);
  await waitFor("every email to be delivered", async () => (await db.outboxMessage.count({ where: { status: { not: "sent" } } })) === 0, 600_000, 250);
  const seconds = (Date.now() - started) / 1000;
  await second.stop();
  await resend.close();
  await db.$disconnect();
  rmSync(instance.dir, { recursive: true, force: true });
  const perFan = new Map<string, number>();
  for (const c of resend.calls) perFan.set(c.to, (perFan.get(c.to) ?? 0) + 1);
  const duplicates = [...perFan.values()].filter((n) => n > 1).length;
  const missed = fans.filter((f) => !perFan.has(f)).length;
  console.log(`\n3. a scoop fan-out to ${FANS.toLocaleString("en")} fans killed (kill -9) after a third, in ${seconds.toFixed(0)} s in all`);
  console.log(`   deliveries ${resend.calls.length.toLocaleString("en")}, duplicates ${duplicates}, missed ${missed}`);
  return duplicates + missed;
}

const errors = !ONLY || ONLY === "writers" ? await writersDuringImport() : NaN;
const delay = !ONLY || ONLY === "resume" ? await resumeAfterKill() : NaN;
const wrong = !ONLY || ONLY === "fanout" ? await fanOutAcrossKill() : NaN;
console.log(`\nsummary: writer errors ${errors} (target 0), resume ${(delay / 1000).toFixed(1)} s (target ≤ 30), fan-out duplicates + misses ${wrong} (target 0)`);
if (!Number.isNaN(errors)) report({ measurement: `faults: failed writes by ${WRITERS} writers during a ${ROWS.toLocaleString("en")}-row import`, result: String(errors), target: "0", met: errors === 0 });
if (!Number.isNaN(delay)) report({ measurement: "faults: import resumed after kill -9", result: `${(delay / 1000).toFixed(1)} s`, target: "≤ 30 s", met: delay <= 30_000 });
if (!Number.isNaN(wrong)) report({ measurement: `faults: fan-out to ${FANS.toLocaleString("en")} fans across kill -9, duplicates + misses`, result: String(wrong), target: "0", met: wrong === 0 });
process.exit(0);
