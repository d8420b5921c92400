import type { LoaderFunctionArgs } from "@remix-run/node";
import { rejectedRowsDownload } from "#app/models/csv-import.server";
import { csvResponse, toCsv } from "#app/utils/csv.server";
import { requireBrandMember } from "#app/utils/permissions.server";

/** The rows an import could not take, with the reason for each, as a CSV download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireBrandMember(request, params.brand, "manager");
  const { fileName, rows } = await rejectedRowsDownload(scope, params.id ?? "");
  async function* chunks() {
    for await (const row of rows) yield toCsv([row]);
  }
  return csvResponse(fileName, chunks());
}
