import { db } from "#app/utils/db.server";
import { canSeeEventCover } from "./events.server";
import { canReadScoopFiles } from "./scoops.server";

/**
 * The upload if this user may see it: staff of the brand always; a fan when it belongs to a scoop they may read
 * (past any embargo acknowledgement) or is the cover of an event they may see.
 */
export async function canSeeUpload(userId: string, uploadId: string) {
  const upload = await db.upload.findUnique({ where: { id: uploadId }, select: { id: true, brandId: true, storedAs: true, mimeType: true, fileName: true, kind: true, scoopId: true } });
  if (!upload) return null;
  const staff = await db.membership.findFirst({ where: { userId, brandId: upload.brandId }, select: { id: true } });
  if (staff) return upload;
  if (upload.scoopId) return (await canReadScoopFiles(userId, upload.scoopId)) ? upload : null;
  return (await canSeeEventCover(userId, upload.id)) ? upload : null;
}
