import type { LoaderFunctionArgs } from "@remix-run/node";
import { fanScope } from "#app/models/scope";
import { eventCalendarFile } from "#app/models/events/rsvp.server";
import { requireUser } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http.server";

/** "Add to calendar": the event as an .ics file, for fans who may see it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = await eventCalendarFile(fanScope(user), params.id ?? "");
  invariantResponse(file, "Event not found");
  return new Response(file.ics, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="${file.fileName}"`, "Cache-Control": "private, no-store" } });
}
