/**
 * Cities are compared the way people read them: "Montréal", "montreal" and "MONTREAL " are one city. The key drops
 * accents (Unicode marks after NFD), case and extra spaces or hyphens; the spelling shown is the most used one.
 */
export function cityKey(city: string) {
  return city.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[\s\-‐–—]+/g, " ").trim();
}

/** Stored spellings with how many use each → one entry per city, in its most used spelling, sorted. */
export function groupCities(rows: { city: string; count: number }[]) {
  const best = new Map<string, { city: string; count: number; spellings: string[] }>();
  for (const r of rows) {
    const key = cityKey(r.city);
    if (!key) continue;
    const seen = best.get(key);
    if (!seen) best.set(key, { city: r.city, count: r.count, spellings: [r.city] });
    else {
      seen.spellings.push(r.city);
      if (r.count > seen.count || (r.count === seen.count && r.city.localeCompare(seen.city) > 0)) Object.assign(seen, { city: r.city, count: r.count });
    }
  }
  return [...best.values()].sort((a, b) => a.city.localeCompare(b.city, "en", { sensitivity: "base" }));
}

export function sameCity(a: string, b: string) {
  return cityKey(a) === cityKey(b);
}
