const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formats an instant in an IANA time zone, e.g. "Nov 25, 2026, 9:30 AM EST". */
export function formatDateTime(value: string | Date, timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en", { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" });
    formatters.set(timeZone, f);
  }
  return f.format(new Date(value));
}
