// MSW intercepts the outside world in tests: Resend's HTTP API. Tests read what would have been sent.
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";

export type ResendCall = { body: Record<string, unknown>; headers: Record<string, string> };
export const resendCalls: ResendCall[] = [];

export const resendOk = http.post("https://api.resend.com/emails", async ({ request }) => {
  resendCalls.push({ body: (await request.json()) as Record<string, unknown>, headers: Object.fromEntries(request.headers) });
  return HttpResponse.json({ id: `re_${resendCalls.length}` });
});

/** Resend answering with a server error, as during an outage. */
export const resendDown = http.post("https://api.resend.com/emails", async ({ request }) => {
  resendCalls.push({ body: (await request.json()) as Record<string, unknown>, headers: Object.fromEntries(request.headers) });
  return HttpResponse.json({ name: "internal_server_error", message: "Resend is having trouble", statusCode: 500 }, { status: 500 });
});

export const server = setupServer(resendOk);
