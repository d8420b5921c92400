import type { LoaderFunctionArgs } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { dashboard, dashboardTables, parseRange, type DashboardTable } from "#app/models/analytics.server";
import { invariantResponse } from "#app/utils/http.server";
import { requireBrandMember } from "#app/utils/permissions.server";

/** One dashboard table as CSV, for the same date range. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand } = await requireBrandMember(request, params.brand, "manager");
  const url = new URL(request.url);
  const range = parseRange(url.searchParams);
  const tables = dashboardTables(await dashboard(brand.id, range));
  const name = url.searchParams.get("table") as DashboardTable;
  invariantResponse(name in tables, "Unknown table");
  const t = tables[name];
  return new Response("\uFEFF" + stringify([t.header, ...t.rows]), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${brand.slug}-${name}-${range.from}-${range.to}.csv"`, "Cache-Control": "no-store" },
  });
}
