/**
 * Red boxes on a worksheet's problem cells, in one pass over the sheet's XML.
 *
 * The sheet is indexed once (every cell's start tag and every row, by
 * reference), the boxes are applied to that index in problem order, and the
 * text is rebuilt once. A cell with a problem gets a boxed copy of its own
 * format; a cell that is not written is added to its row, empty, in column
 * order. Boxing a cell twice (two findings on one cell) boxes the boxed
 * format, as a second look at the same cell always has.
 */

import type { FeedbackStyles } from './styles';
import { attr, colIndex, setAttr } from './xml';

interface CellTag {
  start: number;
  end: number;
  /** The start tag as it is now (its `s` changes when boxed). */
  tag: string;
  changed: boolean;
}

/** A cell added to a row: written just before the text at `at`. */
interface Added {
  col: number;
  at: number;
  tag: string;
}

interface Row {
  start: number;
  end: number;
  tag: string;
  prefix: string;
  selfClosing: boolean;
  /** Where the row's cells end (its end tag), or -1 for a self-closing row. */
  bodyEnd: number;
  /** The row's cells in text order, original and added; original ones are placeholders of their column and offset. */
  items: { col: number; at: number; added?: Added }[] | null;
}

const CELL_TAG = /<((?:\w+:)?)c\b[^>]*>/g;
const ROW_TAG = /<((?:\w+:)?)row\b[^>]*?(\/?)>/g;
const R_ATTR = /\sr="([^"]*)"/;

export class SheetBoxes {
  private readonly cells = new Map<string, CellTag>();
  private readonly rows = new Map<string, Row>();
  /** Cells added to rows, by reference: found again when a later problem names the same cell. */
  private readonly added = new Map<string, { row: Row; item: Added }>();
  private dirty = false;

  constructor(private readonly xml: string) {
    for (const m of xml.matchAll(CELL_TAG)) {
      const r = R_ATTR.exec(m[0])?.[1];
      if (r !== undefined && !this.cells.has(r)) this.cells.set(r, { start: m.index!, end: m.index! + m[0].length, tag: m[0], changed: false });
    }
    for (const m of xml.matchAll(ROW_TAG)) {
      const r = R_ATTR.exec(m[0])?.[1];
      if (r === undefined || this.rows.has(r)) continue;
      const selfClosing = m[2] === '/';
      const end = m.index! + m[0].length;
      this.rows.set(r, { start: m.index!, end, tag: m[0], prefix: m[1], selfClosing, bodyEnd: selfClosing ? -1 : xml.indexOf(`</${m[1]}row>`, end), items: null });
    }
  }

  /** Boxes one cell ("B7" or "$B$7"); a cell in no written row is left alone. */
  box(cell: string, styles: FeedbackStyles): void {
    const m = /^([A-Z]+)(\d+)$/.exec(cell.replace(/\$/g, ''));
    if (!m) return;
    const ref = m[0];
    const hit = this.cells.get(ref);
    if (hit) {
      hit.tag = setAttr(hit.tag, 's', String(styles.boxedXf(Number(attr(hit.tag, 's') ?? '0'))));
      hit.changed = true;
      this.dirty = true;
      return;
    }
    const again = this.added.get(ref);
    if (again) {
      again.item.tag = setAttr(again.item.tag, 's', String(styles.boxedXf(Number(attr(again.item.tag, 's') ?? '0'))));
      return;
    }
    const row = this.rows.get(m[2]);
    if (!row) return;
    const add: Added = { col: colIndex(m[1]), at: -1, tag: `<${row.prefix}c r="${ref}" s="${styles.boxedXf(0)}"/>` };
    const items = this.itemsOf(row);
    // Cells of a row are in column order: insert before the first one to the right.
    const k = items.findIndex((it) => it.col > add.col);
    add.at = k >= 0 ? items[k].at : row.bodyEnd;
    items.splice(k >= 0 ? k : items.length, 0, { col: add.col, at: add.at, added: add });
    this.added.set(ref, { row, item: add });
    this.dirty = true;
  }

  private itemsOf(row: Row): NonNullable<Row['items']> {
    if (row.items) return row.items;
    row.items = [];
    if (row.selfClosing) return row.items;
    const body = this.xml.slice(row.end, row.bodyEnd);
    for (const c of body.matchAll(new RegExp(`<${row.prefix}c\\b[^>]*?\\sr="([A-Z]+)\\d+"`, 'g'))) row.items.push({ col: colIndex(c[1]), at: row.end + c.index! });
    return row.items;
  }

  /** The sheet's XML with the boxes. */
  toString(): string {
    if (!this.dirty) return this.xml;
    // Edits in text order: cells added at an offset come before the original text there.
    const edits: { at: number; end: number; text: string; order: number }[] = [];
    for (const c of this.cells.values()) if (c.changed) edits.push({ at: c.start, end: c.end, text: c.tag, order: 1 });
    for (const row of this.rows.values()) {
      if (!row.items?.some((it) => it.added)) continue;
      if (row.selfClosing) {
        const cells = row.items.map((it) => it.added!.tag).join('');
        edits.push({ at: row.start, end: row.end, text: `${row.tag.replace(/\/>$/, '>')}${cells}</${row.prefix}row>`, order: 0 });
        continue;
      }
      for (const it of row.items) if (it.added) edits.push({ at: it.at, end: it.at, text: it.added.tag, order: 0 });
    }
    edits.sort((a, b) => a.at - b.at || a.order - b.order);
    const out: string[] = [];
    let pos = 0;
    for (const e of edits) {
      out.push(this.xml.slice(pos, e.at), e.text);
      pos = e.end;
    }
    out.push(this.xml.slice(pos));
    return out.join('');
  }
}
