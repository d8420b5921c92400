import {
  getFormProps,
  getInputProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { StaffDetailsSchema } from "#app/models/profile";
import { Field, SubmitButton } from "./forms";
import { SocialAccountsFields, type AccountRow } from "./social-accounts";

type DetailsForm = {
  name: string;
  city: string;
  region: string;
  accounts: AccountRow[];
};
type Ambassador = {
  name: string;
  city: string;
  region: string;
  socialAccounts: { platform: string; handle: string; followers: number }[];
};

/** Staff correct an ambassador's name, city, region, accounts and follower counts; opens by itself after a refusal. */
export function StaffDetailsForm({
  ambassador: a,
  lastResult,
}: {
  ambassador: Ambassador;
  lastResult?: SubmissionResult<string[]>;
}) {
  const [form, fields] = useForm<DetailsForm, DetailsForm>({
    id: "staff-details",
    lastResult,
    defaultValue: {
      name: a.name,
      city: a.city,
      region: a.region,
      accounts: a.socialAccounts.length
        ? a.socialAccounts.map((s) => ({
            platform: s.platform,
            handle: s.handle,
            followers: String(s.followers),
          }))
        : [{ platform: "instagram", handle: "", followers: "" }],
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: StaffDetailsSchema }) as never,
  });
  return (
    <details
      className="rounded-lg border border-stone-200 bg-white p-4"
      open={lastResult?.status === "error" || undefined}
    >
      <summary className="cursor-pointer font-semibold">Edit details</summary>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-4">
        <input type="hidden" name="intent" value="details" />
        <div className="grid gap-3 sm:grid-cols-3">
          <Field
            label="Name"
            {...getInputProps(fields.name, { type: "text" })}
            errors={fields.name.errors}
          />
          <Field
            label="City"
            {...getInputProps(fields.city, { type: "text" })}
            errors={fields.city.errors}
          />
          <Field
            label="Region / province"
            {...getInputProps(fields.region, { type: "text" })}
            errors={fields.region.errors}
          />
        </div>
        <SocialAccountsFields
          form={form}
          field={fields.accounts}
          legend="Social accounts and followers"
        />
        <SubmitButton pendingText="Saving…">Save details</SubmitButton>
      </Form>
    </details>
  );
}
