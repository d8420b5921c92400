import { createElement } from "react";
import { beforeEach, describe, expect, test } from "vitest";
import MagicLinkEmail from "../../emails/magic-link";
import { db } from "./db.server";
import { sendEmail } from "./email.server";
import { resetEnvCache } from "./env.server";
import { runDueJobs } from "./jobs.server";
import { getOutboxMessage } from "#app/models/outbox.server";
import { resendCalls, resendDown, server } from "#tests/mocks/server";

const react = () => createElement(MagicLinkEmail, { code: "123456", url: "http://localhost:3000/auth/verify?token=abc", minutes: 15 });

beforeEach(() => {
  resendCalls.length = 0;
});

function withKey() {
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.EMAIL_FROM = "Kindred <hello@kindred.example>";
  resetEnvCache();
  return () => {
    delete process.env.RESEND_API_KEY;
    delete process.env.EMAIL_FROM;
    resetEnvCache();
  };
}

describe("sendEmail", () => {
  test("without a provider the message is kept in the outbox as not sent", async () => {
    const result = await sendEmail({ to: "fan@example.com", subject: "Hello", template: "magic-link", react: react() });
    expect(result.status).toBe("skipped");
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({ status: "skipped", to: "fan@example.com", subject: "Hello", template: "magic-link" });
    expect(row.error).toMatch(/no provider configured/);
    expect(row.html).toContain("123456");
    expect(row.text).toContain("123456");
    expect(resendCalls).toHaveLength(0);
  });

  test("with RESEND_API_KEY it sends the rendered message through Resend", async () => {
    const restore = withKey();
    try {
      const result = await sendEmail({ to: "fan@example.com", subject: "Your code", template: "magic-link", react: react() });
      expect(result.status).toBe("sent");
      expect(resendCalls).toHaveLength(1);
      const [call] = resendCalls;
      expect(call.body).toMatchObject({ from: "Kindred <hello@kindred.example>", to: "fan@example.com", subject: "Your code" });
      expect(call.body.html).toContain("123456");
      expect(call.body.text).toContain("http://localhost:3000/auth/verify?token=abc");
      expect(call.headers.authorization).toBe("Bearer re_test_key");
      expect(call.headers["idempotency-key"]).toBe(`kindred-outbox-${result.id}`);
      expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({ status: "sent", providerId: "re_1", attempts: 1 });
    } finally {
      restore();
    }
  });

  test("a failed send is recorded and retried by the job runner with backoff", async () => {
    const restore = withKey();
    try {
      server.use(resendDown);
      const result = await sendEmail({ to: "fan@example.com", subject: "Retry me", template: "magic-link", react: react() });
      expect(result.status).toBe("failed");
      const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: result.id } });
      expect(row.status).toBe("failed");
      expect(row.error).toContain("Resend is having trouble");
      const job = await db.job.findUniqueOrThrow({ where: { dedupeKey: `email:${result.id}` } });
      expect(job.runAt.getTime()).toBeGreaterThan(Date.now() + 20_000);

      // Not yet due: nothing runs.
      expect(await runDueJobs()).toBe(0);
      // Due, provider still down: the job is rescheduled later.
      await runDueJobs({ now: new Date(Date.now() + 60_000) });
      const afterFail = await db.job.findUniqueOrThrow({ where: { id: job.id } });
      expect(afterFail).toMatchObject({ status: "pending", attempts: 1 });
      expect(afterFail.lastError).toContain("Resend is having trouble");

      // Provider back: the next run sends it, once.
      server.resetHandlers();
      await runDueJobs({ now: new Date(Date.now() + 10 * 60_000) });
      expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "done", attempts: 2 });
      expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({ status: "sent", attempts: 3 });
      expect(resendCalls.map((c) => c.headers["idempotency-key"])).toEqual(Array(3).fill(`kindred-outbox-${result.id}`));
    } finally {
      restore();
    }
  });
});

