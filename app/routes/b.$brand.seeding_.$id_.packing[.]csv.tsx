import type { LoaderFunctionArgs } from "@remix-run/node";
import { packingListCsv } from "#app/models/seeding.server";
import { invariantResponse } from "#app/utils/http.server";
import { requireBrandMember } from "#app/utils/permissions.server";

/** Approved requests with shipping addresses, for packing. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand } = await requireBrandMember(request, params.brand, "manager");
  const file = await packingListCsv(brand.id, params.id ?? "");
  invariantResponse(file, "Campaign not found");
  return new Response("\uFEFF" + file.csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="packing-list.csv"', "Cache-Control": "no-store" } });
}
