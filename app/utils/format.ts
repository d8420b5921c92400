/** Formats an instant in a given IANA time zone, e.g. "Nov 25, 2026, 9:30 AM EST". */
export function formatDateTime(value: string | Date, timeZone: string) {
  return new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone, timeZoneName: "short" }).format(new Date(value));
}
