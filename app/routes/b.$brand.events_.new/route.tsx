import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EventForm } from "#app/components/event-form";
import { audienceChoices } from "#app/models/audience.server";
import { handleEventForm } from "#app/components/event-form.server";
import { requireBrandMember } from "#app/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "New event · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "organizer");
  return { brand, choices: await audienceChoices(scope), timeZones: Intl.supportedValuesOf("timeZone") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleEventForm(request, await requireBrandMember(request, params.brand, "organizer"));
}

export default function NewEvent() {
  const { brand, choices, timeZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">New event</h1>
      <EventForm isNew
        choices={choices}
        timeZones={timeZones}
        lastResult={actionData?.result}
        uploadError={actionData && "uploadError" in actionData ? actionData.uploadError : null}
        submitLabel="Save event"
        defaults={{
          title: "",
          description: "",
          format: "in_person",
          venue: "",
          address: "",
          city: "",
          onlineUrl: "",
          timeZone: brand.timeZone,
          startsAt: "",
          endsAt: "",
          rsvpDeadline: "",
          capacity: "",
          maxPlusOnes: "0",
          claimHours: "24",
          priority: "first_come",
          priorityTiers: [],
          questions: [],
          audienceKind: "all",
          audienceValues: [],
          listText: "",
          publish: true,
        }}
      />
    </div>
  );
}
