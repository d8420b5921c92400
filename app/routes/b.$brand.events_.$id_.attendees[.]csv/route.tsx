import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendeesCsv } from "#app/models/events/export.server";
import { csvResponse } from "#app/utils/csv.server";
import { invariantResponse } from "#app/utils/http.server";
import { requireBrandMember } from "#app/utils/permissions.server";

/** Every RSVP of the event with the fans' answers, as a CSV download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireBrandMember(request, params.brand, "organizer");
  const file = await attendeesCsv(scope, params.id ?? "");
  invariantResponse(file, "Event not found");
  const name = file.title.replace(/[^\w-]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "event";
  return csvResponse(`${name}-attendees.csv`, file.rows);
}
