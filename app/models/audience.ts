import { z } from "zod";
import { sameCity } from "./cities";
import { TIERS, tierFor, type Tier, type TierSettings } from "./tiers";
import { audienceReady, parseDirectoryFilter } from "./ambassadors";
import { matchesSignals, readTierMedians, type SignalFacts } from "./qualification/filters";

/**
 * Who a scoop or an event is for. Everyone in an audience is an active ambassador of the brand; the kind
 * narrows it by tier, tag, city, or (events only) a hand-picked list of ambassadors.
 */
export const AUDIENCE_KINDS = { all: "All active ambassadors", tier: "Some tiers", tag: "Some tags", city: "Some cities", view: "A saved view", list: "Only people I pick" } as const;
export type AudienceKind = keyof typeof AUDIENCE_KINDS;
export type Audience = { kind: AudienceKind; values: string[] };

/** The facts about one ambassador that decide whether they are in an audience. */
export type AudienceMember = { id: string; status: string; city: string; maxFollowers: number; tagNames: string[]; platforms?: string[] } & Partial<Omit<SignalFacts, "maxFollowers">>;

/**
 * A saved view as an audience value: its name and its filters, "Rising%20micro?tier=micro&rising=1". The filters are
 * copied when the audience is chosen, so deleting or renaming the view later changes nothing already sent.
 */
export function encodeViewAudience(name: string, query: string) {
  return `${encodeURIComponent(name)}?${query}`;
}

export function decodeViewAudience(value: string | undefined) {
  const at = (value ?? "").indexOf("?");
  if (at < 0) return null;
  try {
    const filter = parseDirectoryFilter(new URLSearchParams(value!.slice(at + 1)));
    return { name: decodeURIComponent(value!.slice(0, at)), filter };
  } catch {
    return null;
  }
}

function matchesView(value: string | undefined, fan: AudienceMember, thresholds: TierSettings) {
  const view = decodeViewAudience(value);
  if (!view || !audienceReady(view.filter)) return false;
  const f = view.filter;
  if (f.status && f.status !== "active") return false;
  if (f.tier && tierFor(fan.maxFollowers, thresholds) !== f.tier) return false;
  if (f.tag && !fan.tagNames.includes(f.tag)) return false;
  if (f.city && !sameCity(f.city, fan.city)) return false;
  if (f.platform && !(fan.platforms ?? []).includes(f.platform)) return false;
  const facts = { maxFollowers: fan.maxFollowers, growth90: fan.growth90 ?? null, engagementMedian: fan.engagementMedian ?? null, saturation: fan.saturation ?? null };
  return matchesSignals({ rising: f.rising, engagement: f.engagement === "above", lowSaturation: f.saturation === "low" }, facts, thresholds, readTierMedians(thresholds.tierEngagementMedians));
}

export function matchesAudience(audience: Audience, fan: AudienceMember, thresholds: TierSettings) {
  if (fan.status !== "active") return false;
  switch (audience.kind) {
    case "all":
      return true;
    case "tier":
      return audience.values.includes(tierFor(fan.maxFollowers, thresholds));
    case "tag":
      return fan.tagNames.some((t) => audience.values.includes(t));
    case "city":
      return audience.values.some((city) => sameCity(city, fan.city));
    case "list":
      return audience.values.includes(fan.id);
    case "view":
      return matchesView(audience.values[0], fan, thresholds);
  }
}

/** Reads the stored columns back into an audience; anything unreadable means "all". */
export function readAudience(kind: string, valuesJson: string): Audience {
  let values: unknown = [];
  try {
    values = JSON.parse(valuesJson);
  } catch {
    values = [];
  }
  const list = Array.isArray(values) ? values.filter((v): v is string => typeof v === "string") : [];
  return kind in AUDIENCE_KINDS && kind !== "all" ? { kind: kind as AudienceKind, values: list } : { kind: "all", values: [] };
}

/** A short description for lists and emails: "micro and macro tiers", "tag: bakers-club". */
export function describeAudience(audience: Audience, names: Record<string, string> = {}) {
  const list = audience.values.map((v) => names[v] ?? v).join(", ");
  switch (audience.kind) {
    case "all":
      return "All active ambassadors";
    case "tier":
      return `Tier: ${list}`;
    case "tag":
      return `Tag: ${list}`;
    case "city":
      return `City: ${list}`;
    case "list":
      return `${audience.values.length} people picked by hand`;
    case "view":
      return `Saved view: ${decodeViewAudience(audience.values[0])?.name ?? "?"}`;
  }
}

const splitList = (v: unknown) =>
  (Array.isArray(v) ? v : typeof v === "string" ? [v] : [])
    .flatMap((s) => String(s).split(/[\n,]/))
    .map((s) => s.trim())
    .filter(Boolean);

/** Form fields: audienceKind plus audienceValues (checkboxes, or a comma/line separated list). */
export function audienceFields(allowList: boolean) {
  return {
    audienceKind: z.enum(allowList ? ["all", "tier", "tag", "city", "view", "list"] : ["all", "tier", "tag", "city", "view"], { message: "Choose who this is for." }),
    audienceValues: z.preprocess(splitList, z.array(z.string().max(200)).max(5000)).default([]),
  };
}

/** Cross-field rule: a narrowed audience needs at least one value, and tiers must be real tiers. */
export function checkAudience(value: { audienceKind: string; audienceValues: string[] }, ctx: z.RefinementCtx) {
  if (!value.audienceKind || value.audienceKind === "all") return;
  if (!value.audienceValues?.length) {
    const what = { tier: "a tier", tag: "a tag", city: "a city", view: "a saved view", list: "at least one person" }[value.audienceKind] ?? "a value";
    ctx.addIssue({ code: "custom", path: ["audienceValues"], message: `Choose ${what}, or send to all active ambassadors.` });
  }
  if (value.audienceKind === "view" && value.audienceValues?.length) {
    const view = decodeViewAudience(value.audienceValues[0]);
    if (value.audienceValues.length > 1 || !view) ctx.addIssue({ code: "custom", path: ["audienceValues"], message: "Choose one saved view." });
    else if (!audienceReady(view.filter)) ctx.addIssue({ code: "custom", path: ["audienceValues"], message: "A view with a search or a date filter can't be an audience: who it finds changes by the day." });
  }
  if (value.audienceKind === "tier" && value.audienceValues?.some((v) => !TIERS.includes(v as Tier))) {
    ctx.addIssue({ code: "custom", path: ["audienceValues"], message: `Tiers are ${TIERS.join(", ")}.` });
  }
}
