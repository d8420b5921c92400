import { getFieldsetProps, getInputProps, getSelectProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { QUESTION_TYPES } from "#app/models/application";
import { ErrorList, Field, SelectField, buttonClass, fieldList } from "./forms";

export type QuestionRow = { id?: string; label: string; type: string; options: string; required?: string; lifeMoment?: string };

/**
 * The list of a brand's own questions in a form (application page, event RSVPs): label, type, choices,
 * required, optionally "life-moment", with add and remove buttons.
 */
export function QuestionEditor({ form, field, withLifeMoment = false }: { form: FormMetadata<any, string[]>; field: FieldMetadata<QuestionRow[] | undefined, any, string[]>; withLifeMoment?: boolean }) {
  const questions = fieldList(field);
  return (
    <>
      {questions.map((question, index) => {
        const q = question.getFieldset();
        return (
          <fieldset key={question.key} {...getFieldsetProps(question)} className="space-y-3 rounded-md border border-stone-200 bg-white p-3">
            <legend className="sr-only">Question {index + 1}</legend>
            <input {...getInputProps(q.id, { type: "hidden" })} />
            <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
              <Field label={`Question ${index + 1}`} {...getInputProps(q.label, { type: "text" })} errors={q.label.errors} />
              <SelectField label="Type" {...getSelectProps(q.type)} errors={q.type.errors}>
                {Object.entries(QUESTION_TYPES).map(([v, text]) => (
                  <option key={v} value={v}>
                    {text}
                  </option>
                ))}
              </SelectField>
            </div>
            <Field label="Choices (for one or several choices; comma-separated)" {...getInputProps(q.options, { type: "text" })} errors={q.options.errors} />
            <div className="flex flex-wrap items-center gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input {...getInputProps(q.required, { type: "checkbox" })} className="h-4 w-4" /> Required
              </label>
              {withLifeMoment ? (
                <label className="flex items-center gap-2">
                  <input {...getInputProps(q.lifeMoment, { type: "checkbox" })} className="h-4 w-4" /> Life-moment question
                </label>
              ) : null}
              <button {...form.remove.getButtonProps({ name: field.name, index })} className={buttonClass("link", "ml-auto")}>Remove question</button>
            </div>
          </fieldset>
        );
      })}
      <ErrorList errors={field.errors} />
      <button {...form.insert.getButtonProps({ name: field.name, defaultValue: { label: "", type: "short", options: "" } })} className={buttonClass("secondary")}>
        + Add a question
      </button>
    </>
  );
}
