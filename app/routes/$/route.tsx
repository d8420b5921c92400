import { ErrorPage } from "#app/components/error-page";

/** Any unknown URL: a 404 inside the app's layout. */
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return <ErrorPage />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
