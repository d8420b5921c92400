import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SubmitButton } from "#app/components/forms";
import { checkIn, findTicket } from "#app/models/events/check-in.server";
import { requireUser, type SessionUser } from "#app/utils/auth.server";
import { runIntent } from "#app/utils/forms.server";
import { formatDateTime, formatRange } from "#app/utils/format";
import { invariantResponse } from "#app/utils/http.server";
import { readForm } from "#app/utils/request-body.server";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Ticket · Kindred" }];

/** A scanned ticket. Only staff of the event's brand see it (and confirm the check-in); anyone else gets 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await findTicket(user, params.code ?? "");
  invariantResponse(found, "Ticket not found. If this is your own ticket, show it to an organizer at the door.");
  return { ticket: found.ticket };
}

type Ctx = { user: SessionUser; code: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx: Ctx = { user: await requireUser(request), code: params.code ?? "" };
  return runIntent(await readForm(request), ctx, { "check-in": checkInAction });
}

async function checkInAction({ user, code }: Ctx) {
  const found = await findTicket(user, code);
  invariantResponse(found, "Ticket not found");
  const { ticket, scope } = found;
  const result = await checkIn(scope, ticket.eventId, ticket.id, user.id);
  return redirectWithToast(`/checkin/${code}`, result.ok ? { kind: "success", message: `${result.name} is checked in.` } : { kind: "error", message: result.error });
}

export default function Ticket() {
  const { ticket } = useLoaderData<typeof loader>();
  const { event } = ticket;
  return (
    <div className="mx-auto max-w-md space-y-4 px-4 py-8">
      <p className="text-sm text-stone-600">{event.title}</p>
      <p className="text-xs text-stone-500">{formatRange(event.startsAt, event.endsAt, event.timeZone)}</p>
      <div className={`rounded-xl border-2 p-5 ${ticket.checkedInAt ? "border-emerald-500 bg-emerald-50" : ticket.status === "going" ? "border-violet-400 bg-white" : "border-red-400 bg-red-50"}`}>
        <h1 className="text-2xl font-bold">{ticket.ambassador.name}</h1>
        {ticket.plusOnes ? <p className="text-lg">+ {ticket.plusOnes} {ticket.plusOnes === 1 ? "guest" : "guests"}</p> : null}
        {ticket.checkedInAt ? (
          <p className="mt-2 font-semibold text-emerald-800">Checked in at {formatDateTime(ticket.checkedInAt, event.timeZone)}</p>
        ) : ticket.status === "going" ? (
          <Form method="post" className="mt-4">
            <input type="hidden" name="intent" value="check-in" />
            <SubmitButton className="w-full py-4 text-lg" pendingText="Checking in…">Confirm check-in</SubmitButton>
          </Form>
        ) : (
          <p className="mt-2 font-semibold text-red-800">Not on the guest list (RSVP: {ticket.status.replace("_", " ")}).</p>
        )}
      </div>
      <Link to={`/b/${event.brand.slug}/events/${ticket.eventId}/checkin`} className="block text-center text-sm text-violet-700 underline">Open the check-in screen</Link>
    </div>
  );
}
