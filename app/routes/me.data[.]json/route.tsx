import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportMyData } from "#app/models/account.server";
import { requireUser } from "#app/utils/auth.server";

/** "Export my data": everything about the signed-in person, as a JSON download. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return new Response(JSON.stringify(await exportMyData(user.id), null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": 'attachment; filename="kindred-my-data.json"', "Cache-Control": "private, no-store" },
  });
}
