/**
 * Reading a raw value cell as a number. This is the single place where the
 * "number typed as text" decisions live, so the CLI, the add-in's status
 * column and the consolidation all read a cell the same way.
 *
 * Principle: a text is read only when there is exactly one sensible reading,
 * and then with a warning that says how it was read ("1,234" → 1234). Anything
 * that needs a guess ("约100", "1.2万" in a 个 indicator, "95%" in an amount)
 * is an error: a wrong silent guess would flow into the city figure.
 */

import type { Indicator } from '../plan/types';
import type { ParsedReturn, RawCell, ReturnEntry } from '../return/types';
import { toHalfWidth } from '../plan/target';
import { formatNumber, type MessageKey } from '../i18n';

export interface NumberReading {
  /** The number settled on; null when blank or unreadable. */
  value: number | null;
  /** Message key saying how the cell was read (warning when ok) or why not (error). */
  how?: MessageKey;
  /** false: the cell holds something that is not a usable number (an error finding). */
  ok: boolean;
  /** Parameters for the `how` message: text, value, unit, suffix, suggest… */
  params?: Record<string, string | number>;
  /** Set when the cell held a formula and `value` comes from its saved result. */
  formula?: string;
  /**
   * Indicators of kind `text` (qualitative goals reported in words): what the
   * unit wrote, trimmed; undefined when blank. `value` is then always null.
   */
  text?: string;
}

/** Words that make a number an estimate rather than a figure. */
const APPROX_RE = /约|大约|大概|左右|上下|多|余|近|将近|接近|超过|不到|不足|以上|以下|以内|估|预计|预估|初步|≈|~|～|〜|<|>|≤|≥|\?|？/;

/** Order-of-magnitude words that may prefix a unit (万个, 亿元). */
const SCALES: [string, number][] = [
  ['千万', 1e7],
  ['百万', 1e6],
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
];

/** The magnitude word a unit starts with ("万个" → 万), if any. */
export function unitScale(unit: string): { word: string; factor: number; base: string } | null {
  for (const [word, factor] of SCALES) {
    if (unit.startsWith(word) && unit.length >= word.length) return { word, factor, base: unit.slice(word.length) };
  }
  return null;
}

/**
 * Whether values of the indicator are percentages, entered 0–100: kind
 * `percent`, and any indicator whose unit is % (growth rates of kind `number`
 * such as 小微企业有贷户增长率). A clerk types "30%" in both alike.
 */
export function isPercentIndicator(ind: Pick<Indicator, 'kind' | 'unit'>): boolean {
  return ind.kind === 'percent' || ind.unit.trim() === '%';
}

const NUMBER_PART = /^([+-]?)\s*((?:\d[\d,]*)(?:\.\d+)?|\.\d+)\s*(.*)$/s;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

function fail(how: MessageKey, params: Record<string, string | number>): NumberReading {
  return { value: null, ok: false, how, params };
}

function readText(original: string, ind: Indicator): NumberReading {
  const widened = original.replace(/\uFF0C/g, ',').replace(/[\u2212\uFE63]/g, '-');
  const half = toHalfWidth(widened).replace(/[\u00A0\u2007\u202F]/g, ' ');
  const fullwidth = half !== original.replace(/[\u00A0\u2007\u202F]/g, ' ');
  const trimmed = half.trim();
  const text = original;
  if (trimmed === '') return { value: null, ok: true };
  if (!/\d/.test(trimmed)) return fail('num.no-data', { text });
  if (APPROX_RE.test(trimmed)) return fail('num.approx', { text });

  const m = NUMBER_PART.exec(trimmed);
  if (!m) return fail('num.unreadable', { text });
  const [, sign, digits, rest] = m;
  const suffix = rest.trim();
  let thousands = false;
  if (digits.includes(',')) {
    if (!GROUPED.test(digits)) return fail('num.unreadable', { text });
    thousands = true;
  }
  const n = Number(`${sign}${digits.replace(/,/g, '')}`);
  if (!Number.isFinite(n)) return fail('num.unreadable', { text });
  // Spaces inside the number part itself ("1 234") would need a guess.
  const spaces = half !== trimmed || /\s/.test(trimmed);

  let how: MessageKey;
  const params: Record<string, string | number> = { text, value: formatNumber(n), unit: ind.unit };
  if (suffix === '') {
    how = fullwidth ? 'num.fullwidth' : thousands ? 'num.thousands' : spaces ? 'num.spaces' : 'num.text';
  } else if (suffix === '%' || suffix === '％') {
    if (!isPercentIndicator(ind)) return fail('num.percent-in-non-percent', { text, unit: ind.unit });
    how = 'num.percent-sign';
  } else if (/\d/.test(suffix)) {
    return fail('num.unreadable', { text });
  } else if (suffix === ind.unit) {
    how = 'num.unit-suffix';
    params.suffix = suffix;
  } else {
    const scale = SCALES.find(([w]) => suffix.startsWith(w));
    if (scale) {
      const [word, factor] = scale;
      const own = unitScale(ind.unit);
      const restUnit = suffix.slice(word.length).trim();
      const baseOk = restUnit === '' || restUnit === (own ? own.base : ind.unit);
      if (!baseOk) return fail('num.unit-mismatch', { text, suffix, unit: ind.unit });
      if (own && own.word === word) {
        how = 'num.unit-suffix';
        params.suffix = suffix;
      } else {
        const suggest = (n * factor) / (own ? own.factor : 1);
        return fail('num.scale-mismatch', { text, scale: word, unit: ind.unit, suggest: formatNumber(suggest) });
      }
    } else if (/^[\p{L}]{1,6}$/u.test(suffix)) {
      return fail('num.unit-mismatch', { text, suffix, unit: ind.unit });
    } else {
      return fail('num.unreadable', { text });
    }
  }
  return { value: n, ok: true, how, params };
}

