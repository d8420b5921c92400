import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { Alert } from "#app/components/alert";
import { TableHead } from "#app/components/table";
import { SubmitButton } from "#app/components/forms";
import { IMPORT_FIELDS, REJECTS_KEEP_DAYS, type Mapping } from "#app/models/csv-import";
import { z } from "zod";
import { getImportForStaff, previewImport, saveImportMapping, startImport } from "#app/models/csv-import.server";
import { requireBrandMember, type BrandContext } from "#app/utils/permissions.server";
import { hiddenFields, runIntent } from "#app/utils/forms.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";
import { Section } from "#app/components/section";
import { DetailPage } from "#app/components/back-link";

export const meta: MetaFunction = () => [{ title: "Import · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "manager");
  const { job, headers, mapping, hasRejects } = await getImportForStaff(scope, params.id ?? "");
  const preview = job.status === "mapping" ? await previewImport(job.filePath, job.delimiter, mapping, brand.id) : [];
  const { filePath: _f, ...rest } = job;
  return { brand, job: { ...rest, hasRejects }, headers, mapping, preview };
}

/** Each column's field, as chosen in the form (col0, col1, …); anything else is "ignore". */
const mappingSchema = (columns: number) =>
  z.object(Object.fromEntries(Array.from({ length: columns }, (_, i) => [`col${i}`, z.string().optional().transform((v) => (v && v in IMPORT_FIELDS ? v : "ignore"))]))).transform((cols) => {
    const mapping: Mapping = {};
    for (let i = 0; i < columns; i++) mapping[i] = cols[`col${i}`] as string;
    return mapping;
  });

const StartSchema = z.object({ sendInvites: z.literal("on").optional() });

type Ctx = BrandContext & { form: FormData; importId: string; mapping: Mapping; back: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireBrandMember(request, params.brand, "manager");
  const { job, headers } = await getImportForStaff(staff.scope, params.id ?? "");
  const form = await readForm(request);
  const mapping = hiddenFields(form, mappingSchema(headers.length));
  const used = Object.values(mapping).filter((f) => f !== "ignore");
  const twice = used.find((f, i) => used.indexOf(f) !== i);
  if (twice) return data({ error: `Two columns are set to “${IMPORT_FIELDS[twice]}”. Choose one.` }, { status: 400 });
  const ctx: Ctx = { ...staff, form, importId: job.id, mapping, back: `/b/${staff.brand.slug}/imports/${job.id}` };
  return runIntent(form, ctx, { preview: previewAction, start: startAction });
}

async function previewAction({ brand, importId, mapping, back, scope }: Ctx) {
  await saveImportMapping(scope, importId, mapping);
  return redirectWithToast(back, { kind: "info", message: "Preview updated." });
}

async function startAction({ brand, form, importId, mapping, back, scope }: Ctx) {
  const result = await startImport(scope, importId, mapping, hiddenFields(form, StartSchema).sendInvites === "on");
  if (!result.ok) return data({ error: result.error }, { status: 400 });
  return redirectWithToast(back, { kind: "success", message: "Import started. You can leave this page; it carries on." });
}

function Progress({ done, total }: { done: number; total: number | null }) {
  const pct = total ? Math.min(100, Math.round((done / Math.max(1, total)) * 100)) : 0;
  return (
    <div>
      <div role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} className="h-3 w-full overflow-hidden rounded-full bg-stone-200">
        <div className="h-full bg-violet-600 transition-all" style={{ width: `${pct}%` }} />
      </div>
      <p className="mt-1 text-sm text-stone-600">
        {done.toLocaleString("en")} of {total === null ? "…" : total.toLocaleString("en")} rows ({pct}%)
      </p>
    </div>
  );
}

