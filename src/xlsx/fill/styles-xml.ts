/**
 * A cell format derived from one the template already has: the same font,
 * fill, border and number format, with a different alignment. The made
 * return's added sheet (汇总来源) thereby looks like the entry sheet without
 * this module knowing the generator's fonts or colours. Appended at the end
 * of `<cellXfs>`, so every index the template's cells use stays valid.
 */

export interface Alignment {
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'center' | 'bottom';
  wrapText?: boolean;
}

const CELL_XFS = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/;

/** Sets (or adds) attributes of a start tag or empty element; `tag` is the full tag text. */
function withAttributes(tag: string, attrs: Record<string, string>): string {
  let t = tag;
  for (const [k, v] of Object.entries(attrs)) {
    const re = new RegExp(`\\s${k}="[^"]*"`);
    t = re.test(t) ? t.replace(re, ` ${k}="${v}"`) : t.replace(/\s*(\/?>)$/, ` ${k}="${v}"$1`);
  }
  return t;
}

/**
 * Adds a copy of cell format `base` (an index into `<cellXfs>`) with
 * `alignment` applied; returns the new styles part and the new format's index.
 */
export function addAlignedXf(stylesXml: string, base: string, alignment: Alignment): { xml: string; index: string } {
  const m = CELL_XFS.exec(stylesXml);
  if (!m) throw new Error('no cellXfs in the styles part');
  const xfs = [...m[2].matchAll(/<xf\s[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((x) => x[0]);
  const source = xfs[Number(base)];
  if (!source) throw new Error(`cell format ${base} not found`);
  const attrs: Record<string, string> = {};
  if (alignment.horizontal) attrs.horizontal = alignment.horizontal;
  if (alignment.vertical) attrs.vertical = alignment.vertical;
  if (alignment.wrapText !== undefined) attrs.wrapText = alignment.wrapText ? '1' : '0';

  const open = /^<xf\s[^>]*?\/?>/.exec(source)![0];
  const head = withAttributes(open.endsWith('/>') ? open.slice(0, -2) + '>' : open, { applyAlignment: '1' });
  const body = open.endsWith('/>') ? '' : source.slice(open.length, -'</xf>'.length);
  const current = /<alignment\b[^>]*\/>/.exec(body)?.[0];
  // <alignment> is the first child of <xf> (before <protection>).
  const inner = current ? body.replace(current, withAttributes(current, attrs)) : withAttributes('<alignment/>', attrs) + body;
  const xf = `${head}${inner}</xf>`;

  const count = xfs.length;
  const xml = stylesXml.replace(CELL_XFS, () => `<cellXfs count="${count + 1}">${m[2]}${xf}</cellXfs>`);
  return { xml, index: String(count) };
}
