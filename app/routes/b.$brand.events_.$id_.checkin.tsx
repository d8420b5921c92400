import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator, useSearchParams, useSubmit } from "@remix-run/react";
import { useEffect } from "react";
import { Alert } from "#app/components/alert";
import { SubmitButton } from "#app/components/forms";
import { checkIn, checkInBoard, undoCheckIn, walkIn } from "#app/models/events.server";
import { formatRange } from "#app/utils/format";
import { invariantResponse } from "#app/utils/http.server";
import { requireBrandMember } from "#app/utils/permissions.server";
import { readForm } from "#app/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Check-in · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand } = await requireBrandMember(request, params.brand, "organizer");
  const q = new URL(request.url).searchParams.get("q") ?? "";
  const board = await checkInBoard(brand.id, params.id ?? "", q);
  invariantResponse(board, "Event not found");
  return { brand, q, ...board };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { brand, user } = await requireBrandMember(request, params.brand, "organizer");
  const form = await readForm(request);
  const eventId = params.id ?? "";
  const id = String(form.get("id") ?? "");
  switch (form.get("intent")) {
    case "check-in": {
      const r = await checkIn(brand.id, eventId, id, user.id);
      return data(r.ok ? { ok: true as const, message: `${r.name} is checked in.` } : { ok: false as const, message: r.error }, { status: r.ok ? 200 : 409 });
    }
    case "undo":
      await undoCheckIn(brand.id, eventId, id, user.id);
      return { ok: true as const, message: "Check-in undone." };
    case "walk-in": {
      const r = await walkIn(brand.id, eventId, id, user.id);
      return data(r.ok ? { ok: true as const, message: `${r.name} walked in and is checked in.` } : { ok: false as const, message: r.error }, { status: r.ok ? 200 : 409 });
    }
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}

export default function CheckIn() {
  const { brand, event, counts, guests, walkInCandidates, q } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const submit = useSubmit();
  const revalidator = useRevalidator();
  // Live counts: other organizers may be checking people in on their phones too.
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    }, 5000);
    return () => clearInterval(timer);
  }, [revalidator]);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <Link to={`/b/${brand.slug}/events/${event.id}`} className="text-sm text-violet-700 underline">
        ← {event.title}
      </Link>
      <h1 className="text-xl font-bold">Check-in</h1>
      <p className="text-sm text-stone-600">{formatRange(event.startsAt, event.endsAt, event.timeZone)}</p>
      <dl className="grid grid-cols-3 gap-2 text-center" aria-label="Live counts" aria-live="polite">
        <div className="rounded-lg bg-white p-2 shadow-sm">
          <dt className="text-xs text-stone-500">Expected</dt>
          <dd className="text-2xl font-bold" data-testid="count-expected">
            {counts.going}
          </dd>
          <dd className="text-xs text-stone-500">{counts.people} with guests</dd>
        </div>
        <div className="rounded-lg bg-white p-2 shadow-sm">
          <dt className="text-xs text-stone-500">Checked in</dt>
          <dd className="text-2xl font-bold text-emerald-700" data-testid="count-checked-in">
            {counts.checkedIn}
          </dd>
        </div>
        <div className="rounded-lg bg-white p-2 shadow-sm">
          <dt className="text-xs text-stone-500">{counts.noShows ? "No-shows" : "Not here yet"}</dt>
          <dd className="text-2xl font-bold">{counts.noShows || counts.notArrived}</dd>
        </div>
      </dl>
      {result ? <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert> : null}
      <Form method="get" role="search" onChange={(e) => submit(e.currentTarget, { replace: true })}>
        <label htmlFor="q" className="block text-sm font-medium">
          Find a guest
        </label>
        <input id="q" name="q" type="search" defaultValue={q} placeholder="Name or email" autoComplete="off" className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-3 text-base" />
      </Form>
      <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" aria-label="Guest list">
        {guests.map((g) => (
          <li key={g.id} className="flex items-center justify-between gap-3 px-3 py-3">
            <div>
              <p className="font-medium">
                {g.ambassador.name}
                {g.plusOnes ? <span className="text-stone-500"> + {g.plusOnes}</span> : null}
              </p>
              <p className="text-xs text-stone-500">{g.checkedInAt ? "Checked in" : g.ambassador.city}</p>
            </div>
            <Form method="post" action={`?${params.toString()}`}>
              <input type="hidden" name="id" value={g.id} />
              {g.checkedInAt ? (
                <SubmitButton name="intent" value="undo" variant="secondary" aria-label={`Undo check-in of ${g.ambassador.name}`}>
                  Undo
                </SubmitButton>
              ) : (
                <SubmitButton name="intent" value="check-in" className="px-5 py-3" aria-label={`Check in ${g.ambassador.name}`}>
                  Check in
                </SubmitButton>
              )}
            </Form>
          </li>
        ))}
        {!guests.length ? <li className="px-3 py-4 text-sm text-stone-600">{q ? `Nobody going matches “${q}”.` : "Nobody is going yet."}</li> : null}
      </ul>
      {q.length >= 2 ? (
        <section aria-labelledby="walkin-heading" className="space-y-2">
          <h2 id="walkin-heading" className="font-semibold">
            Walk-ins
          </h2>
          {walkInCandidates.length ? (
            <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
              {walkInCandidates.map((a) => (
                <li key={a.id} className="flex items-center justify-between gap-3 px-3 py-3">
                  <span>
                    {a.name} <span className="text-xs text-stone-500">{a.city}</span>
                  </span>
                  <Form method="post" action={`?${params.toString()}`}>
                    <input type="hidden" name="id" value={a.id} />
                    <SubmitButton name="intent" value="walk-in" variant="secondary" aria-label={`Add ${a.name} as a walk-in`}>
                      Add walk-in
                    </SubmitButton>
                  </Form>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-stone-600">No other ambassadors match.</p>
          )}
          <p className="text-xs text-stone-500">
            {event.capacity ? `${Math.max(0, event.capacity - event.seatsTaken)} of ${event.capacity} seats free.` : "No capacity limit."}
          </p>
        </section>
      ) : null}
    </div>
  );
}
