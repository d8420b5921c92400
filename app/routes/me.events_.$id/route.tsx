import { getFormProps, getInputProps, useForm, type FieldMetadata } from "@conform-to/react";
import { fanScope, type FanScope } from "#app/models/scope";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { Alert } from "#app/components/alert";
import { ErrorList, Field, replyFor, SubmitButton } from "#app/components/forms";
import { LocalTime } from "#app/components/local-time";
import { QuestionField } from "#app/components/question-field";
import { RSVP_STATUSES, eventLocation, rsvpSchema } from "#app/models/events/rules";
import { getEventForFan, respondToEvent, ticketQrSvg, type RsvpInput } from "#app/models/events/rsvp.server";
import { requireUser } from "#app/utils/auth.server";
import { formatRange } from "#app/utils/format";
import { invariantResponse } from "#app/utils/http.server";
import { rejected, runIntent } from "#app/utils/forms.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";
import { Section } from "#app/components/section";
import { BackLink } from "#app/components/back-link";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.event.title ?? "Event"} · Kindred` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await getEventForFan(fanScope(user), params.id ?? "");
  invariantResponse(found, "Event not found");
  return { ...found, qrSvg: found.ticketUrl ? await ticketQrSvg(found.ticketUrl) : null };
}

type Ctx = { scope: FanScope; eventId: string; form: FormData };

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx: Ctx = { scope: fanScope(await requireUser(request)), eventId: params.id ?? "", form: await readForm(request) };
  return runIntent(ctx.form, ctx, { rsvp: rsvpAction });
}

/** Going, maybe or not going — the same answer whether it comes from the form, a seat offer's claim or its refusal. */
async function rsvpAction({ scope, eventId, form }: Ctx) {
  const found = await getEventForFan(scope, eventId);
  invariantResponse(found, "Event not found");
  const submission = parseWithZod(form, { schema: rsvpSchema(found.event.questions, found.event.maxPlusOnes) });
  if (submission.status !== "success") return rejected("rsvp", submission);
  const result = await respondToEvent(scope, found.event.id, submission.value as RsvpInput);
  if (!result.ok) return rejected("rsvp", submission, result.field ? { fieldErrors: { [result.field]: [result.error] } } : { formErrors: [result.error] }, 409);
  return redirectWithToast(`/me/events/${found.event.id}`, { kind: result.status === "waitlisted" ? "info" : "success", message: result.message });
}

type RsvpForm = { status: string; plusOnes: string; showInGuestList?: string; [q: `q_${string}`]: string | string[] | undefined };

export default function FanEvent() {
  const { event, brand, rsvp, qrSvg, waitlistPosition, guestList } = useLoaderData<typeof loader>();
  const lastResult = replyFor(useActionData<typeof action>(), "rsvp");
  const answers = Object.fromEntries((rsvp?.answers ?? []).map((a) => [a.label, a.answer]));
  const [form, fields] = useForm<RsvpForm, RsvpForm>({
    id: "rsvp",
    lastResult,
    defaultValue: {
      status: rsvp && ["going", "maybe", "not_going"].includes(rsvp.status) ? rsvp.status : rsvp?.status === "waitlisted" ? "going" : "",
      plusOnes: String(rsvp?.plusOnes ?? 0),
      showInGuestList: rsvp?.showInGuestList ? "on" : undefined,
      ...Object.fromEntries(event.questions.map((q) => [`q_${q.id}`, q.type === "multi" ? (answers[q.label] ?? "").split(", ").filter(Boolean) : (answers[q.label] ?? "")])),
    },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rsvpSchema(event.questions, event.maxPlusOnes) }) as never,
  });
  const [choice, setChoice] = useState(String(fields.status.initialValue ?? ""));
  const closedForNew = !event.rsvpOpen;
  return (
    <article className="mx-auto max-w-2xl space-y-6 px-4 py-8">
      <BackLink to="/me/events">All events</BackLink>
      {event.coverUploadId ? <img src={`/files/${event.coverUploadId}`} alt="" className="max-h-72 w-full rounded-xl object-cover" /> : null}
      <header>
        <p className="flex items-center gap-2 text-sm text-stone-600">
          <span aria-hidden="true" className="h-3 w-3 rounded-full" style={{ backgroundColor: brand.color }} />
          {brand.name}
        </p>
        <h1 className="mt-1 text-2xl font-bold">{event.title}</h1>
        <p className="mt-1 font-medium">{formatRange(event.startsAt, event.endsAt, event.timeZone)}</p>
        <LocalTime value={event.startsAt} zone={event.timeZone} onlyIfDifferent prefix="Your time: " className="block text-sm text-stone-600" />
        <p className="text-stone-700">{eventLocation(event)}</p>
        {event.onlineUrl ? (
          <p className="mt-1">
            Join online:{" "}
            <a href={event.onlineUrl} className="text-violet-700 underline" target="_blank" rel="noreferrer">{event.onlineUrl}</a>
          </p>
        ) : event.format === "online" ? (
          <p className="text-sm text-stone-500">The link is shared with confirmed attendees.</p>
        ) : null}
      </header>

      <div className="prose-kindred" dangerouslySetInnerHTML={{ __html: event.html }} />

      {rsvp?.status === "going" && qrSvg ? (
        <Section title={<>Your ticket{rsvp.plusOnes ? ` (you + ${rsvp.plusOnes})` : ""}</>} className="rounded-xl border-2 border-violet-300 bg-white p-5 text-center" heading="font-semibold">
          <div className="mx-auto mt-2 w-56" role="img" aria-label="QR code of your ticket" dangerouslySetInnerHTML={{ __html: qrSvg }} />
          <p className="text-sm text-stone-600">{rsvp.checkedInAt ? "You're checked in — enjoy!" : "Show this at the door."}</p>
          <a href={`/me/events/${event.id}.ics`} className="mt-2 inline-block text-sm text-violet-700 underline" download>Add to calendar (.ics)</a>
        </Section>
      ) : null}

      {rsvp?.status === "offered" ? (
        <section className="space-y-3 rounded-xl border-2 border-emerald-400 bg-emerald-50 p-5">
          <h2 className="text-lg font-semibold">A seat opened up for you!</h2>
          <p>
            Claim it before <LocalTime value={rsvp.offerExpiresAt!} zone={event.timeZone} /> — after that it goes to the next person waiting.
          </p>
          <div className="flex flex-wrap gap-2">
            <Form method="post">
              <input type="hidden" name="intent" value="rsvp" />
              <input type="hidden" name="status" value="going" />
              <input type="hidden" name="plusOnes" value={rsvp.plusOnes} />
              {rsvp.showInGuestList ? <input type="hidden" name="showInGuestList" value="on" /> : null}
              {rsvp.answers.map((a) => {
                const q = event.questions.find((x) => x.label === a.label);
                if (!q) return null;
                const values = q.type === "multi" ? a.answer.split(", ").filter(Boolean) : [a.answer];
                return values.map((v) => <input key={`${q.id}-${v}`} type="hidden" name={`q_${q.id}`} value={v} />);
              })}
              <SubmitButton pendingText="Claiming…">Claim my seat</SubmitButton>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="rsvp" />
              <input type="hidden" name="status" value="not_going" />
              <SubmitButton variant="secondary">I can't make it</SubmitButton>
            </Form>
          </div>
        </section>
      ) : null}

      {rsvp?.status === "waitlisted" ? (
        <Alert tone="warning">
          You're on the waitlist{waitlistPosition ? ` (number ${waitlistPosition} in line)` : ""}. If a seat frees up we'll email you and hold it for you for a while.
        </Alert>
      ) : null}

      {event.ended ? (
        <p className="rounded-lg bg-stone-100 p-3 text-sm">This event is over.</p>
      ) : rsvp?.status !== "offered" ? (
        <Section title={<>{rsvp ? `Your answer: ${RSVP_STATUSES[rsvp.status as keyof typeof RSVP_STATUSES] ?? rsvp.status}` : "Will you come?"}</>} className="space-y-4 rounded-xl border border-stone-200 bg-white p-5">
          {event.rsvpDeadline ? (
            <p className="text-sm text-stone-600">
              {event.rsvpOpen ? "RSVPs close" : "RSVPs closed"} <LocalTime value={event.rsvpDeadline} zone={event.timeZone} />
              {event.rsvpOpen ? "" : " — you can still cancel."}
            </p>
          ) : null}
          {event.full && !rsvp ? <p className="text-sm text-amber-800">This event is full: answering “going” puts you on the waitlist.</p> : null}
          {event.seatsLeft !== null && !event.full ? <p className="text-sm text-stone-600">{event.seatsLeft} {event.seatsLeft === 1 ? "seat" : "seats"} left.</p> : null}
          <Form method="post" {...getFormProps(form)} className="space-y-4">
            <input type="hidden" name="intent" value="rsvp" />
            {form.errors ? <Alert>{form.errors.join(" ")}</Alert> : null}
            <fieldset>
              <legend className="text-sm font-medium">Your answer</legend>
              <div className="mt-1 flex flex-wrap gap-4">
                {(["going", "maybe", "not_going"] as const).map((s) => (
                  <label key={s} className="flex items-center gap-2 rounded-md border border-stone-300 px-3 py-2 text-sm has-[:checked]:border-violet-600 has-[:checked]:bg-violet-50">
                    <input type="radio" name={fields.status.name} value={s} defaultChecked={fields.status.initialValue === s} onChange={() => setChoice(s)} disabled={closedForNew && s !== "not_going" && rsvp?.status !== s} className="h-4 w-4" />
                    {RSVP_STATUSES[s]}
                  </label>
                ))}
              </div>
              <ErrorList id={fields.status.errorId} errors={fields.status.errors} />
            </fieldset>
            {choice !== "not_going" ? (
              <>
                {event.maxPlusOnes ? (
                  <Field className="max-w-40" label={`Guests (up to ${event.maxPlusOnes})`} {...getInputProps(fields.plusOnes, { type: "number" })} min={0} max={event.maxPlusOnes} errors={fields.plusOnes.errors} />
                ) : (
                  <input type="hidden" name="plusOnes" value="0" />
                )}
                {event.questions.map((q) => (
                  <QuestionField key={q.id} q={q} field={fields[`q_${q.id}`] as FieldMetadata<string | string[] | undefined, RsvpForm>} />
                ))}
                <label className="flex items-start gap-2 text-sm">
                  <input {...getInputProps(fields.showInGuestList, { type: "checkbox" })} className="mt-1 h-4 w-4" />
                  <span>Show my name on the “who's going” list, so other attendees can say hi (only they can see it).</span>
                </label>
              </>
            ) : null}
            <SubmitButton pendingText="Saving…">{rsvp ? "Update my answer" : "Send my answer"}</SubmitButton>
          </Form>
        </Section>
      ) : null}

      {rsvp?.status === "going" ? (
        <Section title="Who's going">
          {guestList.length ? (
            <ul className="mt-2 flex flex-wrap gap-2">
              {guestList.map((g, i) => (
                <li key={i} className="rounded-full bg-white px-3 py-1 text-sm shadow-sm">
                  {g.name}
                  {g.city ? <span className="text-stone-500"> · {g.city}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-stone-600">Nobody has shared their name yet.</p>
          )}
        </Section>
      ) : null}
    </article>
  );
}
