import { useEffect, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Charts draw in the browser only (they measure their container); the table beside each one works without them. */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** A series on the right-hand axis has its own scale (interactions next to posts). */
type Series = { key: string; label: string; color: string; axis?: "left" | "right" };

export function TimeChart({ data, x, series, kind = "line", label, format }: { data: Record<string, string | number | null>[]; x: string; series: Series[]; kind?: "line" | "bar"; label: string; format?: (v: number) => string }) {
  const hydrated = useHydrated();
  return (
    <div className="h-56 w-full" role="img" aria-label={label}>
      {hydrated ? (
        <ResponsiveContainer width="100%" height="100%">
          {kind === "line" ? (
            <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="#e7e5e4" vertical={false} />
              <XAxis dataKey={x} fontSize={11} tickMargin={6} />
              <YAxis yAxisId="left" fontSize={11} width={48} tickFormatter={format} allowDecimals={false} />
              {series.some((s) => s.axis === "right") ? <YAxis yAxisId="right" orientation="right" fontSize={11} width={56} allowDecimals={false} /> : null}
              <Tooltip formatter={(v) => (format && typeof v === "number" ? format(v) : String(v))} />
              {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
              {series.map((s) => (
                <Line key={s.key} yAxisId={s.axis ?? "left"} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={false} isAnimationActive={false} />
              ))}
            </LineChart>
          ) : (
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="#e7e5e4" vertical={false} />
              <XAxis dataKey={x} fontSize={11} tickMargin={6} />
              <YAxis fontSize={11} width={format ? 60 : 48} tickFormatter={format} />
              <Tooltip formatter={(v) => (format && typeof v === "number" ? format(v) : String(v))} />
              {series.map((s) => (
                <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
              ))}
            </BarChart>
          )}
        </ResponsiveContainer>
      ) : null}
    </div>
  );
}
