import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EventForm } from "#app/components/event-form";
import { audienceChoices } from "#app/models/audience.server";
import { handleEventForm } from "#app/components/event-form.server";
import { getEventForStaff } from "#app/models/events/manage.server";
import { utcToZonedInput } from "#app/utils/format";
import { invariantResponse } from "#app/utils/http.server";
import { requireBrandMember } from "#app/utils/permissions.server";
import { BackLink } from "#app/components/back-link";

export const meta: MetaFunction = () => [{ title: "Edit event · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "organizer");
  const found = await getEventForStaff(scope, params.id ?? "");
  invariantResponse(found, "Event not found");
  return { brand, event: found.event, choices: await audienceChoices(scope), timeZones: Intl.supportedValuesOf("timeZone") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleEventForm(request, await requireBrandMember(request, params.brand, "organizer"), params.id);
}

export default function EditEvent() {
  const { brand, event, choices, timeZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const zoned = (d: string | Date | null) => (d ? utcToZonedInput(d, event.timeZone) : "");
  return (
    <div className="space-y-4">
      <BackLink to={`/b/${brand.slug}/events/${event.id}`}>Back to the event</BackLink>
      <h1 className="text-2xl font-bold">Edit “{event.title}”</h1>
      <EventForm isNew={false}
        choices={choices}
        timeZones={timeZones}
        hasCover={!!event.coverUploadId}
        lastResult={actionData?.result}
        uploadError={actionData && "uploadError" in actionData ? actionData.uploadError : null}
        submitLabel="Save changes"
        defaults={{
          title: event.title,
          description: event.description,
          format: event.format,
          venue: event.venue,
          address: event.address,
          city: event.city,
          onlineUrl: event.onlineUrl,
          timeZone: event.timeZone,
          startsAt: zoned(event.startsAt),
          endsAt: zoned(event.endsAt),
          rsvpDeadline: zoned(event.rsvpDeadline),
          capacity: event.capacity?.toString() ?? "",
          maxPlusOnes: String(event.maxPlusOnes),
          claimHours: String(event.claimHours),
          priority: event.priority,
          priorityTiers: event.priorityTiers.split(",").filter(Boolean),
          questions: event.questions.map((q) => ({ id: q.id, label: q.label, type: q.type, options: q.options.join(", "), required: q.required ? "on" : undefined })),
          audienceKind: event.audience.kind,
          audienceValues: event.audience.values,
          listText: event.listEmails.join("\n"),
          publish: !!event.publishedAt,
        }}
      />
    </div>
  );
}
