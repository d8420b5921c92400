import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OutboxMessageView } from "#app/components/outbox";
import { getOutboxMessage } from "#app/models/outbox.server";
import { invariantResponse } from "#app/utils/http.server";
import { requireBrandMember } from "#app/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand } = await requireBrandMember(request, params.brand, "manager");
  const message = await getOutboxMessage(params.id ?? "", { brandId: brand.id });
  invariantResponse(message, "Message not found");
  return { brand, message };
}

export default function BrandOutboxMessage() {
  const { brand, message } = useLoaderData<typeof loader>();
  return <OutboxMessageView message={message} timeZone={brand.timeZone} backTo={`/b/${brand.slug}/outbox`} />;
}
