import type { LoaderFunctionArgs } from "@remix-run/node";
import { dashboard, dashboardTables, resolveRange, type DashboardTable } from "#app/models/analytics.server";
import { csvResponse } from "#app/utils/csv.server";
import { invariantResponse } from "#app/utils/http.server";
import { requireBrandMember } from "#app/utils/permissions.server";

/** One dashboard table as CSV, for the same date range. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "manager");
  const url = new URL(request.url);
  const range = await resolveRange(scope, url.searchParams);
  const tables = dashboardTables(await dashboard(scope, range));
  const name = url.searchParams.get("table") ?? "";
  invariantResponse(Object.hasOwn(tables, name), `There is no table called "${name.slice(0, 40).replace(/[^\w-]/g, "")}". Choose one of: ${Object.keys(tables).join(", ")}.`, 400);
  const t = tables[name as DashboardTable];
  return csvResponse(`${brand.slug}-${name}-${range.from}-${range.to}.csv`, [t.header, ...t.rows]);
}
