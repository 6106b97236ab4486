/**
 * A small pull scanner for the SpreadsheetML parts we read. No DOM (Node has
 * none), no namespaces beyond dropping prefixes (x:row and row are the same
 * element to us), no DTDs: a DOCTYPE is refused outright so no entity
 * expansion can happen. Text is decoded only when asked for.
 */

export class XmlError extends Error {}

export const EOF = 0;
export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;

function isNameEnd(c: number): boolean {
  // whitespace, '/', '>'
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62;
}

function localName(q: string): string {
  const i = q.indexOf(':');
  return i < 0 ? q : q.slice(i + 1);
}

const ENTITY_RE = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

function entity(_m: string, e: string): string {
  switch (e) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
  if (!(cp >= 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(cp);
}

/** The text of an entity's body (between & and ;), or null when it is none of ENTITY_RE's. */
function entityBody(s: string, from: number, to: number): string | null {
  const body = s.slice(from, to);
  switch (body) {
    case 'amp':
    case 'lt':
    case 'gt':
    case 'quot':
    case 'apos':
      return entity('', body);
  }
  if (body.charCodeAt(0) !== 35) return null;
  return (body.charCodeAt(1) === 120 ? /^#x[0-9a-fA-F]+$/ : /^#[0-9]+$/).test(body) ? entity('', body) : null;
}

/**
 * Entities replaced as `s.replace(ENTITY_RE, entity)` would (one pass, left
 * to right), without a regular-expression callback per match: a sheet's
 * formulas are full of &quot;.
 */
export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    // Every entity body is free of ';': it ends at the first one.
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0) break;
    const text = entityBody(s, amp + 1, semi);
    if (text === null) {
      amp = s.indexOf('&', amp + 1);
      continue;
    }
    out += s.slice(last, amp) + text;
    last = semi + 1;
    amp = s.indexOf('&', last);
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * A part's UTF-8 bytes as a one-byte string, one character per byte (Node's
 * latin1 decoding), and the decoder for the pieces the parsers take. Every
 * tag and attribute name of SpreadsheetML is ASCII, so the markup scans the
 * same; decoding only the values taken out skips most of the decoding of a
 * large part (a sheet's data validations, its Chinese prompts) altogether.
 */
export interface Latin1Xml {
  latin1: string;
  /** UTF-8 bytes held in such a string, decoded (invalid bytes as U+FFFD, as TextDecoder does). */
  utf8: (piece: string) => string;
}

/** A part's text: decoded, or its bytes as Latin1Xml. */
export type XmlSource = string | Latin1Xml;

/** The string the scanner walks (for quick tests on the raw markup, which is ASCII either way). */
export function xmlText(x: XmlSource): string {
  return typeof x === 'string' ? x : x.latin1;
}

/** A byte of 0x80 or more: a piece that needs decoding. */
const HIGH = /[\u0080-\u00ff]/;

/** Scratch arrays for attr(): the scanner is synchronous, so one pair serves every call. */
const ONE_NAME: string[] = [''];
const ONE_VALUE: (string | undefined)[] = [undefined];

export class XmlScanner {
  kind = EOF;
  selfClosing = false;
  /**
   * The current tag's name as written (between nStart and nEnd; an end tag's
   * is trimmed too), made into a string only when asked for: most end tags
   * are never looked at.
   */
  private nStart = 0;
  private nEnd = 0;
  private nTrim = false;
  private nText: string | null = '';
  private pos = 0;
  private aStart = 0;
  private aEnd = 0;
  private tStart = 0;
  private tEnd = 0;
  private cdata = false;

  readonly src: string;
  private readonly utf8: ((piece: string) => string) | null;

  constructor(
    source: XmlSource,
    /** Part name, for error messages. */
    readonly part = '',
  ) {
    this.src = typeof source === 'string' ? source : source.latin1;
    this.utf8 = typeof source === 'string' ? null : source.utf8;
  }

  /** The source between two offsets as text (decoded from its bytes when the source is Latin1Xml). */
  private piece(a: number, b: number): string {
    const s = this.src.slice(a, b);
    return this.utf8 !== null && HIGH.test(s) ? this.utf8(s) : s;
  }

  /** Local name of the current OPEN/CLOSE tag. */
  get name(): string {
    if (this.nText === null) {
      const raw = this.piece(this.nStart, this.nEnd);
      this.nText = localName(this.nTrim ? raw.trim() : raw);
    }
    return this.nText;
  }

  /** Whether the current tag's local name is `local` (no string made for the comparison). */
  is(local: string): boolean {
    if (this.nText !== null) return this.nText === local;
    const s = this.src;
    let a = this.nStart;
    const b = this.nEnd;
    if (this.nTrim) return this.name === local;
    if (b - a < local.length) return false;
    if (b - a > local.length) {
      // prefix:local
      a = b - local.length;
      if (s.charCodeAt(a - 1) !== 58 || s.indexOf(':', this.nStart) !== a - 1) return false;
    }
    return s.startsWith(local, a);
  }

  private fail(what: string): never {
    // The offset in the decoded text, whichever form was scanned.
    const at = this.utf8 === null ? this.pos : this.piece(0, this.pos).length;
    throw new XmlError(`${this.part}: ${what} at offset ${at}`);
  }

  next(): number {
    const s = this.src;
    for (;;) {
      const p = this.pos;
      if (p >= s.length) return (this.kind = EOF);
      if (s.charCodeAt(p) !== 60) {
        const lt = s.indexOf('<', p);
        const end = lt < 0 ? s.length : lt;
        this.tStart = p;
        this.tEnd = end;
        this.cdata = false;
        this.pos = end;
        return (this.kind = TEXT);
      }
      const c1 = s.charCodeAt(p + 1);
      if (c1 === 63) {
        // <? … ?>
        const e = s.indexOf('?>', p + 2);
        if (e < 0) this.fail('unterminated processing instruction');
        this.pos = e + 2;
        continue;
      }
      if (c1 === 33) {
        if (s.startsWith('<!--', p)) {
          const e = s.indexOf('-->', p + 4);
          if (e < 0) this.fail('unterminated comment');
          this.pos = e + 3;
          continue;
        }
        if (s.startsWith('<![CDATA[', p)) {
          const e = s.indexOf(']]>', p + 9);
          if (e < 0) this.fail('unterminated CDATA');
          this.tStart = p + 9;
          this.tEnd = e;
          this.cdata = true;
          this.pos = e + 3;
          return (this.kind = TEXT);
        }
        this.fail('DOCTYPE/declarations are not allowed');
      }
      if (c1 === 47) {
        const e = s.indexOf('>', p + 2);
        if (e < 0) this.fail('unterminated end tag');
        this.nStart = p + 2;
        this.nEnd = e;
        this.nTrim = true;
        this.nText = null;
        this.pos = e + 1;
        this.selfClosing = false;
        return (this.kind = CLOSE);
      }
      let i = p + 1;
      while (i < s.length && !isNameEnd(s.charCodeAt(i))) i++;
      if (i === p + 1 || i >= s.length) this.fail('bad start tag');
      this.nStart = p + 1;
      this.nEnd = i;
      this.nTrim = false;
      this.nText = null;
      // Find the closing '>' outside attribute quotes (a quoted value is
      // jumped over whole: data validation prompts are long).
      let j = i;
      for (; j < s.length; j++) {
        const c = s.charCodeAt(j);
        if (c === 34 || c === 39) {
          const close = s.indexOf(c === 34 ? '"' : "'", j + 1);
          if (close < 0) {
            j = s.length;
            break;
          }
          j = close;
        } else if (c === 62) break;
        else if (c === 60) this.fail('"<" inside a tag');
      }
      if (j >= s.length) this.fail('unterminated start tag');
      this.selfClosing = s.charCodeAt(j - 1) === 47;
      this.aStart = i;
      this.aEnd = this.selfClosing ? j - 1 : j;
      this.pos = j + 1;
      return (this.kind = OPEN);
    }
  }

  /** Decoded text of the current TEXT token. */
  text(): string {
    const raw = this.piece(this.tStart, this.tEnd);
    return this.cdata ? raw : decodeEntities(raw);
  }

  /** Attributes of the current OPEN tag by local name; xmlns declarations skipped. */
  attrs(): Record<string, string> {
    const out: Record<string, string> = {};
    const s = this.src;
    let i = this.aStart;
    const end = this.aEnd;
    while (i < end) {
      let c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) {
        i++;
        continue;
      }
      const nStart = i;
      while (i < end && (c = s.charCodeAt(i)) !== 61 && c !== 32 && c !== 9 && c !== 10 && c !== 13) i++;
      const qname = this.piece(nStart, i);
      while (i < end && s.charCodeAt(i) !== 61) i++;
      i++; // '='
      while (i < end && ((c = s.charCodeAt(i)) === 32 || c === 9 || c === 10 || c === 13)) i++;
      const quote = s.charCodeAt(i);
      if (quote !== 34 && quote !== 39) {
        if (i >= end) break;
        this.fail('unquoted attribute');
      }
      const vEnd = s.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (vEnd < 0 || vEnd > end) this.fail('unterminated attribute');
      const value = decodeEntities(this.piece(i + 1, vEnd));
      i = vEnd + 1;
      if (qname === 'xmlns' || qname.startsWith('xmlns:')) continue;
      const ln = localName(qname);
      // An unprefixed attribute wins over a prefixed one of the same local name.
      if (!(ln in out) || ln === qname) out[ln] = value;
    }
    return out;
  }

  /** One attribute of the current OPEN tag (by local name), without building the whole map. */
  attr(name: string): string | undefined {
    // The one-name case of attrsInto: same scan, same rule for prefixed names.
    ONE_NAME[0] = name;
    this.attrsInto(ONE_NAME, ONE_VALUE);
    return ONE_VALUE[0];
  }

  /**
   * Several attributes of the current OPEN tag in one pass: out[k] gets what
   * attr(names[k]) would return. The pass stops once every name has an
   * unprefixed match, where the last of the separate attr() calls would.
   */
  attrsInto(names: readonly string[], out: (string | undefined)[]): void {
    const s = this.src;
    let i = this.aStart;
    const end = this.aEnd;
    let exact = 0;
    let exactMask = 0;
    for (let k = 0; k < names.length; k++) out[k] = undefined;
    while (i < end && exact < names.length) {
      let c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) {
        i++;
        continue;
      }
      const nStart = i;
      while (i < end && (c = s.charCodeAt(i)) !== 61 && c !== 32 && c !== 9 && c !== 10 && c !== 13) i++;
      const nEnd = i;
      while (i < end && s.charCodeAt(i) !== 61) i++;
      i++;
      while (i < end && ((c = s.charCodeAt(i)) === 32 || c === 9 || c === 10 || c === 13)) i++;
      const quote = s.charCodeAt(i);
      if (quote !== 34 && quote !== 39) {
        if (i >= end) break;
        this.fail('unquoted attribute');
      }
      const vEnd = s.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (vEnd < 0 || vEnd > end) this.fail('unterminated attribute');
      const len = nEnd - nStart;
      for (let k = 0; k < names.length; k++) {
        const name = names[k];
        const bit = 1 << k;
        if (exactMask & bit) continue;
        if (len === name.length && s.startsWith(name, nStart)) {
          out[k] = decodeEntities(this.piece(i + 1, vEnd));
          exactMask |= bit;
          exact++;
          break;
        }
        if (out[k] === undefined && len > name.length && s.charCodeAt(nEnd - name.length - 1) === 58 && s.startsWith(name, nEnd - name.length)) {
          const q = s.slice(nStart, nEnd);
          if (!q.startsWith('xmlns:')) out[k] = decodeEntities(this.piece(i + 1, vEnd));
        }
      }
      i = vEnd + 1;
    }
  }

  /** Concatenated text up to the end of the current element (for <t>, <v>, <f>). */
  readText(): string {
    if (this.selfClosing) return '';
    // The common case, text then the end tag (<v>12.5</v>), without the token loop.
    const s = this.src;
    const lt = s.indexOf('<', this.pos);
    if (lt >= 0 && s.charCodeAt(lt + 1) === 47) {
      const e = s.indexOf('>', lt + 2);
      if (e >= 0) {
        const text = lt > this.pos ? decodeEntities(this.piece(this.pos, lt)) : '';
        this.tStart = this.pos;
        this.tEnd = lt;
        this.cdata = false;
        this.nStart = lt + 2;
        this.nEnd = e;
        this.nTrim = true;
        this.nText = null;
        this.selfClosing = false;
        this.pos = e + 1;
        this.kind = CLOSE;
        return text;
      }
    }
    let out = '';
    let depth = 1;
    while (depth > 0) {
      const k = this.next();
      if (k === EOF) this.fail('unexpected end of document');
      if (k === TEXT) out += this.text();
      else if (k === OPEN) {
        if (!this.selfClosing) depth++;
      } else if (k === CLOSE) depth--;
    }
    return out;
  }

  /** Skips to the end of the current element. */
  skip(): void {
    if (this.kind !== OPEN || this.selfClosing) return;
    let depth = 1;
    while (depth > 0) {
      const k = this.next();
      if (k === EOF) this.fail('unexpected end of document');
      if (k === OPEN) {
        if (!this.selfClosing) depth++;
      } else if (k === CLOSE) depth--;
    }
  }
}

/** Excel escapes control characters in strings as _xHHHH_ (and "_" itself as _x005F_). */
export function unescapeExcel(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}
