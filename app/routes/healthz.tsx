import { db } from "#app/utils/db.server";

/** Liveness and database check for load balancers and the start script. */
export async function loader() {
  await db.$queryRaw`SELECT 1`;
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
