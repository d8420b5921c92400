import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, replyFor, SubmitButton, TextareaField } from "#app/components/forms";
import { QuestionEditor, type QuestionRow } from "#app/components/question-editor";
import { ProgramSettingsSchema } from "#app/models/program-settings";
import { getProgramSettings, saveProgramSettings } from "#app/models/program-settings.server";
import { requireBrandMember, type BrandContext } from "#app/utils/permissions.server";
import { rejected, runIntent } from "#app/utils/forms.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";
import { ScoreWeightsForm } from "#app/components/score-weights-form";
import { ScoreWeightsSchema } from "#app/models/qualification/score";
import { saveScoreWeights, scoreWeights } from "#app/models/qualification/fit.server";

export const meta: MetaFunction = () => [{ title: "Program settings · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "manager");
  const [settings, weights] = await Promise.all([getProgramSettings(scope), scoreWeights(scope)]);
  return { brand, settings, weights };
}

type Ctx = BrandContext & { form: FormData };

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx: Ctx = { ...(await requireBrandMember(request, params.brand, "manager")), form: await readForm(request) };
  return runIntent(ctx.form, ctx, { save: saveAction, score: scoreAction });
}

async function scoreAction({ brand, scope, form }: Ctx) {
  const submission = parseWithZod(form, { schema: ScoreWeightsSchema });
  if (submission.status !== "success") return rejected("score", submission);
  await saveScoreWeights(scope, submission.value);
  return redirectWithToast(`/b/${brand.slug}/program`, { kind: "success", message: "Score weights saved." });
}

async function saveAction({ brand, scope, form }: Ctx) {
  const submission = parseWithZod(form, { schema: ProgramSettingsSchema });
  // Without JavaScript, the question list's "add" and "remove" buttons post here too: those are not errors.
  if (submission.status !== "success") return rejected("save", submission, undefined, submission.status === "error" ? 400 : 200);
  await saveProgramSettings(scope, submission.value);
  return redirectWithToast(`/b/${brand.slug}/program`, { kind: "success", message: "Program settings saved." });
}

type ProgramForm = {
  applicationsOpen?: string;
  reapplyAfterDays: string | number;
  autoMinFollowers?: string | number;
  autoCities: string;
  requireEmailOptIn?: string;
  quietAfterDays: string | number;
  termsText: string;
  questions: QuestionRow[];
};

export default function ProgramSettings() {
  const { brand, settings, weights } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastResult = replyFor(actionData, "save");
  const [form, fields] = useForm<ProgramForm, ProgramForm>({
    id: "program",
    lastResult,
    defaultValue: {
      applicationsOpen: settings.applicationsOpen ? "on" : undefined,
      reapplyAfterDays: settings.reapplyAfterDays,
      autoMinFollowers: settings.autoMinFollowers ?? "",
      autoCities: settings.autoCities,
      requireEmailOptIn: settings.requireEmailOptIn ? "on" : undefined,
      quietAfterDays: settings.quietAfterDays,
      termsText: settings.termsText,
      questions: settings.questions.map((q) => ({
        id: q.id,
        label: q.label,
        type: q.type,
        options: q.options.join(", "),
        required: q.required ? "on" : undefined,
        lifeMoment: q.lifeMoment ? "on" : undefined,
      })),
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProgramSettingsSchema }) as never,
  });
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold">Program settings</h1>
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-8">
        <input type="hidden" name="intent" value="save" />
        <fieldset className="space-y-4">
          <legend className="text-lg font-semibold">Application page</legend>
          <label className="flex items-center gap-2 text-sm">
            <input {...getInputProps(fields.applicationsOpen, { type: "checkbox" })} className="h-4 w-4" />
            Accept applications at /join/{brand.slug}
          </label>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Days before a declined fan may apply again" {...getInputProps(fields.reapplyAfterDays, { type: "number" })} min={0} errors={fields.reapplyAfterDays.errors} />
            <Field label="Days without a touch before “gone quiet”" {...getInputProps(fields.quietAfterDays, { type: "number" })} min={7} errors={fields.quietAfterDays.errors} />
          </div>
        </fieldset>

        <fieldset className="space-y-4">
          <legend className="text-lg font-semibold">Auto-rules</legend>
          <p className="text-sm text-stone-600">Applications that miss a rule are declined at once, with the usual friendly email. Leave empty to review everything yourself.</p>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Minimum followers on at least one account" {...getInputProps(fields.autoMinFollowers, { type: "number" })} min={1} errors={fields.autoMinFollowers.errors} />
            <Field label="Only these cities (comma-separated)" placeholder="Toronto, Mississauga" {...getInputProps(fields.autoCities, { type: "text" })} errors={fields.autoCities.errors} />
          </div>
          <label className="flex items-start gap-2 text-sm">
            <input {...getInputProps(fields.requireEmailOptIn, { type: "checkbox" })} className="mt-1 h-4 w-4" />
            <span>Applicants must agree to program emails (scoops and invitations arrive by email). The form tells them before they send it.</span>
          </label>
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="text-lg font-semibold">Your questions</legend>
          <p className="text-sm text-stone-600">
            Asked on the application page after “what do you love about {brand.name}”. Life-moment questions (“moving house in the next 6 months?”) are always optional.
          </p>
          <QuestionEditor form={form} field={fields.questions} withLifeMoment />
        </fieldset>

        <fieldset className="space-y-2">
          <legend className="text-lg font-semibold">Program terms (version {settings.termsVersion})</legend>
          <TextareaField
            label="Terms fans accept when they join"
            hint="Changing the text creates a new version; each fan's acceptance records the version they saw."
            rows={8}
            {...getTextareaProps(fields.termsText)}
            errors={fields.termsText.errors}
          />
        </fieldset>

        <SubmitButton pendingText="Saving…">Save program settings</SubmitButton>
      </Form>
      <ScoreWeightsForm weights={weights} actionData={actionData} />
    </div>
  );
}
