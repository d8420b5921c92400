import { createReadStream, existsSync } from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "#app/utils/csv.server";
import { db } from "#app/utils/db.server";
import { invariantResponse } from "#app/utils/http.server";
import { requireBrandMember } from "#app/utils/permissions.server";

/** The rows an import could not take, with the reason for each, as a CSV download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand } = await requireBrandMember(request, params.brand, "manager");
  const job = await db.importJob.findFirst({ where: { id: params.id ?? "", brandId: brand.id }, select: { fileName: true, rejectsPath: true } });
  invariantResponse(job?.rejectsPath && existsSync(job.rejectsPath), "No rejected rows for this import");
  const name = `${job.fileName.replace(/\.[^.]+$/, "").replace(/[^\w.-]+/g, "_")}-rejected.csv`;
  // The file was written with toCsv, cell by cell, as the rows were rejected.
  return csvResponse(name, createReadStream(job.rejectsPath, "utf8"));
}
