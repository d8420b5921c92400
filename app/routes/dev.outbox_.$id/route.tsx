import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OutboxMessageView } from "#app/components/outbox";
import { getOutboxMessage } from "#app/models/outbox.server";
import { requireDevTools } from "#app/utils/dev-tools.server";
import { invariantResponse } from "#app/utils/http.server";

export async function loader({ params }: LoaderFunctionArgs) {
  requireDevTools();
  const message = await getOutboxMessage(params.id ?? "", { recipientCopy: true });
  invariantResponse(message, "Message not found");
  return { message };
}

export default function DevOutboxMessage() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <OutboxMessageView message={message} timeZone="UTC" backTo="/dev/outbox" />
    </div>
  );
}
