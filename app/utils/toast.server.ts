import { redirect } from "@remix-run/node";
import { getToastStorage } from "./cookies.server";

export type Toast = { kind: "success" | "error" | "info"; message: string };

/** Redirects and shows a one-time message on the next page. */
export async function redirectWithToast(url: string, toast: Toast, init: ResponseInit = {}) {
  const storage = getToastStorage();
  const session = await storage.getSession();
  session.flash("toast", toast);
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await storage.commitSession(session));
  return redirect(url, { ...init, headers });
}

/** Reads (and clears) the pending toast. Returns the Set-Cookie header to send when one was read. */
export async function getToast(request: Request) {
  const storage = getToastStorage();
  const session = await storage.getSession(request.headers.get("Cookie"));
  const toast = (session.get("toast") as Toast | undefined) ?? null;
  return { toast, headers: toast ? { "Set-Cookie": await storage.destroySession(session) } : undefined };
}
