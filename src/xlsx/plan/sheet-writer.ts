/**
 * Writing one sheet of the plan workbook: the hint row, bilingual headers,
 * data rows with heights that fit wrapped text, dropdowns on whole columns
 * (data plus spare rows, so a person can add lines), and print setup.
 */

import ExcelJS from 'exceljs';
import { wrappedRowHeight } from '../layout-text';
import { HEADER_ROW, HINT_ROW, headerText, sheetTitle, type Column, type PlanSheetKey } from './layout';

export type Style = Partial<ExcelJS.Style>;
const FONT = { name: 'SimSun', size: 11 };
const thin = { style: 'thin' as const, color: { argb: 'FFA6A6A6' } };
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

export const S = {
  hint: { font: { ...FONT, size: 10, color: { argb: 'FF595959' } }, alignment: { vertical: 'middle' } } as Style,
  header: {
    font: { ...FONT, bold: true, color: { argb: 'FF1F3864' } },
    fill: fill('FFD9E1F2'),
    border,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  } as Style,
  cell: { font: FONT, border, alignment: { vertical: 'middle', wrapText: true } } as Style,
  /** Reference columns: shown for reading, ignored on import. */
  reference: { font: { ...FONT, color: { argb: 'FF7F7F7F' } }, fill: fill('FFF2F2F2'), border, alignment: { vertical: 'middle', wrapText: true } } as Style,
  /** A choice PlanSheet assumed: to be confirmed by a person. */
  assumed: { font: { ...FONT, color: { argb: 'FF9C5700' } }, fill: fill('FFFFEB9C'), border, alignment: { vertical: 'middle', wrapText: true } } as Style,
  /** Cells the office fills in (目标分解 targets). */
  toFill: { font: FONT, fill: fill('FFFFF2CC'), border, alignment: { horizontal: 'center', vertical: 'middle' } } as Style,
};

/** Rows past the data that keep dropdowns, so a person can add lines. */
const SPARE_ROWS = 50;

export const HINTS: Record<PlanSheetKey, string> = {
  meta: '规划的基本信息。修改“值”列；年度用顿号分隔（2021、2022、2023）。/ The plan\'s metadata: edit the value column; years separated by 、.',
  categories: '指标类型（可两级：填“上级类型”）。/ Indicator categories (two levels via parent).',
  indicators:
    '每行一项指标。橙色“推定（待核实）”为原文未写明、由 PlanSheet 推定的牵头或填报单位：请核对后改为“已核实”或改正单位。单位可写名称、简称或代码，多个用顿号分隔；“全部区县”“牵头单位”为分组。/ One row per indicator. Orange 推定 cells were assumed by PlanSheet: confirm (已核实) or correct them.',
  targets:
    '每个年度两列：“原文”按规划原文填写（150 以上、1～2、/）；“解读”仅在原文无法直接读出时填写（≥ 5、≤ 1.3、= 5、3～5、—，可加“；注：…”）。/ Raw text per year; fill "read as" only when the text alone cannot be read.',
  units: '单位树：市 → 区县 → 镇街；部门的上级为市。/ The unit tree; departments belong to the city.',
  allocations:
    '目标分解：每行一个单位的一项指标，在年度列填写该单位自己的目标（450 以上、≤ 1.3、3～5）；留空表示不分解，该单位填报表沿用全市目标。可增加行。/ A unit\'s own targets; blank = not allocated. Rows may be added.',
};

export interface ListRule {
  /** A quoted inline list ("a,b") or a range on another sheet. */
  formula: string;
  /** Whether other text is refused (closed choice) or only offered (unit names). */
  strict: boolean;
}

export const inline = (words: string[]): ListRule => ({ formula: `"${words.join(',')}"`, strict: true });

function listValidation(rule: ListRule, title: string): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [rule.formula],
    showErrorMessage: rule.strict,
    errorStyle: 'stop',
    errorTitle: '请从列表中选择',
    error: `${title}：请从下拉列表中选择 / choose from the list`,
  };
}

/** Landscape, one page wide, header rows repeated: the sheet prints as a person checks it. */
export function printSetup(ws: ExcelJS.Worksheet): void {
  ws.pageSetup = { orientation: 'landscape', paperSize: 8 as unknown as ExcelJS.PaperSize, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `1:${HEADER_ROW}` };
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A range reference to a column of another sheet, for dropdowns fed by that sheet. */
export function columnRange(sheet: PlanSheetKey, col: number, rows: number): string {
  const letter = String.fromCharCode(64 + col);
  return `${quoteSheet(sheetTitle(sheet))}!$${letter}$${HEADER_ROW + 1}:$${letter}$${HEADER_ROW + rows + SPARE_ROWS}`;
}

export class SheetWriter {
  readonly ws: ExcelJS.Worksheet;
  private rowCount = 0;
  constructor(
    wb: ExcelJS.Workbook,
    readonly key: PlanSheetKey,
    readonly columns: Column[],
  ) {
    this.ws = wb.addWorksheet(sheetTitle(key), { views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW }] });
    printSetup(this.ws);
    const hint = this.ws.getCell(HINT_ROW, 1);
    hint.value = HINTS[key];
    hint.style = S.hint;
    this.ws.getRow(HINT_ROW).height = 30;
    columns.forEach((c, i) => {
      const cell = this.ws.getCell(HEADER_ROW, i + 1);
      cell.value = headerText(c);
      cell.style = S.header;
      this.ws.getColumn(i + 1).width = c.width;
    });
    this.ws.getRow(HEADER_ROW).height = wrappedRowHeight(columns.map((c) => ({ text: headerText(c), width: c.width })));
  }

  /** Appends a row; `styles` per column key overrides the plain cell style. */
  add(values: Record<string, string | number | undefined>, styles: Record<string, Style> = {}): number {
    const row = HEADER_ROW + 1 + this.rowCount++;
    this.columns.forEach((c, i) => {
      const cell = this.ws.getCell(row, i + 1);
      const v = values[c.key];
      if (v !== undefined && v !== '') cell.value = v;
      cell.style = styles[c.key] ?? S.cell;
    });
    // LibreOffice and WPS keep the stored height: store one that fits the wrapped text.
    this.ws.getRow(row).height = wrappedRowHeight(this.columns.map((c) => ({ text: values[c.key] === undefined ? '' : String(values[c.key]), width: c.width })));
    return row;
  }

  get rows(): number {
    return this.rowCount;
  }

  /** A dropdown on a whole column, data rows plus spare rows. */
  dropdown(key: string, rule: ListRule): void {
    const i = this.columns.findIndex((c) => c.key === key);
    const letter = String.fromCharCode(65 + i);
    // One rule for the whole range: ExcelJS' per-cell merging sorts A10 before
    // A3 and writes overlapping ranges, which Excel may "repair".
    const ranges = (this.ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations;
    ranges.model[`${letter}${HEADER_ROW + 1}:${letter}${HEADER_ROW + this.rowCount + SPARE_ROWS}`] = listValidation(rule, this.columns[i].zh);
  }

  columnOf(key: string): number {
    return this.columns.findIndex((c) => c.key === key) + 1;
  }
}
