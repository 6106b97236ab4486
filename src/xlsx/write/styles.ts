/**
 * Cell styles, built once and shared by every cell and every workbook:
 * ExcelJS keeps the object by reference, so sharing avoids per-cell objects
 * (never mutate these through cell.font/cell.fill setters).
 */

import type ExcelJS from 'exceljs';
import { COLORS } from './validation';

type Style = Partial<ExcelJS.Style>;

const FONT = 'SimSun';
const thin = { style: 'thin' as const, color: { argb: 'FFA6A6A6' } };
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const locked = { locked: true };
const unlocked = { locked: false };

const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: FONT, size: 11, ...extra });

const legendCache = new Map<string, Style>();

export const STYLE = {
  title: { font: font({ size: 16, bold: true }), alignment: { horizontal: 'center', vertical: 'middle' }, protection: locked } as Style,
  subtitle: { font: font({ size: 11, bold: true }), alignment: { horizontal: 'center', vertical: 'middle' }, protection: locked } as Style,
  note: { font: font({ size: 10, color: { argb: 'FF595959' } }), alignment: { horizontal: 'left', vertical: 'middle' }, protection: locked } as Style,
  header: {
    font: font({ bold: true, color: { argb: COLORS.header.font } }),
    fill: solid(COLORS.header.fill),
    border,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    protection: locked,
  } as Style,
  cellCenter: { font: font(), border, alignment: { horizontal: 'center', vertical: 'middle' }, protection: locked } as Style,
  cellCenterWrap: { font: font(), border, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, protection: locked } as Style,
  cellWrap: { font: font(), border, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, protection: locked } as Style,
  value: {
    font: font({ bold: true }),
    border,
    fill: solid(COLORS.toFill.fill),
    numFmt: 'General',
    alignment: { horizontal: 'right', vertical: 'middle' },
    protection: unlocked,
  } as Style,
  valueCount: {
    font: font({ bold: true }),
    border,
    fill: solid(COLORS.toFill.fill),
    numFmt: '0',
    alignment: { horizontal: 'right', vertical: 'middle' },
    protection: unlocked,
  } as Style,
  status: { font: font(), border, alignment: { horizontal: 'center', vertical: 'middle' }, protection: locked } as Style,
  remark: { font: font(), border, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, protection: unlocked } as Style,
  infoLabel: { font: font({ bold: true }), alignment: { horizontal: 'left', vertical: 'top' }, protection: locked } as Style,
  infoText: { font: font(), alignment: { horizontal: 'left', vertical: 'top' }, protection: locked } as Style,
  infoWrap: { font: font(), alignment: { horizontal: 'left', vertical: 'top', wrapText: true }, protection: locked } as Style,
  sectionHeading: { font: font({ size: 12, bold: true, color: { argb: COLORS.header.font } }), protection: locked } as Style,
  input: { font: font(), border, fill: solid(COLORS.toFill.fill), alignment: { horizontal: 'left', vertical: 'middle' }, protection: unlocked } as Style,
  inputText: {
    font: font(),
    border,
    fill: solid(COLORS.toFill.fill),
    numFmt: '@',
    alignment: { horizontal: 'left', vertical: 'middle' },
    protection: unlocked,
  } as Style,
  inputDate: {
    font: font(),
    border,
    fill: solid(COLORS.toFill.fill),
    numFmt: 'yyyy-mm-dd',
    alignment: { horizontal: 'left', vertical: 'middle' },
    protection: unlocked,
  } as Style,
  /** 上期值: last period's value, grey and locked (read-only). */
  previous: {
    font: font({ color: { argb: COLORS.previous.font } }),
    border,
    fill: solid(COLORS.previous.fill),
    numFmt: 'General',
    alignment: { horizontal: 'right', vertical: 'middle', wrapText: true },
    protection: locked,
  } as Style,
  signature: { font: font(), alignment: { horizontal: 'left', vertical: 'middle' }, protection: locked } as Style,
  /** The parent category's name, small and grey above a sub-category's own (rich-text run). */
  categoryParentFont: font({ size: 8, color: { argb: 'FF7F7F7F' } }),
  /** A legend swatch in the colours of a conditional format. */
  legend(fill: string, fontColor: string): Style {
    const key = fill + fontColor;
    let s = legendCache.get(key);
    if (!s) {
      s = { font: font({ bold: true, color: { argb: fontColor } }), fill: solid(fill), border, alignment: { horizontal: 'center', vertical: 'top' }, protection: locked };
      legendCache.set(key, s);
    }
    return s;
  },
};
