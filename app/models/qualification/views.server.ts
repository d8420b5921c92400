// Saved directory views: a named filter the team reuses in the directory and as a scoop, event or seeding audience.
import { db, isUniqueViolation } from "#app/utils/db.server";
import { audienceReady, directoryQuery, parseDirectoryFilter } from "../ambassadors";
import { NotFound } from "../errors";
import { type BrandScope } from "../scope";

export const MAX_VIEWS = 50;

export async function listViews(scope: BrandScope) {
  const views = await db.savedView.findMany({ where: { brandId: scope.brandId }, orderBy: { name: "asc" }, take: MAX_VIEWS, select: { id: true, name: true, query: true } });
  return views.map((v) => ({ ...v, audienceReady: audienceReady(parseDirectoryFilter(new URLSearchParams(v.query))) }));
}

/** Saves the directory's current filters under a name (page and nothing else dropped). */
export async function saveView(scope: BrandScope, name: string, search: URLSearchParams): Promise<{ ok: true; query: string } | { ok: false; error: string }> {
  const query = directoryQuery(parseDirectoryFilter(search));
  if (!query) return { ok: false, error: "Choose some filters first: a view of everyone is the directory itself." };
  if ((await db.savedView.count({ where: { brandId: scope.brandId } })) >= MAX_VIEWS) return { ok: false, error: `A brand keeps up to ${MAX_VIEWS} views. Delete one first.` };
  try {
    await db.savedView.create({ data: { brandId: scope.brandId, name, query, createdById: scope.userId } });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: `There is already a view called “${name}”.` };
    throw error;
  }
  return { ok: true, query };
}

export async function deleteView(scope: BrandScope, viewId: string) {
  const { count } = await db.savedView.deleteMany({ where: { id: viewId, brandId: scope.brandId } });
  if (!count) throw new NotFound();
}
