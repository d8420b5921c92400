import { getEnv } from "./env.server";

/**
 * Developer tools (the all-mail outbox, which shows sign-in codes) are on only in demo mode or under the Vite
 * development server. A production build never turns them on by itself, whatever NODE_ENV says: Vite replaces
 * import.meta.env.DEV with false when it builds.
 */
export function devToolsEnabled() {
  const env = getEnv();
  const viteDev = (import.meta as { env?: { DEV?: boolean } }).env?.DEV === true;
  return env.DEMO_MODE || (viteDev && env.NODE_ENV === "development");
}

/** The developer tools' pages are a 404 wherever devToolsEnabled() is false. */
export function requireDevTools() {
  if (!devToolsEnabled()) throw new Response("Not found", { status: 404 });
}
