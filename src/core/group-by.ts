/**
 * Items by key, each group in input order; an item without a key (null or
 * undefined) is in no group. The many "each unit's returns" lookups of a
 * town-scale round use it, so no unit scans every return.
 */
export function groupBy<T>(items: readonly T[], key: (t: T) => string | null | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (k === null || k === undefined) continue;
    const g = out.get(k);
    if (g) g.push(it);
    else out.set(k, [it]);
  }
  return out;
}
