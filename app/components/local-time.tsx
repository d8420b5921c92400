import { useEffect, useState } from "react";
import { formatDateTime } from "#app/utils/format";

/**
 * An instant shown in the viewer's own time zone. The server renders it in a known zone (the brand's or the
 * event's); once the page runs in the browser it switches to the browser's zone.
 */
export function LocalTime({ value, zone, className }: { value: string | Date; zone: string; className?: string }) {
  const [viewerZone, setViewerZone] = useState(zone);
  useEffect(() => {
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (own) setViewerZone(own);
  }, []);
  const iso = new Date(value).toISOString();
  return (
    <time dateTime={iso} className={className} data-zone={viewerZone}>
      {formatDateTime(iso, viewerZone)}
    </time>
  );
}
