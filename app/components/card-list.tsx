import type { ReactNode } from "react";

/** A list of cards, or a sentence saying there are none. Each item renders its own <li> (with its key). */
export function CardList<T>({ items, empty, className = "mt-2 space-y-3", children }: { items: T[]; empty: ReactNode; className?: string; children: (item: T) => ReactNode }) {
  if (!items.length) return <p className="mt-2 text-sm text-stone-600">{empty}</p>;
  return <ul className={className}>{items.map(children)}</ul>;
}
