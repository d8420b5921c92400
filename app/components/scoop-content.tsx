type File = { id: string; fileName: string; size: number };

/** The readable part of a scoop, for staff previews and for fans: text, images, links, downloads, guidance. */
export function ScoopContent({
  html,
  images,
  assets,
  links,
  guidance,
  disclosureText,
}: {
  html: string;
  images: File[];
  assets: File[];
  links: { label: string; url: string }[];
  guidance: string;
  disclosureText: string;
}) {
  return (
    <div className="space-y-5">
      <div className="prose-kindred" dangerouslySetInnerHTML={{ __html: html }} />
      {images.length ? (
        <div className="grid gap-3 sm:grid-cols-2">
          {images.map((i) => (
            <a key={i.id} href={`/files/${i.id}`} target="_blank" rel="noreferrer">
              <img src={`/files/${i.id}`} alt={i.fileName} className="w-full rounded-lg border border-stone-200 object-cover" loading="lazy" />
            </a>
          ))}
        </div>
      ) : null}
      {links.length ? (
        <section aria-label="Links">
          <h2 className="font-semibold">Links</h2>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {links.map((l) => (
              <li key={l.url}>
                <a href={l.url} target="_blank" rel="noopener noreferrer nofollow" className="text-violet-700 underline">{l.label}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {assets.length ? (
        <section aria-label="Downloads">
          <h2 className="font-semibold">Downloads</h2>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {assets.map((a) => (
              <li key={a.id}>
                <a href={`/files/${a.id}`} download className="text-violet-700 underline">
                  {a.fileName}
                </a>{" "}
                <span className="text-stone-500">({Math.max(1, Math.round(a.size / 1024))} KB)</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {guidance ? (
        <section className="rounded-lg bg-emerald-50 p-4 text-sm text-emerald-950">
          <h2 className="font-semibold">What you can say</h2>
          <p className="mt-1 whitespace-pre-line">{guidance}</p>
        </section>
      ) : null}
      {disclosureText ? (
        <p className="rounded-lg bg-stone-100 p-3 text-sm text-stone-700">
          If you post about it, start with a clear disclosure, for example: <strong>“{disclosureText}”</strong>
        </p>
      ) : null}
    </div>
  );
}
