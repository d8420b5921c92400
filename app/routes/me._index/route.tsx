import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { fanScope } from "#app/models/scope";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, SubmitButton } from "#app/components/forms";
import { SocialAccountsFields } from "#app/components/social-accounts";
import { ProfileSchema } from "#app/models/profile";
import { getFanProfile, updateFanProfile } from "#app/models/profile.server";
import { requireUser } from "#app/utils/auth.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Your profile · Kindred" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { profile: await getFanProfile(fanScope(user)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await readForm(request), { schema: ProfileSchema });
  // Without JavaScript, "add" and "remove" buttons post here too: those are not errors.
  if (submission.status !== "success") return data(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  await updateFanProfile(fanScope(user), submission.value);
  return redirectWithToast("/me", { kind: "success", message: "Your profile is saved." });
}

type ProfileForm = { name: string; city: string; interests: string; accounts: { platform: string; handle: string; followers: string | number }[] };

export default function FanProfile() {
  const { profile } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<ProfileForm, ProfileForm>({
    id: "profile",
    lastResult,
    defaultValue: {
      name: profile.name,
      city: profile.city,
      interests: profile.interests,
      accounts: profile.accounts.length ? profile.accounts.map((a) => ({ ...a, followers: String(a.followers) })) : [{ platform: "instagram", handle: "", followers: "" }],
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }) as never,
  });
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-8">
      <div>
        <h1 className="text-2xl font-bold">Your profile</h1>
        <p className="mt-1 text-sm text-stone-600">
          Shared with the brands whose programs you belong to ({profile.email}). Follower counts help them invite you to the right things; they never decide whether you are welcome.
        </p>
      </div>
      <Form method="post" {...getFormProps(form)} className="space-y-6 rounded-xl border border-stone-200 bg-white p-6">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Name" {...getInputProps(fields.name, { type: "text" })} autoComplete="name" errors={fields.name.errors} />
          <Field label="City" {...getInputProps(fields.city, { type: "text" })} autoComplete="address-level2" errors={fields.city.errors} />
          <Field className="sm:col-span-2" label="Interests" hint="e.g. sourdough, vegan baking, photography" {...getInputProps(fields.interests, { type: "text" })} errors={fields.interests.errors} />
        </div>
        <SocialAccountsFields form={form} field={fields.accounts} legend="Social accounts" />
        <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
      </Form>
    </div>
  );
}
