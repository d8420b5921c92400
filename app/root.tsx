import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  NavLink,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import stylesheet from "./tailwind.css?url";
import { Toaster } from "./components/toaster";
import { ErrorPage } from "./components/error-page";
import { getUser } from "./utils/auth.server";
import { getEnv } from "./utils/env.server";
import { getToast } from "./utils/toast.server";
import { useNonce } from "./utils/nonce";
import { VIEWER_ZONE_COOKIE, viewerZoneFrom } from "./utils/format";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Kindred" }, { name: "description", content: "Ambassador programs for the fans a brand already has." }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, { toast, headers }] = await Promise.all([getUser(request), getToast(request)]);
  // Fans (anyone who is an ambassador somewhere) get links to their scoops and events.
  return data(
    { user: user ? { email: user.email, name: user.name, isFan: user.isFan } : null, toast, demoMode: getEnv().DEMO_MODE, viewerZone: viewerZoneFrom(request.headers.get("Cookie")) },
    { headers },
  );
}

export type RootData = Awaited<ReturnType<typeof loader>>["data"];

const FAN_LINKS: [string, string][] = [
  ["/me/scoops", "Scoops"],
  ["/me/events", "Events"],
  ["/me/seeding", "Product"],
  ["/me/posts", "Posts"],
  ["/me", "Profile"],
];

function Header({ user }: { user: RootData["user"] }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <Link to={user ? "/home" : "/"} className="text-lg font-bold tracking-tight text-violet-800">
          Kindred
        </Link>
        {user ? (
          <nav aria-label="Account" className="flex flex-wrap items-center justify-end gap-x-3 gap-y-1 text-sm">
            {user.isFan ? null : (
              <Link to="/me" className="text-stone-700 hover:underline">
                Profile
              </Link>
            )}
            <Link to="/account" className="max-w-[40vw] truncate text-stone-700 hover:underline" title={`Account of ${user.email}`}>
              {user.name ?? user.email}
            </Link>
            <Form method="post" action="/logout">
              <input type="hidden" name="intent" value="this-device" />
              <button type="submit" className="whitespace-nowrap rounded-md border border-stone-300 px-3 py-1.5 font-medium hover:bg-stone-100">
                Sign out
              </button>
            </Form>
          </nav>
        ) : (
          <Link to="/login" className="rounded-md bg-violet-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-violet-800">
            Sign in
          </Link>
        )}
      </div>
      {user?.isFan ? (
        // Every part of a fan's program, one tap away at any width (five short links fit a 320 px phone).
        <nav aria-label="Your programs" className="mx-auto max-w-6xl px-2 pb-2">
          <ul className="grid grid-cols-5 gap-1 text-center text-sm">
            {FAN_LINKS.map(([to, label]) => (
              <li key={to}>
                <NavLink
                  to={to}
                  end={to === "/me"}
                  className={({ isActive }) => `block rounded-md px-1 py-1.5 ${isActive ? "bg-violet-100 font-semibold text-violet-900" : "text-stone-700 hover:bg-stone-100"}`}
                >
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const root = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <Header user={root?.user ?? null} />
        <main id="main" className="flex-1">
          {children}
        </main>
        <Toaster toast={root?.toast ?? null} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const root = useRouteLoaderData<typeof loader>("root");
  // Remember the browser's time zone, so the server renders every time in it from the next page on.
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && zone !== root?.viewerZone) document.cookie = `${VIEWER_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
  }, [root?.viewerZone]);
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}

