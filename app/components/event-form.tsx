import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useState } from "react";
import { EVENT_FORMATS, PRIORITIES, eventSchema } from "#app/models/events/rules";
import { TIERS } from "#app/models/tiers";
import { Alert } from "./alert";
import { QuestionEditor, type QuestionRow } from "./question-editor";
import { AudiencePicker } from "./audience-picker";
import { ErrorList, Field, SelectField, SubmitButton, TextareaField } from "./forms";

export type EventFormDefaults = {
  title: string;
  description: string;
  format: string;
  venue: string;
  address: string;
  city: string;
  onlineUrl: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  rsvpDeadline: string;
  capacity: string;
  maxPlusOnes: string;
  claimHours: string;
  priority: string;
  priorityTiers: string[];
  questions: QuestionRow[];
  audienceKind: string;
  audienceValues: string[];
  listText: string;
  publish: boolean;
};

type EventFormShape = Omit<EventFormDefaults, "publish" | "audienceValues" | "priorityTiers" | "listText"> & { publish?: string; audienceValues?: string[]; priorityTiers?: string[] };

export function EventForm({
  defaults,
  lastResult,
  uploadError,
  choices,
  timeZones,
  hasCover,
  submitLabel,
  isNew,
}: {
  defaults: EventFormDefaults;
  lastResult?: SubmissionResult<string[]> | null;
  uploadError?: string | null;
  choices: { tags: string[]; cities: string[] };
  timeZones: string[];
  hasCover?: boolean;
  submitLabel: string;
  /** a new event may not start in the past; an edited one may (it already happened) */
  isNew: boolean;
}) {
  const [form, fields] = useForm<EventFormShape, EventFormShape>({
    id: "event",
    lastResult,
    defaultValue: { ...defaults, audienceValues: undefined, priorityTiers: undefined, publish: defaults.publish ? "on" : undefined },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: eventSchema({ isNew }) }) as never,
  });
  const [format, setFormat] = useState(defaults.format);
  const [priority, setPriority] = useState(defaults.priority);
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="max-w-3xl space-y-8">
      <input type="hidden" name="intent" value="save" />
      {uploadError ? <Alert>{uploadError}</Alert> : null}
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">The event</legend>
        <Field label="Title" {...getInputProps(fields.title, { type: "text" })} errors={fields.title.errors} />
        <TextareaField label="Description" hint="Markdown: **bold**, lists, links." rows={6} {...getTextareaProps(fields.description)} errors={fields.description.errors} />
        <Field label={hasCover ? "Replace the cover image" : "Cover image (optional)"} hint="PNG, JPEG, GIF or WebP, up to 5 MB" name="cover" type="file" accept="image/png,image/jpeg,image/gif,image/webp" errors={form.allErrors.cover} />
        {hasCover ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="removeCover" className="h-4 w-4" /> Remove the current cover
          </label>
        ) : null}
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Where</legend>
        <div className="flex gap-5 text-sm">
          {Object.entries(EVENT_FORMATS).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name={fields.format.name} value={value} checked={format === value} onChange={() => setFormat(value)} className="h-4 w-4" />
              {label}
            </label>
          ))}
        </div>
        {format === "online" ? (
          <Field label="Meeting link" hint="Shown only to confirmed attendees." {...getInputProps(fields.onlineUrl, { type: "url" })} errors={fields.onlineUrl.errors} />
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Venue" {...getInputProps(fields.venue, { type: "text" })} errors={fields.venue.errors} />
            <Field label="Address" {...getInputProps(fields.address, { type: "text" })} errors={fields.address.errors} />
          </div>
        )}
        <Field className="max-w-xs" label="City" {...getInputProps(fields.city, { type: "text" })} errors={fields.city.errors} />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">When</legend>
        <SelectField className="max-w-sm" label="Time zone of the event" {...getSelectProps(fields.timeZone)} errors={fields.timeZone.errors}>
          {timeZones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </SelectField>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Starts" {...getInputProps(fields.startsAt, { type: "datetime-local" })} errors={fields.startsAt.errors} />
          <Field label="Ends" {...getInputProps(fields.endsAt, { type: "datetime-local" })} errors={fields.endsAt.errors} />
          <Field label="RSVPs close (optional)" {...getInputProps(fields.rsvpDeadline, { type: "datetime-local" })} errors={fields.rsvpDeadline.errors} />
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Seats</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Capacity (people, with guests)" hint="Empty for no limit." {...getInputProps(fields.capacity, { type: "number" })} min={1} errors={fields.capacity.errors} />
          <Field label="Plus-ones per RSVP" {...getInputProps(fields.maxPlusOnes, { type: "number" })} min={0} max={10} errors={fields.maxPlusOnes.errors} />
          <Field label="Hours to claim a freed seat" {...getInputProps(fields.claimHours, { type: "number" })} min={1} max={168} errors={fields.claimHours.errors} />
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-stone-800">When the event is full, freed seats go to</legend>
          <div className="mt-1 space-y-1 text-sm">
            {Object.entries(PRIORITIES).map(([value, label]) => (
              <label key={value} className="flex items-center gap-2">
                <input type="radio" name={fields.priority.name} value={value} checked={priority === value} onChange={() => setPriority(value)} className="h-4 w-4" />
                {label}
              </label>
            ))}
          </div>
          {priority === "tiers" ? (
            <div className="mt-2 flex flex-wrap gap-4 text-sm" role="group" aria-label="Tiers that go first">
              {TIERS.map((t) => (
                <label key={t} className="flex items-center gap-2">
                  <input type="checkbox" name={fields.priorityTiers.name} value={t} defaultChecked={defaults.priorityTiers.includes(t)} className="h-4 w-4" />
                  {t}
                </label>
              ))}
            </div>
          ) : null}
          <ErrorList errors={fields.priorityTiers.errors} />
        </fieldset>
      </fieldset>

      <AudiencePicker kind={defaults.audienceKind} values={defaults.audienceValues} listText={defaults.listText} choices={choices} allowList errors={fields.audienceValues.errors} kindErrors={fields.audienceKind.errors} />

      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">Questions for people who RSVP</legend>
        <QuestionEditor form={form} field={fields.questions} />
      </fieldset>

      <label className="flex items-center gap-2 rounded-md bg-violet-50 p-3 text-sm font-medium">
        <input {...getInputProps(fields.publish, { type: "checkbox" })} className="h-4 w-4" />
        Published: invited ambassadors see the event and can RSVP
      </label>
      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </Form>
  );
}
