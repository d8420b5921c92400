import { databaseHealth } from "#app/utils/health.server";

/** For load balancers and the start script: "ok" only when the database takes a write (see health.server.ts). */
export async function loader() {
  return databaseHealth();
}
