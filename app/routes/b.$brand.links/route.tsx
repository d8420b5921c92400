import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LinkForm, LinkList } from "#app/components/link-form";
import { createBrandLink, staffLinksPage } from "#app/models/tracked-links.server";
import { LinkSchema } from "#app/models/tracked-links";
import { getEnv } from "#app/utils/env.server";
import { rejected, runIntent } from "#app/utils/forms.server";
import { requireBrandMember, type BrandContext } from "#app/utils/permissions.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Links · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireBrandMember(request, params.brand, "manager");
  return { ...(await staffLinksPage(scope)), appUrl: getEnv().APP_URL };
}

type Ctx = BrandContext & { form: FormData };

async function createAction({ brand, scope, form }: Ctx) {
  const submission = parseWithZod(form, { schema: LinkSchema });
  if (submission.status !== "success") return rejected("create", submission);
  const result = await createBrandLink(scope, submission.value);
  if (!result.ok) return rejected("create", submission, { fieldErrors: { [result.field]: [result.error] } });
  return redirectWithToast(`/b/${brand.slug}/links`, { kind: "success", message: "Link created." });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = { ...(await requireBrandMember(request, params.brand, "manager")), form: await readForm(request) };
  return runIntent(ctx.form, ctx, { create: createAction });
}

export default function Links() {
  const { links, ambassadors, allowed, appUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Tracked links</h1>
        <p className="text-sm text-stone-600">Short links per ambassador or campaign. Clicks are counted by day and referring site only — no cookies, nothing personal; bots are left out.</p>
      </div>
      <LinkForm actionData={actionData} ambassadors={ambassadors} allowed={allowed} />
      <LinkList links={links} appUrl={appUrl} />
    </div>
  );
}
