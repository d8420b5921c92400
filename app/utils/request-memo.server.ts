// One answer per page view for what the root, layout and page loaders all ask (who is signed in, their membership).
// Remix hands each loader a copy of the request, so the copies are told apart by a header the server sets on every
// GET and HEAD (server/index.ts: a random id, and any such header from outside is removed). Writes get no id — an
// action that signs someone in or out, and whatever runs after it, always reads afresh — and neither do requests
// that do not come through the server (tests calling a loader directly).

export const REQUEST_ID_HEADER = "x-kindred-request";

const KEEP_MS = 30_000;
const answers = new Map<string, Map<string, Promise<unknown>>>();

/** compute() once per page view and key; without a request id, every time. */
export function oncePerRequest<T>(request: Request, key: string, compute: () => Promise<T>): Promise<T> {
  const id = request.headers.get(REQUEST_ID_HEADER);
  if (!id) return compute();
  let known = answers.get(id);
  if (!known) {
    answers.set(id, (known = new Map()));
    setTimeout(() => answers.delete(id), KEEP_MS).unref();
  }
  let answer = known.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = compute();
    known.set(key, answer);
  }
  return answer;
}
