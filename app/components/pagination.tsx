import { Link, useSearchParams } from "@remix-run/react";

/** Previous / next links that keep the other search parameters. */
export function Pagination({ page, pageCount, label }: { page: number; pageCount: number; label: string }) {
  const [params] = useSearchParams();
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `?${next.toString()}`;
  };
  const linkClass = "rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100";
  return (
    <nav aria-label={`${label} pages`} className="mt-4 flex items-center justify-between gap-3">
      {page > 1 ? (
        <Link to={href(page - 1)} className={linkClass} rel="prev">← Previous</Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-stone-600">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link to={href(page + 1)} className={linkClass} rel="next">Next →</Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** Reads ?page= as a whole number of at least 1. */
export function pageFrom(url: URL) {
  const n = Number(url.searchParams.get("page") ?? "1");
  return Number.isInteger(n) && n > 0 ? n : 1;
}
