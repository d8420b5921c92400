/** Throws a Response (404 by default) when the condition is falsy; narrows the value for TypeScript. */
export function invariantResponse(condition: unknown, message = "Not found", status = 404): asserts condition {
  if (!condition) {
    // A status text must be plain ASCII; the body carries the message either way.
    throw new Response(message, { status, statusText: /^[\x20-\x7e]*$/.test(message) ? message : undefined });
  }
}

const ORIGIN = "http://kindred.invalid";
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The path a redirect may go to: a path on this site after URL parsing (so "/\t/evil.example", "/.//evil.example",
 * "/\\evil.example" and "//evil.example" are not), or null.
 */
export function sameOriginPath(to: unknown): string | null {
  if (typeof to !== "string" || !to.startsWith("/") || to.includes("\\") || CONTROL.test(to)) return null;
  let url: URL;
  try {
    url = new URL(to, ORIGIN);
  } catch {
    return null;
  }
  const path = url.pathname + url.search + url.hash;
  return url.origin === ORIGIN && !path.startsWith("//") ? path : null;
}

/**
 * The one way to redirect to an address that came from a request: same-site paths only, otherwise the fallback.
 * Control characters (tab, CR, LF, NUL) are a malformed request: 400.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/home") {
  if (typeof to === "string" && CONTROL.test(to)) throw new Response("The return address contains control characters.", { status: 400, statusText: "Bad Request" });
  return sameOriginPath(to) ?? fallback;
}

/** The client address as seen by the Express server (trust proxy is configured there). */
export function clientIp(request: Request) {
  return request.headers.get("x-kindred-client-ip") ?? "unknown";
}
