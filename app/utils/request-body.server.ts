// Reading what a form sent: the one way every action reads its body. Bodies that are not a form, malformed,
// too large, or carrying files where none are taken are answered here with a 4xx and a reason, before any
// action code runs, so nothing is ever half-saved from a bad request.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  MaxPartSizeExceededError,
  NodeOnDiskFile,
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { parse } from "csv-parse/sync";
import { faultResponse, machineFault } from "./faults.server";
import { UPLOAD_KINDS, uploadRoot } from "./uploads.server";

/** A form without files: at most 1 MB of fields in all, 200 kB in one field. */
export const FORM_MAX_BYTES = 1024 * 1024;
const FIELD_MAX_BYTES = 200_000;

function refuse(status: number, message: string): never {
  throw new Response(message, { status, statusText: status === 413 ? "Payload Too Large" : status === 415 ? "Unsupported Media Type" : "Bad Request", headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function contentType(request: Request) {
  const type = request.headers.get("content-type")?.toLowerCase() ?? "";
  if (type.startsWith("application/x-www-form-urlencoded")) return "urlencoded" as const;
  if (type.startsWith("multipart/form-data")) {
    if (!/boundary=/.test(type)) refuse(400, "The form's Content-Type has no multipart boundary.");
    return "multipart" as const;
  }
  refuse(415, "Send forms as application/x-www-form-urlencoded or multipart/form-data.");
}

function tooLarge(limit: number): never {
  refuse(413, `The form is too large (more than ${Math.round(limit / 1024)} kB).`);
}

/** The body as text, refusing it once it passes the limit (a Content-Length that says so is refused unread). */
async function readText(request: Request, limit: number) {
  if (Number(request.headers.get("content-length") ?? 0) > limit) tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Fields only: any file in the form is refused (it belongs to a form that takes uploads). */
const noFiles: UploadHandler = async ({ filename }) => {
  if (filename) refuse(400, "This form does not take files.");
  return undefined;
};

async function readMultipart(request: Request, handler: UploadHandler) {
  try {
    return await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    if (error instanceof Response) throw error;
    if (error instanceof MaxPartSizeExceededError) return error;
    const fault = machineFault(error);
    if (fault) throw faultResponse(fault);
    refuse(400, "The form could not be read: the upload was cut off or is malformed. Please send it again.");
  }
}

/** The fields of a form sent by a browser (url-encoded, or multipart without files). */
export async function readForm(request: Request): Promise<FormData> {
  if (contentType(request) === "urlencoded") {
    const form = new FormData();
    for (const [k, v] of new URLSearchParams(await readText(request, FORM_MAX_BYTES))) form.append(k, v);
    return form;
  }
  if (Number(request.headers.get("content-length") ?? 0) > FORM_MAX_BYTES) tooLarge(FORM_MAX_BYTES);
  const parsed = await readMultipart(request, unstable_composeUploadHandlers(noFiles, unstable_createMemoryUploadHandler({ maxPartSize: FIELD_MAX_BYTES })));
  if (parsed instanceof MaxPartSizeExceededError) tooLarge(FIELD_MAX_BYTES);
  return parsed;
}

export type PendingFile = { field: string; originalName: string; file: NodeOnDiskFile };

type MultipartOptions = {
  /** the largest file taken (default: the largest upload kind, 25 MB) */
  maxFileBytes?: number;
  /** where files wait until they are checked and stored (default: UPLOAD_DIR/tmp) */
  directory?: string;
  /** the extension waiting files get (default: none) */
  extension?: string;
};

/**
 * Reads a form that may carry files: the named file fields are streamed to disk (up to maxFileBytes — a larger
 * file stops the upload with a clear message), other fields are kept in memory. A form sent without files
 * (url-encoded) is read as it is. The form data holds the fields only; the files come separately.
 */
export async function parseMultipart(request: Request, fileFields: string[], options: MultipartOptions = {}) {
  if (contentType(request) === "urlencoded") return { ok: true as const, formData: await readForm(request), files: [] as PendingFile[] };
  const names = new Map<string, string>();
  const maxFileBytes = options.maxFileBytes ?? Math.max(...Object.values(UPLOAD_KINDS).map((k) => k.maxBytes));
  const parsed = await readMultipart(
    request,
    unstable_composeUploadHandlers(
      unstable_createFileUploadHandler({
        directory: options.directory ?? uploadRoot("tmp"),
        maxPartSize: maxFileBytes,
        filter: ({ name, filename }) => fileFields.includes(name) && !!filename,
        file: ({ filename }) => {
          const stored = `${randomUUID()}${options.extension ?? ""}`;
          names.set(stored, filename || "file");
          return stored;
        },
      }),
      noFiles,
      unstable_createMemoryUploadHandler({ maxPartSize: FIELD_MAX_BYTES }),
    ),
  );
  if (parsed instanceof MaxPartSizeExceededError) return { ok: false as const, error: `A file is larger than ${maxFileBytes / 1024 / 1024} MB.` };
  const formData = new FormData();
  const files: PendingFile[] = [];
  for (const [field, value] of parsed) {
    if (typeof value === "string") formData.append(field, value);
    else if (value instanceof NodeOnDiskFile) {
      if (value.size === 0) await value.remove();
      else files.push({ field, originalName: names.get(value.name) ?? value.name, file: value });
    }
  }
  return { ok: true as const, formData, files };
}

/** The rows of an uploaded CSV file (BOM removed, ragged rows allowed), or null when it is not readable CSV. */
export function readCsvUpload(pending: PendingFile): string[][] | null {
  try {
    return parse(readFileSync(pending.file.getFilePath(), "utf8").replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: true });
  } catch {
    return null;
  }
}

/** Removes waiting files that were not stored (after a failed validation). */
export async function discardFiles(files: PendingFile[]) {
  await Promise.all(files.map((f) => f.file.remove().catch(() => {})));
}
