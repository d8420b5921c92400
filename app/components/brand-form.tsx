import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { BrandSchema, TIME_ZONES, slugify, type BrandInput } from "#app/models/brand";
import { Field, SelectField, SubmitButton, TextareaField } from "./forms";

type Props = {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Partial<Record<keyof BrandInput, string | number | null>>;
  submitLabel: string;
  /** On a new brand: fill the address from the name and the zone from the browser. */
  isNew?: boolean;
};

export function BrandForm({ lastResult, defaultValue, submitLabel, isNew = false }: Props) {
  const [form, fields] = useForm({
    id: "brand",
    lastResult,
    defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BrandSchema }),
  });
  const slugRef = useRef<HTMLInputElement>(null);
  const slugTouched = useRef(!isNew);
  const zoneRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (!isNew || !zoneRef.current || defaultValue?.timeZone) return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (TIME_ZONES.includes(zone)) zoneRef.current.value = zone;
  }, [isNew, defaultValue?.timeZone]);

  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      <input type="hidden" name="intent" value={isNew ? "create" : "save"} />
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Identity</legend>
        <Field
          label="Brand name"
          {...getInputProps(fields.name, { type: "text" })}
          errors={fields.name.errors}
          autoComplete="organization"
          onInput={(e) => {
            if (!slugTouched.current && slugRef.current) slugRef.current.value = slugify(e.currentTarget.value);
          }}
        />
        <Field
          ref={slugRef}
          label="Web address"
          hint="Used in links, e.g. /join/juniper-bakery. Lower-case letters, digits and hyphens."
          {...getInputProps(fields.slug, { type: "text" })}
          errors={fields.slug.errors}
          onInput={() => (slugTouched.current = true)}
        />
        <TextareaField label="Description" hint="Shown to fans on your application page." {...getTextareaProps(fields.description)} errors={fields.description.errors} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Brand colour" {...getInputProps(fields.color, { type: "color" })} errors={fields.color.errors} />
          <Field label="Logo URL (optional)" placeholder="https://…" {...getInputProps(fields.logoUrl, { type: "url" })} errors={fields.logoUrl.errors} />
        </div>
        <SelectField ref={zoneRef} label="Time zone" hint="Times in the app and in emails are shown in this zone." {...getSelectProps(fields.timeZone)} errors={fields.timeZone.errors}>
          {TIME_ZONES.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll("_", " ")}
            </option>
          ))}
        </SelectField>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Program</legend>
        <TextareaField label="Program guidelines" hint="What you ask of ambassadors and what they can expect from you." rows={6} {...getTextareaProps(fields.guidelines)} errors={fields.guidelines.errors} />
        <Field
          label="Disclosure wording"
          hint='How ambassadors should disclose what they received, e.g. "Gifted by Juniper Bakery #gifted".'
          {...getInputProps(fields.disclosureText, { type: "text" })}
          errors={fields.disclosureText.errors}
        />
        <Field
          label="Allowed link domains"
          hint="Tracked links (/r/…) may only lead to these sites and their subdomains, e.g. juniperbakery.example."
          {...getInputProps(fields.allowedDomains, { type: "text" })}
          errors={fields.allowedDomains.errors}
        />
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-lg font-semibold">Tiers</legend>
        <p className="text-sm text-stone-600">An ambassador's tier comes from their largest follower count. Each number is where the tier starts.</p>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Micro from" {...getInputProps(fields.tierMicroMin, { type: "number" })} min={1} errors={fields.tierMicroMin.errors} />
          <Field label="Macro from" {...getInputProps(fields.tierMacroMin, { type: "number" })} min={1} errors={fields.tierMacroMin.errors} />
          <Field label="Mega from" {...getInputProps(fields.tierMegaMin, { type: "number" })} min={1} errors={fields.tierMegaMin.errors} />
        </div>
      </fieldset>

      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </Form>
  );
}
