import { randomUUID } from "node:crypto";
import { createReadStream, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { fileTypeFromFile } from "file-type";
import { db } from "./db.server";
import type { PendingFile } from "./request-body.server";

/** A folder under UPLOAD_DIR (default data/uploads), created on first use. */
export function uploadRoot(sub: string) {
  const dir = path.resolve(process.env.UPLOAD_DIR ?? "data/uploads", sub);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const UPLOAD_KINDS = {
  image: { maxBytes: 5 * 1024 * 1024, types: ["image/png", "image/jpeg", "image/gif", "image/webp"], describe: "PNG, JPEG, GIF or WebP images up to 5 MB" },
  file: {
    maxBytes: 25 * 1024 * 1024,
    types: ["application/pdf", "application/zip", "image/png", "image/jpeg", "image/gif", "image/webp", "video/mp4", "video/quicktime"],
    describe: "PDF, ZIP, images or MP4/MOV videos up to 25 MB",
  },
} as const;
export type UploadKind = keyof typeof UPLOAD_KINDS;

/**
 * Checks a file's real type (from its bytes, not its name) and size, then keeps it: the file moves under
 * UPLOAD_DIR/brands/<brandId>/ and an Upload row records it. Returns a message naming the file on failure.
 */
export async function checkUpload(pending: PendingFile, kind: UploadKind) {
  const rules = UPLOAD_KINDS[kind];
  const filePath = pending.file.getFilePath();
  const detected = await fileTypeFromFile(filePath);
  if (!detected || !(rules.types as readonly string[]).includes(detected.mime)) {
    return { ok: false as const, error: `“${pending.originalName}” is not an allowed type (${rules.describe}).` };
  }
  if (pending.file.size > rules.maxBytes) {
    return { ok: false as const, error: `“${pending.originalName}” is too large (${rules.describe}).` };
  }
  return { ok: true as const, mime: detected.mime, ext: detected.ext };
}

export async function storeUpload(pending: PendingFile, kind: UploadKind, brandId: string, owner: { scoopId?: string } = {}) {
  const checked = await checkUpload(pending, kind);
  if (!checked.ok) return checked;
  const storedAs = `${randomUUID()}.${checked.ext}`;
  const size = pending.file.size;
  renameSync(pending.file.getFilePath(), path.join(uploadRoot(`brands/${brandId}`), storedAs));
  const upload = await db.upload.create({
    data: { brandId, kind, fileName: pending.originalName.slice(0, 200), storedAs, mimeType: checked.mime, size, scoopId: owner.scoopId ?? null },
    select: { id: true },
  });
  return { ok: true as const, id: upload.id };
}

export async function deleteUploads(brandId: string, ids: string[]) {
  if (!ids.length) return;
  const uploads = await db.upload.findMany({ where: { brandId, id: { in: ids } }, select: { id: true, storedAs: true } });
  await db.upload.deleteMany({ where: { brandId, id: { in: uploads.map((u) => u.id) } } });
  for (const u of uploads) rmSync(path.join(uploadRoot(`brands/${brandId}`), u.storedAs), { force: true });
}

/**
 * A response streaming a stored upload (images inline, other files as downloads). Browsers may keep it but must ask
 * again every time (private, no-cache), so access that was revoked or an embargo not yet acknowledged is checked on
 * every view; an unchanged file answers 304 without its bytes.
 */
export function uploadResponse(request: Request, upload: { id: string; brandId: string; storedAs: string; mimeType: string; fileName: string; kind: string }) {
  const filePath = path.join(uploadRoot(`brands/${upload.brandId}`), upload.storedAs);
  const stat = statSync(filePath, { throwIfNoEntry: false });
  if (!stat) throw new Response("File not found", { status: 404 });
  const etag = `"${upload.id}-${stat.size}-${Math.floor(stat.mtimeMs)}"`;
  const caching = { "Cache-Control": "private, no-cache", ETag: etag };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers: caching });
  const inline = upload.mimeType.startsWith("image/");
  return new Response(Readable.toWeb(createReadStream(filePath)) as ReadableStream, {
    headers: {
      "Content-Type": upload.mimeType,
      "Content-Length": String(stat.size),
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(upload.fileName)}`,
      ...caching,
    },
  });
}
