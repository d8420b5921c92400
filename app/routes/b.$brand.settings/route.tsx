import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BrandForm } from "#app/components/brand-form";
import { BrandSchema } from "#app/models/brand";
import { brandSettings, updateBrand } from "#app/models/brand.server";
import { requireBrandMember } from "#app/utils/permissions.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Brand settings · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "owner");
  const settings = await brandSettings(scope);
  return { settings };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "owner");
  const submission = parseWithZod(await readForm(request), { schema: BrandSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await updateBrand(scope, submission.value);
  if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirectWithToast(`/b/${result.slug}/settings`, { kind: "success", message: "Settings saved." });
}

export default function BrandSettings() {
  const { settings } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold">Brand settings</h1>
      <div className="mt-6">
        <BrandForm lastResult={lastResult} defaultValue={settings} submitLabel="Save settings" />
      </div>
    </div>
  );
}
