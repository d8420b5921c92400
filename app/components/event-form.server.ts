import { parseWithZod } from "@conform-to/zod/v4";
import { invariantResponse } from "#app/utils/http.server";
import { data } from "@remix-run/node";
import { rejected, runUploadIntent } from "#app/utils/forms.server";
import type { BrandContext } from "#app/utils/permissions.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { parseMultipart, type PendingFile } from "#app/utils/request-body.server";
import { eventSchema } from "#app/models/events/rules";
import { isBrandEvent, saveEvent } from "#app/models/events/manage.server";

type Ctx = BrandContext & { eventId?: string; form: FormData; files: PendingFile[] };

/**
 * The create and edit actions of the event form (intent "save"): parse the upload, validate, save, redirect with a
 * toast. Uploads not kept are removed afterwards.
 */
export async function handleEventForm(request: Request, staff: BrandContext, eventId?: string) {
  // Editing: the event must be this brand's before anything is read or stored.
  invariantResponse(eventId === undefined || (await isBrandEvent(staff.scope, eventId)), "Event not found");
  const parsed = await parseMultipart(request, ["cover"]);
  if (!parsed.ok) return data({ intent: "save", result: undefined, uploadError: parsed.error }, { status: 400 });
  const ctx: Ctx = { ...staff, eventId, form: parsed.formData, files: parsed.files };
  return runUploadIntent(ctx.form, ctx.files, ctx, { save: saveAction });
}

async function saveAction({ brand, scope, eventId, form, files }: Ctx) {
  const submission = parseWithZod(form, { schema: eventSchema({ isNew: eventId === undefined }) });
  if (submission.status !== "success") return rejected("save", submission);
  const saved = await saveEvent(scope, { eventId, input: submission.value, files, removeCover: form.get("removeCover") === "on" });
  if (!saved.ok) return rejected("save", submission, { fieldErrors: saved.errors });
  const message = submission.value.publish ? (eventId ? "Event saved." : "Event published — invited ambassadors can RSVP now.") : "Draft saved. Publish it when you're ready.";
  return redirectWithToast(`/b/${brand.slug}/events/${saved.id}`, { kind: "success", message });
}
