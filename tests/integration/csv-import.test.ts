import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { createImport, previewImport, runImportJob, startImport } from "#app/models/csv-import.server";
import { runDueJobs } from "#app/utils/jobs.server";
import { db } from "#app/utils/db.server";
import { loader as rejectsLoader } from "#app/routes/b.$brand.imports_.$id.rejected[.]csv/route";
import "#app/jobs.server";
import { callLoader, cookieFor } from "#tests/utils";
import { createAmbassador, createBrand, createUser, staffScope } from "#tests/factories";

const dir = mkdtempSync(path.join(tmpdir(), "kindred-csv-"));
let n = 0;
function file(content: string) {
  const p = path.join(dir, `f${++n}.csv`);
  writeFileSync(p, content);
  return p;
}

/** The rejected-rows download, as its text. */
async function rejectedCsv(slug: string, id: string, cookie: string) {
  const res = (await rejectsLoader({ request: new Request(`http://localhost:3000/b/${slug}/imports/${id}/rejected.csv`, { headers: { Cookie: cookie } }), params: { brand: slug, id }, context: {} })) as Response;
  expect(res.status).toBe(200);
  return (await res.text()).replace(/^\uFEFF/, "");
}

async function importFile(content: string, opts: { sendInvites?: boolean } = {}) {
  const owner = await createUser(db);
  const brand = await createBrand(db, { ownerId: owner.id });
  await createAmbassador(db, brand.id, { email: "existing@example.com" });
  const created = await createImport(staffScope(brand.id, "owner", owner.id), { fileName: "fans.csv", filePath: file(content) });
  if (!created.ok) throw new Error(created.error);
  const job = await db.importJob.findUniqueOrThrow({ where: { id: created.id } });
  const mapping = JSON.parse(job.mapping);
  const preview = await previewImport(job.filePath, job.delimiter, mapping, brand.id);
  const started = await startImport(staffScope(brand.id), job.id, mapping, opts.sendInvites ?? false);
  expect(started.ok).toBe(true);
  while ((await runDueJobs()) > 0) {
    // run the import (and any invitation emails) to the end
  }
  return { brand, owner, job: await db.importJob.findUniqueOrThrow({ where: { id: job.id } }), preview };
}

