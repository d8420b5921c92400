import { getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { Question } from "#app/models/application";
import { ErrorList, Field, TextareaField } from "./forms";

/** One of a brand's own questions (application page, event RSVP), as the right kind of control. */
export function QuestionField({ q, field }: { q: Question; field: FieldMetadata<any> }) {
  const label = `${q.label}${q.required && !q.lifeMoment ? "" : " (optional)"}`;
  if (q.type === "long") return <TextareaField label={label} {...getTextareaProps(field)} errors={field.errors} />;
  if (q.type === "short") return <Field label={label} {...getInputProps(field, { type: "text" })} errors={field.errors} />;
  return (
    <fieldset>
      <legend className="text-sm font-medium text-stone-800">{label}</legend>
      <div className="mt-1 space-y-1">
        {q.options.map((o) => (
          <label key={o} className="flex items-center gap-2 text-sm">
            <input type={q.type === "single" ? "radio" : "checkbox"} name={field.name} value={o} defaultChecked={[field.initialValue].flat().includes(o)} className="h-4 w-4" />
            {o}
          </label>
        ))}
      </div>
      <ErrorList id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}

