/**
 * The metadata rows a consolidated return (a district return made from its
 * towns with `consolidate --as-return`) adds to `_plansheet_meta`, beside the
 * generator's keys: per indicator, the town cells its value was made from, and
 * the towns' findings as a count and a pointer. Readers that do not know these
 * keys ignore them, so the district return keeps the template contract.
 */

import type { BelowFindings, SourceCell } from '../../core/return/types';

/** `source:<indicator code>` → JSON array of SourceCell. */
export const SOURCE_KEY_PREFIX = 'source:';
/** JSON BelowFindings. */
export const BELOW_FINDINGS_KEY = 'below_findings';
/** How many lower returns the values were made from (for people opening the sheet). */
export const CONSOLIDATED_FROM_KEY = 'consolidated_from';

export interface TreeMeta {
  sources?: Record<string, SourceCell[]>;
  belowFindings?: BelowFindings;
}

function isSourceCell(x: unknown): x is SourceCell {
  const c = x as SourceCell;
  return !!c && typeof c.file === 'string' && typeof c.unit === 'string' && typeof c.sheet === 'string' && typeof c.cell === 'string' && (c.value === null || typeof c.value === 'number');
}

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Reads the rows back from the metadata key/value map; malformed rows are ignored (they only add provenance). */
export function readTreeMeta(kv: ReadonlyMap<string, string>): TreeMeta {
  const out: TreeMeta = {};
  for (const [key, text] of kv) {
    if (!key.startsWith(SOURCE_KEY_PREFIX)) continue;
    const cells = parseJson(text);
    if (!Array.isArray(cells) || !cells.every(isSourceCell)) continue;
    (out.sources ??= {})[key.slice(SOURCE_KEY_PREFIX.length)] = cells.map((c) => ({ file: c.file, unit: c.unit, sheet: c.sheet, cell: c.cell, value: c.value }));
  }
  const f = parseJson(kv.get(BELOW_FINDINGS_KEY)) as BelowFindings | undefined;
  if (f && typeof f.errors === 'number' && typeof f.warnings === 'number' && Array.isArray(f.files))
    out.belowFindings = { errors: f.errors, warnings: f.warnings, files: f.files.filter((x) => typeof x === 'string') };
  return out;
}

/** The rows to add, in order. */
export function treeMetaRows(meta: TreeMeta, count: number): [string, string][] {
  const rows: [string, string][] = [[CONSOLIDATED_FROM_KEY, String(count)]];
  for (const [code, cells] of Object.entries(meta.sources ?? {})) rows.push([SOURCE_KEY_PREFIX + code, JSON.stringify(cells)]);
  if (meta.belowFindings) rows.push([BELOW_FINDINGS_KEY, JSON.stringify(meta.belowFindings)]);
  return rows;
}
