import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** The link above a detail page back to the list (or page) it was opened from. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="text-sm text-violet-700 underline">← {children}</Link>
  );
}
