import { useLoaderData } from "@remix-run/react";

export const loader = () => ({ now: new Date().toISOString() });

export default function Index() {
  const { now } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>Hello</h1>
      <p>Rendered at {now}.</p>
    </main>
  );
}
