/**
 * Cell formats for a correction workbook, added to the return's own
 * styles.xml: for each format a problem cell uses, a copy with a thick red
 * box. A border is part of the cell's own format, so the template's
 * conditional formats (which colour fills and fonts) cannot hide it; the
 * copy keeps the number format and the cell's protection (an entry cell
 * stays unlocked).
 */

import { attr, setAttr } from './xml';

const RED_BOX =
  '<border><left style="thick"><color rgb="FFFF0000"/></left><right style="thick"><color rgb="FFFF0000"/></right>' +
  '<top style="thick"><color rgb="FFFF0000"/></top><bottom style="thick"><color rgb="FFFF0000"/></bottom><diagonal/></border>';

/** One list (fonts, borders, cellXfs) of styles.xml: its items and where it sits. */
interface Section {
  start: number;
  end: number;
  open: string;
  items: string[];
  prefix: string;
}

function section(xml: string, name: string, item: string): Section | null {
  const re = new RegExp(`<((?:\\w+:)?)${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</\\1${name}>)`);
  const m = re.exec(xml);
  if (!m) return null;
  const prefix = m[1];
  const body = m[2] ?? '';
  const itemRe = new RegExp(`<${prefix}${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${prefix}${item}>)`, 'g');
  const open = /^<[^>]*?(?=\/?>)/.exec(m[0])![0] + '>';
  return { start: m.index, end: m.index + m[0].length, open, items: body.match(itemRe) ?? [], prefix };
}

function render(s: Section, name: string): string {
  return `${setAttr(s.open, 'count', String(s.items.length))}${s.items.join('')}</${s.prefix}${name}>`;
}

export class FeedbackStyles {
  private xml: string;
  private readonly boxed = new Map<number, number>();
  private borderId = -1;
  private fontBold = -1;
  private extra: { header?: number; body?: number; title?: number } = {};

  constructor(styles: string) {
    this.xml = styles;
  }

  private edit(name: string, item: string, fn: (s: Section) => void): void {
    const s = section(this.xml, name, item);
    if (!s) throw new Error(`styles.xml has no ${name}`);
    fn(s);
    this.xml = this.xml.slice(0, s.start) + render(s, name) + this.xml.slice(s.end);
  }

  private addXf(xf: string): number {
    let id = -1;
    this.edit('cellXfs', 'xf', (s) => {
      id = s.items.length;
      s.items.push(s.prefix ? xf.replace(/<(\/?)(xf|alignment|protection)\b/g, `<$1${s.prefix}$2`) : xf);
    });
    return id;
  }

  /** The format id of `xfId` with a thick red box. */
  boxedXf(xfId: number): number {
    const known = this.boxed.get(xfId);
    if (known !== undefined) return known;
    if (this.borderId < 0) this.edit('borders', 'border', (s) => {
      this.borderId = s.items.length;
      s.items.push(s.prefix ? RED_BOX.replace(/<(\/?)(\w+)/g, `<$1${s.prefix}$2`) : RED_BOX);
    });
    const cellXfs = section(this.xml, 'cellXfs', 'xf');
    const base = cellXfs?.items[xfId] ?? cellXfs?.items[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>';
    const startTag = /^<[^>]*>/.exec(base)![0];
    let tag = setAttr(setAttr(startTag, 'borderId', String(this.borderId)), 'applyBorder', '1');
    if (attr(startTag, 'xfId') === null) tag = setAttr(tag, 'xfId', '0');
    const id = this.addXf(tag + base.slice(startTag.length));
    this.boxed.set(xfId, id);
    return id;
  }

  private bold(): number {
    if (this.fontBold >= 0) return this.fontBold;
    this.edit('fonts', 'font', (s) => {
      const first = s.items[0] ?? '<font><sz val="11"/></font>';
      const b = s.prefix ? `<${s.prefix}b/>` : '<b/>';
      const open = /^<[^>]*>/.exec(first)![0];
      const body = first.endsWith('/>') ? `${open.replace(/\/>$/, '>')}${b}</${s.prefix}font>` : `${open}${b}${first.slice(open.length)}`;
      this.fontBold = s.items.length;
      s.items.push(body);
    });
    return this.fontBold;
  }

  /** Formats of the 问题清单 sheet: a bold title, bold headers, wrapped body text. */
  listFormats(): { title: number; header: number; body: number } {
    if (this.extra.header === undefined) {
      const b = this.bold();
      this.extra.title = this.addXf(`<xf numFmtId="0" fontId="${b}" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>`);
      this.extra.header = this.addXf(`<xf numFmtId="0" fontId="${b}" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>`);
      this.extra.body = this.addXf(`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>`);
    }
    return { title: this.extra.title!, header: this.extra.header, body: this.extra.body! };
  }

  toString(): string {
    return this.xml;
  }
}
