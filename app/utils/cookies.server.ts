import { createCookie, createCookieSessionStorage } from "@remix-run/node";
import { getEnv } from "./env.server";
import type { Toast } from "./toast.server";

function cookieOptions() {
  const env = getEnv();
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    secure: env.NODE_ENV === "production",
    secrets: env.SESSION_SECRETS,
  };
}

let sessionCookie: ReturnType<typeof createCookie> | undefined;
/** Signed cookie that carries only the id of a Session row. */
export function getSessionCookie() {
  return (sessionCookie ??= createCookie("kindred_session", cookieOptions()));
}

type ToastStorage = ReturnType<typeof createCookieSessionStorage<Record<string, never>, { toast: Toast }>>;
let toastStorage: ToastStorage | undefined;
/** Signed cookie session used only for one-shot flash messages. */
export function getToastStorage() {
  return (toastStorage ??= createCookieSessionStorage<Record<string, never>, { toast: Toast }>({ cookie: { name: "kindred_toast", ...cookieOptions() } }));
}

/** Tests switch configuration between files; this forgets cookies built from the old one. */
export function resetCookies() {
  sessionCookie = undefined;
  toastStorage = undefined;
  loginCookie = undefined;
}

let loginCookie: ReturnType<typeof createCookie> | undefined;
/** Remembers, for 15 minutes, which address a sign-in code was sent to (keeps it out of URLs). */
export function getLoginCookie() {
  return (loginCookie ??= createCookie("kindred_login", { ...cookieOptions(), maxAge: 15 * 60 }));
}
