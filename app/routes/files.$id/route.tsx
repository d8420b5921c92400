import type { LoaderFunctionArgs } from "@remix-run/node";
import { canSeeUpload } from "#app/models/upload-access.server";
import { requireUser } from "#app/utils/auth.server";
import { uploadResponse } from "#app/utils/uploads.server";

/** An uploaded file, for staff of its brand and for fans allowed to see what it belongs to; others get 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const upload = await canSeeUpload(user.id, params.id ?? "");
  if (!upload) throw new Response("Not found", { status: 404 });
  return uploadResponse(request, upload);
}
