import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRevalidator, useSearchParams, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Alert } from "#app/components/alert";
import { Field, SubmitButton } from "#app/components/forms";
import { TicketScanner } from "#app/components/ticket-scanner";
import { z } from "zod";
import { checkIn, checkInBoard, scanTicket, undoCheckIn, walkIn, walkInGuest } from "#app/models/events/check-in.server";
import { inviteFans } from "#app/models/fan-invites.server";
import { formatRange } from "#app/utils/format";
import { invariantResponse } from "#app/utils/http.server";
import { parseWithZod } from "@conform-to/zod/v4";
import { requireBrandMember, type BrandContext } from "#app/utils/permissions.server";
import { firstProblem, hiddenFields, runIntent } from "#app/utils/forms.server";
import { readForm } from "#app/utils/request-body.server";
import { Section } from "#app/components/section";
import { BackLink } from "#app/components/back-link";

export const meta: MetaFunction = () => [{ title: "Check-in · Kindred" }];

const GuestSchema = z.object({
  name: z.string({ error: "Give the guest's name." }).trim().min(1, "Give the guest's name.").max(80, "Keep the name under 80 characters."),
  email: z.string({ error: "Give the guest's email address." }).trim().min(1, "Give the guest's email address.").max(254, "That is too long for an email address.").pipe(z.email({ error: "Enter a valid email address, like name@example.com." })),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "organizer");
  const q = new URL(request.url).searchParams.get("q") ?? "";
  const board = await checkInBoard(scope, params.id ?? "", q);
  invariantResponse(board, "Event not found");
  return { brand, q, ...board };
}

const RsvpIdSchema = z.object({ id: z.string().min(1) });
/** What the camera read, as text: a ticket's check-in address, or anything else a QR code can hold. */
const ScanSchema = z.object({ code: z.string({ error: "Nothing was scanned." }).max(2000, "That code is too long to be a ticket.").refine((v) => v.trim() !== "", "Nothing was scanned.") });
const InviteChoice = z.object({ invite: z.literal("on").optional() });

type Ctx = BrandContext & { form: FormData; eventId: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireBrandMember(request, params.brand, "organizer");
  const ctx: Ctx = { ...staff, form: await readForm(request), eventId: params.id ?? "" };
  return runIntent(ctx.form, ctx, { "check-in": checkInAction, scan: scanAction, undo: undoAction, "walk-in": walkInAction, "walk-in-guest": walkInGuestAction });
}

const told = (ok: boolean, message: string, status = ok ? 200 : 409) => data(ok ? { ok: true as const, message } : { ok: false as const, message }, { status });

async function checkInAction({ brand, user, form, eventId, scope }: Ctx) {
  const r = await checkIn(scope, eventId, hiddenFields(form, RsvpIdSchema).id, user.id);
  return r.ok ? told(true, `${r.name} is checked in.`) : told(false, r.error);
}

async function scanAction({ brand, user, form, eventId, scope }: Ctx) {
  const submission = parseWithZod(form, { schema: ScanSchema });
  if (submission.status !== "success") return told(false, firstProblem(submission), 400);
  return { scan: await scanTicket(scope, eventId, submission.value.code, user.id) };
}

async function undoAction({ brand, user, form, eventId, scope }: Ctx) {
  await undoCheckIn(scope, eventId, hiddenFields(form, RsvpIdSchema).id, user.id);
  return { ok: true as const, message: "Check-in undone." };
}

async function walkInAction({ brand, user, form, eventId, scope }: Ctx) {
  const r = await walkIn(scope, eventId, hiddenFields(form, RsvpIdSchema).id, user.id);
  return r.ok ? told(true, `${r.name} walked in and is checked in.`) : told(false, r.error);
}

async function walkInGuestAction({ brand, user, form, eventId, scope }: Ctx) {
  const submission = parseWithZod(form, { schema: GuestSchema });
  if (submission.status !== "success") return told(false, firstProblem(submission), 400);
  const guest = submission.value;
  const r = await walkInGuest(scope, eventId, guest, user.id);
  if (!r.ok) return told(false, r.error);
  let invited = "";
  if (hiddenFields(form, InviteChoice).invite === "on") {
    const outcome = await inviteFans({ brandId: brand.id, inviter: user, entries: [{ email: guest.email, name: guest.name }], note: "" });
    invited = outcome.invited.length || outcome.reinvited.length ? " An invitation to the program is on its way." : ` (No invitation: ${outcome.skipped[0]?.reason ?? "not possible"}.)`;
  }
  return { ok: true as const, message: `${r.name} is checked in as a guest.${invited}` };
}

