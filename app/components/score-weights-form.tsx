import { getInputProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { SCORE_FORMULA, SCORE_PARTS, ScoreWeightsSchema, type ScorePart, type ScoreWeights } from "#app/models/qualification/score";
import { ErrorList, Field, SubmitButton, useIntentForm } from "./forms";

/** The brand's relationship score weights (program settings): one number per signal, the formula beside them. */
export function ScoreWeightsForm({ weights, actionData }: { weights: ScoreWeights; actionData: unknown }) {
  const { form, fields, formProps } = useIntentForm("score", ScoreWeightsSchema, actionData, { defaultValue: Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, String(v)])) });
  return (
    <Form method="post" {...formProps} className="mt-10 space-y-3">
      <input type="hidden" name="intent" value="score" />
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">Relationship score</legend>
        <p className="text-sm text-stone-600">
          Each ambassador's fit panel sums up the signals in one number, with these weights (0–100 each): {SCORE_FORMULA}. The signals themselves always show beside it.
        </p>
        <ErrorList id={form.errorId} errors={form.errors} />
        <div className="grid gap-3 sm:grid-cols-2">
          {(Object.keys(SCORE_PARTS) as ScorePart[]).map((k) => (
            <Field label={SCORE_PARTS[k]} {...getInputProps(fields[k], { type: "number" })} key={k} min={0} max={100} errors={fields[k].errors} />
          ))}
        </div>
      </fieldset>
      <SubmitButton pendingText="Saving…">Save weights</SubmitButton>
    </Form>
  );
}