describe("CSV import", () => {
  test("handles a BOM, quoted commas, duplicates, bad emails, huge numbers and unknown columns; imports the good rows", async () => {
    const csv = [
      "\uFEFFEmail,Name,City,Instagram,Instagram followers,Shoe size,Tags",
      'ana@example.com,"Lima, Ana",Toronto,@ana,"12,400",38,"sourdough, vegan"',
      "bo@example.com,Bo Chen,Ottawa,,,41,",
      "ANA@example.com,Ana Again,Toronto,@ana2,10,,",
      "existing@example.com,Already Here,,,,,",
      "not-an-email,Broken,,,,,",
      "cy@example.com,Cy,,@cy,99999999999,,",
      "",
      "dee@example.com,Dee,Hamilton,@dee,2.5k,,events",
    ].join("\r\n");
    const { brand, owner, job, preview } = await importFile(csv);
    expect(job.delimiter).toBe(",");
    expect(JSON.parse(job.headers)[0]).toBe("Email");
    expect(preview.map((p) => p.problem)).toEqual([null, null, "repeats an earlier row", "already in the program", 'invalid email "not-an-email"', null, null]);
    expect(preview.map((p) => p.warnings)).toEqual([[], [], [], [], [], ["Instagram followers 99999999999 is larger than any real account; imported without it"], []]);
    // A refused row shows its values in their own columns, not all in the email column.
    expect(preview[4].raw).toEqual({ email: "not-an-email", name: "Broken", city: "" });
    expect(job).toMatchObject({ status: "done", totalRows: 7, processedRows: 7, importedRows: 4, duplicateRows: 2, notedRows: 1, rejectedRows: 1 });
    // A bad follower count skips the count, not the fan.
    expect(await db.ambassador.findFirstOrThrow({ where: { brandId: brand.id, email: "cy@example.com" }, include: { socialAccounts: true } })).toMatchObject({ maxFollowers: 0, socialAccounts: [{ handle: "cy", followers: 0 }] });

    const ana = await db.ambassador.findFirstOrThrow({ where: { brandId: brand.id, email: "ana@example.com" }, include: { socialAccounts: { include: { snapshots: true } }, tags: { include: { tag: true } }, timeline: true } });
    expect(ana).toMatchObject({ name: "Lima, Ana", city: "Toronto", status: "invited", source: "import", maxFollowers: 12400 });
    expect(ana.socialAccounts[0]).toMatchObject({ platform: "instagram", handle: "ana", followers: 12400 });
    expect(ana.socialAccounts[0].snapshots).toHaveLength(1);
    expect(ana.tags.map((t) => t.tag.name).sort()).toEqual(["sourdough", "vegan"]);
    expect(ana.timeline[0].summary).toBe("Imported from fans.csv");

    const rejected = (await rejectedCsv(brand.slug, job.id, await cookieFor(owner.id))).trim().split(/\r?\n/);
    expect(rejected[0]).toBe("line,outcome,reason,Email,Name,City,Instagram,Instagram followers,Shoe size,Tags");
    // The same words as the preview, duplicates included.
    expect(rejected.slice(1)).toEqual([
      "4,not imported (duplicate),repeats an earlier row,ANA@example.com,Ana Again,Toronto,'@ana2,10,,",
      "5,not imported (duplicate),already in the program,existing@example.com,Already Here,,,,,",
      '6,not imported,"invalid email ""not-an-email""",not-an-email,Broken,,,,,',
      "7,\"imported, with a note\",Instagram followers 99999999999 is larger than any real account; imported without it,cy@example.com,Cy,,'@cy,99999999999,,",
    ]);
  });

  test("reads semicolon-separated files", async () => {
    const { brand, job } = await importFile("email;name;city\nana@example.com;Ana;Montréal\nbo@example.com;Bo;Laval\n");
    expect(job).toMatchObject({ delimiter: ";", importedRows: 2 });
    expect(await db.ambassador.findFirstOrThrow({ where: { brandId: brand.id, email: "ana@example.com" } })).toMatchObject({ city: "Montréal" });
  });

  test("can send each imported fan an invitation", async () => {
    const { brand } = await importFile("email,name\nmia@example.com,Mia\n", { sendInvites: true });
    const invite = await db.fanInvite.findFirstOrThrow({ where: { brandId: brand.id } });
    expect(invite.sendCount).toBe(1);
    expect(await db.outboxMessage.count({ where: { to: "mia@example.com", template: "fan-invite" } })).toBe(1);
  });

  test("works through a large file in parts without losing or repeating rows", async () => {
    const rows = Array.from({ length: 12_345 }, (_, i) => `fan${i}@example.com,Fan ${i},${i % 3 === 0 ? "Toronto" : "Ottawa"},@fan${i},${i * 3}`);
    rows.push("fan5@example.com,Repeat,,,");
    const { brand, job } = await importFile(["email,name,city,instagram,instagram followers", ...rows].join("\n"));
    expect(job).toMatchObject({ status: "done", totalRows: 12_346, processedRows: 12_346, importedRows: 12_345, duplicateRows: 1, rejectedRows: 0 });
    expect(await db.ambassador.count({ where: { brandId: brand.id } })).toBe(12_346);
    // One pass over the file, in one job, ending exactly at the end of the file.
    expect(await db.job.count({ where: { type: "import.run", payload: { contains: job.id } } })).toBe(1);
    expect(job.byteOffset).toBe(job.fileBytes);
  });

  test("a run resumes from the stored position: rows before it are not read again, rows after it are all imported", async () => {
    const owner = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    const lines = ["email,name", ...Array.from({ length: 10 }, (_, i) => `r${i}@example.com,R ${i}`)];
    const content = lines.join("\n") + "\n";
    const created = await createImport(staffScope(brand.id, "owner", owner.id), { fileName: "resume.csv", filePath: file(content) });
    if (!created.ok) throw new Error(created.error);
    // As if a first run committed the header and four rows, then the process died.
    const done = lines.slice(0, 5).join("\n").length + 1;
    await db.importJob.update({ where: { id: created.id }, data: { status: "running", byteOffset: done, lineOffset: 5, processedRows: 4, importedRows: 4, mapping: JSON.stringify({ 0: "email", 1: "name" }) } });
    await runImportJob(created.id);
    const job = await db.importJob.findUniqueOrThrow({ where: { id: created.id } });
    expect(job).toMatchObject({ status: "done", processedRows: 10, importedRows: 10, totalRows: 10, byteOffset: Buffer.byteLength(content) });
    expect((await db.ambassador.findMany({ where: { brandId: brand.id }, select: { email: true }, orderBy: { email: "asc" } })).map((a) => a.email)).toEqual(
      Array.from({ length: 6 }, (_, i) => `r${i + 4}@example.com`),
    );
  });

  test("an empty file is refused, and a file without an email column cannot start", async () => {
    const owner = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    expect(await createImport(staffScope(brand.id, "owner", owner.id), { fileName: "empty.csv", filePath: file("") })).toEqual({ ok: false, error: "This file is empty or has no header row." });
    const created = await createImport(staffScope(brand.id, "owner", owner.id), { fileName: "x.csv", filePath: file("name,city\nAna,Toronto\n") });
    expect(created.ok).toBe(true);
    if (created.ok) expect(await startImport(staffScope(brand.id), created.id, { 0: "name", 1: "city" }, false)).toEqual({ ok: false, error: "Choose which column holds the email address." });
  });

  test("files that would not import are refused at upload with the reason, and nothing is kept", async () => {
    const owner = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    const upload = async (name: string, content: string | Buffer) => {
      const filePath = path.join(dir, `u${++n}-${name}`);
      writeFileSync(filePath, content);
      const result = await createImport(staffScope(brand.id, "owner", owner.id), { fileName: name, filePath });
      expect(existsSync(filePath)).toBe(!!result.ok);
      return result;
    };
    const zip = Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 0), Buffer.from("email,name\n")]);
    expect(await upload("fans.csv", zip)).toMatchObject({ ok: false, error: expect.stringMatching(/not a CSV text file/) });
    expect(await upload("latin1.csv", Buffer.from("email,name\nana@example.com,Jos\xe9\n", "latin1"))).toMatchObject({ ok: false, error: expect.stringMatching(/not UTF-8 text/) });
    const openQuote = ["email,name", "a@example.com,Ann", 'b@example.com,"Bo', "c@example.com,Cy", "d@example.com,Dee"].join("\n");
    expect(await upload("quote.csv", openQuote)).toEqual({ ok: false, error: 'A quote (") opened on line 3 is never closed, so the rest of the file would be read as one cell. Fix that line and upload the file again.' });
    const wide = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(",");
    expect(await upload("wide.csv", `${wide}\n`)).toMatchObject({ ok: false, error: expect.stringMatching(/^This file has 10,000 columns; an import reads up to 200/) });
    // Quotes that close, even across lines, are fine.
    expect(await upload("ok.csv", 'email,note\na@example.com,"two\nlines"\nb@example.com,"say ""hi"""\n')).toMatchObject({ ok: true });
    expect(await db.importJob.count({ where: { brandId: brand.id } })).toBe(1);
  });
});