export default function ImportPage() {
  const { brand, job, headers, mapping, preview } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const revalidator = useRevalidator();
  const active = job.status === "queued" || job.status === "running";
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 1000);
    return () => clearInterval(t);
  }, [active, revalidator]);

  return (
    <DetailPage back={`/b/${brand.slug}/imports`} backLabel="All imports">
      <h1 className="text-2xl font-bold">Import “{job.fileName}”</h1>
      {actionData?.error ? <Alert>{actionData.error}</Alert> : null}

      {job.status === "mapping" ? (
        <Form method="post" className="space-y-6">
          <Section title="Which column is which?" className="rounded-lg border border-stone-200 bg-white p-4" heading="font-semibold">
            <p className="mt-1 text-sm text-stone-600">We guessed from the column names. The email column is required; columns set to “Don't import” are left out.</p>
            <div className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {headers.map((h, i) => (
                <label key={i} className="text-sm">
                  <span className="block font-medium">
                    Column {i + 1}: “{h || "(no name)"}”
                  </span>
                  <select name={`col${i}`} defaultValue={mapping[i] ?? "ignore"} className="mt-1 w-full rounded-md border border-stone-300 px-2 py-1.5">
                    {Object.entries(IMPORT_FIELDS).map(([v, text]) => (
                      <option key={v} value={v}>
                        {text}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
            <SubmitButton variant="secondary" name="intent" value="preview" className="mt-4">Update the preview</SubmitButton>
          </Section>

          <Section title="Preview of the first rows" heading="font-semibold">
            <div className="mt-2 overflow-x-auto rounded-lg border border-stone-200 bg-white">
              <table className="min-w-full text-left text-sm" data-testid="import-preview">
                <TableHead columns={["Row", "Email", "Name", "City", "Accounts", "Tags", "Problem"]} />
                <tbody className="divide-y divide-stone-100">
                  {preview.map((r) => (
                    <tr key={r.line} className={r.problem ? "bg-amber-50" : undefined} data-testid="preview-row">
                      <td className="px-3 py-2 tabular-nums">{r.line}</td>
                      <td className="px-3 py-2">{r.fan?.email ?? r.raw.email}</td>
                      <td className="px-3 py-2">{r.fan?.name ?? r.raw.name}</td>
                      <td className="px-3 py-2">{r.fan?.city ?? r.raw.city}</td>
                      <td className="px-3 py-2">{r.fan?.accounts.map((a) => `${a.platform} @${a.handle} (${a.followers.toLocaleString("en")})`).join(", ")}</td>
                      <td className="px-3 py-2">{r.fan?.tags.join(", ")}</td>
                      <td className="px-3 py-2 text-amber-900">{r.problem ? `Not imported: ${r.problem}` : r.warnings.length ? `Imported; ${r.warnings.join("; ")}` : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>

          <div className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="sendInvites" className="mt-1 h-4 w-4" />
              <span>Send each imported fan a personal invitation email now (otherwise they wait as “invited” until you invite them).</span>
            </label>
            <SubmitButton name="intent" value="start" pendingText="Starting…">Start the import</SubmitButton>
          </div>
        </Form>
      ) : (
        <section aria-labelledby="status-heading" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" aria-live="polite">
          <h2 id="status-heading" className="font-semibold">
            {job.status === "done" ? "Import finished" : job.status === "failed" ? "Import stopped" : "Importing…"}
          </h2>
          <Progress done={job.processedRows} total={job.totalRows} />
          {job.error ? <Alert>{job.error}</Alert> : null}
          <dl className="grid grid-cols-2 gap-3 text-center sm:grid-cols-4">
            <div className="rounded-md bg-emerald-50 p-3">
              <dt className="text-xs text-emerald-900">Imported</dt>
              <dd className="text-xl font-bold tabular-nums" data-testid="imported-count">
                {job.importedRows.toLocaleString("en")}
              </dd>
            </div>
            <div className="rounded-md bg-emerald-50 p-3">
              <dt className="text-xs text-emerald-900">Imported with a note</dt>
              <dd className="text-xl font-bold tabular-nums" data-testid="noted-count">
                {job.notedRows.toLocaleString("en")}
              </dd>
            </div>
            <div className="rounded-md bg-stone-100 p-3">
              <dt className="text-xs">Duplicates (not imported)</dt>
              <dd className="text-xl font-bold tabular-nums" data-testid="duplicate-count">
                {job.duplicateRows.toLocaleString("en")}
              </dd>
            </div>
            <div className="rounded-md bg-amber-50 p-3">
              <dt className="text-xs text-amber-900">With problems</dt>
              <dd className="text-xl font-bold tabular-nums" data-testid="rejected-count">
                {job.rejectedRows.toLocaleString("en")}
              </dd>
            </div>
          </dl>
          {job.hasRejects ? (
            <a href={`/b/${brand.slug}/imports/${job.id}/rejected.csv`} className="inline-block text-sm text-violet-700 underline" download>
              Download the rows with problems, duplicates and notes (CSV, with the reason for each; kept for {REJECTS_KEEP_DAYS} days)
            </a>
          ) : null}
          {job.status === "done" ? (
            <Link to={`/b/${brand.slug}/ambassadors?sort=recent`} className="ml-4 inline-block text-sm text-violet-700 underline">See the imported fans</Link>
          ) : null}
        </section>
      )}
    </DetailPage>
  );
}
