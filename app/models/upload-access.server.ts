import { db } from "#app/utils/db.server";
import { isStaffRole, roleAtLeast, type StaffRole } from "./roles";
import { canSeeEventCover } from "./events/rsvp.server";
import { canReadScoopFiles } from "./scoops/feed.server";

/**
 * The upload if this user may see it, by the rules of the page that owns it:
 * - a scoop's images and files: staff who may open scoops (managers and owners); fans who may read the scoop,
 *   past any embargo acknowledgement;
 * - an event's cover: any staff role; fans who may see the event;
 * - a post's screenshot: staff who may open posts (managers and owners); the fan whose post it is;
 * - anything else: managers and owners.
 * Everyone else gets null (a 404, the same as a file that does not exist).
 */
export async function canSeeUpload(userId: string, uploadId: string) {
  const upload = await db.upload.findUnique({ where: { id: uploadId }, select: { id: true, brandId: true, storedAs: true, mimeType: true, fileName: true, kind: true, scoopId: true } });
  if (!upload) return null;
  const [membership, cover, post] = await Promise.all([
    db.membership.findFirst({ where: { userId, brandId: upload.brandId }, select: { role: true } }),
    upload.scoopId ? null : db.event.findFirst({ where: { brandId: upload.brandId, coverUploadId: upload.id }, select: { id: true } }),
    upload.scoopId ? null : db.post.findFirst({ where: { brandId: upload.brandId, screenshotUploadId: upload.id }, select: { ambassador: { select: { userId: true } } } }),
  ]);
  const staffRole = membership && isStaffRole(membership.role) ? membership.role : null;
  const staffMay = (needed: StaffRole) => !!staffRole && roleAtLeast(staffRole, needed);
  if (upload.scoopId) return staffMay("manager") || (await canReadScoopFiles(userId, upload.scoopId)) ? upload : null;
  if (cover) return staffMay("organizer") || (await canSeeEventCover(userId, upload.id)) ? upload : null;
  if (post) return staffMay("manager") || post.ambassador.userId === userId ? upload : null;
  return staffMay("manager") ? upload : null;
}
