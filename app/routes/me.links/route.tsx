import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LinkForm, LinkList } from "#app/components/link-form";
import { fanScope, type FanScope } from "#app/models/scope";
import { LinkSchema } from "#app/models/tracked-links";
import { createFanLink, fanLinksPage } from "#app/models/tracked-links.server";
import { parseAllowedDomains } from "#app/models/tracked-links";
import { requireUser } from "#app/utils/auth.server";
import { getEnv } from "#app/utils/env.server";
import { rejected, runIntent } from "#app/utils/forms.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "My links · Kindred" }];

const brandOf = (request: Request) => new URL(request.url).searchParams.get("brand");

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = fanScope(await requireUser(request));
  return { ...(await fanLinksPage(scope, brandOf(request))), appUrl: getEnv().APP_URL };
}

type Ctx = { request: Request; scope: FanScope; form: FormData };

async function createAction({ request, scope, form }: Ctx) {
  const submission = parseWithZod(form, { schema: LinkSchema });
  if (submission.status !== "success") return rejected("create", submission);
  const { slug, result } = await createFanLink(scope, brandOf(request), submission.value);
  if (!result.ok) return rejected("create", submission, { fieldErrors: { [result.field]: [result.error] } });
  return redirectWithToast(`/me/links?brand=${slug}`, { kind: "success", message: "Your link is ready to share." });
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = { request, scope: fanScope(await requireUser(request)), form: await readForm(request) };
  return runIntent(ctx.form, ctx, { create: createAction });
}

export default function MyLinks() {
  const { programs, current, links, appUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
          <LinkForm actionData={actionData} allowed={parseAllowedDomains(current.allowedDomains)} />
          <LinkList links={links} appUrl={appUrl} />
        </>
      ) : (
        <p className="text-stone-600">Links are for active ambassadors.</p>
      )}
    </div>
  );
}
