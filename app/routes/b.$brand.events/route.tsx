import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { buttonClass } from "#app/components/forms";
import { listEvents } from "#app/models/events/manage.server";
import { formatRange } from "#app/utils/format";
import { requireBrandMember } from "#app/utils/permissions.server";
import { Section } from "#app/components/section";

export const meta: MetaFunction = () => [{ title: "Events · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "organizer");
  return { brand, ...(await listEvents(scope)) };
}

type Row = Awaited<ReturnType<typeof listEvents>>["upcoming"][number];

function EventRow({ e }: { e: Row }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
      <div>
        <Link to={e.id} className="font-medium text-violet-800 underline">{e.title}</Link>
        {!e.publishedAt ? <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs">Draft</span> : null}
        <p className="text-xs text-stone-600">
          {formatRange(e.startsAt, e.endsAt, e.timeZone)} · {e.format === "online" ? "Online" : [e.venue, e.city].filter(Boolean).join(", ")}
        </p>
      </div>
      <p className="text-sm text-stone-700">
        {e.seatsTaken}
        {e.capacity ? ` / ${e.capacity}` : ""} seats taken{e.waitlisted ? ` · ${e.waitlisted} waiting` : ""}
      </p>
    </li>
  );
}

export default function Events() {
  const { brand, upcoming, past } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Events</h1>
        <Link to="new" className={buttonClass()}>New event</Link>
      </div>
      <Section title="Coming up">
        {upcoming.length ? (
          <ul className="mt-2 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
            {upcoming.map((e) => (
              <EventRow key={e.id} e={e} />
            ))}
          </ul>
        ) : (
          <div className="mt-2 rounded-lg border border-dashed border-stone-300 bg-white p-6">
            <p className="font-semibold">No upcoming events</p>
            <p className="mt-1 text-stone-600">Tastings, workshops, launches: events let {brand.name}'s ambassadors meet each other and the team. RSVPs, waitlists and check-in are handled here.</p>
          </div>
        )}
      </Section>
      {past.length ? (
        <Section title="Past events">
          <ul className="mt-2 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
            {past.map((e) => (
              <EventRow key={e.id} e={e} />
            ))}
          </ul>
        </Section>
      ) : null}
    </div>
  );
}
