import type { Address } from "#app/models/seeding/rules";
import { Field } from "./forms";

/** Shipping address fields (names match AddressSchema), prefilled from the fan's saved address. */
export function AddressFields({ saved, errors = {} }: { saved: Address | null; errors?: Record<string, string[] | null | undefined> }) {
  const f = (name: keyof Address, label: string, autoComplete: string, className = "") => (
    <Field className={className} label={label} name={name} defaultValue={saved?.[name] ?? ""} autoComplete={autoComplete} errors={errors[name] ?? undefined} />
  );
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2">
      <legend className="mb-2 text-sm font-medium">Shipping address</legend>
      {f("name", "Name on the parcel", "name", "sm:col-span-2")}
      {f("line1", "Street address", "address-line1", "sm:col-span-2")}
      {f("line2", "Apartment, suite (optional)", "address-line2", "sm:col-span-2")}
      {f("city", "City", "address-level2")}
      {f("region", "Province / state (optional)", "address-level1")}
      {f("postalCode", "Postal code", "postal-code")}
      {f("country", "Country", "country-name")}
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="saveAddress" defaultChecked className="h-4 w-4" /> Keep this address on my profile for next time
      </label>
    </fieldset>
  );
}
