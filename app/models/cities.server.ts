import { db } from "#app/utils/db.server";
import { cityKey, groupCities } from "./cities";

/** The brand's cities (of active ambassadors only, if asked), each once in its most used spelling. */
export async function brandCities(brandId: string, activeOnly = false) {
  const rows = await db.ambassador.groupBy({ by: ["city"], where: { brandId, city: { not: "" }, ...(activeOnly ? { status: "active" } : {}) }, _count: { _all: true } });
  return groupCities(rows.map((r) => ({ city: r.city, count: r._count._all })));
}

/** Every stored spelling of the given cities in this brand, for a database filter ("Montreal" finds "Montréal"). */
export async function citySpellings(brandId: string, cities: string[]) {
  const keys = new Set(cities.map(cityKey));
  const rows = await db.ambassador.groupBy({ by: ["city"], where: { brandId, city: { not: "" } } });
  return [...new Set([...cities, ...rows.map((r) => r.city).filter((c) => keys.has(cityKey(c)))])];
}
