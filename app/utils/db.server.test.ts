import { describe, expect, test } from "vitest";
import { db, engine } from "./db.server";

/** Fails instead of hanging when the connection is wedged. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms: the connection is wedged`)), ms))]);
}

/** A transaction whose COMMIT fails: a foreign key checked only at COMMIT (deferred) is broken. */
function failingCommit() {
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
    await tx.membership.create({ data: { userId: "no-such-user", brandId: "no-such-brand", role: "owner" } });
  });
}

// The SQLite connection (the serialized adapter); PostgreSQL ends a transaction whose COMMIT fails by itself.
describe.skipIf(engine !== "sqlite")("the database connection", () => {
  test("a failed COMMIT ends its transaction: later writes, in and out of transactions, go through", async () => {
    await expect(within(3000, failingCommit())).rejects.toThrow(/ForeignKeyConstraintViolation/);
    const user = await within(3000, db.user.create({ data: { email: `after-${Date.now()}@example.com` } }));
    await within(
      3000,
      db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { name: "Still writable" } });
      }),
    );
    // Nothing of the failed transaction was kept, and the writes after it were committed for real.
    expect(await db.membership.count({ where: { userId: "no-such-user" } })).toBe(0);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ name: "Still writable" });
  });

  test("a query outside a transaction waits for it instead of joining it", async () => {
    const email = `outside-${Date.now()}@example.com`;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = db
      .$transaction(async (t) => {
        await t.user.create({ data: { email: `inside-${email}` } });
        await gate;
        throw new Error("roll back");
      })
      .catch((e: Error) => e.message);
    await new Promise((r) => setTimeout(r, 20));
    // This write is not part of the transaction above: its rollback must not take it along.
    const outside = db.user.create({ data: { email } });
    release();
    expect(await tx).toBe("roll back");
    await outside;
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await db.user.count({ where: { email: `inside-${email}` } })).toBe(0);
  });
});
