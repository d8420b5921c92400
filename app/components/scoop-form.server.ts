import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { db } from "#app/utils/db.server";
import { invariantResponse } from "#app/utils/http.server";
import type { BrandContext } from "#app/utils/permissions.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { discardFiles, parseMultipart } from "#app/utils/request-body.server";
import { ScoopSchema } from "#app/models/scoops";
import { saveScoop } from "#app/models/scoops.server";

/** The create and edit actions of the scoop form: parse the upload, validate, save, redirect with a toast. */
export async function handleScoopForm(request: Request, { brand, user }: BrandContext, scoopId?: string) {
  // Editing: the scoop must be this brand's before anything is read or stored.
  if (scoopId !== undefined) invariantResponse(await db.scoop.findFirst({ where: { id: scoopId, brandId: brand.id }, select: { id: true } }), "Scoop not found");
  const parsed = await parseMultipart(request, ["images", "assets"]);
  if (!parsed.ok) return data({ result: undefined, uploadError: parsed.error }, { status: 400 });
  const submission = parseWithZod(parsed.formData, { schema: ScoopSchema });
  if (submission.status !== "success") {
    await discardFiles(parsed.files);
    return data({ result: submission.reply(), uploadError: null }, { status: 400 });
  }
  const saved = await saveScoop({ brand, userId: user.id, scoopId, input: submission.value, files: parsed.files });
  if (!saved.ok) return data({ result: submission.reply({ fieldErrors: saved.errors }), uploadError: null }, { status: 400 });
  const v = submission.value;
  const message = v.publishMode === "draft" ? "Draft saved." : v.publishMode === "later" ? "Scoop scheduled." : "Scoop published — the audience is being emailed.";
  return redirectWithToast(`/b/${brand.slug}/scoops/${saved.id}`, { kind: "success", message });
}
