import type { Prisma } from "#app/generated/prisma/client";
import { recordTouch } from "./timeline.server";
import type { JoinInput } from "./join";

type JoinArgs = {
  brandId: string;
  ambassadorId: string;
  userId: string;
  input: JoinInput;
  termsVersion: number;
  how: string;
};

/**
 * Makes an ambassador active for a signed-in fan: links the account, records consent to the program terms
 * (with the version) and the email choice, and notes the join on the timeline. Runs inside the caller's
 * transaction.
 */
export async function activateAmbassador(tx: Prisma.TransactionClient, { brandId, ambassadorId, userId, input, termsVersion, how }: JoinArgs) {
  const now = new Date();
  await tx.ambassador.update({
    where: { id: ambassadorId },
    data: {
      userId,
      name: input.name,
      city: input.city,
      status: "active",
      joinedAt: now,
      leftAt: null,
      termsVersion,
      termsAcceptedAt: now,
      emailOptIn: input.emailOptIn,
    },
  });
  await tx.consent.createMany({
    data: [
      { ambassadorId, kind: "terms", version: termsVersion, granted: true, createdAt: now },
      { ambassadorId, kind: "email", granted: input.emailOptIn, createdAt: now },
    ],
  });
  await tx.user.updateMany({ where: { id: userId, name: null }, data: { name: input.name } });
  await recordTouch({ brandId, ambassadorId, kind: "joined", summary: `Joined the program ${how}`, actorId: userId, at: now }, tx);
}
