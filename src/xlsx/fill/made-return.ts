/**
 * A unit's own return made from the returns of the units below it (a district
 * from its towns): the unit's template as `generate` writes it, filled by
 * core's asReturn. One function for both callers: the CLI
 * (`consolidate --as-return`, which writes the bytes to a file) and the
 * add-in (which opens them as a new workbook). No fs, no Node: the template
 * writer and the zip edits run in the browser too.
 */

import { asReturn, type AsReturn, type AsReturnItem } from '../../core/consolidate/as-return';
import type { Consolidation } from '../../core/consolidate/types';
import { message } from '../../core/i18n';
import type { Period } from '../../core/period';
import type { Plan } from '../../core/plan/types';
import { unitEntryTarget } from '../../core/template/entry-target';
import { statusWord } from '../../core/template/status-word';
import type { Lang } from '../../core/rules/finding';
import { writeTemplate } from '../write/template';
import type { ZipCodec } from '../write/zip';
import { writeConsolidatedReturn } from './consolidated-return';

export interface MadeReturnOptions {
  /** "plansheet 0.1.0" or the add-in's name: written to the metadata. */
  generator: string;
  now?: Date;
  /** Raw deflate; the CLI passes Node's zlib, the browser keeps fflate. */
  codec?: ZipCodec;
}

export interface MadeReturn {
  bytes: Uint8Array;
  made: AsReturn;
  /** The items with file names only (never the paths of the machine that made it). */
  items: AsReturnItem[];
  /** Files of the units below with findings, by name. */
  findingFiles: string[];
}

/** "2024-02-01 16:00（北京时间 UTC+8）": the time the district office reads. */
export function chinaTime(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ')}（北京时间 UTC+8）`;
}

/** The last segment of a Windows or POSIX path. */
export function fileName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

/** The bytes of `unit`'s return made from `result` (which must hold only returns below `unit`: see outsideReturns). */
export async function makeReturnFromBelow(plan: Plan, period: Period, result: Consolidation, unit: string, lang: Lang, opts: MadeReturnOptions): Promise<MadeReturn> {
  const made = asReturn(plan, period, result, unit, lang);
  const now = opts.now ?? new Date();
  const template = await writeTemplate(plan, period, unit, { generatedAt: now, generator: opts.generator, zipCodec: opts.codec });
  const base = <T extends { file: string }>(x: T): T => ({ ...x, file: fileName(x.file) });
  const items = made.items.map((it) => ({ ...it, sources: it.sources.map(base) }));
  const files = made.belowFindings.files.map(fileName);
  // The words the status formulas give for what is written (the template caches 未填 for every row).
  const byCode = new Map(plan.indicators.map((i) => [i.code, i]));
  const statuses: Record<string, string> = {};
  for (const it of items) {
    const ind = byCode.get(it.code);
    if (ind) statuses[it.code] = statusWord({ entry: unitEntryTarget(plan, ind, period, unit), kind: ind.kind, tolerance: ind.tolerance, value: it.value, remark: it.remark, cumulative: ind.cumulative });
  }
  const bytes = writeConsolidatedReturn({
    template,
    values: Object.fromEntries(items.filter((i) => i.value !== null).map((i) => [i.code, i.value!])),
    remarks: Object.fromEntries(items.filter((i) => i.remark).map((i) => [i.code, i.remark!])),
    statuses,
    meta: {
      sources: Object.fromEntries(items.filter((i) => i.value !== null).map((i) => [i.code, i.sources])),
      belowFindings: { ...made.belowFindings, files },
    },
    count: made.count,
    provenance: {
      title: made.title,
      lines: [
        message('tree.from', { count: made.count, at: chinaTime(now) }, lang),
        made.belowFindings.errors + made.belowFindings.warnings
          ? message('tree.findings', { errors: made.belowFindings.errors, warnings: made.belowFindings.warnings, files: files.join('、') }, lang)
          : message('tree.findings-none', {}, lang),
      ],
      items,
      unitNames: Object.fromEntries(plan.units.map((u) => [u.code, u.name])),
    },
    mtime: now,
    codec: opts.codec,
  });
  return { bytes, made, items, findingFiles: files };
}
