/**
 * `--json` output written in pieces. The consolidation of ten thousand
 * returns is about 400 million characters of JSON, past the longest string
 * V8 can make (JSON.stringify threw "Invalid string length" after the
 * summary had been written). The text is exactly JSON.stringify(value, null,
 * 2) plus a newline; only large arrays and objects are walked here, every
 * small part is stringified whole.
 */

import { once } from 'events';

const INDENT = '  ';
/** A part with up to this many values inside is stringified in one call. */
const SMALL_NODES = 512;
/** Characters gathered before one write to the stream. */
const WRITE_CHARS = 1 << 16;

/** What JSON.stringify would serialise for `value` under `key` (toJSON applied). */
function prepared(value: unknown, key: string): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return (value as { toJSON(key: string): unknown }).toJSON(key);
  return value;
}

/** Omitted from an object, null in an array. */
const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** True when `value` holds at most `limit` values in all (walks no further than that). */
function isSmall(value: unknown, limit = SMALL_NODES): boolean {
  let budget = limit;
  const visit = (v: unknown): boolean => {
    if (--budget < 0) return false;
    if (v === null || typeof v !== 'object') return true;
    if (Array.isArray(v)) return v.every(visit);
    for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k) && !visit((v as Record<string, unknown>)[k])) return false;
    return true;
  };
  return visit(value);
}

/** JSON.stringify(value, null, 2) of a part `depth` levels in, as the pieces of its text. */
function* pieces(value: unknown, depth: number): Generator<string> {
  if (value === null || typeof value !== 'object' || isSmall(value)) {
    const text = JSON.stringify(value, null, 2) as string | undefined;
    // Nested parts carry the indent of where they stand (JSON escapes newlines inside strings).
    yield depth && text !== undefined ? text.replace(/\n/g, `\n${INDENT.repeat(depth)}`) : (text ?? 'null');
    return;
  }
  const inner = `\n${INDENT.repeat(depth + 1)}`;
  const close = `\n${INDENT.repeat(depth)}`;
  if (Array.isArray(value)) {
    if (!value.length) return yield '[]';
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield i ? `,${inner}` : inner;
      const v = prepared(value[i], String(i));
      yield* skipped(v) ? ['null'] : pieces(v, depth + 1);
    }
    return yield `${close}]`;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const v = prepared((value as Record<string, unknown>)[key], key);
    if (skipped(v)) continue;
    yield `${first ? '{' : ','}${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* pieces(v, depth + 1);
  }
  yield first ? '{}' : `${close}}`;
}

/** The text of JSON.stringify(value, null, 2) + "\n", in pieces of any size. */
export function* jsonPieces(value: unknown): Generator<string> {
  const v = prepared(value, '');
  yield* skipped(v) ? ['null'] : pieces(v, 0);
  yield '\n';
}

/** Writes `value` as indented JSON and a newline, waiting whenever the stream asks to. */
export async function writeJson(out: NodeJS.WritableStream, value: unknown): Promise<void> {
  let text = '';
  for (const piece of jsonPieces(value)) {
    text += piece;
    if (text.length < WRITE_CHARS) continue;
    if (!out.write(text)) await once(out, 'drain');
    text = '';
  }
  if (text && !out.write(text)) await once(out, 'drain');
}
