import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OutboxTable } from "#app/components/outbox";
import { Pagination, pageFrom } from "#app/components/pagination";
import { listOutbox, outboxProgress } from "#app/models/outbox.server";
import { requireBrandMember } from "#app/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Outbox · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand } = await requireBrandMember(request, params.brand, "manager");
  const page = pageFrom(new URL(request.url));
  const [list, progress] = await Promise.all([listOutbox({ brandId: brand.id, page }), outboxProgress(brand.id)]);
  return { brand, page, progress, ...list };
}

export default function BrandOutbox() {
  const { brand, page, pageCount, total, messages, progress } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="text-2xl font-bold">Outbox</h1>
      <p className="mt-1 text-sm text-stone-600">Every email Kindred produced for {brand.name} ({total.toLocaleString("en")}), whether or not it was sent.</p>
      {progress.queued ? (
        <p role="status" className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {progress.queued.toLocaleString("en")} {progress.queued === 1 ? "message is" : "messages are"} waiting to go out at the email provider's pace
          {progress.sentLastHour ? `; ${progress.sentLastHour.toLocaleString("en")} sent in the last hour` : ""} — about{" "}
          {progress.etaMinutes === 1 ? "a minute" : `${progress.etaMinutes} minutes`} to go. Reload to follow along.
        </p>
      ) : null}
      <OutboxTable messages={messages} timeZone={brand.timeZone} basePath={`/b/${brand.slug}/outbox`} />
      <Pagination page={page} pageCount={pageCount} label="Outbox" />
    </div>
  );
}
