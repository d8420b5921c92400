import type { LoaderFunctionArgs } from "@remix-run/node";
import { rejectedRows } from "#app/models/csv-import.server";
import { csvResponse, toCsv } from "#app/utils/csv.server";
import { db } from "#app/utils/db.server";
import { invariantResponse } from "#app/utils/http.server";
import { requireBrandMember } from "#app/utils/permissions.server";

/** The rows an import could not take, with the reason for each, as a CSV download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand } = await requireBrandMember(request, params.brand, "manager");
  const job = await db.importJob.findFirst({ where: { id: params.id ?? "", brandId: brand.id }, select: { id: true, fileName: true, headers: true, _count: { select: { rejects: true } } } });
  invariantResponse(job && job._count.rejects > 0, "No rejected rows for this import");
  const name = `${job.fileName.replace(/\.[^.]+$/, "").replace(/[^\w.-]+/g, "_")}-rejected.csv`;
  const rows = rejectedRows(job.id, JSON.parse(job.headers) as string[]);
  async function* chunks() {
    for await (const row of rows) yield toCsv([row]);
  }
  return csvResponse(name, chunks());
}
