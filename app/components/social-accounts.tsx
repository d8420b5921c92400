import { getFieldsetProps, getInputProps, getSelectProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { PLATFORMS, PLATFORM_LABELS } from "#app/models/profile";
import { ErrorList, Field, SelectField, buttonClass, fieldList } from "./forms";

export type AccountRow = { platform: string; handle: string; followers: string | number };

/** The editable list of social accounts (platform, handle, followers) used by the profile and application forms. */
export function SocialAccountsFields<Form extends { accounts: AccountRow[] }>({
  form,
  field,
  legend,
  children,
}: {
  form: FormMetadata<Form, string[]>;
  field: FieldMetadata<AccountRow[], Form, string[]>;
  legend: ReactNode;
  children?: ReactNode;
}) {
  return (
    <fieldset className="space-y-3">
      <legend className="font-semibold">{legend}</legend>
      {children}
      {fieldList(field).map((account, index) => {
        const f = account.getFieldset();
        return (
          <fieldset key={account.key} {...getFieldsetProps(account)} className="grid gap-3 rounded-md border border-stone-200 p-3 sm:grid-cols-[10rem_1fr_9rem_auto] sm:items-start">
            <legend className="sr-only">Account {index + 1}</legend>
            <SelectField label="Platform" {...getSelectProps(f.platform)} errors={f.platform.errors}>
              {PLATFORMS.map((p) => (
                <option key={p} value={p}>
                  {PLATFORM_LABELS[p]}
                </option>
              ))}
            </SelectField>
            <Field label="Handle or address" {...getInputProps(f.handle, { type: "text" })} placeholder="@yourname" errors={f.handle.errors} />
            <Field label="Followers" {...getInputProps(f.followers, { type: "number" })} min={0} inputMode="numeric" errors={f.followers.errors} />
            <button {...form.remove.getButtonProps({ name: field.name, index })} className={buttonClass("secondary", "sm:mt-6")} aria-label={`Remove account ${index + 1}`}>
              Remove
            </button>
          </fieldset>
        );
      })}
      <ErrorList errors={field.errors} />
      <button {...form.insert.getButtonProps({ name: field.name, defaultValue: { platform: "instagram", handle: "", followers: "" } })} className={buttonClass("secondary")}>
        + Add an account
      </button>
    </fieldset>
  );
}
