import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { db } from "#app/utils/db.server";
import { invariantResponse } from "#app/utils/http.server";
import type { BrandContext } from "#app/utils/permissions.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { discardFiles, parseMultipart } from "#app/utils/request-body.server";
import { eventSchema } from "#app/models/events/rules";
import { saveEvent } from "#app/models/events/manage.server";

/** The create and edit actions of the event form: parse the upload, validate, save, redirect with a toast. */
export async function handleEventForm(request: Request, { brand, user }: BrandContext, eventId?: string) {
  // Editing: the event must be this brand's before anything is read or stored.
  if (eventId !== undefined) invariantResponse(await db.event.findFirst({ where: { id: eventId, brandId: brand.id }, select: { id: true } }), "Event not found");
  const parsed = await parseMultipart(request, ["cover"]);
  if (!parsed.ok) return data({ result: undefined, uploadError: parsed.error }, { status: 400 });
  const submission = parseWithZod(parsed.formData, { schema: eventSchema({ isNew: eventId === undefined }) });
  if (submission.status !== "success") {
    await discardFiles(parsed.files);
    return data({ result: submission.reply(), uploadError: null }, { status: 400 });
  }
  const saved = await saveEvent({ brand, userId: user.id, eventId, input: submission.value, files: parsed.files, removeCover: parsed.formData.get("removeCover") === "on" });
  if (!saved.ok) return data({ result: submission.reply({ fieldErrors: saved.errors }), uploadError: null }, { status: 400 });
  const message = submission.value.publish ? (eventId ? "Event saved." : "Event published — invited ambassadors can RSVP now.") : "Draft saved. Publish it when you're ready.";
  return redirectWithToast(`/b/${brand.slug}/events/${saved.id}`, { kind: "success", message });
}
