import type { LoaderFunctionArgs } from "@remix-run/node";
import { followLink } from "#app/models/tracked-links.server";

/** A tracked link: counted (no cookies, no personal data) and redirected to an allowed destination. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const to = await followLink(params.code ?? "", request);
  if (!to) throw new Response("This link does not exist or no longer works.", { status: 404 });
  return new Response(null, { status: 302, headers: { Location: to, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
}
