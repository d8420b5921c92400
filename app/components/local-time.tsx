import { useRouteLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { RootData } from "#app/root";
import { formatDateTime } from "#app/utils/format";

/** The viewer's own time zone: the browser's, remembered in a cookie (root loader), else null (first page). */
export function useViewerZone(): string | null {
  return useRouteLoaderData<RootData>("root")?.viewerZone ?? null;
}

/**
 * An instant in the viewer's own time zone, with the zone named ("Dec 5, 2026, 6:30 PM CET"). The server renders it
 * in the viewer's zone when it knows it (a cookie the app sets), otherwise in the given zone (the brand's or the
 * event's); in the browser it switches to the browser's zone if that differs. With onlyIfDifferent it shows
 * nothing unless the viewer's zone differs from the given one (for "your time" next to an event's own time).
 */
export function LocalTime({ value, zone, className, onlyIfDifferent = false, prefix = "" }: { value: string | Date; zone: string; className?: string; onlyIfDifferent?: boolean; prefix?: string }) {
  const known = useViewerZone();
  const [viewerZone, setViewerZone] = useState(known ?? zone);
  useEffect(() => {
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (own && own !== viewerZone) setViewerZone(own);
  }, [viewerZone]);
  const iso = new Date(value).toISOString();
  if (onlyIfDifferent && viewerZone === zone) return null;
  return (
    <time dateTime={iso} className={className} data-zone={viewerZone}>
      {prefix}
      {formatDateTime(iso, viewerZone)}
    </time>
  );
}
