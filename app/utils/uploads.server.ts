import { randomUUID } from "node:crypto";
import { createReadStream, mkdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import {
  MaxPartSizeExceededError,
  NodeOnDiskFile,
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { parse } from "csv-parse/sync";
import { fileTypeFromFile } from "file-type";
import { db } from "./db.server";

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

export type PendingFile = { field: string; originalName: string; file: NodeOnDiskFile };

/**
 * Parses a form that may carry files: the named file fields are streamed to a temporary folder (at most the
 * largest allowed size — larger parts stop the upload with a clear message), everything else is kept in memory.
 * A form sent without files (url-encoded) is read as it is, with no files.
 */
export async function parseMultipart(request: Request, fileFields: string[]) {
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) {
    return { ok: true as const, formData: await request.formData(), files: [] as PendingFile[] };
  }
  const names = new Map<string, string>();
  const maxPartSize = Math.max(...Object.values(UPLOAD_KINDS).map((k) => k.maxBytes));
  try {
    const formData = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(
        unstable_createFileUploadHandler({
          directory: uploadRoot("tmp"),
          maxPartSize,
          filter: ({ name, filename }) => fileFields.includes(name) && !!filename,
          file: ({ filename }) => {
            const stored = randomUUID();
            names.set(stored, filename || "file");
            return stored;
          },
        }),
        unstable_createMemoryUploadHandler({ maxPartSize: 200_000 }),
      ),
    );
    const files: PendingFile[] = [];
    for (const field of fileFields) {
      for (const value of formData.getAll(field)) {
        if (value instanceof NodeOnDiskFile) {
          if (value.size === 0) await value.remove();
          else files.push({ field, originalName: names.get(value.name) ?? value.name, file: value });
        }
      }
    }
    return { ok: true as const, formData, files };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false as const, error: `A file is larger than ${maxPartSize / 1024 / 1024} MB.` };
    throw error;
  }
}

/** The rows of an uploaded CSV file (BOM removed, ragged rows allowed), or null when it is not readable CSV. */
export function readCsvUpload(pending: PendingFile): string[][] | null {
  try {
    return parse(readFileSync(pending.file.getFilePath(), "utf8").replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: true });
  } catch {
    return null;
  }
}

/** Removes temporary files that were not stored (after a failed validation). */
export async function discardFiles(files: PendingFile[]) {
  await Promise.all(files.map((f) => f.file.remove().catch(() => {})));
}

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
