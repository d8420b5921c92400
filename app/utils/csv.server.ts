import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | boolean | Date | null | undefined;
export type CsvRow = readonly CsvCell[];

// A cell a spreadsheet would read as a formula (OWASP "CSV injection"): =, +, -, @, tab or carriage return first.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would run as a formula gets a leading single quote, so it is shown as text. */
export function neutraliseCell(value: CsvCell): CsvCell {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}

/** The one CSV writer for every export and every file Kindred writes for people to open: rows to CSV text. */
export function toCsv(rows: readonly CsvRow[], { delimiter = "," } = {}): string {
  return stringify(
    rows.map((row) => row.map((cell) => (cell instanceof Date ? cell.toISOString() : neutraliseCell(cell)))),
    { delimiter },
  );
}

/**
 * A CSV download: UTF-8 with a byte-order mark (so spreadsheets read accents), private and never cached. The body
 * is the rows themselves, or CSV text already written by toCsv, streamed chunk by chunk.
 */
export function csvResponse(fileName: string, body: readonly CsvRow[] | AsyncIterable<string>): Response {
  let payload: string | ReadableStream<Uint8Array>;
  if (Symbol.asyncIterator in body) {
    const encoder = new TextEncoder();
    const chunks = (body as AsyncIterable<string>)[Symbol.asyncIterator]();
    payload = new ReadableStream({
      start(controller) {
        controller.enqueue(encoder.encode("\uFEFF"));
      },
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return?.();
      },
    });
  } else {
    payload = "\uFEFF" + toCsv(body as readonly CsvRow[]);
  }
  const ascii = fileName.replace(/[^\w.-]+/g, "_") || "export.csv";
  return new Response(payload, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
