import { forwardRef, useEffect, useId, useRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { getFormProps, useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useNavigation } from "@remix-run/react";
import type { z } from "zod";

export type ListOfErrors = Array<string | null | undefined> | null | undefined;

/** Error messages tied to a field by id (aria-describedby points here). */
export function ErrorList({ id, errors }: { id?: string; errors?: ListOfErrors }) {
  const list = errors?.filter(Boolean);
  if (!list?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700">
      {list.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

type FieldBase = { label: ReactNode; errors?: ListOfErrors; hint?: ReactNode; className?: string };

/**
 * Label, hint and error list around one control, wired for screen readers: the control gets an id, is marked
 * aria-invalid when there are errors, and is described by the hint and the errors.
 */
function useField(givenId: string | undefined, errors: ListOfErrors, hint: ReactNode) {
  const fallback = useId();
  const id = givenId ?? fallback;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const hasErrors = !!errors?.filter(Boolean).length;
  const control = {
    id,
    "aria-invalid": hasErrors || undefined,
    "aria-describedby": [hint ? hintId : null, hasErrors ? errorId : null].filter(Boolean).join(" ") || undefined,
  };
  return { id, control, errorId, hintId };
}

function FieldFrame({ field, label, hint, errors, className, children }: FieldBase & { field: ReturnType<typeof useField>; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={field.id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {hint ? <p id={field.hintId} className="text-xs text-stone-500">{hint}</p> : null}
      {children}
      <ErrorList id={field.errorId} errors={errors} />
    </div>
  );
}

const inputClass =
  "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-violet-600 focus:outline-none focus:ring-2 focus:ring-violet-200 aria-[invalid=true]:border-red-600 sm:text-sm";

export const Field = forwardRef<HTMLInputElement, FieldBase & InputHTMLAttributes<HTMLInputElement>>(function Field({ label, errors, hint, className, ...props }, ref) {
  const field = useField(props.id, errors, hint);
  return (
    <FieldFrame field={field} label={label} hint={hint} errors={errors} className={className}>
      <input {...props} ref={ref} {...field.control} className={props.type === "color" ? "mt-1 h-10 w-20 rounded border border-stone-300" : inputClass} />
    </FieldFrame>
  );
});

export function TextareaField({ label, errors, hint, className, ...props }: FieldBase & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const field = useField(props.id, errors, hint);
  return (
    <FieldFrame field={field} label={label} hint={hint} errors={errors} className={className}>
      <textarea rows={4} {...props} {...field.control} className={inputClass} />
    </FieldFrame>
  );
}

export const SelectField = forwardRef<HTMLSelectElement, FieldBase & SelectHTMLAttributes<HTMLSelectElement>>(function SelectField(
  { label, errors, hint, className, children, ...props },
  ref,
) {
  const field = useField(props.id, errors, hint);
  return (
    <FieldFrame field={field} label={label} hint={hint} errors={errors} className={className}>
      <select {...props} ref={ref} {...field.control} className={inputClass}>
        {children}
      </select>
    </FieldFrame>
  );
});

/** Keeps spam bots out: a field people never see; a filled value means a bot. */
export function Honeypot() {
  return (
    <div aria-hidden="true" className="absolute left-[-10000px] top-auto h-px w-px overflow-hidden">
      <label htmlFor="website-field">Leave this field empty</label>
      <input id="website-field" type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

const buttonStyles = {
  primary: "bg-violet-700 text-white hover:bg-violet-800 disabled:bg-violet-400",
  secondary: "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100",
  danger: "bg-red-700 text-white hover:bg-red-800",
  link: "text-violet-700 underline hover:text-violet-900 px-0 py-0",
} as const;

export function buttonClass(variant: keyof typeof buttonStyles = "primary", extra = "") {
  return `inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-md px-4 py-2 text-sm font-semibold transition ${buttonStyles[variant]} ${extra}`;
}

/** A submit button that says it is working while its form is being submitted. */
export function SubmitButton({
  children,
  pendingText,
  variant = "primary",
  className = "",
  ...props
}: { children: ReactNode; pendingText?: string; variant?: keyof typeof buttonStyles } & InputHTMLAttributes<HTMLButtonElement> & { name?: string; value?: string }) {
  const navigation = useNavigation();
  const pending =
    navigation.state === "submitting" &&
    (props.name ? navigation.formData?.get(props.name) === props.value : true) &&
    navigation.formAction === (props.formAction ?? navigation.formAction);
  return (
    <button type="submit" {...(props as object)} disabled={pending || props.disabled} aria-disabled={pending || undefined} className={buttonClass(variant, className)}>
      {pending && pendingText ? pendingText : children}
    </button>
  );
}

/**
 * The items of a list field. A request that sent a single value where the form has a list (a hand-made POST, an old
 * page) comes back with that value as the list's initial value; Conform then throws while rendering, which would
 * turn a 400 into a 500. Such a value is read as an empty list, and the field's error message says what is wrong.
 */
export function fieldList<T extends { getFieldList: () => unknown[] }>(field: T): ReturnType<T["getFieldList"]> {
  try {
    return field.getFieldList() as ReturnType<T["getFieldList"]>;
  } catch {
    return [] as unknown as ReturnType<T["getFieldList"]>;
  }
}

/**
 * For forms that add something (a note, a tag): once their submission has gone through without an error, the form
 * is emptied, so a second click does not add it twice. `failed` is true while the page shows an error for it.
 */
export function useClearAfterSave(intent: string | null, failed: boolean) {
  const ref = useRef<HTMLFormElement>(null);
  const navigation = useNavigation();
  const submitting = intent !== null && navigation.state !== "idle" && navigation.formData?.get("intent") === intent;
  const wasSubmitting = useRef(false);
  useEffect(() => {
    if (wasSubmitting.current && !submitting && !failed) ref.current?.reset();
    wasSubmitting.current = submitting;
  }, [submitting, failed]);
  return ref;
}

/** An action's reply for one form of the page (see rejected() in app/utils/forms.server.ts). */
export type IntentReply = { intent: string; result: SubmissionResult<string[]> };

/** The reply meant for the form of this intent, if the last submission was that form's. */
export function replyFor(actionData: unknown, intent: string): SubmissionResult<string[]> | undefined {
  if (!actionData || typeof actionData !== "object" || !("intent" in actionData) || !("result" in actionData)) return undefined;
  return (actionData as IntentReply).intent === intent ? (actionData as IntentReply).result : undefined;
}

/**
 * One form of a page, the one way: the schema the server parses validates in the browser too (on blur, then as the
 * person types), the server's reply for this intent shows on its fields, and — for forms that add something — it is
 * emptied once the save went through, so a second click cannot add it twice. Render <Form {...formProps}> with
 * <input type="hidden" name="intent" value={intent} /> and a SubmitButton (disabled while pending).
 */
export function useIntentForm<S extends z.ZodType<unknown, Record<string, any>>>(
  intent: string,
  schema: S,
  actionData: unknown,
  options: { defaultValue?: DefaultValue<z.input<S>>; clearAfterSave?: boolean; id?: string } = {},
) {
  const lastResult = replyFor(actionData, intent);
  const [form, fields] = useForm<z.input<S>, z.output<S>>({
    id: options.id ?? intent,
    lastResult,
    defaultValue: options.defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const ref = useClearAfterSave(options.clearAfterSave ? intent : null, lastResult?.status === "error");
  return { form, fields, formProps: { ...getFormProps(form), ref } };
}
