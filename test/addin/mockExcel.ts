/**
 * An Excel workbook for adapter tests, built from office-addin-mock objects:
 * every range, sheet and setting the adapter touches is an OfficeMockObject,
 * so reading a property before load()+sync() yields the mock's error marker
 * (the adapter would produce garbage and the test fail). office-addin-mock
 * does not count syncs or keep a cell model, so this wrapper does: it counts
 * context.sync() calls, and at each sync copies what the adapter assigned
 * (values, fill/font colours, sheet names) into the cell model.
 */

import { OfficeMockObject } from 'office-addin-mock';

// office-addin-mock imports office-addin-manifest only for its OfficeApp
// enum; the manifest package pulls in ESM-only modules jest cannot load.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));

export interface MockCell {
  value: string | number | boolean | null;
  /** Office.js valueType; derived from value when absent. */
  type?: string;
  formula?: string;
  fill: string | null;
  font: string | null;
}

/** What the adapter set through worksheet.pageLayout, applied at sync. */
export interface MockPageLayout {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  titleRows?: string;
  titleColumns?: string;
}

export interface MockSheet {
  name: string;
  cells: Map<string, MockCell>;
  protected: boolean;
  allowFormatCells: boolean;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  pageLayout?: MockPageLayout;
  /** Column letter → width in points, as set through format.columnWidth. */
  columnWidths?: Record<string, number>;
}

const ERR = ['Error, property was not loaded', 'Error, context.sync() was not called'];
const isErr = (v: unknown) => typeof v === 'string' && ERR.includes(v);

