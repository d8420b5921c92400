// Benchmark: a scoop to 10,000 ambassadors, from publishing to the last message handed to the provider, on a fresh
// SQLite database, through the real jobs. MSW stands in for Resend's batch endpoint: it honours idempotency keys
// and answers every 10th call with 429 and Retry-After: 1, as a busy provider would.
// Usage: npm run bench:fanout [-- <ambassadors>]
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { report } from "./report";

const fans = Number(process.argv[2] ?? 10_000);
const rate = 2;
const dir = mkdtempSync(path.join(tmpdir(), "kindred-bench-"));
process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
process.env.RESEND_API_KEY = "re_bench";
process.env.RESEND_RATE_PER_SECOND = String(rate);
execFileSync(process.execPath, ["scripts/migrate.mjs"], { stdio: ["ignore", "ignore", "inherit"], env: process.env });

const calls: { at: number; size: number; status: number }[] = [];
const delivered = new Map<string, number>();
const answered = new Map<string, { id: string }[]>();
const provider = setupServer(
  http.post("https://api.resend.com/emails/batch", async ({ request }) => {
    const key = request.headers.get("idempotency-key") ?? "";
    const body = (await request.json()) as { to: string }[];
    if ((calls.length + 1) % 10 === 0) {
      calls.push({ at: performance.now(), size: body.length, status: 429 });
      return HttpResponse.json({ name: "rate_limit_exceeded", message: "Too many requests", statusCode: 429 }, { status: 429, headers: { "retry-after": "1" } });
    }
    calls.push({ at: performance.now(), size: body.length, status: 200 });
    let data = answered.get(key);
    if (!data) {
      data = body.map((_, i) => ({ id: `re_${calls.length}_${i}` }));
      answered.set(key, data);
      for (const m of body) delivered.set(m.to, (delivered.get(m.to) ?? 0) + 1);
    }
    return HttpResponse.json({ data });
  }),
);
provider.listen({ onUnhandledRequest: "error" });

const { db } = await import("#app/utils/db.server");
await import("#app/jobs.server");
const { runDueJobs } = await import("#app/utils/jobs.server");
const { scheduleScoopEmails } = await import("#app/models/scoops/manage.server");

const brand = await db.brand.create({ data: { name: "Bench Bakery", slug: "bench" } });
for (let start = 0; start < fans; start += 1000) {
  await db.ambassador.createMany({ data: Array.from({ length: Math.min(1000, fans - start) }, (_, j) => ({ brandId: brand.id, email: `fan${start + j}@example.com`, name: `Fan ${start + j}`, status: "active" })) });
}
const scoop = await db.scoop.create({ data: { brandId: brand.id, title: "Rye week", body: "A new rye, before anyone else.", publishAt: new Date() } });

const started = performance.now();
await scheduleScoopEmails(scoop.id);
let queuedAt = 0;
for (;;) {
  // The runner's loop: drain what is due, then poll.
  while ((await runDueJobs()) > 0) {
    if (!queuedAt && (await db.outboxMessage.count({ where: { brandId: brand.id } })) >= fans) queuedAt = performance.now();
  }
  if (!queuedAt && (await db.outboxMessage.count({ where: { brandId: brand.id } })) >= fans) queuedAt = performance.now();
  const left = await db.outboxMessage.count({ where: { brandId: brand.id, status: { not: "sent" } } });
  if (queuedAt && left === 0) break;
  await new Promise((r) => setTimeout(r, 100));
}
const total = (performance.now() - started) / 1000;
provider.close();

const queuedSeconds = (queuedAt - started) / 1000;
const twice = [...delivered.values()].filter((n) => n > 1).length;
const dropped = fans - delivered.size;
const ok = calls.filter((c) => c.status === 200);
let busiest = 0;
for (let i = 0; i < calls.length; i++) busiest = Math.max(busiest, calls.filter((c) => c.at >= calls[i].at && c.at < calls[i].at + 1000).length);
const ideal = Math.ceil(fans / 100 / rate);
console.log(`${fans.toLocaleString("en")} fans; provider calls: ${calls.length} (${ok.length} accepted of ≤${Math.max(...calls.map((c) => c.size))} messages, ${calls.length - ok.length} answered 429)`);
report({ measurement: `fan-out ${fans.toLocaleString("en")}: all queued after publishing`, result: `${queuedSeconds.toFixed(1)} s`, target: "≤ 5 s", met: queuedSeconds <= 5 });
report({ measurement: `fan-out ${fans.toLocaleString("en")}: all handed to the provider`, result: `${total.toFixed(1)} s in ${calls.length} calls`, target: `≈ ${ideal} s at ${rate} calls/s + 429 waits`, met: null });
report({ measurement: "fan-out: provider calls in any 1 s window", result: String(busiest), target: `≤ ${rate * 2} (fixed 1 s windows of ${rate})`, met: busiest <= rate * 2 });
report({ measurement: "fan-out: messages sent twice / dropped", result: `${twice} / ${dropped}`, target: "0 / 0", met: twice === 0 && dropped === 0 });
await db.$disconnect();
rmSync(dir, { recursive: true, force: true });
