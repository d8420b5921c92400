import type { ReactNode } from "react";

type Column = string | { label: ReactNode; key: string; className?: string };

/**
 * A table's header row: one column header (scope="col") per column, in the app's table style. A column is its
 * label, or a label with extra classes (alignment, hiding on small screens).
 */
export function TableHead({ columns, className = "bg-stone-50 text-stone-600", cell = "px-3 py-2 font-medium" }: { columns: Column[]; className?: string; cell?: string }) {
  return (
    <thead className={className}>
      <tr>
        {columns.map((c) =>
          typeof c === "string" ? (
            <th key={c} scope="col" className={cell}>
              {c}
            </th>
          ) : (
            <th key={c.key} scope="col" className={`${cell} ${c.className ?? ""}`.trim()}>
              {c.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