function colNum(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
function colName(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
function parseRange(a: string): { r1: number; c1: number; r2: number; c2: number } {
  // A whole column "F:F" is modelled as its first row (only formats are set on it).
  if (/^\$?[A-Z]+:\$?[A-Z]+$/.test(a)) a = a.replace(/\$/g, '').split(':').map((c) => `${c}1`).join(':');
  const [p, q] = a.replace(/\$/g, '').split(':');
  const m1 = /^([A-Z]+)(\d+)$/.exec(p)!;
  const m2 = /^([A-Z]+)(\d+)$/.exec(q ?? p)!;
  return { r1: Number(m1[2]), c1: colNum(m1[1]), r2: Number(m2[2]), c2: colNum(m2[1]) };
}
function typeOf(c: MockCell | undefined): string {
  if (!c || c.value === null || c.value === '') return 'Empty';
  if (c.type) return c.type;
  if (typeof c.value === 'number') return 'Double';
  if (typeof c.value === 'boolean') return 'Boolean';
  return 'String';
}
/** Excel quotes sheet names with spaces or punctuation (CJK names stay bare). */
const quote = (s: string) => (/^[^\s'!\-()+,;{}[\]0-9][^\s'!\-()+,;{}[\]]*$/.test(s) ? s : `'${s.replace(/'/g, "''")}'`);

interface Tracked {
  mock: OfficeMockObject;
  sheet: string;
  box: ReturnType<typeof parseRange>;
  initial: { values: string; fill: string | undefined; font: string | undefined; bold: unknown };
  widthDone?: boolean;
}

export class MockBook {
  sheets: MockSheet[] = [];
  names: { name: string; value: string }[] = [];
  settings = new Map<string, string>();
  charts: { sheet: string; type: string; source: string; title?: string; position?: string }[] = [];
  selected: { sheet: string; cell: string } | null = null;
  active: string | null = null;
  deleted: string[] = [];
  syncs = 0;
  /** Every load() argument the adapter passed, in order, per sync. */
  loads: string[][] = [[]];
  /** An error the next sync throws (e.g. edit mode). */
  failNextSync: { code: string; message: string } | null = null;

  private tracked: Tracked[] = [];
  private sheetMocks: { mock: OfficeMockObject; sheet: MockSheet; origName: string }[] = [];
  private others: OfficeMockObject[] = [];
  private pending: (() => void)[] = [];
  private pendingError: { code: string; message: string } | null = null;

  addSheet(name: string, opts: Partial<MockSheet> = {}): MockSheet {
    const s: MockSheet = { name, cells: new Map(), protected: false, allowFormatCells: false, visibility: 'Visible', ...opts };
    this.sheets.push(s);
    return s;
  }
  sheet(name: string): MockSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  set(sheet: string, cell: string, value: MockCell['value'], more: Partial<MockCell> = {}): void {
    this.sheet(sheet)!.cells.set(cell, { value, fill: null, font: null, ...more });
  }
  cell(sheet: string, cell: string): MockCell | undefined {
    return this.sheet(sheet)?.cells.get(cell);
  }

  context(): Excel.RequestContext {
    const ctx = { workbook: this.workbookMock(), sync: () => this.sync() };
    return ctx as unknown as Excel.RequestContext;
  }

  private async sync(): Promise<void> {
    this.syncs++;
    this.loads.push([]);
    if (this.failNextSync) {
      const e = this.failNextSync;
      this.failNextSync = null;
      throw Object.assign(new Error(e.message), e);
    }
    if (this.pendingError) {
      const e = this.pendingError;
      this.pendingError = null;
      this.pending = [];
      throw Object.assign(new Error(e.message), e);
    }
    // Writes first (queued in call order), then loads resolve.
    for (const t of this.tracked) this.harvest(t);
    for (const p of this.pending) p();
    this.pending = [];
    for (const t of this.tracked) await t.mock.sync();
    for (const s of this.sheetMocks) await s.mock.sync();
    for (const o of this.others) await o.sync();
    // What was loaded is now the baseline; later assignments are writes.
    for (const t of this.tracked) {
      const m = t.mock;
      if (Array.isArray(m.values)) t.initial.values = JSON.stringify(m.values);
      if (!isErr(m.format.fill.color)) t.initial.fill = m.format.fill.color;
      if (!isErr(m.format.font.color)) t.initial.font = m.format.font.color;
    }
  }

  private harvest(t: Tracked): void {
    const sheet = this.sheet(t.sheet);
    if (!sheet) return;
    const m = t.mock;
    const each = (fn: (cell: string, i: number, j: number) => void) => {
      for (let r = t.box.r1; r <= t.box.r2; r++) for (let c = t.box.c1; c <= t.box.c2; c++) fn(`${colName(c)}${r}`, r - t.box.r1, c - t.box.c1);
    };
    const get = (cell: string) => {
      let c = sheet.cells.get(cell);
      if (!c) sheet.cells.set(cell, (c = { value: null, fill: null, font: null }));
      return c;
    };
    if (Array.isArray(m.values) && JSON.stringify(m.values) !== t.initial.values) {
      each((cell, i, j) => {
        const v = (m.values as unknown[][])[i][j] as MockCell['value'];
        const c = get(cell);
        c.value = v === '' ? null : v;
        c.type = undefined;
      });
      t.initial.values = JSON.stringify(m.values);
    }
    const fill = m.format.fill.color;
    if (typeof fill === 'string' && !isErr(fill) && fill !== t.initial.fill) {
      each((cell) => (get(cell).fill = fill));
      t.initial.fill = fill;
    }
    // Column widths (points) set through a whole-column range "F:F".
    const cw = (m.format as { columnWidth?: unknown }).columnWidth;
    if (typeof cw === 'number' && !t.widthDone) {
      sheet.columnWidths = { ...sheet.columnWidths, [colName(t.box.c1)]: cw };
      t.widthDone = true;
    }
    const font = m.format.font.color;
    if (typeof font === 'string' && !isErr(font) && font !== t.initial.font) {
      each((cell) => (get(cell).font = font));
      t.initial.font = font;
    }
  }

  private collection<T>(items: () => T[], extra: Record<string, unknown>): OfficeMockObject {
    // office-addin-mock cannot load through an `items` array, so collections
    // record their load and expose items only after the next sync.
    let ready = false;
    const col = new OfficeMockObject({ ...extra } as never);
    col.load = (arg: string) => {
      this.loads[this.loads.length - 1].push(String(arg));
      this.pending.push(() => (ready = true));
      return col;
    };
    Object.defineProperty(col, 'items', {
      get: () => {
        if (!ready) throw new Error('collection items read before load()+sync()');
        return items();
      },
    });
    return col;
  }

  private workbookMock(): OfficeMockObject {
    const book = this;
    const worksheets = this.collection(
      () => this.sheets.map((s) => this.sheetMock(s, true)),
      {
        getItem: (name: string) => {
          const s = book.sheet(name);
          if (!s) {
            book.pendingError = { code: 'ItemNotFound', message: `sheet ${name} not found` };
            return book.sheetMock(book.addDetached(name), false);
          }
          return book.sheetMock(s, false);
        },
        add: (name: string) => {
          if (book.sheet(name)) throw new Error(`sheet ${name} exists`);
          return book.sheetMock(book.addSheet(name), false);
        },
      },
    );
    const names = this.collection(() => this.names.map((n) => ({ name: n.name, type: 'Range', value: n.value })), {});
    const settings = new OfficeMockObject({
      add: (key: string, value: string) => void book.pending.push(() => book.settings.set(key, value)),
      getItem: (key: string) => ({ delete: () => book.pending.push(() => book.settings.delete(key)) }),
      getItemOrNullObject: (key: string) => {
        const item = new OfficeMockObject({
          value: book.settings.get(key) ?? '',
          isNullObject: !book.settings.has(key),
          delete: () => book.pending.push(() => book.settings.delete(key)),
        } as never);
        const load = item.load.bind(item);
        item.load = (arg: string) => {
          book.loads[book.loads.length - 1].push(`setting ${key}: ${arg}`);
          load(`${arg},isNullObject`);
          return item;
        };
        book.others.push(item);
        return item;
      },
    } as never);
    return { worksheets, names, settings } as unknown as OfficeMockObject;
  }

  private detached = new Map<string, MockSheet>();
  private addDetached(name: string): MockSheet {
    let s = this.detached.get(name);
    if (!s) this.detached.set(name, (s = { name, cells: new Map(), protected: false, allowFormatCells: false, visibility: 'Visible' }));
    return s;
  }

  private sheetMock(s: MockSheet, plain: boolean): OfficeMockObject {
    const book = this;
    const data = {
      name: s.name,
      visibility: s.visibility,
      protection: { protected: s.protected, options: { allowFormatCells: s.allowFormatCells } },
      getRange: (a: string) => book.rangeMock(s.name, a),
      getUsedRange: () => book.usedRange(s, false),
      getUsedRangeOrNullObject: () => book.usedRange(s, true),
      activate: () => book.pending.push(() => (book.active = s.name)),
      delete: () =>
        book.pending.push(() => {
          book.sheets = book.sheets.filter((x) => x !== s);
          book.deleted.push(s.name);
        }),
      charts: {
        add: (type: string, source: OfficeMockObject) => {
          const chart = { sheet: s.name, type, source: String(source.__address), title: undefined as string | undefined, position: undefined as string | undefined };
          book.charts.push(chart);
          return {
            title: {
              set text(v: string) {
                chart.title = v;
              },
            },
            setPosition: (from: string, to: string) => void (chart.position = `${from}:${to}`),
          };
        },
      },
      freezePanes: { freezeRows: () => undefined },
    };
    // pageLayout (ExcelApi 1.9): writes are queued and land on the sheet at
    // sync, like every other write; a string address is what Excel accepts.
    const put = (patch: MockPageLayout) => book.pending.push(() => (s.pageLayout = { ...s.pageLayout, ...patch }));
    const pageLayout = {
      set orientation(v: string) {
        put({ orientation: v });
      },
      set paperSize(v: string) {
        put({ paperSize: v });
      },
      set zoom(v: MockPageLayout['zoom']) {
        put({ zoom: { ...v } });
      },
      setPrintTitleRows: (r: string) => put({ titleRows: String(r) }),
      setPrintTitleColumns: (c: string) => put({ titleColumns: String(c) }),
    };
    if (plain) {
      (data as Record<string, unknown>).pageLayout = pageLayout;
      // Items of a loaded collection: plain values, as Office.js gives them.
      return data as unknown as OfficeMockObject;
    }
    const mock = new OfficeMockObject(data as never);
    // Renaming takes effect in call order (the consolidation renames a sheet
    // aside, then adds one with its old name in the same batch).
    Object.defineProperty(mock, 'name', {
      get: () => s.name,
      set: (v: string) => {
        s.name = v;
      },
    });
    Object.defineProperty(mock, 'pageLayout', { get: () => pageLayout });
    this.sheetMocks.push({ mock, sheet: s, origName: s.name });
    return mock;
  }

  private usedRange(s: MockSheet, orNull: boolean): OfficeMockObject {
    let r1 = Infinity, c1 = Infinity, r2 = 0, c2 = 0;
    for (const [cell, v] of s.cells) {
      if (v.value === null || v.value === '') continue;
      const b = parseRange(cell);
      r1 = Math.min(r1, b.r1); c1 = Math.min(c1, b.c1); r2 = Math.max(r2, b.r1); c2 = Math.max(c2, b.c1);
    }
    if (!r2) {
      if (orNull) {
        const m = new OfficeMockObject({ isNullObject: true } as never);
        m.load = () => m;
        return m;
      }
      return this.rangeMock(s.name, 'A1');
    }
    return this.rangeMock(s.name, `${colName(c1)}${r1}:${colName(c2)}${r2}`, orNull);
  }

  rangeMock(sheetName: string, address: string, withNull = false): OfficeMockObject {
    const book = this;
    const s = this.sheet(sheetName) ?? this.addDetached(sheetName);
    const box = parseRange(address);
    const rows: MockCell[][] = [];
    for (let r = box.r1; r <= box.r2; r++) {
      const row: MockCell[] = [];
      for (let c = box.c1; c <= box.c2; c++) row.push(s.cells.get(`${colName(c)}${r}`) ?? { value: null, fill: null, font: null });
      rows.push(row);
    }
    const first = rows[0][0];
    const values = rows.map((r) => r.map((c) => (c.value === null ? '' : c.value)));
    const addr = `${quote(sheetName)}!${colName(box.c1)}${box.r1}${box.r2 !== box.r1 || box.c2 !== box.c1 ? `:${colName(box.c2)}${box.r2}` : ''}`;
    const data: Record<string, unknown> = {
      address: addr,
      values,
      valueTypes: rows.map((r) => r.map(typeOf)),
      formulas: rows.map((r) => r.map((c) => c.formula ?? (c.value === null ? '' : c.value))),
      format: {
        fill: {
          color: first.fill ?? '#FFFFFF',
          pattern: first.fill ? 'Solid' : 'None',
          clear: () =>
            book.pending.push(() => {
              for (let r = box.r1; r <= box.r2; r++) for (let c = box.c1; c <= box.c2; c++) {
                const cell = s.cells.get(`${colName(c)}${r}`);
                if (cell) cell.fill = null;
              }
            }),
        },
        font: { color: first.font ?? '#000000', bold: false, size: 11 },
        autofitColumns: () => undefined,
      },
      select: () => book.pending.push(() => (book.selected = { sheet: sheetName, cell: address })),
      // Range.clear('Contents'): values go, formats stay.
      clear: (applyTo: string) =>
        book.pending.push(() => {
          if (applyTo !== 'Contents') throw new Error(`mock: clear(${applyTo}) not modelled`);
          for (let r = box.r1; r <= box.r2; r++) for (let c = box.c1; c <= box.c2; c++) {
            const cell = s.cells.get(`${colName(c)}${r}`);
            if (cell) cell.value = null;
          }
        }),
      getRow: (i: number) => book.rangeMock(sheetName, `${colName(box.c1)}${box.r1 + i}:${colName(box.c2)}${box.r1 + i}`),
    };
    if (withNull) data.isNullObject = false;
    const mock = new OfficeMockObject(data as never);
    const load = mock.load.bind(mock);
    mock.load = (arg: string) => {
      book.loads[book.loads.length - 1].push(`${addr}: ${arg}`);
      load(withNull ? `${arg},isNullObject` : arg);
      return mock;
    };
    (mock as unknown as { __address: string }).__address = addr;
    this.tracked.push({
      mock,
      sheet: sheetName,
      box,
      initial: { values: JSON.stringify(mock.values), fill: undefined, font: undefined, bold: undefined },
    });
    return mock;
  }
}
