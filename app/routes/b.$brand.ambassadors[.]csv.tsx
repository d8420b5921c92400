import type { LoaderFunctionArgs } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { parseDirectoryFilter } from "#app/models/ambassador";
import { exportAmbassadors } from "#app/models/ambassadors.server";
import { TIER_THRESHOLDS_SELECT, tierFor } from "#app/models/tiers";
import { db } from "#app/utils/db.server";
import { requireBrandMember } from "#app/utils/permissions.server";

const HEADER = ["name", "email", "city", "region", "status", "tier", "max_followers", "accounts", "tags", "emails_ok", "source", "joined_at", "last_touch_at"];

/** The directory with its current filters, as a CSV download (streamed). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand } = await requireBrandMember(request, params.brand, "manager");
  const filter = parseDirectoryFilter(new URL(request.url).searchParams);
  const settings = await db.brand.findUniqueOrThrow({ where: { id: brand.id }, select: { ...TIER_THRESHOLDS_SELECT, quietAfterDays: true } });
  const pages = exportAmbassadors(brand.id, filter, { thresholds: settings, quietAfterDays: settings.quietAfterDays });
  const encoder = new TextEncoder();
  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode("\uFEFF" + stringify([HEADER])));
    },
    async pull(controller) {
      const next = await pages.next();
      if (next.done) return controller.close();
      const rows = next.value.map((a) => [
        a.name,
        a.email,
        a.city,
        a.region,
        a.status,
        tierFor(a.maxFollowers, settings),
        a.maxFollowers,
        a.socialAccounts.map((s) => `${s.platform}:@${s.handle} (${s.followers})`).join("; "),
        a.tags.map((t) => t.tag.name).join(", "),
        a.emailOptIn ? "yes" : "no",
        a.source,
        a.joinedAt?.toISOString() ?? "",
        a.lastTouchAt.toISOString(),
      ]);
      controller.enqueue(encoder.encode(stringify(rows)));
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${brand.slug}-ambassadors.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
