import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BrandForm } from "#app/components/brand-form";
import { replyFor } from "#app/components/forms";
import { BrandSchema } from "#app/models/brand";
import { brandSettings, updateBrand } from "#app/models/brand.server";
import { rejected, runIntent } from "#app/utils/forms.server";
import { requireBrandMember, type BrandContext } from "#app/utils/permissions.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Brand settings · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireBrandMember(request, params.brand, "owner");
  const settings = await brandSettings(scope);
  return { settings };
}

type Ctx = BrandContext & { form: FormData };

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx: Ctx = { ...(await requireBrandMember(request, params.brand, "owner")), form: await readForm(request) };
  return runIntent(ctx.form, ctx, { save: saveAction });
}

async function saveAction({ scope, form }: Ctx) {
  const submission = parseWithZod(form, { schema: BrandSchema });
  if (submission.status !== "success") return rejected("save", submission);
  const result = await updateBrand(scope, submission.value);
  if (!result.ok) return rejected("save", submission, { fieldErrors: result.fieldErrors });
  return redirectWithToast(`/b/${result.slug}/settings`, { kind: "success", message: "Settings saved." });
}

export default function BrandSettings() {
  const { settings } = useLoaderData<typeof loader>();
  const lastResult = replyFor(useActionData<typeof action>(), "save");
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold">Brand settings</h1>
      <div className="mt-6">
        <BrandForm lastResult={lastResult} defaultValue={settings} submitLabel="Save settings" />
      </div>
    </div>
  );
}
