import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LinkForm, LinkList } from "#app/components/link-form";
import { createLink, linkInputFrom } from "#app/models/links.server";
import { parseAllowedDomains } from "#app/models/tracked-links";
import { requireUser } from "#app/utils/auth.server";
import { db } from "#app/utils/db.server";
import { getEnv } from "#app/utils/env.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "My links · Kindred" }];

async function membership(userId: string, brandSlug: string | null) {
  const rows = await db.ambassador.findMany({ where: { userId, status: "active" }, orderBy: { brand: { name: "asc" } }, select: { id: true, brandId: true, brand: { select: { name: true, slug: true, allowedDomains: true } } } });
  return { rows, current: rows.find((r) => r.brand.slug === brandSlug) ?? rows[0] ?? null };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { rows, current } = await membership(user.id, new URL(request.url).searchParams.get("brand"));
  const links = current ? await db.trackedLink.findMany({ where: { brandId: current.brandId, ambassadorId: current.id }, orderBy: { createdAt: "desc" }, select: { id: true, code: true, label: true, destination: true, clicks: true } }) : [];
  return { programs: rows.map((r) => r.brand), current: current?.brand ?? null, links, appUrl: getEnv().APP_URL };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { current } = await membership(user.id, new URL(request.url).searchParams.get("brand"));
  if (!current) throw new Response("Not found", { status: 404 });
  const form = await readForm(request);
  const result = await createLink(current.brandId, user.id, linkInputFrom(form, current.id));
  if (!result.ok) return data({ errors: { [result.field]: result.error } }, { status: 400 });
  return redirectWithToast(`/me/links?brand=${current.brand.slug}`, { kind: "success", message: "Your link is ready to share." });
}

export default function MyLinks() {
  const { programs, current, links, appUrl } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-8">
      <h1 className="text-2xl font-bold">My links</h1>
      {programs.length > 1 ? (
        <nav aria-label="Programs" className="flex flex-wrap gap-2 text-sm">
          {programs.map((p) => (
            <a key={p.slug} href={`?brand=${p.slug}`} aria-current={current?.slug === p.slug ? "page" : undefined} className="rounded-full border border-stone-300 px-3 py-1 aria-[current=page]:border-violet-600 aria-[current=page]:bg-violet-50">
              {p.name}
            </a>
          ))}
        </nav>
      ) : null}
      {current ? (
        <>
          <p className="text-sm text-stone-600">Your own short links to {current.name}'s site. The team sees how many people clicked — never who.</p>
          <LinkForm errors={result?.errors} allowed={parseAllowedDomains(current.allowedDomains)} />
          <LinkList links={links} appUrl={appUrl} />
        </>
      ) : (
        <p className="text-stone-600">Links are for active ambassadors.</p>
      )}
    </div>
  );
}
