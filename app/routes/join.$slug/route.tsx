import { getFormProps, getInputProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert } from "#app/components/alert";
import { Field, Honeypot, replyFor, SubmitButton, TextareaField } from "#app/components/forms";
import { QuestionField } from "#app/components/question-field";
import { SocialAccountsFields } from "#app/components/social-accounts";
import { BrandWelcome, ConsentFields, ProgramPromise } from "#app/components/join-form";
import { applicationSchema, type ApplicationInput } from "#app/models/application";
import { programToApply, submitApplication } from "#app/models/applications.server";
import { getUser } from "#app/utils/auth.server";
import { clientIp } from "#app/utils/http.server";
import { rejected, runIntent } from "#app/utils/forms.server";
import { readForm } from "#app/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Apply to ${data.brand.name}'s ambassador program` : "Apply · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, questions } = await programToApply(params.slug ?? "");
  const user = await getUser(request);
  const { applicationQuestions: _q, autoMinFollowers: _m, autoCities: _c, reapplyAfterDays: _r, id: _id, ...publicBrand } = brand;
  return { brand: publicBrand, questions, user: user ? { email: user.email, name: user.name } : null };
}

type Ctx = Awaited<ReturnType<typeof programToApply>> & { request: Request; form: FormData };

export async function action({ request, params }: ActionFunctionArgs) {
  const program = await programToApply(params.slug ?? "");
  if (!program.brand.applicationsOpen) throw new Response("Applications are closed", { status: 403 });
  const ctx: Ctx = { ...program, request, form: await readForm(request) };
  return runIntent(ctx.form, ctx, { apply: applyAction });
}

async function applyAction({ brand, questions, request, form }: Ctx) {
  const done = `/join/${brand.slug}?submitted=1`;
  if (form.get("website")) return redirect(done); // honeypot: a bot
  const user = await getUser(request);
  const submission = parseWithZod(form, { schema: applicationSchema(questions, !user, brand.requireEmailOptIn) });
  // Without JavaScript, the social accounts' "add" and "remove" buttons post here too: those are not errors.
  if (submission.status !== "success") return rejected("apply", submission, undefined, submission.status === "error" ? 400 : 200);
  const result = await submitApplication({ brand, user, input: submission.value as ApplicationInput, questions, ip: clientIp(request) });
  if (!result.ok) return rejected("apply", submission, result.field ? { fieldErrors: { [result.field]: [result.error] } } : { formErrors: [result.error] });
  return redirect(done);
}

type ApplyForm = {
  name: string;
  email?: string;
  city: string;
  interests: string;
  whyLove: string;
  accounts: { platform: string; handle: string; followers: string | number }[];
  acceptTerms?: string;
  emailOptIn?: string;
  [question: `q_${string}`]: string | string[] | undefined;
};

export default function Apply() {
  const { brand, questions, user } = useLoaderData<typeof loader>();
  const lastResult = replyFor(useActionData<typeof action>(), "apply");
  const [params] = useSearchParams();
  const schema = applicationSchema(questions, !user, brand.requireEmailOptIn);
  const [form, fields] = useForm<ApplyForm, ApplyForm>({
    id: "apply",
    lastResult,
    defaultValue: { name: user?.name ?? "", accounts: [{ platform: "instagram", handle: "", followers: "" }] },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }) as never,
  });
  if (params.get("submitted")) {
    return (
      <div className="mx-auto max-w-lg space-y-6 px-4 py-8">
        <BrandWelcome brand={brand}>
          <h1 className="text-xl font-bold">Thank you for applying!</h1>
          <p>The {brand.name} team reads every application and will answer by email. Nothing else is needed from you.</p>
        </BrandWelcome>
      </div>
    );
  }
  if (!brand.applicationsOpen) {
    return (
      <div className="mx-auto max-w-lg space-y-6 px-4 py-8">
        <BrandWelcome brand={brand}>
          <p className="font-medium">{brand.name} is not taking applications right now. Please check back later.</p>
        </BrandWelcome>
      </div>
    );
  }
  const lifeMoments = questions.filter((q) => q.lifeMoment);
  const brandQuestions = questions.filter((q) => !q.lifeMoment);
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-8">
      <h1 className="text-2xl font-bold">Apply to {brand.name}'s ambassador program</h1>
      <BrandWelcome brand={brand}>
        <ProgramPromise />
      </BrandWelcome>
      <Form method="post" {...getFormProps(form)} className="relative space-y-6 rounded-xl border border-stone-200 bg-white p-6">
        <input type="hidden" name="intent" value="apply" />
        <Honeypot />
        {form.errors?.length ? <Alert>{form.errors.join(" ")}</Alert> : null}
        <fieldset className="space-y-4">
          <legend className="font-semibold">About you</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Your name" {...getInputProps(fields.name, { type: "text" })} autoComplete="name" errors={fields.name.errors} />
            {user ? (
              <p className="text-sm text-stone-600 sm:pt-7">Applying as {user.email}</p>
            ) : (
              <Field label="Email address" {...getInputProps(fields.email, { type: "email" })} autoComplete="email" errors={fields.email.errors} />
            )}
            <Field label="City" {...getInputProps(fields.city, { type: "text" })} autoComplete="address-level2" errors={fields.city.errors} />
            <Field label="Interests (optional)" hint="e.g. sourdough, vegan baking, photography" {...getInputProps(fields.interests, { type: "text" })} errors={fields.interests.errors} />
          </div>
          <TextareaField label={`What do you love about ${brand.name}?`} {...getTextareaProps(fields.whyLove)} errors={fields.whyLove.errors} />
        </fieldset>

        <SocialAccountsFields form={form} field={fields.accounts} legend="Your social accounts (optional)">
          <p className="text-sm text-stone-600">Any size is welcome — most of our ambassadors have a few hundred followers.</p>
        </SocialAccountsFields>

        {brandQuestions.length ? (
          <fieldset className="space-y-4">
            <legend className="font-semibold">A few questions from {brand.name}</legend>
            {brandQuestions.map((q) => (
              <QuestionField key={q.id} q={q} field={fields[`q_${q.id}`] as FieldMetadata<string | string[] | undefined, ApplyForm>} />
            ))}
          </fieldset>
        ) : null}

        {lifeMoments.length ? (
          <fieldset className="space-y-4">
            <legend className="font-semibold">Life moments (optional)</legend>
            <p className="text-sm text-stone-600">Only if you'd like to share: it helps {brand.name} offer you things that fit your life right now.</p>
            {lifeMoments.map((q) => (
              <QuestionField key={q.id} q={q} field={fields[`q_${q.id}`] as FieldMetadata<string | string[] | undefined, ApplyForm>} />
            ))}
          </fieldset>
        ) : null}

        <ConsentFields brand={brand} acceptTerms={fields.acceptTerms} emailOptIn={fields.emailOptIn} emailText={`If I'm accepted, email me scoops, event invitations and product offers from ${brand.name}.${brand.requireEmailOptIn ? " (Required for this program.)" : ""}`} />
        <SubmitButton className="w-full" pendingText="Sending…">Send my application</SubmitButton>
      </Form>
    </div>
  );
}
