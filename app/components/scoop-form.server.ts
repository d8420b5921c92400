import { parseWithZod } from "@conform-to/zod/v4";
import { invariantResponse } from "#app/utils/http.server";
import { data } from "@remix-run/node";
import { rejected, runUploadIntent } from "#app/utils/forms.server";
import type { BrandContext } from "#app/utils/permissions.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { parseMultipart, type PendingFile } from "#app/utils/request-body.server";
import { ScoopSchema } from "#app/models/scoops/rules";
import { isBrandScoop, saveScoop } from "#app/models/scoops/manage.server";

type Ctx = BrandContext & { scoopId?: string; form: FormData; files: PendingFile[] };

/**
 * The create and edit actions of the scoop form (intent "save"): parse the upload, validate, save, redirect with a
 * toast. Uploads not kept are removed afterwards.
 */
export async function handleScoopForm(request: Request, staff: BrandContext, scoopId?: string) {
  // Editing: the scoop must be this brand's before anything is read or stored.
  invariantResponse(scoopId === undefined || (await isBrandScoop(staff.scope, scoopId)), "Scoop not found");
  const parsed = await parseMultipart(request, ["images", "assets"]);
  if (!parsed.ok) return data({ intent: "save", result: undefined, uploadError: parsed.error }, { status: 400 });
  const ctx: Ctx = { ...staff, scoopId, form: parsed.formData, files: parsed.files };
  return runUploadIntent(ctx.form, ctx.files, ctx, { save: saveAction });
}

async function saveAction({ brand, scope, scoopId, form, files }: Ctx) {
  const submission = parseWithZod(form, { schema: ScoopSchema });
  if (submission.status !== "success") return rejected("save", submission);
  const saved = await saveScoop(scope, { scoopId, input: submission.value, files });
  if (!saved.ok) return rejected("save", submission, { fieldErrors: saved.errors });
  const v = submission.value;
  const message = v.publishMode === "draft" ? "Draft saved." : v.publishMode === "later" ? "Scoop scheduled." : "Scoop published — the audience is being emailed.";
  return redirectWithToast(`/b/${brand.slug}/scoops/${saved.id}`, { kind: "success", message });
}
