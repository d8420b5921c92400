import type { LoaderFunctionArgs } from "@remix-run/node";
import { packingListCsv } from "#app/models/seeding/campaigns.server";
import { csvResponse } from "#app/utils/csv.server";
import { invariantResponse } from "#app/utils/http.server";
import { requireBrandMember } from "#app/utils/permissions.server";

/** Approved requests with shipping addresses, for packing. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireBrandMember(request, params.brand, "manager");
  const file = await packingListCsv(scope, params.id ?? "");
  invariantResponse(file, "Campaign not found");
  return csvResponse("packing-list.csv", file.rows);
}
