import { useEffect, useId, useState } from "react";

/**
 * A link staff or fans hand out: copy it, share it (where the device can), or show a QR code for a counter sign or
 * a slide, with a download. The QR code is drawn in the browser (qrcode) only when asked for, so the server-rendered
 * page and the hydrated one are the same.
 */
export function ShareLink({ url, label }: { url: string; label: string }) {
  const [copied, setCopied] = useState<"" | "copied" | "failed">("");
  const [canShare, setCanShare] = useState(false);
  const [qr, setQr] = useState<string | null>(null);
  const qrId = useId();
  useEffect(
    () =>
      setCanShare(
        typeof navigator !== "undefined" &&
          typeof navigator.share === "function",
      ),
    [],
  );

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }

  async function toggleQr() {
    if (qr) return setQr(null);
    const QRCode = (await import("qrcode")).default;
    const svg = await QRCode.toString(url, {
      type: "svg",
      margin: 2,
      errorCorrectionLevel: "M",
    });
    setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
  }

  const button =
    "rounded-md border border-stone-300 bg-white px-2.5 py-1 text-xs font-medium text-stone-800 hover:border-violet-400 focus:outline-none focus-visible:ring-2 focus-visible:ring-violet-500";
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={button}
          onClick={copy}
          aria-label={`Copy the link ${label}`}
        >
          Copy link
        </button>
        {canShare ? (
          <button
            type="button"
            className={button}
            onClick={() =>
              navigator.share({ title: label, url }).catch(() => undefined)
            }
            aria-label={`Share the link ${label}`}
          >
            Share…
          </button>
        ) : null}
        <button
          type="button"
          className={button}
          onClick={toggleQr}
          aria-expanded={!!qr}
          aria-controls={qrId}
          aria-label={`${qr ? "Hide" : "Show"} the QR code for ${label}`}
        >
          {qr ? "Hide QR code" : "QR code"}
        </button>
        <span
          role="status"
          aria-live="polite"
          className="text-xs text-emerald-800"
        >
          {copied === "copied"
            ? "Copied"
            : copied === "failed"
              ? "Copy it by selecting the link"
              : ""}
        </span>
      </div>
      <div id={qrId}>
        {qr ? (
          <figure className="inline-block rounded-md border border-stone-200 bg-white p-2">
            <img
              src={qr}
              alt={`QR code for ${url}`}
              width={176}
              height={176}
              data-testid="qr-code"
            />
            <figcaption className="mt-1 text-center text-xs">
              <a
                href={qr}
                download={`${label.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "link"}-qr.svg`}
                className="text-violet-700 underline"
              >
                Download QR code
              </a>
            </figcaption>
          </figure>
        ) : null}
      </div>
    </div>
  );
}
