import type { ReactNode } from "react";

const tones = {
  error: "bg-red-50 text-red-800",
  warning: "bg-amber-50 text-amber-900",
  success: "bg-emerald-50 text-emerald-900",
};

/** A message announced to screen readers when it appears (role="alert"). */
export function Alert({ tone = "error", className = "", children }: { tone?: keyof typeof tones; className?: string; children: ReactNode }) {
  return (
    <p role="alert" className={`rounded-md p-3 ${tones[tone]} ${className}`}>
      {children}
    </p>
  );
}
