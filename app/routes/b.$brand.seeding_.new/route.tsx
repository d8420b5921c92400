import { getFieldsetProps, getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AudiencePicker } from "#app/components/audience-picker";
import { buttonClass, ErrorList, Field, fieldList, replyFor, SubmitButton, TextareaField } from "#app/components/forms";
import { audienceChoices } from "#app/models/audience.server";
import { CampaignSchema } from "#app/models/seeding/rules";
import { createCampaign } from "#app/models/seeding/campaigns.server";
import { requireBrandMember, type BrandContext } from "#app/utils/permissions.server";
import { rejected, runIntent } from "#app/utils/forms.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "New seeding campaign · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "manager");
  return { brand, choices: await audienceChoices(scope) };
}

type Ctx = BrandContext & { form: FormData };

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx: Ctx = { ...(await requireBrandMember(request, params.brand, "manager")), form: await readForm(request) };
  return runIntent(ctx.form, ctx, { create: createAction });
}

async function createAction({ brand, scope, form }: Ctx) {
  const submission = parseWithZod(form, { schema: CampaignSchema });
  if (submission.status !== "success") return rejected("create", submission);
  const created = await createCampaign(scope, submission.value);
  if (!created.ok) return rejected("create", submission, { fieldErrors: created.errors });
  return redirectWithToast(`/b/${brand.slug}/seeding/${created.id}`, { kind: "success", message: "Campaign created." });
}

type VariantRow = { name: string; stock: string };
type ProductRow = { name: string; value: string; variants: VariantRow[] };
const NEW_PRODUCT: ProductRow = { name: "", value: "", variants: [{ name: "One size", stock: "" }] };
type CampaignForm = { name: string; callToAction: string; guidelines: string; mode: string; opensAt: string; closesAt: string; followUpDays: string; products: ProductRow[]; audienceKind: string; audienceValues: string[] };

export default function NewCampaign() {
  const { brand, choices } = useLoaderData<typeof loader>();
  const lastResult = replyFor(useActionData<typeof action>(), "create");
  const [form, fields] = useForm<CampaignForm, CampaignForm>({
    id: "campaign",
    lastResult,
    defaultValue: { mode: "request", followUpDays: "7, 14", products: [NEW_PRODUCT] },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CampaignSchema }) as never,
  });
  const products = fieldList(fields.products);
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">New seeding campaign</h1>
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <input type="hidden" name="intent" value="create" />
        <Field label="Name" {...getInputProps(fields.name, { type: "text" })} errors={fields.name.errors} />
        <TextareaField label="Call to action" hint="What you'd love fans to try — friendly, never a requirement." rows={3} {...getTextareaProps(fields.callToAction)} errors={fields.callToAction.errors} />
        <TextareaField label="Guidelines (optional)" rows={3} {...getTextareaProps(fields.guidelines)} errors={fields.guidelines.errors} />
        <fieldset>
          <legend className="text-sm font-medium">How fans get it</legend>
          <div className="mt-1 flex flex-wrap gap-5 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name={fields.mode.name} value="request" defaultChecked={fields.mode.initialValue === "request"} className="h-4 w-4" /> Eligible fans request
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name={fields.mode.name} value="offer" defaultChecked={fields.mode.initialValue === "offer"} className="h-4 w-4" /> We offer it to fans we choose
            </label>
          </div>
          <ErrorList errors={fields.mode.errors} />
        </fieldset>
        <AudiencePicker kind="all" values={[]} choices={choices} errors={fields.audienceValues.errors} kindErrors={fields.audienceKind.errors} />
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label={`Requests open (${brand.timeZone}, optional)`} {...getInputProps(fields.opensAt, { type: "datetime-local" })} errors={fields.opensAt.errors} />
          <Field label="Requests close (optional)" {...getInputProps(fields.closesAt, { type: "datetime-local" })} errors={fields.closesAt.errors} />
          <Field label="Follow-up days after delivery" hint="Gentle nudges, then it settles quietly." {...getInputProps(fields.followUpDays, { type: "text" })} errors={fields.followUpDays.errors} />
        </div>
        <fieldset className="space-y-3">
          <legend className="text-lg font-semibold">Products</legend>
          {products.map((product, index) => {
            const p = product.getFieldset();
            return (
              <fieldset key={product.key} {...getFieldsetProps(product)} className="space-y-3 rounded-md border border-stone-200 bg-white p-3">
                <legend className="sr-only">Product {index + 1}</legend>
                <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
                  <Field label={`Product ${index + 1}`} {...getInputProps(p.name, { type: "text" })} errors={p.name.errors} />
                  <Field label="Value each ($)" {...getInputProps(p.value, { type: "number" })} step="0.01" min={0} errors={p.value.errors} />
                </div>
                <fieldset className="space-y-2">
                  <legend className="text-sm font-medium">Variants and stock</legend>
                  {fieldList(p.variants).map((variant, v) => {
                    const f = variant.getFieldset();
                    return (
                      <div key={variant.key} className="grid grid-cols-[1fr_7rem_auto] items-start gap-2">
                        <Field label={`Variant ${v + 1}`} {...getInputProps(f.name, { type: "text" })} placeholder="Small jar" errors={f.name.errors} />
                        <Field label={`Stock of variant ${v + 1}`} {...getInputProps(f.stock, { type: "number" })} min={0} inputMode="numeric" errors={f.stock.errors} />
                        {fieldList(p.variants).length > 1 ? (
                          <button {...form.remove.getButtonProps({ name: p.variants.name, index: v })} className={buttonClass("link", "mt-7")} aria-label={`Remove variant ${v + 1} of product ${index + 1}`}>
                            Remove
                          </button>
                        ) : (
                          <span />
                        )}
                      </div>
                    );
                  })}
                  <ErrorList errors={p.variants.errors} />
                  <button {...form.insert.getButtonProps({ name: p.variants.name, defaultValue: { name: "", stock: "" } })} className={buttonClass("secondary")}>
                    + Add a variant
                  </button>
                </fieldset>
                {products.length > 1 ? (
                  <button {...form.remove.getButtonProps({ name: fields.products.name, index })} className={buttonClass("link")}>Remove product</button>
                ) : null}
              </fieldset>
            );
          })}
          <ErrorList errors={fields.products.errors} />
          <button {...form.insert.getButtonProps({ name: fields.products.name, defaultValue: NEW_PRODUCT })} className={buttonClass("secondary")}>+ Add a product</button>
        </fieldset>
        <SubmitButton pendingText="Creating…">Create campaign</SubmitButton>
      </Form>
    </div>
  );
}
