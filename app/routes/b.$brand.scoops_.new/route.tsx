import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ScoopForm } from "#app/components/scoop-form";
import { audienceChoices } from "#app/models/audience.server";
import { handleScoopForm } from "#app/components/scoop-form.server";
import { brandDisclosureText } from "#app/models/brand.server";
import { requireBrandMember } from "#app/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "New scoop · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "manager");
  const disclosureText = await brandDisclosureText(scope);
  return { brand: { ...brand, disclosureText }, choices: await audienceChoices(scope) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleScoopForm(request, await requireBrandMember(request, params.brand, "manager"));
}

export default function NewScoop() {
  const { brand, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">New scoop</h1>
      <ScoopForm
        brand={brand}
        choices={choices}
        lastResult={actionData?.result}
        uploadError={actionData && "uploadError" in actionData ? actionData.uploadError : null}
        submitLabel="Save scoop"
        defaults={{ title: "", body: "", guidance: "", links: "", publishMode: "draft", publishAt: "", embargo: false, embargoUntil: "", audienceKind: "all", audienceValues: [] }}
      />
    </div>
  );
}
