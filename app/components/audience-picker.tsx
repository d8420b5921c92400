import { useState } from "react";
import { AUDIENCE_KINDS, decodeViewAudience, encodeViewAudience, type AudienceKind } from "#app/models/audience";
import { TIERS } from "#app/models/tiers";
import { ErrorList } from "./forms";

type Props = {
  kind: string;
  values: string[];
  choices: { tags: string[]; cities: string[]; views?: { name: string; query: string }[] };
  allowList?: boolean;
  /** for "list": the picked people's emails, one per line */
  listText?: string;
  errors?: string[];
  kindErrors?: string[];
};

/**
 * Who something is for: everyone active, or some tiers, tags, cities (or, for events, people picked by email).
 * Only the group that belongs to the chosen kind is enabled, so only its values are sent.
 */
export function AudiencePicker({ kind: initialKind, values, choices, allowList, listText = "", errors, kindErrors }: Props) {
  const [kind, setKind] = useState<AudienceKind>((initialKind in AUDIENCE_KINDS ? initialKind : "all") as AudienceKind);
  const kinds = Object.entries(AUDIENCE_KINDS).filter(([k]) => allowList || k !== "list") as [AudienceKind, string][];
  const group = (k: AudienceKind, options: string[], empty: string) =>
    kind === k ? (
      options.length ? (
        <div className="flex flex-wrap gap-x-4 gap-y-2 text-sm" role="group" aria-label={AUDIENCE_KINDS[k]}>
          {options.map((o) => (
            <label key={o} className="flex items-center gap-2">
              <input type="checkbox" name="audienceValues" value={o} defaultChecked={values.includes(o)} className="h-4 w-4" />
              {o}
            </label>
          ))}
        </div>
      ) : (
        <p className="text-sm text-stone-600">{empty}</p>
      )
    ) : null;
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-stone-800">Who it is for</legend>
      <div className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
        {kinds.map(([k, label]) => (
          <label key={k} className="flex items-center gap-2">
            <input type="radio" name="audienceKind" value={k} checked={kind === k} onChange={() => setKind(k)} className="h-4 w-4" />
            {label}
          </label>
        ))}
      </div>
      <ErrorList errors={kindErrors} />
      {group("tier", [...TIERS], "")}
      {group("tag", choices.tags, "No tags yet — add tags to ambassadors in the directory first.")}
      {group("city", choices.cities, "No cities yet — ambassadors' cities appear here.")}
      {kind === "view" ? (
        choices.views?.length ? (
          <div className="flex flex-col gap-1 text-sm" role="radiogroup" aria-label={AUDIENCE_KINDS.view}>
            {choices.views.map((v) => {
              const value = encodeViewAudience(v.name, v.query);
              return (
                <label key={v.name} className="flex items-center gap-2">
                  <input type="radio" name="audienceValues" value={value} defaultChecked={values[0] === value || decodeViewAudience(values[0])?.name === v.name} className="h-4 w-4" />
                  {v.name}
                </label>
              );
            })}
            <p className="text-xs text-stone-500">Active ambassadors the view finds when it is sent. The view’s filters are copied now: changing the view later does not change this audience.</p>
          </div>
        ) : (
          <p className="text-sm text-stone-600">No saved views yet — filter the directory and save the filters as a view. (Views with a search or a date filter can’t be audiences.)</p>
        )
      ) : null}
      {kind === "list" ? (
        <label className="block text-sm">
          <span className="font-medium">Ambassadors’ emails, one per line</span>
          <textarea name="audienceValues" rows={4} defaultValue={listText} className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2" />
        </label>
      ) : null}
      <ErrorList errors={errors} />
    </fieldset>
  );
}
