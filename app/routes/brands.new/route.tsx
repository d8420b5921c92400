import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { BrandForm } from "#app/components/brand-form";
import { replyFor } from "#app/components/forms";
import { BrandSchema } from "#app/models/brand";
import { createBrand } from "#app/models/brand.server";
import { DEFAULT_TIER_THRESHOLDS } from "#app/models/tiers";
import { requireUser, type SessionUser } from "#app/utils/auth.server";
import { rejected, runIntent } from "#app/utils/forms.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Create a brand · Kindred" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

type Ctx = { user: SessionUser; form: FormData };

export async function action({ request }: ActionFunctionArgs) {
  const ctx: Ctx = { user: await requireUser(request), form: await readForm(request) };
  return runIntent(ctx.form, ctx, { create: createAction });
}

async function createAction({ user, form }: Ctx) {
  const submission = parseWithZod(form, { schema: BrandSchema });
  if (submission.status !== "success") return rejected("create", submission);
  const result = await createBrand(user.id, submission.value);
  if (!result.ok) return rejected("create", submission, { fieldErrors: result.fieldErrors });
  return redirectWithToast(`/b/${result.slug}`, { kind: "success", message: `${submission.value.name} is ready. Invite your team next.` });
}

export default function NewBrand() {
  const lastResult = replyFor(useActionData<typeof action>(), "create");
  return (
    <div className="mx-auto max-w-2xl px-4 py-8">
      <h1 className="text-2xl font-bold">Create a brand</h1>
      <p className="mt-2 text-stone-600">You will be its owner. You can change all of this later in the brand's settings.</p>
      <div className="mt-6">
        <BrandForm isNew lastResult={lastResult} submitLabel="Create brand" defaultValue={{ color: "#7c3aed", ...DEFAULT_TIER_THRESHOLDS }} />
      </div>
    </div>
  );
}