describe("secrets in mail", () => {
  const secretMail = () => ({ to: "fan@example.com", subject: "Your Kindred sign-in code: 123456", template: "magic-link", react: react(), secrets: ["123456", "abc-token-value"] });
  const linkReact = () => createElement(MagicLinkEmail, { code: "123456", url: "http://localhost:3000/auth/verify?token=abc-token-value", minutes: 15 });

  test("the outbox keeps the message with codes and link tokens hidden; without a provider nothing private is kept", async () => {
    const result = await sendEmail({ ...secretMail(), react: linkReact() });
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({ redacted: true, privateContent: null, subject: "Your Kindred sign-in code: ••••••" });
    for (const field of [row.subject, row.html, row.text]) {
      expect(field).not.toContain("123456");
      expect(field).not.toContain("abc-token-value");
    }
    expect(row.text).toContain("http://localhost:3000/auth/verify?token=••••••");
    const staff = await getOutboxMessage(row.id, { recipientCopy: true });
    expect(staff?.hidden).toBe(true);
  });

  test("the recipient gets the full message; the private copy is dropped once it is sent", async () => {
    const restore = withKey();
    try {
      server.use(resendDown);
      const result = await sendEmail({ ...secretMail(), react: linkReact() });
      const failed = await db.outboxMessage.findUniqueOrThrow({ where: { id: result.id } });
      expect(failed.status).toBe("failed");
      expect(failed.privateContent).toContain("abc-token-value");
      server.resetHandlers();
      await runDueJobs({ now: new Date(Date.now() + 60_000) });
      const sent = await db.outboxMessage.findUniqueOrThrow({ where: { id: result.id } });
      expect(sent).toMatchObject({ status: "sent", privateContent: null });
      const delivered = resendCalls.at(-1)!.body;
      expect(delivered.subject).toBe("Your Kindred sign-in code: 123456");
      expect(delivered.text).toContain("token=abc-token-value");
      expect(sent.text).not.toContain("abc-token-value");
    } finally {
      restore();
    }
  });

  test("a message that can never be sent does not keep its secrets", async () => {
    const restore = withKey();
    try {
      server.use(resendDown);
      const result = await sendEmail({ ...secretMail(), react: linkReact() });
      for (let i = 1; i <= 6; i++) await runDueJobs({ now: new Date(Date.now() + i * 3 * 60 * 60_000) });
      const job = await db.job.findUniqueOrThrow({ where: { dedupeKey: `email:${result.id}` } });
      expect(job.status).toBe("failed");
      expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: result.id } })).privateContent).toBeNull();
    } finally {
      restore();
    }
  });

  test("in demo mode the developer outbox shows the recipient's copy; the brand's outbox never does", async () => {
    process.env.DEMO_MODE = "true";
    resetEnvCache();
    try {
      const brand = await db.brand.create({ data: { name: "Secret Co", slug: `secret-${Date.now()}` } });
      const result = await sendEmail({ ...secretMail(), react: linkReact(), brandId: brand.id });
      const dev = await getOutboxMessage(result.id, { recipientCopy: true });
      expect(dev).toMatchObject({ hidden: false, subject: "Your Kindred sign-in code: 123456" });
      expect(dev!.text).toContain("token=abc-token-value");
      const staff = await getOutboxMessage(result.id, { brandId: brand.id });
      expect(staff).toMatchObject({ hidden: true, subject: "Your Kindred sign-in code: ••••••" });
      expect(staff!.html + staff!.text).not.toContain("abc-token-value");
    } finally {
      delete process.env.DEMO_MODE;
      resetEnvCache();
    }
  });

  test("a private attachment (a QR ticket) is listed for staff without its content", async () => {
    const result = await sendEmail({
      to: "fan@example.com",
      subject: "Ticket",
      template: "event",
      react: react(),
      attachments: [
        { filename: "ticket.png", contentType: "image/png", content: Buffer.from("qr"), contentId: "ticket-qr", secret: true },
        { filename: "event.ics", contentType: "text/calendar", content: "BEGIN:VCALENDAR" },
      ],
    });
    const staff = await getOutboxMessage(result.id, { recipientCopy: true });
    expect(staff!.attachments).toEqual([
      { filename: "ticket.png", contentId: "ticket-qr", size: null, href: null },
      expect.objectContaining({ filename: "event.ics", href: expect.stringMatching(/^data:text\/calendar;base64,/) }),
    ]);
  });
});
