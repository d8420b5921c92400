import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { fanScope } from "#app/models/scope";
import { Link, useLoaderData } from "@remix-run/react";
import { RSVP_STATUSES } from "#app/models/events/rules";
import { listEventsForFan } from "#app/models/events/rsvp.server";
import { requireUser } from "#app/utils/auth.server";
import { formatRange } from "#app/utils/format";

export const meta: MetaFunction = () => [{ title: "Events · Kindred" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { events: await listEventsForFan(fanScope(user)) };
}

export default function FanEvents() {
  const { events } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-8">
      <h1 className="text-2xl font-bold">Events</h1>
      {events.length ? (
        <ul className="space-y-3">
          {events.map((e) => (
            <li key={e.id}>
              <Link to={e.id} className="block rounded-lg border border-stone-200 bg-white p-4 hover:border-violet-400">
                <p className="flex items-center gap-2 text-xs text-stone-600">
                  <span aria-hidden="true" className="h-2.5 w-2.5 rounded-full" style={{ backgroundColor: e.brand.color }} />
                  {e.brand.name}
                </p>
                <p className="mt-1 font-semibold">{e.title}</p>
                <p className="text-sm text-stone-600">
                  {formatRange(e.startsAt, e.endsAt, e.timeZone)} · {e.format === "online" ? "Online" : [e.venue, e.city].filter(Boolean).join(", ")}
                </p>
                {e.myStatus ? <p className="mt-1 text-sm font-medium text-violet-800">{RSVP_STATUSES[e.myStatus]}</p> : <p className="mt-1 text-sm text-stone-500">You haven't answered yet</p>}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">No upcoming events for you right now. When a brand invites its ambassadors to something, it shows up here.</div>
      )}
    </div>
  );
}
