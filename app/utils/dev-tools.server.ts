import { getEnv } from "./env.server";

/** The all-mail developer outbox exists in development and in demo mode only; elsewhere it is a 404. */
export function requireDevTools() {
  const env = getEnv();
  if (env.NODE_ENV !== "development" && !env.DEMO_MODE) throw new Response("Not found", { status: 404 });
}
