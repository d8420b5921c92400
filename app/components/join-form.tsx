import { getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { JoinSchema } from "#app/models/join";
import { ErrorList, Field, SubmitButton } from "./forms";

type Brand = { name: string; color: string; logoUrl: string | null; description: string; guidelines: string; termsText: string; termsVersion: number; disclosureText: string };

/** The brand's card at the top of the public joining pages. */
export function BrandWelcome({ brand, children }: { brand: Pick<Brand, "name" | "color" | "logoUrl" | "description">; children?: React.ReactNode }) {
  return (
    <div className="overflow-hidden rounded-xl border border-stone-200 bg-white">
      <div className="flex items-center gap-3 px-6 py-5 text-white" style={{ backgroundColor: brand.color }}>
        {brand.logoUrl ? <img src={brand.logoUrl} alt="" className="h-10 w-10 rounded bg-white object-contain" /> : null}
        <p className="text-xl font-semibold">{brand.name}</p>
      </div>
      <div className="space-y-3 px-6 py-5">
        {brand.description ? <p className="text-stone-700">{brand.description}</p> : null}
        {children}
      </div>
    </div>
  );
}

/** What every fan is promised before joining. */
export function ProgramPromise() {
  return (
    <p className="text-sm text-stone-600">
      Ambassadors get early looks, exclusive scoops, product to try and events. It's unpaid and there's no obligation to post — ever.
    </p>
  );
}

/** Name, city and the two consents (program terms, emails), with the brand's guidelines and terms to read. */
export function JoinForm({ brand, lastResult, defaultValue, submitLabel }: { brand: Brand; lastResult?: SubmissionResult<string[]> | null; defaultValue: { name?: string; city?: string }; submitLabel: string }) {
  const [form, fields] = useForm({
    id: "join",
    lastResult,
    // Neither consent is pre-ticked: the fan chooses.
    defaultValue: { ...defaultValue, acceptTerms: undefined as string | undefined, emailOptIn: undefined as string | undefined },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: JoinSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="intent" value="join" />
      <Field label="Your name" {...getInputProps(fields.name, { type: "text" })} autoComplete="name" errors={fields.name.errors} />
      <Field label="City (optional)" hint="Helps the brand invite you to events near you." {...getInputProps(fields.city, { type: "text" })} autoComplete="address-level2" errors={fields.city.errors} />
      <ConsentFields brand={brand} acceptTerms={fields.acceptTerms} emailOptIn={fields.emailOptIn} emailText={`Email me scoops, event invitations and product offers from ${brand.name}. You can change this any time.`} />
      <SubmitButton className="w-full" pendingText="Joining…">{submitLabel}</SubmitButton>
    </Form>
  );
}

type ConsentBrand = Pick<Brand, "name" | "guidelines" | "termsText" | "termsVersion" | "disclosureText">;

/** The program terms to read, their acceptance (required) and the email choice (optional); neither is pre-ticked. */
export function ConsentFields({ brand, acceptTerms, emailOptIn, emailText }: { brand: ConsentBrand; acceptTerms: FieldMetadata<any>; emailOptIn: FieldMetadata<any>; emailText: string }) {
  const terms = brand.termsText || brand.guidelines;
  return (
    <>
      {terms ? (
        <details className="rounded-md border border-stone-200 bg-stone-50 p-3 text-sm">
          <summary className="cursor-pointer font-medium">Read the program terms (version {brand.termsVersion})</summary>
          <p className="mt-2 whitespace-pre-line text-stone-700">{terms}</p>
          {brand.disclosureText ? (
            <p className="mt-2 text-stone-700" data-testid="terms-disclosure">
              The disclosure to start a caption with, when you post about something you received: <strong>“{brand.disclosureText}”</strong>
            </p>
          ) : null}
        </details>
      ) : null}
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input {...getInputProps(acceptTerms, { type: "checkbox" })} className="mt-1 h-4 w-4" />
          <span>I accept {brand.name}'s program terms. I understand the program is unpaid and I never have to post anything.</span>
        </label>
        <ErrorList id={acceptTerms.errorId} errors={acceptTerms.errors} />
      </div>
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input {...getInputProps(emailOptIn, { type: "checkbox" })} className="mt-1 h-4 w-4" />
          <span>{emailText}</span>
        </label>
        <ErrorList id={emailOptIn.errorId} errors={emailOptIn.errors} />
      </div>
    </>
  );
}
