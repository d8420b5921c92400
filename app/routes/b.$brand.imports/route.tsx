import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, SubmitButton } from "#app/components/forms";
import { MAX_UPLOAD_BYTES, createImport, recentImports, uploadDir } from "#app/models/csv-import.server";
import { discardFiles, parseMultipart, type PendingFile } from "#app/utils/request-body.server";
import { runIntent } from "#app/utils/forms.server";
import { requireBrandMember, type BrandContext } from "#app/utils/permissions.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { LocalTime } from "#app/components/local-time";
import { Section } from "#app/components/section";

export const meta: MetaFunction = () => [{ title: "Import fans · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "manager");
  return { brand, imports: await recentImports(scope) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireBrandMember(request, params.brand, "manager");
  const parsed = await parseMultipart(request, ["file"], { maxFileBytes: MAX_UPLOAD_BYTES, directory: uploadDir(), extension: ".csv" });
  if (!parsed.ok) return data({ error: `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Split it into smaller files.` }, { status: 400 });
  const ctx: Ctx = { ...staff, files: parsed.files };
  // Not runUploadIntent: the CSV is kept where it was uploaded (the import reads it later), so it is removed only
  // when the action fails.
  try {
    return await runIntent(parsed.formData, ctx, { upload: uploadAction });
  } catch (error) {
    await discardFiles(parsed.files);
    throw error;
  }
}

type Ctx = BrandContext & { files: PendingFile[] };

/** A CSV to import: kept aside until the columns are checked on the next page. */
async function uploadAction({ brand, scope, files }: Ctx) {
  const [upload, ...extra] = files;
  await discardFiles(extra);
  if (!upload) return data({ error: "Choose a CSV file to upload." }, { status: 400 });
  const file = upload.file;
  const originalName = upload.originalName;
  if (!/\.(csv|txt|tsv)$/i.test(originalName)) {
    await file.remove();
    return data({ error: "Upload a .csv file (export it from your spreadsheet, shop or newsletter tool)." }, { status: 400 });
  }
  const result = await createImport(scope, { fileName: originalName, filePath: file.getFilePath() });
  if (!result.ok) return data({ error: result.error }, { status: 400 });
  return redirectWithToast(`/b/${brand.slug}/imports/${result.id}`, { kind: "info", message: "File received. Check the columns, then start the import." });
}

const STATUS: Record<string, string> = { mapping: "Waiting for column choices", queued: "Queued", running: "Importing…", done: "Done", failed: "Failed" };

export default function Imports() {
  const { brand, imports } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Import fans from a CSV file</h1>
        <p className="mt-1 max-w-2xl text-sm text-stone-600">
          Customers, newsletter subscribers or followers you already have. You choose which column is which before anything is imported; addresses already in
          the program are skipped, and rows with problems are listed in a file you can download, fix and import again.
        </p>
      </div>
      <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <input type="hidden" name="intent" value="upload" />
        <Field className="min-w-64 flex-1" label="CSV file (comma, semicolon or tab separated; up to 100 MB)" name="file" type="file" accept=".csv,.tsv,.txt,text/csv" required errors={actionData?.error ? [actionData.error] : undefined} />
        <SubmitButton pendingText="Uploading…">Upload</SubmitButton>
      </Form>
      <Section title="Recent imports">
        {imports.length ? (
          <ul className="mt-3 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
            {imports.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
                <Link to={`/b/${brand.slug}/imports/${i.id}`} className="font-medium text-violet-800 underline">{i.fileName}</Link>
                <span className="text-stone-600">
                  {STATUS[i.status] ?? i.status} · {i.importedRows.toLocaleString("en")} imported, {i.duplicateRows.toLocaleString("en")} already there, {i.rejectedRows.toLocaleString("en")} with problems ·{" "}
                  <LocalTime value={i.createdAt} zone={brand.timeZone} />
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-stone-600">No imports yet.</p>
        )}
      </Section>
    </div>
  );
}