export default function CheckIn() {
  const { brand, event, counts, guests, walkInCandidates, q, full } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const submit = useSubmit();
  const revalidator = useRevalidator();
  // Search as the organizer types, once they pause; Enter searches at once and cancels the pending search,
  // so two navigations never race (an interrupted one makes the browser abort a half-read response).
  const pendingSearch = useRef<number>();
  // Live counts: other organizers may be checking people in on their phones too.
  const busy = useNavigation().state !== "idle";
  useEffect(() => {
    if (busy) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    }, 5000);
    return () => clearInterval(timer);
  }, [revalidator, busy]);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <BackLink to={`/b/${brand.slug}/events/${event.id}`}>{event.title}</BackLink>
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
      <TicketScanner timeZone={event.timeZone} />
      {result && "message" in result ? <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert> : null}
      <Form
        method="get"
        role="search"
        onChange={(e) => {
          const form = e.currentTarget;
          window.clearTimeout(pendingSearch.current);
          pendingSearch.current = window.setTimeout(() => submit(form, { replace: true }), 250);
        }}
        onSubmit={() => window.clearTimeout(pendingSearch.current)}
      >
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
                <SubmitButton name="intent" value="undo" variant="secondary" aria-label={`Undo check-in of ${g.ambassador.name}`}>Undo</SubmitButton>
              ) : (
                <SubmitButton name="intent" value="check-in" className="px-5 py-3" aria-label={`Check in ${g.ambassador.name}`}>Check in</SubmitButton>
              )}
            </Form>
          </li>
        ))}
        {!guests.length ? <li className="px-3 py-4 text-sm text-stone-600">{q ? `Nobody going matches “${q}”.` : "Nobody is going yet."}</li> : null}
      </ul>
      <Section title="Walk-ins" className="space-y-3" heading="font-semibold">
        <p className="text-xs text-stone-500" data-testid="seats-free">
          {event.capacity ? `${Math.max(0, event.capacity - event.seatsTaken)} of ${event.capacity} seats free.` : "No capacity limit."}
        </p>
        {full ? (
          <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-950">The event is full, so no walk-ins can be added. A seat freed by a cancellation goes to the waitlist first.</p>
        ) : (
          <>
            {q.length >= 2 ? (
              walkInCandidates.length ? (
                <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" aria-label="Ambassadors who could walk in">
                  {walkInCandidates.map((a) => (
                    <li key={a.id} className="flex items-center justify-between gap-3 px-3 py-3">
                      <span>
                        {a.name} <span className="text-xs text-stone-500">{a.city}</span>
                      </span>
                      <Form method="post" action={`?${params.toString()}`}>
                        <input type="hidden" name="id" value={a.id} />
                        <SubmitButton name="intent" value="walk-in" variant="secondary" aria-label={`Add ${a.name} as a walk-in`}>Add walk-in</SubmitButton>
                      </Form>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-stone-600">No one this event is for matches “{q}”.</p>
              )
            ) : null}
            <details className="rounded-lg border border-stone-200 bg-white p-3">
              <summary className="cursor-pointer text-sm font-medium">Someone not on the list? Add them as a guest</summary>
              <Form method="post" action={`?${params.toString()}`} className="mt-3 grid gap-3 sm:grid-cols-2">
                <input type="hidden" name="intent" value="walk-in-guest" />
                <Field label="Guest's name" name="name" autoComplete="off" required />
                <Field label="Guest's email" name="email" type="email" autoComplete="off" required />
                <label className="flex items-start gap-2 text-sm sm:col-span-2">
                  <input type="checkbox" name="invite" className="mt-1 h-4 w-4" />
                  <span>Also invite them to the ambassador program (they get an invitation email and choose for themselves)</span>
                </label>
                <div className="sm:col-span-2">
                  <SubmitButton pendingText="Adding…">Add guest and check in</SubmitButton>
                </div>
              </Form>
            </details>
          </>
        )}
      </Section>
    </div>
  );
}
