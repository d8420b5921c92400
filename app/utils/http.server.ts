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

export type Refusal = { status: number; message: string };

/**
 * Cross-site form posts are refused before they reach an action: the Origin of a write must be this site (the host
 * the request came to, or the first X-Forwarded-Host behind a proxy). Remix makes the same check but answers 500;
 * this answers 403 with a reason, and 400 for an Origin that is not an address at all.
 */
export function checkWriteOrigin(headers: Headers): Refusal | null {
  const origin = headers.get("origin");
  if (!origin) return null;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (origin === "null") return { status: 403, message: "This form was sent from a page that hides its address, so it was not accepted." };
  if (!URL.canParse(origin)) return { status: 400, message: "The Origin header of this request is not a web address." };
  const from = new URL(origin).host;
  if (!host || from !== host) return { status: 403, message: `This form was sent from another site (${from}), so it was not accepted.` };
  return null;
}
