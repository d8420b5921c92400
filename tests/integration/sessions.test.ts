import { describe, expect, test } from "vitest";
import { action as logoutAction } from "#app/routes/logout/route";
import { loader as accountLoader } from "#app/routes/account/route";
import { getUser } from "#app/utils/auth.server";
import { db } from "#app/utils/db.server";
import { BASE, callAction, callLoader, cookieFor } from "#tests/utils";
import { createUser } from "#tests/factories";

const userFrom = (cookie: string) => getUser(new Request(BASE, { headers: { Cookie: cookie } }));

describe("sessions", () => {
  test("the cookie is signed, http-only and SameSite=Lax, and holds only a session id", async () => {
    const user = await createUser(db);
    const { createSession } = await import("#app/utils/auth.server");
    const header = await createSession(user.id, new Request(BASE));
    expect(header).toMatch(/^kindred_session=/);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).not.toContain(user.id);
  });

  test("a cookie whose signature does not match is not accepted", async () => {
    const user = await createUser(db);
    const victim = await createUser(db);
    const cookie = await cookieFor(user.id);
    expect(await userFrom(cookie)).toMatchObject({ id: user.id });
    // Swap in another (valid) session id but keep the old signature.
    const victimSession = (await cookieFor(victim.id)).split("=")[1];
    const victimId = JSON.parse(Buffer.from(decodeURIComponent(victimSession).split(".")[0], "base64").toString());
    expect(await db.session.count({ where: { id: victimId } })).toBe(1);
    const signature = decodeURIComponent(cookie.split("=")[1]).split(".").pop();
    const forgedValue = `${Buffer.from(JSON.stringify(victimId)).toString("base64")}.${signature}`;
    expect(await userFrom(`kindred_session=${encodeURIComponent(forgedValue)}`)).toBeNull();
  });

  test("sign out ends this session only", async () => {
    const user = await createUser(db);
    const a = await cookieFor(user.id);
    const b = await cookieFor(user.id);
    const res = await callAction(logoutAction, "/logout", { cookie: a, form: { intent: "this-device" } });
    expect(res.status).toBe(302);
    expect(await userFrom(a)).toBeNull();
    expect(await userFrom(b)).toMatchObject({ id: user.id });
  });

  test("sign out everywhere ends every session of the account", async () => {
    const user = await createUser(db);
    const other = await createUser(db);
    const a = await cookieFor(user.id);
    const b = await cookieFor(user.id);
    const c = await cookieFor(other.id);
    const list = await callLoader(accountLoader, "/account", { cookie: a });
    expect(list.data.sessions).toHaveLength(2);
    await callAction(logoutAction, "/logout", { cookie: a, form: { intent: "everywhere" } });
    expect(await userFrom(a)).toBeNull();
    expect(await userFrom(b)).toBeNull();
    expect(await userFrom(c)).toMatchObject({ id: other.id });
  });

  test("a session unused for 14 days counts as signed out; using it keeps it alive", async () => {
    const user = await createUser(db);
    const cookie = await cookieFor(user.id);
    const thirteenDaysAgo = new Date(Date.now() - 13 * 86_400_000);
    await db.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: thirteenDaysAgo } });
    expect(await userFrom(cookie)).toMatchObject({ id: user.id });
    const seen = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(seen.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    await db.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: new Date(Date.now() - 15 * 86_400_000) } });
    expect(await userFrom(cookie)).toBeNull();
  });

  test("an expired session counts as signed out", async () => {
    const user = await createUser(db);
    const cookie = await cookieFor(user.id);
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await userFrom(cookie)).toBeNull();
  });
});
