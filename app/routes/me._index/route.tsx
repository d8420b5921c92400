import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { fanScope } from "#app/models/scope";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, replyFor, SubmitButton } from "#app/components/forms";
import { SocialAccountsFields } from "#app/components/social-accounts";
import { ProfileSchema } from "#app/models/profile";
import { getFanProfile, updateFanProfile } from "#app/models/profile.server";
import { requireUser, type SessionUser } from "#app/utils/auth.server";
import { rejected, runIntent } from "#app/utils/forms.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Your profile · Kindred" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { profile: await getFanProfile(fanScope(user)) };
}

type Ctx = { user: SessionUser; form: FormData };

export async function action({ request }: ActionFunctionArgs) {
  const ctx: Ctx = { user: await requireUser(request), form: await readForm(request) };
  return runIntent(ctx.form, ctx, { save: saveAction });
}

async function saveAction({ user, form }: Ctx) {
  const submission = parseWithZod(form, { schema: ProfileSchema });
  // Without JavaScript, "add" and "remove" buttons post here too: those are not errors.
  if (submission.status !== "success") return rejected("save", submission, undefined, submission.status === "error" ? 400 : 200);
  await updateFanProfile(fanScope(user), submission.value);
  return redirectWithToast("/me", { kind: "success", message: "Your profile is saved." });
}

type ProfileForm = { name: string; city: string; interests: string; accounts: { platform: string; handle: string; followers: string | number }[] };

export default function FanProfile() {
  const { profile } = useLoaderData<typeof loader>();
  const lastResult = replyFor(useActionData<typeof action>(), "save");
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
        <input type="hidden" name="intent" value="save" />
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