/** A `text` indicator's cell: any words or number are a report; errors are not. */
function readWords(cell: RawCell): NumberReading {
  switch (cell.type) {
    case 'empty':
      return { value: null, ok: true };
    case 'text': {
      const t = String(cell.value ?? '').trim();
      return t ? { value: null, ok: true, text: t } : { value: null, ok: true };
    }
    case 'number':
      return Number.isFinite(cell.value) ? { value: null, ok: true, text: formatNumber(cell.value) } : fail('num.not-finite', { text: String(cell.value) });
    case 'boolean':
      return { value: null, ok: true, text: cell.value ? 'TRUE' : 'FALSE' };
    case 'date':
      return { value: null, ok: true, text: String(cell.value) };
    case 'error':
      return fail('text.error-value', { text: String(cell.value) });
    default:
      return fail('num.unreadable', { text: JSON.stringify(cell) ?? '' });
  }
}

export function readNumber(cell: RawCell, ind: Indicator): NumberReading {
  if (ind.kind === 'text' && cell.type !== 'formula') return readWords(cell);
  switch (cell.type) {
    case 'empty':
      return { value: null, ok: true };
    case 'number':
      if (typeof cell.value !== 'number' || !Number.isFinite(cell.value))
        return fail('num.not-finite', { text: String(cell.value) });
      return { value: cell.value, ok: true };
    case 'text':
      return readText(String(cell.value ?? ''), ind);
    case 'boolean':
      return fail('num.boolean', { text: cell.value ? 'TRUE' : 'FALSE' });
    case 'date':
      return fail('num.date', { text: String(cell.value) });
    case 'error':
      return fail('num.error-value', { text: String(cell.value) });
    case 'formula': {
      const formula = `=${String(cell.formula ?? '').replace(/^=/, '')}`;
      if (!cell.cached || cell.cached.type === 'formula')
        return { value: null, ok: false, how: 'template.formula-no-result', params: { formula }, formula };
      return { ...readNumber(cell.cached, ind), formula };
    }
    default:
      return fail('num.unreadable', { text: JSON.stringify(cell) ?? '' });
  }
}

/**
 * Reading an entry of a return: readNumber, plus the one fact only the reader
 * sees, the cell's number format. A percent indicator's cell (any kind whose
 * unit is %) formatted as a percentage shows "95%" and stores 0.95; what the
 * filler typed and sees is 95, which is what the plan means, so it is read as
 * 95 with a warning. (The engine never guesses the other way: a bare 0.95 in
 * a plain cell is only a likely unit slip.)
 */
export function readEntry(ret: ParsedReturn, entry: ReturnEntry, ind: Indicator): NumberReading {
  const r = readNumber(entry.value, ind);
  if (!isPercentIndicator(ind) || !r.ok || r.value === null || r.how) return r;
  const fmt = percentFormatIssue(ret, ind.code);
  if (!fmt) return r;
  const value = Math.round(r.value * 100 * 1e9) / 1e9;
  const shown = fmt.params?.shown !== undefined ? String(fmt.params.shown) : `${formatNumber(value)}%`;
  return { ...r, value, how: 'num.percent-format', params: { text: shown, value: formatNumber(value), stored: formatNumber(r.value) } };
}

/** The reader's note that an indicator's value cell is formatted as a percentage. */
export function percentFormatIssue(ret: ParsedReturn, code: string) {
  return (ret.structural ?? []).find((s) => s.rule === 'reader.value-percent-format' && s.params?.code === code);
}
