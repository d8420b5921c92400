import type { ServerBuild } from "@remix-run/node";
import { describe, expect, test, vi } from "vitest";
import { action as noteAction } from "#app/routes/b.$brand.ambassadors_.$id/route";
import { loader as healthz } from "#app/routes/healthz/route";
import { db, engine } from "./db.server";
import { machineFault } from "./faults.server";
import { edgeResponse, withRouteEdge } from "./route-edge.server";
import { Conflict, Forbidden, NotFound } from "#app/models/errors";
import { BASE, cookieFor } from "#tests/utils";
import { createAmbassador, createBrand, createUser } from "#tests/factories";

// A full disk and a stuck writer are staged on the SQLite file; on PostgreSQL they are the server's to report.
describe.skipIf(engine !== "sqlite")("machine faults", () => {
  test.each([
    [{ code: "ENOSPC", message: "ENOSPC: no space left on device, write" }, 507],
    [{ cause: { originalCode: "SQLITE_FULL", originalMessage: "database or disk is full" } }, 507],
    [{ cause: { originalCode: "SQLITE_READONLY" } }, 503],
    [{ message: "disk I/O error" }, 503],
    [{ cause: { kind: "SocketTimeout", originalCode: "SQLITE_BUSY" } }, 503],
  ])("%j is a %i with a sentence", (error, status) => {
    expect(machineFault(error)).toMatchObject({ status, message: expect.stringMatching(/not saved/) });
  });

  test("ordinary errors and thrown responses are left alone", () => {
    expect(machineFault(new Error("Cannot read properties of undefined"))).toBeNull();
    expect(machineFault(new Response("Not found", { status: 404 }))).toBeNull();
  });

  test("a full disk answers 507 with a reason through the real route, and the next write works once there is space", async () => {
    const owner = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    const fan = await createAmbassador(db, brand.id);
    const cookie = await cookieFor(owner.id);
    const build = withRouteEdge({ routes: { note: { id: "note", path: "", module: { action: noteAction } } } } as unknown as ServerBuild);
    const action = build.routes.note.module.action!;
    const note = (body: string) =>
      action({ request: new Request(`${BASE}/b/${brand.slug}/ambassadors/${fan.id}`, { method: "POST", body: new URLSearchParams({ intent: "note", body }), headers: { Cookie: cookie } }), params: { brand: brand.slug, id: fan.id }, context: {} });

    // The database file may not grow: fill what room is left, as a full disk would.
    const [{ page_count }] = await db.$queryRawUnsafe<{ page_count: bigint }[]>("PRAGMA page_count");
    await db.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(page_count)}`);
    let thrown: unknown;
    try {
      // Big rows first, then smaller ones, until not even a small row fits (free pages left by migrations included).
      for (const size of [3000, 400, 20]) {
        for (let i = 0; ; i++) {
          const full = await db.heartbeat.create({ data: { id: `filler-${size}-${i}-${"x".repeat(size)}`, at: new Date() } }).then(
            () => false,
            () => true,
          );
          if (full) break;
        }
      }
      await note(`A note longer than a page: ${"x".repeat(4900)}`);
    } catch (e) {
      thrown = e;
    } finally {
      await db.$queryRawUnsafe("PRAGMA max_page_count = 1073741823");
      await db.heartbeat.deleteMany({ where: { id: { startsWith: "filler-" } } });
    }
    expect(thrown).toBeInstanceOf(Response);
    // The operator is told in the log; the person gets the sentence.
    const logged = vi.mocked(console.error);
    expect(logged.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/^\[fault\] 507/)]);
    logged.mockClear();
    expect((thrown as Response).status).toBe(507);
    expect(await (thrown as Response).text()).toMatch(/out of disk space/);
    expect(await db.timelineEvent.count({ where: { ambassadorId: fan.id, kind: "note" } })).toBe(0);

    const ok = (await note("Room again.")) as Response;
    expect(ok.status).toBe(302);
    expect(await db.timelineEvent.count({ where: { ambassadorId: fan.id, kind: "note" } })).toBe(1);
    expect((await healthz()).status).toBe(200);
  });

  test("/healthz commits a write each time it is asked", async () => {
    const res = await healthz();
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
    const before = await db.heartbeat.findUniqueOrThrow({ where: { id: "healthz" } });
    await new Promise((r) => setTimeout(r, 5));
    await healthz();
    expect((await db.heartbeat.findUniqueOrThrow({ where: { id: "healthz" } })).at.getTime()).toBeGreaterThan(before.at.getTime());
  });
});

describe.skipIf(engine !== "sqlite")("/healthz under a stuck writer", () => {
  test("answers 503 with the reason when another program holds the write lock, and ok once it lets go", { timeout: 30_000 }, async () => {
    const Database = (await import("better-sqlite3")).default;
    const other = new Database(process.env.DATABASE_URL!.slice("file:".length));
    other.exec("BEGIN IMMEDIATE");
    try {
      const res = await healthz();
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/busy/);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    await new Promise((r) => setTimeout(r, 200));
    expect((await healthz()).status).toBe(200);
  });
});

describe("the route edge", () => {
  test.each([
    [new NotFound(), 404, "Not found"],
    [new Forbidden("Only owners can do this."), 403, "Only owners can do this."],
    [new Conflict("That application was just decided by someone else."), 409, "That application was just decided by someone else."],
  ])("%s answers %i with its sentence", async (error, status, sentence) => {
    const answer = edgeResponse(error)!;
    expect(answer.status).toBe(status);
    expect(await answer.text()).toBe(sentence);
  });

  test("bugs are left to Remix (a 500 with the error logged)", () => {
    expect(edgeResponse(new TypeError("x is undefined"))).toBeNull();
  });

  test("a wrapped build turns a model's NotFound into a thrown 404", async () => {
    const build = withRouteEdge({ routes: { r: { id: "r", path: "", module: { loader: async () => { throw new NotFound(); } } } } } as unknown as ServerBuild);
    const thrown = await (build.routes.r.module.loader as () => Promise<unknown>)().catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
  });
});
