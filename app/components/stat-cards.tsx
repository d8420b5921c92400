/** A row of big numbers with labels (reach of a scoop, head counts of an event). */
export function StatCards({ label, stats, className = "sm:grid-cols-4" }: { label: string; stats: [string, string | number][]; className?: string }) {
  return (
    <dl className={`grid grid-cols-2 gap-3 ${className}`} aria-label={label}>
      {stats.map(([name, value]) => (
        <div key={name} className="rounded-lg border border-stone-200 bg-white p-3">
          <dt className="text-xs text-stone-500">{name}</dt>
          <dd className="text-2xl font-semibold">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
