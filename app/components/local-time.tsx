import { useEffect, useState } from "react";
import { formatDateTime } from "#app/utils/format";

/**
 * An instant shown in the viewer's own time zone. The server renders it in a known zone (the brand's or the
 * event's); once the page runs in the browser it switches to the browser's zone. With onlyIfDifferent it shows
 * nothing unless the viewer's zone differs from the given one (for "your time" next to the event's own time).
 */
export function LocalTime({ value, zone, className, onlyIfDifferent = false, prefix = "" }: { value: string | Date; zone: string; className?: string; onlyIfDifferent?: boolean; prefix?: string }) {
  const [viewerZone, setViewerZone] = useState(zone);
  useEffect(() => {
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (own) setViewerZone(own);
  }, []);
  const iso = new Date(value).toISOString();
  if (onlyIfDifferent && viewerZone === zone) return null;
  return (
    <time dateTime={iso} className={className} data-zone={viewerZone}>
      {prefix}
      {formatDateTime(iso, viewerZone)}
    </time>
  );
}
