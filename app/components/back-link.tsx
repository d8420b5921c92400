import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** The link above a detail page back to the list (or page) it was opened from. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="text-sm text-violet-700 underline">← {children}</Link>
  );
}

/** A detail page: the link back to its list above the page's own content. */
export function DetailPage({ back, backLabel, children }: { back: string; backLabel: ReactNode; children: ReactNode }) {
  return (
    <div className="space-y-6">
      <BackLink to={back}>{backLabel}</BackLink>
      {children}
    </div>
  );
}
