import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { OutboxTable } from "#app/components/outbox";
import { Pagination, pageFrom } from "#app/components/pagination";
import { listOutbox } from "#app/models/outbox.server";
import { requireDevTools } from "#app/utils/dev-tools.server";

export const meta: MetaFunction = () => [{ title: "Developer outbox · Kindred" }];

export async function loader({ request }: LoaderFunctionArgs) {
  requireDevTools();
  const url = new URL(request.url);
  const to = (url.searchParams.get("to") ?? "").trim();
  const page = pageFrom(url);
  return { to, page, ...(await listOutbox({ page, to: to || undefined })) };
}

export default function DevOutbox() {
  const { to, page, pageCount, messages } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">Developer outbox</h1>
      <p className="mt-1 text-sm text-stone-600">
        All mail of every brand, newest first. Available in development and demo mode only — never turn demo mode on for real users.
      </p>
      <Form method="get" role="search" className="mt-4 flex gap-2">
        <label htmlFor="to-filter" className="sr-only">
          Filter by recipient
        </label>
        <input id="to-filter" type="search" name="to" defaultValue={to} placeholder="Recipient email" className="rounded-md border border-stone-300 px-3 py-2 text-sm" />
        <button type="submit" className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-medium">Filter</button>
      </Form>
      <OutboxTable messages={messages} timeZone="UTC" basePath="/dev/outbox" />
      <Pagination page={page} pageCount={pageCount} label="Outbox" />
    </div>
  );
}
