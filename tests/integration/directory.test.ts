import { describe, expect, test } from "vitest";
import { loader } from "#app/routes/b.$brand.ambassadors/route";
import { db } from "#app/utils/db.server";
import { callLoader, cookieFor } from "#tests/utils";
import { createAmbassador, createBrand, createUser } from "#tests/factories";

describe("the ambassador directory", () => {
  test("filters by status, tier, tag, city, handle and gone quiet, and sorts, within the brand only", async () => {
    const owner = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    const other = await createBrand(db);
    // Fixed addresses and handles: the text search also reads them, and a random "Diana" would match "ana".
    await createAmbassador(db, brand.id, { name: "Ana Nano", email: "ana@example.com", handle: "ana_nano", city: "Toronto", followers: [300], tags: ["rye"], status: "active" });
    await createAmbassador(db, brand.id, { name: "Bo Micro", email: "bo@example.com", handle: "bo_micro", city: "Ottawa", followers: [5_000], tags: ["rye", "vegan"], status: "active" });
    const quiet = await createAmbassador(db, brand.id, { name: "Cy Macro", email: "cy@example.com", handle: "cy_macro", city: "Toronto", followers: [250_000], status: "paused" });
    await db.ambassador.update({ where: { id: quiet.id }, data: { lastTouchAt: new Date(Date.now() - 90 * 86_400_000) } });
    await createAmbassador(db, other.id, { name: "Ana Elsewhere", city: "Toronto", followers: [300], tags: ["rye"] });
    const cookie = await cookieFor(owner.id);
    const names = async (query: string) => {
      const res = await callLoader(loader, `/b/${brand.slug}/ambassadors?${query}`, { cookie, params: { brand: brand.slug } });
      return res.data.rows.map((r: { name: string }) => r.name);
    };
    expect(await names("")).toEqual(["Ana Nano", "Bo Micro", "Cy Macro"]);
    expect(await names("status=active")).toEqual(["Ana Nano", "Bo Micro"]);
    expect(await names("tier=micro")).toEqual(["Bo Micro"]);
    expect(await names("tag=rye&city=Toronto")).toEqual(["Ana Nano"]);
    expect(await names("quiet=1")).toEqual(["Cy Macro"]);
    expect(await names("sort=followers")).toEqual(["Cy Macro", "Bo Micro", "Ana Nano"]);
    expect(await names("q=ana")).toEqual(["Ana Nano"]);
    const handle = (await db.socialAccount.findFirstOrThrow({ where: { ambassador: { name: "Bo Micro" } } })).handle;
    expect(await names(`q=@${handle}`)).toEqual(["Bo Micro"]);
    expect(await names("platform=instagram")).toEqual(["Ana Nano", "Bo Micro", "Cy Macro"]);
    expect(await names("platform=youtube")).toEqual([]);
    await db.ambassador.updateMany({ where: { name: "Ana Nano" }, data: { joinedAt: new Date(Date.now() - 3 * 86_400_000) } });
    await db.ambassador.updateMany({ where: { name: { in: ["Bo Micro", "Cy Macro"] } }, data: { joinedAt: new Date(Date.now() - 400 * 86_400_000) } });
    expect(await names("joined=7")).toEqual(["Ana Nano"]);
    expect(await names("touched=30")).toEqual(["Ana Nano", "Bo Micro"]);
    // Nonsense filter values are ignored rather than failing the page.
    expect(await names("status=royalty&tier=giga&sort=random&platform=myspace&joined=2")).toHaveLength(3);
    const facets = (await callLoader(loader, `/b/${brand.slug}/ambassadors`, { cookie, params: { brand: brand.slug } })).data.facets;
    expect(facets).toEqual({ tags: ["rye", "vegan"], cities: ["Ottawa", "Toronto"] });
  });
});

import { action as directoryAction } from "#app/routes/b.$brand.ambassadors/route";
import { loader as exportLoader } from "#app/routes/b.$brand.ambassadors[.]csv/route";
import { BASE, callAction } from "#tests/utils";
import { parse } from "csv-parse/sync";

