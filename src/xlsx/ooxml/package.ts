/**
 * The written package between ExcelJS and the final zip: part name → bytes
 * (as fflate unzips it). Post-processing steps (schema order, chart parts)
 * work on this map, then src/xlsx/write/zip.ts deflates it.
 */

import { isWorksheetPart, orderWorksheet } from './sheet-order';
import { renumberVmlShapes } from './vml-ids';

export type PackageParts = Record<string, Uint8Array>;

/** A change to the package before it is zipped (adding chart parts, say). */
export type PackageStep = (parts: PackageParts) => void;

/**
 * What every package PlanSheet writes goes through last: each worksheet's
 * elements in ECMA-376 order (see sheet-order.ts), cheap for sheets already
 * in order (only their tail is looked at); and the cell notes' VML shape ids
 * unique across sheets (vml-ids.ts).
 */
export function finishPackage(parts: PackageParts, extra?: PackageStep): void {
  extra?.(parts);
  renumberVmlShapes(parts);
  for (const name of Object.keys(parts)) if (isWorksheetPart(name)) parts[name] = orderWorksheet(parts[name]);
}
