/**
 * The written package between ExcelJS and the final zip: part name → bytes
 * (as fflate unzips it). Post-processing steps (schema order, chart parts)
 * work on this map, then src/xlsx/write/zip.ts deflates it.
 */

import { isWorksheetPart, orderWorksheet } from './sheet-order';

export type PackageParts = Record<string, Uint8Array>;

/** A change to the package before it is zipped (adding chart parts, say). */
export type PackageStep = (parts: PackageParts) => void;

/**
 * What every package PlanSheet writes goes through last: each worksheet's
 * elements in ECMA-376 order (see sheet-order.ts). Cheap for sheets already
 * in order (only their tail is looked at).
 */
export function finishPackage(parts: PackageParts, extra?: PackageStep): void {
  extra?.(parts);
  for (const name of Object.keys(parts)) if (isWorksheetPart(name)) parts[name] = orderWorksheet(parts[name]);
}
