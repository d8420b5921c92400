/** Throws a Response (404 by default) when the condition is falsy; narrows the value for TypeScript. */
export function invariantResponse(condition: unknown, message = "Not found", status = 404): asserts condition {
  if (!condition) {
    throw new Response(message, { status, statusText: message });
  }
}

/** Only same-site paths are accepted as redirect targets ("/x", never "//host" or "https://host"). */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/home") {
  if (!to || typeof to !== "string") return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

/** The client address as seen by the Express server (trust proxy is configured there). */
export function clientIp(request: Request) {
  return request.headers.get("x-kindred-client-ip") ?? "unknown";
}
