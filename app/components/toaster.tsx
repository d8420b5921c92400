import { useEffect, useState } from "react";
import type { Toast } from "#app/utils/toast.server";

const tone = {
  success: "border-emerald-300 bg-emerald-50 text-emerald-900",
  error: "border-red-300 bg-red-50 text-red-900",
  info: "border-sky-300 bg-sky-50 text-sky-900",
};

/** Shows the flash message of the last action; announced to screen readers through a live region. */
export function Toaster({ toast }: { toast: Toast | null }) {
  const [visible, setVisible] = useState<Toast | null>(toast);
  useEffect(() => {
    setVisible(toast);
    if (!toast) return;
    const t = setTimeout(() => setVisible(null), 8000);
    return () => clearTimeout(t);
  }, [toast]);
  return (
    <div aria-live="polite" role="status" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4">
      {visible ? (
        <div className={`pointer-events-auto flex max-w-md items-start gap-3 rounded-lg border px-4 py-3 text-sm shadow-lg ${tone[visible.kind]}`} data-testid="toast">
          <p className="flex-1">{visible.message}</p>
          <button type="button" onClick={() => setVisible(null)} className="font-semibold" aria-label="Dismiss message">
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