import { loader as importLoader, action as importAction } from "#app/routes/b.$brand.imports_.$id/route";
import { action as uploadAction, loader as importsLoader } from "#app/routes/b.$brand.imports/route";
import { callAction } from "#tests/utils";

describe("uploading a file on the import page", () => {
  test("keeps the file for the import, which then previews and runs from it; a file of the wrong type is not kept", async () => {
    const owner = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    const cookie = await cookieFor(owner.id);
    const params = { brand: brand.slug };
    const csv = { name: "fans.csv", type: "text/csv", content: "email,name\nuploaded@example.com,Uma Upload\n" };
    const res = await callAction(uploadAction, `/b/${brand.slug}/imports`, { cookie, params, form: { intent: "upload" }, files: { file: [csv] } });
    expect(res.status).toBe(302);
    const job = await db.importJob.findFirstOrThrow({ where: { brandId: brand.id } });
    expect(res.headers.get("Location")).toBe(`/b/${brand.slug}/imports/${job.id}`);
    expect(readFileSync(job.filePath, "utf8")).toContain("uploaded@example.com");
    const page = await callLoader(importLoader, `/b/${brand.slug}/imports/${job.id}`, { cookie, params: { ...params, id: job.id } });
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.data)).toContain("uploaded@example.com");

    const wrong = await callAction(uploadAction, `/b/${brand.slug}/imports`, { cookie, params, form: { intent: "upload" }, files: { file: [{ ...csv, name: "notes.pdf" }] } });
    expect(wrong.status).toBe(400);
    expect(await db.importJob.count({ where: { brandId: brand.id } })).toBe(1);
  });
});

