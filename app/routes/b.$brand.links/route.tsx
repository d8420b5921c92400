import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LinkForm, LinkList } from "#app/components/link-form";
import { createLink, linkInputFrom, listLinks } from "#app/models/links.server";
import { parseAllowedDomains } from "#app/models/tracked-links";
import { db } from "#app/utils/db.server";
import { getEnv } from "#app/utils/env.server";
import { requireBrandMember } from "#app/utils/permissions.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Links · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand } = await requireBrandMember(request, params.brand, "manager");
  const [links, ambassadors, b] = await Promise.all([
    listLinks(brand.id),
    db.ambassador.findMany({ where: { brandId: brand.id, status: "active" }, orderBy: { name: "asc" }, take: 1000, select: { id: true, name: true } }),
    db.brand.findUniqueOrThrow({ where: { id: brand.id }, select: { allowedDomains: true } }),
  ]);
  return { links, ambassadors, allowed: parseAllowedDomains(b.allowedDomains), appUrl: getEnv().APP_URL };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { brand, user } = await requireBrandMember(request, params.brand, "manager");
  const form = await readForm(request);
  const result = await createLink(brand.id, user.id, linkInputFrom(form, String(form.get("ambassadorId") ?? "") || null));
  if (!result.ok) return data({ errors: { [result.field]: result.error } }, { status: 400 });
  return redirectWithToast(`/b/${brand.slug}/links`, { kind: "success", message: "Link created." });
}

export default function Links() {
  const { links, ambassadors, allowed, appUrl } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Tracked links</h1>
        <p className="text-sm text-stone-600">Short links per ambassador or campaign. Clicks are counted by day and referring site only — no cookies, nothing personal; bots are left out.</p>
      </div>
      <LinkForm errors={result?.errors} ambassadors={ambassadors} allowed={allowed} />
      <LinkList links={links} appUrl={appUrl} />
    </div>
  );
}
