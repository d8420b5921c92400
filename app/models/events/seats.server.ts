// Seats. Event.seatsTaken counts the seats held by going and offered RSVPs (with plus-ones). It only grows
// through one conditional UPDATE, so two RSVPs racing for the last seat cannot both get it — on SQLite and on
// PostgreSQL alike.
import { randomBytes } from "node:crypto";
import type { Prisma } from "#app/generated/prisma/client";

type Tx = Prisma.TransactionClient;

// Seats. Event.seatsTaken counts the seats held by going and offered RSVPs (with plus-ones). It only grows
// through one conditional UPDATE, so two RSVPs racing for the last seat cannot both get it — on SQLite and on
// PostgreSQL alike.
// ---------------------------------------------------------------------------------------------------------

/** Takes `n` seats if they are free (true), or gives back -n seats. */
export async function takeSeats(tx: Tx, eventId: string, n: number) {
  if (n === 0) return true;
  if (n < 0) {
    await tx.$executeRaw`UPDATE "Event" SET "seatsTaken" = "seatsTaken" + ${n} WHERE "id" = ${eventId}`;
    return true;
  }
  const changed = await tx.$executeRaw`UPDATE "Event" SET "seatsTaken" = "seatsTaken" + ${n} WHERE "id" = ${eventId} AND ("capacity" IS NULL OR "seatsTaken" + ${n} <= "capacity")`;
  return changed === 1;
}

export const newTicketCode = () => randomBytes(18).toString("base64url");

export async function seatsLeft(tx: Tx, eventId: string) {
  const e = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { capacity: true, seatsTaken: true } });
  return e.capacity === null ? Infinity : Math.max(0, e.capacity - e.seatsTaken);
}
