import { useId, type ReactNode } from "react";

/** A titled part of a page: a <section> labelled by its <h2>, so screen readers list it by its title. */
export function Section({ title, className, heading = "text-lg font-semibold", children }: { title: ReactNode; className?: string; heading?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className={heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}
