import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { z } from "zod";
import { Form, useLoaderData } from "@remix-run/react";
import { SubmitButton } from "#app/components/forms";
import { BrandWelcome } from "#app/components/join-form";
import { describeLeaving, findOwnMembership, leaveProgram, setEmailPreferences } from "#app/models/fan-program.server";
import { EMAIL_KINDS, EMAIL_KIND_LIST, choicesOf, type EmailChoices, type EmailKind } from "#app/models/email-preferences";
import { fanScope } from "#app/models/scope";
import { hiddenFields, runIntent } from "#app/utils/forms.server";
import { perkLedger } from "#app/models/perks.server";
import { PerkLedger } from "#app/components/perk-ledger";
import { requireUser } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";
import { LocalTime } from "#app/components/local-time";
import { Section } from "#app/components/section";

export const meta: MetaFunction = () => [{ title: "Your program · Kindred" }];

const STATUS: Record<string, string> = {
  active: "You are an active ambassador.",
  paused: "Your membership is paused by the brand. Reach out to them if you have questions.",
  invited: "Your invitation is waiting: open the link in the invitation email to join.",
  applied: "Your application is being reviewed.",
  alumni: "You left this program. The brand can invite you again any time.",
};

const Checked = z.literal("on").optional().transform((v) => v === "on");
/** The email choices form: one checkbox per kind of program email. */
const PreferencesSchema = z.object(Object.fromEntries(EMAIL_KIND_LIST.map((k) => [k, Checked])) as Record<EmailKind, typeof Checked>);

async function ownProgram(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireUser(request);
  const scope = fanScope(user);
  const membership = await findOwnMembership(scope, params.slug ?? "");
  invariantResponse(membership, "Program not found");
  return { scope, membership };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, membership } = await ownProgram(request, params);
  return { membership, perks: await perkLedger(scope, membership.id) };
}

type Ctx = Awaited<ReturnType<typeof ownProgram>> & { form: FormData };

async function emailPreferenceAction({ scope, membership, form }: Ctx) {
  const choices: EmailChoices = hiddenFields(form, PreferencesSchema);
  await setEmailPreferences(scope, membership.id, choices);
  const any = EMAIL_KIND_LIST.some((k) => choices[k]);
  return redirectWithToast(`/me/programs/${membership.brand.slug}`, { kind: "success", message: any ? "Your email choices are saved." : "No more program emails — you can turn them back on here." });
}

async function leaveAction({ scope, membership }: Ctx) {
  const left = await leaveProgram(scope, membership.id);
  return redirectWithToast("/home", { kind: "info", message: `You left ${membership.brand.name}'s program.${describeLeaving(left)} Thank you for everything!` });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = { ...(await ownProgram(request, params)), form: await readForm(request) };
  return runIntent(ctx.form, ctx, { "email-preference": emailPreferenceAction, leave: leaveAction });
}

export default function FanProgram() {
  const { membership, perks } = useLoaderData<typeof loader>();
  const choices = choicesOf(membership);
  const { brand } = membership;
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-8">
      <BrandWelcome brand={brand}>
        <p className="font-medium">{STATUS[membership.status] ?? membership.status}</p>
        {membership.joinedAt ? <p className="text-sm text-stone-600">Member since <LocalTime value={membership.joinedAt} zone={brand.timeZone} />.</p> : null}
      </BrandWelcome>

      <PerkLedger perks={perks} zone={brand.timeZone} />
      {perks.length && brand.disclosureText ? (
        <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-950">When you post about something you received, start the caption with: “{brand.disclosureText}”.</p>
      ) : null}

      {brand.guidelines ? (
        <Section title="Program guidelines" className="rounded-xl border border-stone-200 bg-white p-6">
          <p className="mt-2 whitespace-pre-line text-stone-700">{brand.guidelines}</p>
          {brand.disclosureText ? (
            <p className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              When you post about something {brand.name} gave you, start with: <strong>{brand.disclosureText}</strong>
            </p>
          ) : null}
          <p className="mt-4 text-sm text-stone-600">Posting is never required. Share only what you genuinely like.</p>
        </Section>
      ) : null}

      {membership.status !== "alumni" ? (
        <Section title="Your choices" className="space-y-4 rounded-xl border border-stone-200 bg-white p-6">
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="email-preference" />
            <fieldset>
              <legend className="text-sm font-medium">Emails from {brand.name}</legend>
              <p className="text-xs text-stone-500">Tickets, seat offers and parcel updates for things you asked for always arrive.</p>
              <div className="mt-2 space-y-2">
                {EMAIL_KIND_LIST.map((k) => (
                  <label key={k} className="flex items-start gap-2 text-sm">
                    <input type="checkbox" name={k} defaultChecked={choices[k]} className="mt-1 h-4 w-4" />
                    <span>{EMAIL_KINDS[k].label}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <SubmitButton variant="secondary">Save email choices</SubmitButton>
          </Form>
          {membership.termsAcceptedAt ? (
            <p className="text-xs text-stone-500">
              You accepted the program terms (version {membership.termsVersion}) on <LocalTime value={membership.termsAcceptedAt} zone={brand.timeZone} />.
            </p>
          ) : null}
          <Form
            method="post"
            onSubmit={(e) => {
              if (!confirm(`Leave ${brand.name}'s ambassador program? You will stop receiving scoops and invitations.`)) e.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="leave" />
            <SubmitButton variant="danger">Leave the program</SubmitButton>
          </Form>
        </Section>
      ) : null}
    </div>
  );
}
