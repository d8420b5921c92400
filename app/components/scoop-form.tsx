import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useState } from "react";
import { PUBLISH_MODES, ScoopSchema } from "#app/models/scoops/rules";
import { Alert } from "./alert";
import { AudiencePicker } from "./audience-picker";
import { ErrorList, Field, SubmitButton, TextareaField } from "./forms";

type Defaults = {
  title: string;
  body: string;
  guidance: string;
  links: string;
  publishMode: "draft" | "now" | "later";
  publishAt: string;
  embargo: boolean;
  embargoUntil: string;
  audienceKind: string;
  audienceValues: string[];
};
type Upload = { id: string; fileName: string; kind: string };

export function ScoopForm({
  defaults,
  lastResult,
  uploadError,
  uploads = [],
  choices,
  brand,
  submitLabel,
}: {
  defaults: Defaults;
  lastResult?: SubmissionResult<string[]> | null;
  uploadError?: string | null;
  uploads?: Upload[];
  choices: { tags: string[]; cities: string[] };
  brand: { timeZone: string; disclosureText: string };
  submitLabel: string;
}) {
  const [form, fields] = useForm({
    id: "scoop",
    lastResult,
    defaultValue: { ...defaults, audienceValues: undefined, embargo: defaults.embargo ? "on" : undefined },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ScoopSchema }),
  });
  const [mode, setMode] = useState(defaults.publishMode);
  const [embargo, setEmbargo] = useState(defaults.embargo);
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="max-w-3xl space-y-6">
      <input type="hidden" name="intent" value="save" />
      {uploadError ? <Alert>{uploadError}</Alert> : null}
      <Field label="Title" {...getInputProps(fields.title, { type: "text" })} errors={fields.title.errors} />
      <TextareaField label="The scoop" hint="Markdown: **bold**, *italic*, lists, [links](https://…). HTML is not shown." rows={10} {...getTextareaProps(fields.body)} errors={fields.body.errors} />
      <TextareaField label="What you can say" hint="Guidance for fans: what they may mention once it is public, and what stays private." rows={4} {...getTextareaProps(fields.guidance)} errors={fields.guidance.errors} />
      <p className="rounded-md bg-stone-100 p-3 text-sm text-stone-700">
        Fans also see your disclosure reminder: {brand.disclosureText ? <strong>“{brand.disclosureText}”</strong> : <em>none set yet (Settings)</em>}
      </p>
      <TextareaField label="Links (optional)" hint="One per line: a label and the address, e.g. “Press kit https://…”" rows={3} {...getTextareaProps(fields.links)} errors={fields.links.errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Add images" hint="PNG, JPEG, GIF or WebP, up to 5 MB each" name="images" type="file" multiple accept="image/png,image/jpeg,image/gif,image/webp" errors={form.allErrors.images} />
        <Field label="Add downloadable assets" hint="PDF, ZIP, images or MP4/MOV, up to 25 MB each" name="assets" type="file" multiple errors={form.allErrors.assets} />
      </div>
      {uploads.length ? (
        <fieldset className="text-sm">
          <legend className="font-medium">Attached files (tick to remove)</legend>
          <ul className="mt-1 space-y-1">
            {uploads.map((u) => (
              <li key={u.id}>
                <label className="flex items-center gap-2">
                  <input type="checkbox" name="removeUploads" value={u.id} className="h-4 w-4" />
                  {u.fileName} <span className="text-stone-500">({u.kind === "image" ? "image" : "download"})</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <AudiencePicker kind={defaults.audienceKind} values={defaults.audienceValues} choices={choices} errors={fields.audienceValues.errors} kindErrors={fields.audienceKind.errors} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-stone-800">When fans see it</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
          {Object.entries(PUBLISH_MODES).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name={fields.publishMode.name} value={value} checked={mode === value} onChange={() => setMode(value as Defaults["publishMode"])} className="h-4 w-4" />
              {label}
            </label>
          ))}
        </div>
        <ErrorList errors={fields.publishMode.errors} />
        {mode === "later" ? (
          <Field className="max-w-xs" label={`Publish at (${brand.timeZone} time)`} {...getInputProps(fields.publishAt, { type: "datetime-local" })} errors={fields.publishAt.errors} />
        ) : null}
      </fieldset>
      <fieldset className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
        <legend className="px-1 text-sm font-medium text-amber-900">Embargo</legend>
        <label className="flex items-center gap-2 text-sm">
          <input {...getInputProps(fields.embargo, { type: "checkbox" })} onChange={(e) => setEmbargo(e.currentTarget.checked)} className="h-4 w-4" />
          Nothing may be shared publicly until a set time (fans must promise confidentiality before reading)
        </label>
        {embargo ? (
          <Field className="max-w-xs" label={`Embargo lifts at (${brand.timeZone} time)`} {...getInputProps(fields.embargoUntil, { type: "datetime-local" })} errors={fields.embargoUntil.errors} />
        ) : null}
      </fieldset>
      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </Form>
  );
}
