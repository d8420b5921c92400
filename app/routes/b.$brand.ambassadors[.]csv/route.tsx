import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseDirectoryFilter } from "#app/models/ambassadors";
import { exportAmbassadors } from "#app/models/ambassadors.server";
import { tierFor } from "#app/models/tiers";
import { csvResponse, toCsv } from "#app/utils/csv.server";
import { directorySettings } from "#app/models/brand.server";
import { requireBrandMember } from "#app/utils/permissions.server";

const HEADER = ["name", "email", "city", "region", "status", "tier", "max_followers", "accounts", "tags", "emails_ok", "source", "joined_at", "last_touch_at"];

/** The directory with its current filters, as a CSV download (streamed). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "manager");
  const filter = parseDirectoryFilter(new URL(request.url).searchParams);
  const settings = await directorySettings(scope);
  const pages = exportAmbassadors(scope, filter, { thresholds: settings, quietAfterDays: settings.quietAfterDays });
  async function* chunks() {
    yield toCsv([HEADER]);
    for await (const page of pages) {
      yield toCsv(
        page.map((a) => [
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
          a.joinedAt,
          a.lastTouchAt,
        ]),
      );
    }
  }
  return csvResponse(`${brand.slug}-ambassadors.csv`, chunks());
}
