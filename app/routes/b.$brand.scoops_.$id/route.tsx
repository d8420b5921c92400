import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ScoopContent } from "#app/components/scoop-content";
import { TableHead } from "#app/components/table";
import { StatCards } from "#app/components/stat-cards";
import { SubmitButton, buttonClass } from "#app/components/forms";
import { describeAudience } from "#app/models/audience";
import { STATE_LABELS, scoopState } from "#app/models/scoops/rules";
import { deleteScoop, getScoopForStaff, publishScoopNow } from "#app/models/scoops/manage.server";
import { brandDisclosureText } from "#app/models/brand.server";
import { invariantResponse } from "#app/utils/http.server";
import { runIntent } from "#app/utils/forms.server";
import { requireBrandMember, type BrandContext } from "#app/utils/permissions.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";
import { LocalTime } from "#app/components/local-time";
import { Section } from "#app/components/section";
import { DetailPage } from "#app/components/back-link";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.scoop.title ?? "Scoop"} · Kindred` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "manager");
  const found = await getScoopForStaff(scope, params.id ?? "");
  invariantResponse(found, "Scoop not found");
  const disclosureText = await brandDisclosureText(scope);
  return { brand: { ...brand, disclosureText }, ...found };
}

type Ctx = BrandContext & { scoopId: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx: Ctx = { ...(await requireBrandMember(request, params.brand, "manager")), scoopId: params.id ?? "" };
  return runIntent(await readForm(request), ctx, { publish: publishAction, delete: deleteAction });
}

async function publishAction({ brand, scope, scoopId }: Ctx) {
  await publishScoopNow(scope, scoopId);
  return redirectWithToast(`/b/${brand.slug}/scoops/${scoopId}`, { kind: "success", message: "Scoop published — the audience is being emailed." });
}

async function deleteAction({ brand, scope, scoopId }: Ctx) {
  await deleteScoop(scope, scoopId);
  return redirectWithToast(`/b/${brand.slug}/scoops`, { kind: "success", message: "Scoop deleted." });
}

export default function ScoopDetail() {
  const { brand, scoop, reach, receipts } = useLoaderData<typeof loader>();
  const state = scoopState(scoop);
  return (
    <DetailPage back={`/b/${brand.slug}/scoops`} backLabel="All scoops">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{scoop.title}</h1>
          <p className="text-sm text-stone-600">
            {STATE_LABELS[state]}
            {scoop.publishAt ? <> · {state === "scheduled" ? "goes live" : "published"} <LocalTime value={scoop.publishAt} zone={brand.timeZone} /></> : ""} · {describeAudience(scoop.audience)}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link to="edit" className={buttonClass("secondary")}>Edit</Link>
          {state === "draft" || state === "scheduled" ? (
            <Form method="post">
              <SubmitButton name="intent" value="publish" pendingText="Publishing…">Publish now</SubmitButton>
            </Form>
          ) : null}
          <Form
            method="post"
            onSubmit={(e) => {
              if (!confirm(`Delete “${scoop.title}”? Fans will no longer see it and its files are removed.`)) e.preventDefault();
            }}
          >
            <SubmitButton name="intent" value="delete" variant="danger" pendingText="Deleting…">Delete</SubmitButton>
          </Form>
        </div>
      </div>
      {scoop.embargoUntil ? (
        <p className="rounded-lg border border-amber-300 bg-amber-50 p-3 font-semibold text-amber-900">Embargo until <LocalTime value={scoop.embargoUntil} zone={brand.timeZone} /></p>
      ) : null}
      <StatCards label="Reach" stats={[ ["In audience", reach.audience], ["Emailed", reach.emailed], ["Opened", reach.opened], ["Acknowledged", reach.acknowledged], ]} />
      <section className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-stone-500">What fans see</h2>
        <ScoopContent html={scoop.html} images={scoop.images} assets={scoop.assets} links={scoop.links} guidance={scoop.guidance} disclosureText={brand.disclosureText} />
      </section>
      <Section title="Read receipts">
        {receipts.length ? (
          <div className="mt-2 overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <TableHead columns={["Ambassador", "Emailed", "Acknowledged", "Opened"]} />
              <tbody className="divide-y divide-stone-100">
                {receipts.map((r) => (
                  <tr key={r.ambassador.id}>
                    <td className="px-3 py-2">
                      <Link to={`/b/${brand.slug}/ambassadors/${r.ambassador.id}`} className="text-violet-800 underline">{r.ambassador.name}</Link>
                    </td>
                    <td className="px-3 py-2">{r.notifiedAt ? <LocalTime value={r.notifiedAt} zone={brand.timeZone} /> : "—"}</td>
                    <td className="px-3 py-2">{r.acknowledgedAt ? <LocalTime value={r.acknowledgedAt} zone={brand.timeZone} /> : "—"}</td>
                    <td className="px-3 py-2">{r.openedAt ? <LocalTime value={r.openedAt} zone={brand.timeZone} /> : "Not yet"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="mt-2 text-sm text-stone-600">Nobody has been emailed or opened it yet.</p>
        )}
      </Section>
    </DetailPage>
  );
}
