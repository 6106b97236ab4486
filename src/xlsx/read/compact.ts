/**
 * Parsed returns kept small. A consolidation holds every return until the
 * summary is written: ten thousand returns × ninety entries. Most of their
 * strings repeat from return to return (cell addresses, the sheet name, the
 * codes, the target text, the value types), so each is kept once; and a
 * string cut out of a part's XML may keep the whole part alive behind it
 * (a substring of a long string points into it), so every string kept is
 * copied out on its own. Cell references repeat too, and are shared the same way.
 */

import type { CellRef, ParsedReturn, RawCell, ReturnEntry, StructuralIssue } from '../../core/return/types';

/** Strings up to this long are shared; longer ones (remarks, free text) are only copied out. */
const SHARED_MAX_LENGTH = 64;
/** Distinct strings shared at most; past that, strings are only copied (a hostile file must not grow the table forever). */
const SHARED_MAX_COUNT = 200_000;

const shared = new Map<string, string>();

/** A copy of `s` that holds no larger string alive. */
function own(s: string): string {
  // Short strings are always copied when cut; a longer one is flattened into
  // a string of its own by the concatenation.
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** The one kept copy of a repeating string (or an own copy of a long or unusual one). */
export function keep(s: string): string;
export function keep(s: string | undefined): string | undefined;
export function keep(s: string | null): string | null;
export function keep(s: string | null | undefined): string | null | undefined {
  if (typeof s !== 'string') return s;
  if (s.length > SHARED_MAX_LENGTH) return own(s);
  const k = shared.get(s);
  if (k !== undefined) return k;
  if (shared.size >= SHARED_MAX_COUNT) return own(s);
  const c = own(s);
  shared.set(c, c);
  return c;
}

/** Cell references by sheet and address: the same rows of the same sheet in every return. Nothing changes a CellRef once made. */
const refs = new Map<string, CellRef>();

function keepRef(r: CellRef): CellRef {
  const key = `${r.sheet}\u0000${r.cell}`;
  const k = refs.get(key);
  if (k !== undefined) return k;
  const c = { sheet: keep(r.sheet), cell: keep(r.cell) };
  if (refs.size < SHARED_MAX_COUNT && key.length <= SHARED_MAX_LENGTH) refs.set(key, c);
  return c;
}

function keepCell(c: RawCell): RawCell {
  switch (c.type) {
    case 'empty':
    case 'number':
    case 'boolean':
      return c;
    case 'formula': {
      const f: RawCell = { type: 'formula', formula: keep(c.formula) };
      if (c.cached) f.cached = keepCell(c.cached);
      return f;
    }
    default:
      return { type: c.type, value: keep(c.value) } as RawCell;
  }
}

function keepEntry(e: ReturnEntry): ReturnEntry {
  const out: ReturnEntry = { code: keep(e.code), value: keepCell(e.value), remark: keep(e.remark), valueAt: keepRef(e.valueAt) };
  if (e.remarkAt) out.remarkAt = keepRef(e.remarkAt);
  if (e.shownCode !== undefined) out.shownCode = keep(e.shownCode);
  if (e.shownTarget !== undefined) out.shownTarget = keep(e.shownTarget);
  return out;
}

function keepIssue(i: StructuralIssue): StructuralIssue {
  const out: StructuralIssue = { rule: keep(i.rule) };
  if (i.at) out.at = keepRef(i.at);
  if (i.params) out.params = Object.fromEntries(Object.entries(i.params).map(([k, v]) => [k, typeof v === 'string' ? keep(v) : v]));
  return out;
}

/** The same return with its strings shared or copied out (a new object; `ret` is left as it was). */
export function compactReturn(ret: ParsedReturn): ParsedReturn {
  const entries = new Map<string, ReturnEntry>();
  for (const [code, e] of ret.entries) entries.set(keep(code), keepEntry(e));
  const out: ParsedReturn = {
    source: ret.source,
    meta: ret.meta && {
      ...ret.meta,
      formatVersion: keep(ret.meta.formatVersion),
      planId: keep(ret.meta.planId),
      planHash: keep(ret.meta.planHash),
      unitCode: keep(ret.meta.unitCode),
      period: keep(ret.meta.period),
      codes: ret.meta.codes.map((c) => keep(c)),
      ...(ret.meta.unitName !== undefined ? { unitName: keep(ret.meta.unitName) } : {}),
      ...(ret.meta.generatedAt !== undefined ? { generatedAt: keep(ret.meta.generatedAt) } : {}),
      ...(ret.meta.deadline !== undefined ? { deadline: keep(ret.meta.deadline) } : {}),
    },
    reporter: Object.fromEntries(Object.entries(ret.reporter).map(([k, v]) => [k, typeof v === 'string' ? keep(v) : v])),
    entries,
    structural: ret.structural.map(keepIssue),
  };
  if (ret.modifiedAt !== undefined) out.modifiedAt = keep(ret.modifiedAt);
  return out;
}
