import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ScoopForm } from "#app/components/scoop-form";
import { audienceChoices } from "#app/models/audience.server";
import { handleScoopForm } from "#app/components/scoop-form.server";
import { scoopState } from "#app/models/scoops/rules";
import { getScoopForStaff } from "#app/models/scoops/manage.server";
import { brandDisclosureText } from "#app/models/brand.server";
import { utcToZonedInput } from "#app/utils/format";
import { invariantResponse } from "#app/utils/http.server";
import { requireBrandMember } from "#app/utils/permissions.server";
import { BackLink } from "#app/components/back-link";

export const meta: MetaFunction = () => [{ title: "Edit scoop · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "manager");
  const found = await getScoopForStaff(scope, params.id ?? "");
  invariantResponse(found, "Scoop not found");
  const disclosureText = await brandDisclosureText(scope);
  return { brand: { ...brand, disclosureText }, scoop: found.scoop, choices: await audienceChoices(scope) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleScoopForm(request, await requireBrandMember(request, params.brand, "manager"), params.id);
}

export default function EditScoop() {
  const { brand, scoop, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = scoopState(scoop);
  return (
    <div className="space-y-4">
      <BackLink to={`/b/${brand.slug}/scoops/${scoop.id}`}>Back to the scoop</BackLink>
      <h1 className="text-2xl font-bold">Edit “{scoop.title}”</h1>
      <ScoopForm
        brand={brand}
        choices={choices}
        lastResult={actionData?.result}
        uploadError={actionData && "uploadError" in actionData ? actionData.uploadError : null}
        uploads={scoop.uploads}
        submitLabel="Save changes"
        defaults={{
          title: scoop.title,
          body: scoop.body,
          guidance: scoop.guidance,
          links: scoop.links.map((l) => `${l.label} ${l.url}`).join("\n"),
          publishMode: state === "draft" ? "draft" : state === "scheduled" ? "later" : "now",
          publishAt: scoop.publishAt ? utcToZonedInput(scoop.publishAt, brand.timeZone) : "",
          embargo: !!scoop.embargoUntil,
          embargoUntil: scoop.embargoUntil ? utcToZonedInput(scoop.embargoUntil, brand.timeZone) : "",
          audienceKind: scoop.audience.kind,
          audienceValues: scoop.audience.values,
        }}
      />
    </div>
  );
}
