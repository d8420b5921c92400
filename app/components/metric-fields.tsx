/** Views, likes, comments, shares and saves, as small number inputs (all optional). */
export function MetricInputs({ defaults, errors = {} }: { defaults?: Partial<Record<"views" | "likes" | "comments" | "shares" | "saves", number | null>>; errors?: Record<string, string[] | null | undefined> }) {
  return (
    <fieldset className="grid grid-cols-2 gap-2 sm:grid-cols-5">
      <legend className="mb-1 text-sm font-medium">Numbers so far (optional)</legend>
      {(["views", "likes", "comments", "shares", "saves"] as const).map((k) => (
        <label key={k} className="text-xs text-stone-600">
          <span className="capitalize">{k}</span>
          <input name={k} type="number" min={0} inputMode="numeric" defaultValue={defaults?.[k] ?? ""} aria-invalid={errors[k] ? true : undefined} className="mt-0.5 block w-full rounded-md border border-stone-300 px-2 py-1.5 text-sm" />
          {errors[k] ? <span className="block text-red-700">{errors[k]?.[0]}</span> : null}
        </label>
      ))}
    </fieldset>
  );
}
