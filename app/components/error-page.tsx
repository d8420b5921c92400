import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";

/** The error page, inside the app's layout. Used by the root and by nested routes. */
export function ErrorPage() {
  const error = useRouteError();
  let title = "Something went wrong";
  let detail: ReactNode = "An unexpected error happened on our side. Please try again in a moment.";
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = "Page not found";
      detail = "We could not find that page. It may have moved, or you may not have access to it.";
    } else if (error.status === 403) {
      title = "Not available for your role";
      detail = typeof error.data === "string" && error.data ? `${error.data}. Ask an owner of the brand if you need it.` : "Ask an owner of the brand if you need it.";
    } else {
      title = `${error.status} ${error.statusText}`;
      detail = typeof error.data === "string" ? error.data : detail;
    }
  } else if (import.meta.env.DEV && error instanceof Error) {
    detail = <pre className="overflow-auto whitespace-pre-wrap text-left text-xs">{error.stack}</pre>;
  }
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <div className="mt-3 text-stone-600">{detail}</div>
      <Link to="/home" className="mt-6 inline-block text-violet-700 underline">Go to your home page</Link>
    </div>
  );
}
