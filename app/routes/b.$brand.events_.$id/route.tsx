import { getInputProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, SubmitButton, TextareaField, buttonClass, useIntentForm } from "#app/components/forms";
import { TableHead } from "#app/components/table";
import { StatCards } from "#app/components/stat-cards";
import { describeAudience } from "#app/models/audience";
import { PRIORITIES, RSVP_STATUSES, eventLocation, type Priority, type RsvpStatus } from "#app/models/events/rules";
import { messageAttendees } from "#app/models/events/emails.server";
import { getEventForStaff } from "#app/models/events/manage.server";
import { MessageSchema } from "#app/models/message";
import { eventResults } from "#app/models/analytics.server";
import { formatRate } from "#app/models/engagement";
import { roleAtLeast } from "#app/models/roles";
import { formatDateTime, formatRange } from "#app/utils/format";
import { invariantResponse } from "#app/utils/http.server";
import { rejected, runIntent } from "#app/utils/forms.server";
import { requireBrandMember, type BrandContext } from "#app/utils/permissions.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";
import { Section } from "#app/components/section";
import { DetailPage } from "#app/components/back-link";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.event.title ?? "Event"} · Kindred` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, role, scope } = await requireBrandMember(request, params.brand, "organizer");
  const found = await getEventForStaff(scope, params.id ?? "");
  invariantResponse(found, "Event not found");
  const [results] = await eventResults(scope, undefined, found.event.id);
  return { brand, canSeeProfiles: roleAtLeast(role, "manager"), results, ...found };
}

type Ctx = BrandContext & { eventId: string; form: FormData };

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx: Ctx = { ...(await requireBrandMember(request, params.brand, "organizer")), eventId: params.id ?? "", form: await readForm(request) };
  return runIntent(ctx.form, ctx, { message: messageAction });
}

async function messageAction({ brand, user, scope, eventId, form }: Ctx) {
  const submission = parseWithZod(form, { schema: MessageSchema });
  if (submission.status !== "success") return rejected("message", submission);
  const { sent } = await messageAttendees(scope, eventId, user, submission.value.subject, submission.value.body);
  return redirectWithToast(`/b/${brand.slug}/events/${eventId}`, { kind: "success", message: `Message sent to ${sent} ${sent === 1 ? "attendee" : "attendees"}.` });
}

export default function EventDetail() {
  const { brand, event, rsvps, counts, waitlistOrder, canSeeProfiles, results } = useLoaderData<typeof loader>();
  const { fields, formProps } = useIntentForm("message", MessageSchema, useActionData<typeof action>(), { clearAfterSave: true });
  const byId = new Map(rsvps.map((r) => [r.id, r]));
  const waitlist = waitlistOrder.map((id) => byId.get(id)!).filter(Boolean);
  const listed = rsvps.filter((r) => r.status !== "waitlisted");
  return (
    <DetailPage back={`/b/${brand.slug}/events`} backLabel="All events">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">
            {event.title} {!event.publishedAt ? <span className="rounded bg-stone-200 px-1.5 py-0.5 align-middle text-xs">Draft</span> : null}
          </h1>
          <p className="text-sm text-stone-600">
            {formatRange(event.startsAt, event.endsAt, event.timeZone)} · {eventLocation(event)}
          </p>
          <p className="text-xs text-stone-500">
            {describeAudience(event.audience)} · {PRIORITIES[event.priority as Priority] ?? event.priority} · {event.claimHours} h to claim a freed seat
            {event.rsvpDeadline ? ` · RSVPs close ${formatDateTime(event.rsvpDeadline, event.timeZone)}` : ""}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link to="checkin" className={buttonClass()}>Check-in screen</Link>
          <Link to="edit" className={buttonClass("secondary")}>Edit</Link>
          <a href={`/b/${brand.slug}/events/${event.id}/attendees.csv`} className={buttonClass("secondary")} download>Export attendees (CSV)</a>
        </div>
      </div>

      <StatCards
        label="Numbers"
        className="sm:grid-cols-5"
        stats={[
          ["Seats taken", `${event.seatsTaken}${event.capacity ? ` / ${event.capacity}` : ""}`],
          ["Going (RSVPs)", counts.going],
          ["Waitlist", counts.waitlisted],
          ["Checked in", counts.checkedIn],
          ["No-shows", counts.noShows],
        ]}
      />
      {event.wrappedUpAt && results ? (
        <p className="text-sm text-stone-700" data-testid="event-results">
          Attendance {formatRate(results.attendanceRate)} · no-shows {formatRate(results.noShowRate)} · {results.posts} {results.posts === 1 ? "post" : "posts"} followed the event
        </p>
      ) : null}

      <Section title="RSVPs">
        {listed.length ? (
          <div className="mt-2 overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="min-w-full text-left text-sm">
              <TableHead columns={["Ambassador", "RSVP", "Guests", "Checked in", "Answers"]} />
              <tbody className="divide-y divide-stone-100">
                {listed.map((r) => (
                  <tr key={r.id}>
                    <td className="px-3 py-2">
                      {canSeeProfiles ? (
                        <Link to={`/b/${brand.slug}/ambassadors/${r.ambassador.id}`} className="text-violet-800 underline">{r.ambassador.name}</Link>
                      ) : (
                        r.ambassador.name
                      )}
                      {r.walkIn ? <span className="ml-1 text-xs text-stone-500">(walk-in)</span> : null}
                    </td>
                    <td className="px-3 py-2">
                      {RSVP_STATUSES[r.status as RsvpStatus] ?? r.status}
                      {r.status === "offered" && r.offerExpiresAt ? <span className="block text-xs text-stone-500">until {formatDateTime(r.offerExpiresAt, event.timeZone)}</span> : null}
                    </td>
                    <td className="px-3 py-2">{r.plusOnes || "—"}</td>
                    <td className="px-3 py-2">{r.checkedInAt ? formatDateTime(r.checkedInAt, event.timeZone) : r.noShow ? "No-show" : "—"}</td>
                    <td className="min-w-56 px-3 py-2 text-xs text-stone-700" data-testid="rsvp-answers">
                      {r.answers.length ? r.answers.map((a) => <p key={a.label}>{`${a.label}: ${a.answer || "—"}`}</p>) : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="mt-2 text-sm text-stone-600">No RSVPs yet. Invited ambassadors see the event under “My events” once it is published.</p>
        )}
      </Section>

      {waitlist.length ? (
        <Section title="Waitlist (in the order seats will be offered)">
          <ol className="mt-2 list-decimal space-y-1 rounded-lg border border-stone-200 bg-white py-3 pl-10 pr-4 text-sm">
            {waitlist.map((r) => (
              <li key={r.id}>
                {r.ambassador.name}
                {r.plusOnes ? ` + ${r.plusOnes}` : ""} <span className="text-stone-500">· since {formatDateTime(r.waitlistedAt ?? r.createdAt, event.timeZone)}</span>
              </li>
            ))}
          </ol>
        </Section>
      ) : null}

      <Section title="Message everyone going" className="rounded-lg border border-stone-200 bg-white p-4">
        <Form method="post" {...formProps} className="mt-3 space-y-3">
          <input type="hidden" name="intent" value="message" />
          <Field label="Subject" {...getInputProps(fields.subject, { type: "text" })} errors={fields.subject.errors} />
          <TextareaField label="Message" rows={4} {...getTextareaProps(fields.body)} errors={fields.body.errors} />
          <SubmitButton pendingText="Sending…">Send to {counts.going} going</SubmitButton>
        </Form>
      </Section>
    </DetailPage>
  );
}