describe("imports are private to their brand", () => {
  test("another brand's import, its preview, its actions and its rejected rows are all 404", async () => {
    const { brand, job } = await importFile("email,name\nnot-an-email,X\nok@example.com,Ok\n");
    const outsider = await createUser(db);
    const own = await createBrand(db, { ownerId: outsider.id });
    const cookie = await cookieFor(outsider.id);
    expect((await callLoader(importLoader, `/b/${own.slug}/imports/${job.id}`, { cookie, params: { brand: own.slug, id: job.id } })).status).toBe(404);
    expect((await callLoader(importLoader, `/b/${brand.slug}/imports/${job.id}`, { cookie, params: { brand: brand.slug, id: job.id } })).status).toBe(404);
    expect((await callAction(importAction, `/b/${own.slug}/imports/${job.id}`, { cookie, params: { brand: own.slug, id: job.id }, form: { intent: "start", col0: "email" } })).status).toBe(404);
    expect((await callLoader(rejectsLoader, `/b/${own.slug}/imports/${job.id}/rejected.csv`, { cookie, params: { brand: own.slug, id: job.id } })).status).toBe(404);
    expect((await callLoader(importsLoader, `/b/${own.slug}/imports`, { cookie, params: { brand: own.slug } })).data.imports).toEqual([]);
  });
});

import { deleteMyAccount } from "#app/models/account.server";

describe("import files keep no more personal data than needed", () => {
  test("the uploaded file is removed when the import ends; the rejected rows go after 30 days", async () => {
    const { job } = await importFile("email,name\nnot-an-email,X\nok@example.com,Ok\n");
    expect(job.status).toBe("done");
    expect(existsSync(job.filePath)).toBe(false);
    expect(await db.importReject.count({ where: { importId: job.id } })).toBe(1);
    expect(Math.round((job.rejectsKeptUntil!.getTime() - Date.now()) / 86_400_000)).toBe(30);
    const expiry = await db.job.findUniqueOrThrow({ where: { dedupeKey: `import:${job.id}:expire-rejects` } });
    expect(expiry.runAt.getTime()).toBe(job.rejectsKeptUntil!.getTime());
    await runDueJobs({ now: new Date(Date.now() + 31 * 86_400_000) });
    expect(await db.importReject.count({ where: { importId: job.id } })).toBe(0);
  });

  test("deleting an account removes the person's rejected rows and blanks the address in files not yet imported", async () => {
    const user = await createUser(db, { email: "gone@example.com" });
    const { brand: first, owner: firstOwner, job } = await importFile("email,name,instagram followers\ngone@example.com,Gone,lots\nstay@example.com,Stay,many\n");
    const cookie = await cookieFor(firstOwner.id);
    expect(await rejectedCsv(first.slug, job.id, cookie)).toContain("gone@example.com");

    const owner = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    const pending = await createImport(staffScope(brand.id, "owner", owner.id), { fileName: "later.csv", filePath: file("email;name\nana@example.com;Ana\nGONE@example.com;Gone\n") });
    if (!pending.ok) throw new Error(pending.error);
    const pendingJob = await db.importJob.findUniqueOrThrow({ where: { id: pending.id } });

    expect(await deleteMyAccount(user.id)).toMatchObject({ ok: true });
    const rejectedAfter = await rejectedCsv(first.slug, job.id, cookie);
    expect(rejectedAfter).not.toContain("gone@example.com");
    expect(rejectedAfter).toContain("stay@example.com");
    expect(readFileSync(pendingJob.filePath, "utf8")).toBe(`email;name\nana@example.com;Ana\n${" ".repeat(16)};Gone\n`);

    // The blanked row is reported, not imported.
    await startImport(staffScope(brand.id), pending.id, { 0: "email", 1: "name" }, false);
    while ((await runDueJobs()) > 0) {
      // to the end
    }
    expect(await db.importJob.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ importedRows: 1, rejectedRows: 1 });
    expect(await db.ambassador.count({ where: { email: "gone@example.com" } })).toBe(0);
  });
});
