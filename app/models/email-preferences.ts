/**
 * The kinds of program email a fan chooses separately, per program. A message of a kind goes out only when the fan
 * wants that kind and program emails at all (emailOptIn, on while any kind is on; off when they leave).
 * Messages a fan asked for by acting (an RSVP's ticket, a seat offer, a parcel on its way) are not program email.
 */
export const EMAIL_KINDS = {
  scoops: { field: "emailScoops", label: "Scoops and previews" },
  events: { field: "emailEvents", label: "Events near you" },
  products: { field: "emailProducts", label: "Product to try" },
} as const;
export type EmailKind = keyof typeof EMAIL_KINDS;
export const EMAIL_KIND_LIST = Object.keys(EMAIL_KINDS) as EmailKind[];

export function isEmailKind(value: unknown): value is EmailKind {
  return typeof value === "string" && value in EMAIL_KINDS;
}

/**
 * What an unsubscribe link stops: one kind, or (for messages staff write by hand and requests for a post's numbers,
 * which have no kind) all of the program's email.
 */
export type UnsubscribeScope = EmailKind | "all";

export function isUnsubscribeScope(value: unknown): value is UnsubscribeScope {
  return value === "all" || isEmailKind(value);
}

export function scopeLabel(scope: UnsubscribeScope) {
  return scope === "all" ? "All program" : EMAIL_KINDS[scope].label;
}

/** The choices after unsubscribing from a scope; `already` when it stops nothing new. */
export function afterUnsubscribe(choices: EmailChoices, scope: UnsubscribeScope): { choices: EmailChoices; already: boolean } {
  const stopped = scope === "all" ? EMAIL_KIND_LIST : [scope];
  return { choices: { ...choices, ...Object.fromEntries(stopped.map((k) => [k, false])) }, already: stopped.every((k) => !choices[k]) };
}

/** The Prisma condition "this fan wants email of this kind". */
export function wantsEmail(kind: EmailKind) {
  return { emailOptIn: true, [EMAIL_KINDS[kind].field]: true } as { emailOptIn: true; emailScoops?: true; emailEvents?: true; emailProducts?: true };
}

export type EmailChoices = Record<EmailKind, boolean>;

/** The choice columns for a set of kinds wanted; program email is on while any kind is. */
export function choiceColumns(choices: EmailChoices) {
  return {
    emailScoops: choices.scoops,
    emailEvents: choices.events,
    emailProducts: choices.products,
    emailOptIn: EMAIL_KIND_LIST.some((k) => choices[k]),
  };
}

export function choicesOf(a: { emailOptIn: boolean; emailScoops: boolean; emailEvents: boolean; emailProducts: boolean }): EmailChoices {
  return { scoops: a.emailOptIn && a.emailScoops, events: a.emailOptIn && a.emailEvents, products: a.emailOptIn && a.emailProducts };
}
