// Every CSV Kindred writes goes through one writer that neutralises spreadsheet formulas (OWASP "CSV injection").
import { parse } from "csv-parse/sync";
import { staffScope } from "#tests/factories";
import { fanScope } from "#app/models/scope";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import "#app/jobs.server";
import { createImport, startImport } from "#app/models/csv-import.server";
import { createCampaign } from "#app/models/seeding/campaigns.server";
import { decideRequests } from "#app/models/seeding/pipeline.server";
import { requestProduct } from "#app/models/seeding/requests.server";
import { loader as ambassadorsCsv } from "#app/routes/b.$brand.ambassadors[.]csv/route";
import { loader as analyticsCsv } from "#app/routes/b.$brand.analytics[.]csv/route";
import { loader as attendeesCsv } from "#app/routes/b.$brand.events_.$id_.attendees[.]csv/route";
import { loader as rejectedCsv } from "#app/routes/b.$brand.imports_.$id.rejected[.]csv/route";
import { loader as packingCsv } from "#app/routes/b.$brand.seeding_.$id_.packing[.]csv/route";
import { neutraliseCell, toCsv } from "#app/utils/csv.server";
import { db } from "#app/utils/db.server";
import { runDueJobs } from "#app/utils/jobs.server";
import { BASE, cookieFor } from "#tests/utils";
import { createAmbassador, createBrand, createEvent, createUser } from "#tests/factories";

const FORMULAS = ["=HYPERLINK(\"https://evil.example\",\"click\")", "+1+2", "-2+3", "@SUM(A1:A2)", "\tTAB", "\r=CR"];
const DANGEROUS = /^[=+\-@\t\r]/;

describe("the CSV writer", () => {
  test.each(FORMULAS)("puts a quote before %j", (cell) => {
    expect(neutraliseCell(cell)).toBe(`'${cell}`);
  });

  test("leaves ordinary text and numbers alone", () => {
    expect(toCsv([["Ana", -3, 12.5, "a=b", "x@y", "", null]])).toBe("Ana,-3,12.5,a=b,x@y,,\n");
  });
});

async function download(loader: (a: any) => unknown, url: string, cookie: string, params: Record<string, string>) {
  const res = (await loader({ request: new Request(BASE + url, { headers: { Cookie: cookie } }), params, context: {} })) as Response;
  expect(res.status).toBe(200);
  expect(res.headers.get("Cache-Control")).toBe("private, no-store");
  const bytes = Buffer.from(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.subarray(3).toString("utf8"), { relax_column_count: true }) as string[][];
}

function expectNoFormula(rows: string[][], mustContain: string) {
  const cells = rows.flat();
  expect(cells.filter((c) => DANGEROUS.test(c))).toEqual([]);
  expect(cells).toContain(mustContain);
}

describe("every export neutralises formulas", () => {
  test("directory, attendees, packing list, rejected rows and analytics", async () => {
    const owner = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    const cookie = await cookieFor(owner.id);
    const params = { brand: brand.slug };
    const user = await createUser(db, { name: FORMULAS[0] });
    const fan = await createAmbassador(db, brand.id, { userId: user.id, email: user.email, name: FORMULAS[0], city: FORMULAS[3] });

    expectNoFormula(await download(ambassadorsCsv, `/b/${brand.slug}/ambassadors.csv`, cookie, params), `'${FORMULAS[0]}`);

    const event = await createEvent(db, brand.id, { questions: [{ id: "q1", label: "Allergies", type: "short", options: [], required: false, lifeMoment: false }] });
    await db.rsvp.create({ data: { eventId: event.id, brandId: brand.id, ambassadorId: fan.id, status: "going", ticketCode: "t-csv", answers: JSON.stringify({ q1: FORMULAS[2] }) } });
    expectNoFormula(await download(attendeesCsv, `/b/${brand.slug}/events/${event.id}/attendees.csv`, cookie, { ...params, id: event.id }), `'${FORMULAS[0]}`);

    const campaign = await createCampaign(staffScope(brand.id, "owner", owner.id), {
      name: "Box",
      callToAction: "Try it",
      guidelines: "",
      mode: "request",
      followUpDays: "7",
      audienceKind: "all",
      audienceValues: [],
      products: [{ name: "Rye", value: 10, variants: [{ name: "One", stock: 2 }] }],
    });
    if (!campaign.ok) throw new Error("campaign");
    const variant = await db.seedingVariant.findFirstOrThrow({ where: { campaignId: campaign.id } });
    const address = { name: FORMULAS[1], line1: FORMULAS[2], line2: "", city: "Toronto", region: "ON", postalCode: "M1M", country: "Canada" };
    const requested = await requestProduct(fanScope(user), campaign.id, variant.id, address, false);
    if (!requested.ok) throw new Error(requested.error);
    await decideRequests(staffScope(brand.id), campaign.id, [requested.id], true, owner.id);
    expectNoFormula(await download(packingCsv, `/b/${brand.slug}/seeding/${campaign.id}/packing.csv`, cookie, { ...params, id: campaign.id }), `'${FORMULAS[2]}`);

    const dir = mkdtempSync(path.join(tmpdir(), "kindred-csv-"));
    const file = path.join(dir, "fans.csv");
    writeFileSync(file, `email,name\n${FORMULAS[0].replace(/"/g, '""').replace(/^/, '"')}",Broken\nok@example.com,@handle-like\n`);
    const created = await createImport(staffScope(brand.id, "owner", owner.id), { fileName: "fans.csv", filePath: file });
    if (!created.ok) throw new Error(created.error);
    await startImport(staffScope(brand.id), created.id, { 0: "email", 1: "name" }, false);
    await runDueJobs();
    expectNoFormula(await download(rejectedCsv, `/b/${brand.slug}/imports/${created.id}/rejected.csv`, cookie, { ...params, id: created.id }), `'${FORMULAS[0]}`);
    // What the writer protected reads back as typed when the file is imported again.
    expect((await db.ambassador.findFirstOrThrow({ where: { brandId: brand.id, email: "ok@example.com" } })).name).toBe("@handle-like");

    await db.post.create({
      data: { brandId: brand.id, ambassadorId: fan.id, platform: "web", url: "https://example.com/p", externalId: "p", postedAt: new Date(), day: new Date().toISOString().slice(0, 10), status: "approved", likes: 5 },
    });
    expectNoFormula(await download(analyticsCsv, `/b/${brand.slug}/analytics.csv?table=contributors`, cookie, params), `'${FORMULAS[0]}`);
  });
});
