import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { RSVP_STATUSES, type ScanResult } from "#app/models/events/rules";
import { formatDateTime } from "#app/utils/format";
import { buttonClass } from "./forms";

/**
 * Scans QR tickets with the device's camera at the door (ZXing, loaded only when the camera is opened) and checks each
 * one in through the check-in screen's "scan" action. Every read gets its own clear result; a ticket held in front of
 * the camera is sent once, not once per frame.
 */
export function TicketScanner({ timeZone }: { timeZone: string }) {
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="scan-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="scan-heading" className="font-semibold">
          Scan tickets
        </h2>
        <button type="button" className={buttonClass(open ? "secondary" : "primary")} onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? "Stop the camera" : "Scan with the camera"}
        </button>
      </div>
      {open ? <CameraScanner timeZone={timeZone} /> : <p className="text-sm text-stone-600">Point the camera at the QR code on a guest's ticket email. Or find them by name below.</p>}
    </section>
  );
}

type Scan = { id: number; result: ScanResult };
const REPEAT_MS = 4000;

function CameraScanner({ timeZone }: { timeZone: string }) {
  const video = useRef<HTMLVideoElement>(null);
  const fetcher = useFetcher<{ scan?: ScanResult }>();
  const [problem, setProblem] = useState<string | null>(null);
  const [starting, setStarting] = useState(true);
  const [scans, setScans] = useState<Scan[]>([]);
  const last = useRef({ text: "", at: 0 });
  const busy = useRef(false);
  busy.current = fetcher.state !== "idle";
  const submit = useRef(fetcher.submit);
  submit.current = fetcher.submit;

  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setProblem("This browser can't use the camera here (it needs a secure https address). Find guests by name below.");
        setStarting(false);
        return;
      }
      const { BrowserQRCodeReader } = await import("@zxing/browser");
      if (cancelled || !video.current) return;
      const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 150 });
      try {
        const controls = await reader.decodeFromConstraints({ video: { facingMode: "environment" } }, video.current, (result) => {
          if (!result) return;
          const text = result.getText();
          const now = Date.now();
          if (busy.current || (text === last.current.text && now - last.current.at < REPEAT_MS)) return;
          last.current = { text, at: now };
          submit.current({ intent: "scan", code: text }, { method: "post" });
        });
        if (cancelled) controls.stop();
        else stop = () => controls.stop();
      } catch (error) {
        if (!cancelled) setProblem(cameraProblem(error));
      } finally {
        if (!cancelled) setStarting(false);
      }
    })();
    return () => {
      cancelled = true;
      stop?.();
    };
  }, []);

  const answer = fetcher.data?.scan;
  useEffect(() => {
    if (!answer) return;
    setScans((list) => [{ id: (list[0]?.id ?? 0) + 1, result: answer }, ...list].slice(0, 6));
    if (answer.kind === "checked-in") navigator.vibrate?.(120);
  }, [answer]);

  const [latest, ...earlier] = scans;
  return (
    <div className="space-y-3">
      {problem ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900">
          {problem}
        </p>
      ) : (
        <div className="relative overflow-hidden rounded-md bg-stone-900">
          {/* The camera picture; nothing to hear, so no captions. */}
          <video ref={video} className="aspect-[4/3] w-full object-cover" muted playsInline aria-label="Camera picture for scanning tickets" />
          {starting ? <p className="absolute inset-0 grid place-items-center text-sm text-white">Starting the camera…</p> : null}
        </div>
      )}
      <div aria-live="polite" aria-atomic="true">
        {latest ? <ScanCard key={latest.id} result={latest.result} timeZone={timeZone} /> : !problem ? <p className="text-sm text-stone-600">Waiting for a ticket…</p> : null}
      </div>
      {earlier.length ? (
        <div>
          <h3 className="text-xs font-medium uppercase tracking-wide text-stone-500">Earlier scans</h3>
          <ul className="mt-1 space-y-1 text-sm text-stone-700" aria-label="Earlier scans">
            {earlier.map((s) => (
              <li key={s.id}>{scanMessage(s.result, timeZone).title}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

const TONES = { good: "border-emerald-500 bg-emerald-50 text-emerald-950", warn: "border-amber-400 bg-amber-50 text-amber-950", bad: "border-red-400 bg-red-50 text-red-950" };

function ScanCard({ result, timeZone }: { result: ScanResult; timeZone: string }) {
  const { title, detail, tone } = scanMessage(result, timeZone);
  return (
    <div className={`rounded-lg border-2 p-3 ${TONES[tone]}`} data-testid="scan-result">
      <p className="text-lg font-bold">{title}</p>
      {detail ? <p className="text-sm">{detail}</p> : null}
    </div>
  );
}

function guests(plusOnes: number) {
  return plusOnes ? ` + ${plusOnes} ${plusOnes === 1 ? "guest" : "guests"}` : "";
}

export function scanMessage(result: ScanResult, timeZone: string): { title: string; detail?: string; tone: keyof typeof TONES } {
  switch (result.kind) {
    case "checked-in":
      return { tone: "good", title: `${result.name}${guests(result.plusOnes)} is checked in.`, detail: "Welcome them in." };
    case "already":
      return { tone: "warn", title: `${result.name} is already checked in.`, detail: `Checked in ${formatDateTime(result.at, timeZone)}. A second scan of the same ticket lets nobody else in.` };
    case "not-going":
      return { tone: "bad", title: `${result.name} is not on the guest list.`, detail: `Their answer: ${RSVP_STATUSES[result.status]}. Add them as a walk-in below if a seat is free.` };
    case "other-event":
      return { tone: "bad", title: "This ticket is for another event.", detail: `It is for “${result.title}”.` };
    case "unknown":
      return { tone: "bad", title: "Not a ticket for this event.", detail: "The code isn't one of this program's tickets. Find the guest by name below." };
  }
}

function cameraProblem(error: unknown) {
  const name = error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "Camera access was not allowed. Allow the camera for this site in the browser's settings, or find guests by name below.";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "No camera was found on this device. Find guests by name below.";
  if (name === "NotReadableError") return "The camera is in use by another app. Close it and try again, or find guests by name below.";
  return "The camera could not be started. Find guests by name below.";
}
