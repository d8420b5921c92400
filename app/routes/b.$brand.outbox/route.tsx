import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OutboxTable } from "#app/components/outbox";
import { Pagination, pageFrom } from "#app/components/pagination";
import { listOutbox } from "#app/models/outbox.server";
import { requireBrandMember } from "#app/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Outbox · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand } = await requireBrandMember(request, params.brand, "manager");
  const page = pageFrom(new URL(request.url));
  return { brand, page, ...(await listOutbox({ brandId: brand.id, page })) };
}

export default function BrandOutbox() {
  const { brand, page, pageCount, total, messages } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="text-2xl font-bold">Outbox</h1>
      <p className="mt-1 text-sm text-stone-600">Every email Kindred produced for {brand.name} ({total.toLocaleString("en")}), whether or not it was sent.</p>
      <OutboxTable messages={messages} timeZone={brand.timeZone} basePath={`/b/${brand.slug}/outbox`} />
      <Pagination page={page} pageCount={pageCount} label="Outbox" />
    </div>
  );
}