describe("bulk actions and export", () => {
  async function setup() {
    const owner = await createUser(db, { name: "Sam" });
    const brand = await createBrand(db, { ownerId: owner.id, name: "Bulk Bakery" });
    const a = await createAmbassador(db, brand.id, { name: "Ana", status: "active", followers: [300], tags: ["rye"] });
    const b = await createAmbassador(db, brand.id, { name: "Bo", status: "active", followers: [5000] });
    await db.ambassador.update({ where: { id: b.id }, data: { emailOptIn: false } });
    const other = await createBrand(db);
    const stranger = await createAmbassador(db, other.id, { name: "Elsewhere" });
    return { brand, a, b, stranger, cookie: await cookieFor(owner.id), params: { brand: brand.slug } };
  }

  test("tags, untags and changes status of the ticked ambassadors of this brand only", async () => {
    const { brand, a, b, stranger, cookie, params } = await setup();
    const path = `/b/${brand.slug}/ambassadors`;
    await callAction(directoryAction, path, { cookie, params, form: { ids: [a.id, b.id, stranger.id], intent: "tag", tag: "Workshop" } });
    expect(await db.ambassadorTag.count({ where: { tag: { name: "workshop" } } })).toBe(2);
    await callAction(directoryAction, path, { cookie, params, form: { ids: [a.id], intent: "untag", tag: "rye" } });
    expect(await db.ambassadorTag.count({ where: { ambassadorId: a.id, tag: { name: "rye" } } })).toBe(0);
    await callAction(directoryAction, path, { cookie, params, form: { ids: [a.id, stranger.id], intent: "status", status: "paused" } });
    expect((await db.ambassador.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("paused");
    expect((await db.ambassador.findUniqueOrThrow({ where: { id: stranger.id } })).status).toBe("active");
    const noIds = await callAction(directoryAction, path, { cookie, params, form: { intent: "tag", tag: "x" } });
    expect(noIds.status).toBe(302);
  });

  test("a message goes only to ambassadors who accept program emails, and lands on their timeline", async () => {
    const { brand, a, b, cookie, params } = await setup();
    await callAction(directoryAction, `/b/${brand.slug}/ambassadors`, { cookie, params, form: { ids: [a.id, b.id], intent: "message", subject: "Spring workshop", body: "Two dates in April." } });
    const toA = await db.outboxMessage.findFirstOrThrow({ where: { to: a.email } });
    expect(toA).toMatchObject({ template: "brand-message", subject: "Spring workshop", brandId: brand.id });
    expect(toA.text).toContain("Two dates in April.");
    expect(await db.outboxMessage.count({ where: { to: b.email } })).toBe(0);
    expect(await db.timelineEvent.count({ where: { ambassadorId: a.id, kind: "message" } })).toBe(1);
  });

  test("exports the current filter as CSV", async () => {
    const { brand, cookie, params } = await setup();
    const request = new Request(`${BASE}/b/${brand.slug}/ambassadors.csv?tier=micro`, { headers: { Cookie: cookie } });
    const res = (await exportLoader({ request, params, context: {} })) as Response;
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="${brand.slug}-ambassadors.csv"; filename*=UTF-8''${brand.slug}-ambassadors.csv`);
    const rows = parse((await res.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "Bo", tier: "micro", max_followers: "5000", emails_ok: "no", status: "active" });
    const all = (await exportLoader({ request: new Request(`${BASE}/b/${brand.slug}/ambassadors.csv`, { headers: { Cookie: cookie } }), params, context: {} })) as Response;
    expect(parse(await all.text(), { columns: true, bom: true })).toHaveLength(2);
  });
});

describe("the export is private to the brand", () => {
  test("another brand's export is a 404", async () => {
    const owner = await createUser(db);
    const mine = await createBrand(db, { ownerId: owner.id });
    const theirs = await createBrand(db);
    const request = new Request(`${BASE}/b/${theirs.slug}/ambassadors.csv`, { headers: { Cookie: await cookieFor(owner.id) } });
    const outcome = await exportLoader({ request, params: { brand: theirs.slug }, context: {} }).catch((e: Response) => e);
    expect((outcome as Response).status).toBe(404);
    void mine;
  });
});

describe("the export follows the screen", () => {
  test("rows come in the directory's order for every sort, across export pages", async () => {
    const owner = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    // More than one export page (1,000 rows), with ties on the sort column.
    const rows = Array.from({ length: 1_150 }, (_, i) => ({ id: `amb-${brand.id}-${String(i).padStart(5, "0")}`, brandId: brand.id, email: `e${i}@example.com`, name: `Fan ${String(i % 37).padStart(2, "0")}`, maxFollowers: (i * 7919) % 600, status: "active", lastTouchAt: new Date(Date.UTC(2026, 0, 1 + (i % 90))), growth90: i % 3 ? ((i * 13) % 50) / 100 : null, engagementMedian: i % 4 ? ((i * 7) % 20) / 100 : null, saturation: i % 5 ? (i % 4) / 4 : null }));
    await db.ambassador.createMany({ data: rows });
    const cookie = await cookieFor(owner.id);
    const params = { brand: brand.slug };
    // Pages in the back half are read from the end (reversed order): the screen must still match the export's keyset walk.
    for (const sort of ["", "name", "followers", "recent", "touch", "growth", "engagement", "saturation"]) {
      const screen: string[] = [];
      for (let page = 1; page <= 100; page++) {
        const res = await callLoader(loader, `/b/${brand.slug}/ambassadors?sort=${sort}&page=${page}`, { cookie, params });
        screen.push(...res.data.rows.map((r: { email: string }) => r.email));
        if (page >= res.data.pageCount) break;
      }
      const file = (await exportLoader({ request: new Request(`${BASE}/b/${brand.slug}/ambassadors.csv?sort=${sort}`, { headers: { Cookie: cookie } }), params, context: {} })) as Response;
      const exported = (parse(await file.text(), { columns: true, bom: true }) as Record<string, string>[]).map((r) => r.email);
      expect(exported, sort || "default").toEqual(screen);
      expect(new Set(exported).size).toBe(1_150);
    }
  });
});

import { listAmbassadors } from "#app/models/ambassadors.server";
import { DEFAULT_TIER_THRESHOLDS } from "#app/models/tiers";
import { staffScope } from "#tests/factories";

/** What a person means by "contains": case and accents set aside. */
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

describe("text search", () => {
  test("finds what a straight reading of names, emails, cities and handles finds, whatever the case or accents, and follows edits", async () => {
    const owner = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    const other = await createBrand(db);
    const first = ["Zoë", "Noor", "Léa", "Chloé", "Mateo", "Ana", "Jürgen", "Siobhán", "Priya", "Åsa"];
    const last = ["Tremblay", "Côté", "O'Brien", "Nguyễn", "Okafor", "Müller", "Raman", "García"];
    const cities = ["Montréal", "montreal", "Québec", "Toronto", "São Paulo", "Zürich", "Ottawa"];
    // A fixed pseudo-random sequence: the same data every run, varied enough to mix matches and misses.
    let seed = 7;
    const pick = <T>(list: T[]) => list[(seed = (seed * 1103515245 + 12345) % 2147483648) % list.length];
    const people = [];
    for (let i = 0; i < 60; i++) {
      const name = `${pick(first)} ${pick(last)}`;
      people.push(await createAmbassador(db, brand.id, { name, email: `fan${i}.${fold(name).replace(/[^a-z]/g, "")}@example.com`, handle: `${fold(pick(first)).replace(/[^a-z]/g, "")}_bakes${i}`, city: pick(cities) }));
    }
    await createAmbassador(db, other.id, { name: "Zoë Elsewhere", city: "Montréal", email: "zoe@else.example" });
    const scope = staffScope(brand.id, "owner", owner.id);
    const ctx = { thresholds: DEFAULT_TIER_THRESHOLDS, quietAfterDays: 60 };
    const expected = async (q: string) => {
      const rows = await db.ambassador.findMany({ where: { brandId: brand.id }, select: { name: true, email: true, city: true, socialAccounts: { select: { handle: true } } } });
      const needle = fold(q.replace(/^@/, ""));
      return rows.filter((a) => [a.name, a.email, a.city, ...a.socialAccounts.map((s) => s.handle)].some((t) => fold(t).includes(needle))).map((a) => a.email).sort();
    };
    const found = async (q: string) => {
      const emails: string[] = [];
      for (let page = 1; ; page++) {
        const r = await listAmbassadors(scope, { q, page }, ctx);
        emails.push(...r.rows.map((a) => a.email));
        if (page >= r.pageCount) return emails.sort();
      }
    };
    for (const q of ["montreal", "MONTRÉAL", "zoe", "Zoë", "cote", "nguyen", "o'brien", "sao paulo", "zurich", "bakes1", "@lea_bakes", "example.com", "xyz-nobody"]) {
      const want = await expected(q);
      expect(await found(q), q).toEqual(want);
    }
    expect((await expected("montreal")).length).toBeGreaterThan(0);

    // The index follows edits: a new name, a new city, a handle added, changed and removed, a fan deleted.
    const noor = people[0];
    await db.ambassador.update({ where: { id: noor.id }, data: { name: "Ðorđe Quixote", city: "Genève" } });
    expect(await found("quixote")).toEqual([noor.email]);
    expect(await found("geneve")).toEqual([noor.email]);
    const account = await db.socialAccount.create({ data: { ambassadorId: noor.id, platform: "bluesky", handle: "wind.mills" } });
    expect(await found("windmi")).toEqual([]);
    expect(await found("wind.mi")).toEqual([noor.email]);
    await db.socialAccount.update({ where: { id: account.id }, data: { handle: "giants.only" } });
    expect(await found("wind.mi")).toEqual([]);
    expect(await found("giants")).toEqual([noor.email]);
    await db.socialAccount.delete({ where: { id: account.id } });
    expect(await found("giants")).toEqual([]);
    await db.ambassador.delete({ where: { id: noor.id } });
    expect(await found("quixote")).toEqual([]);
    // A search typed with wildcards means the characters themselves.
    expect(await found("%")).toEqual([]);
    expect(await found("_")).toEqual(await expected("_"));
  });
});
