/**
 * Adds native charts to one worksheet of a package ExcelJS wrote: a drawing
 * part with the anchors, one chart part per chart, their relationships and
 * content types, and the sheet's `<drawing r:id>` (put in schema order by
 * sheet-order.ts afterwards). Part names and relationship ids are chosen so
 * they cannot collide with what ExcelJS wrote.
 */

import { chartXml, drawingXml, escapeXml, type BarChartSpec } from './chart-xml';
import type { PackageParts, PackageStep } from './package';

const RT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

const enc = new TextEncoder();
const dec = new TextDecoder();
const text = (parts: PackageParts, name: string) => (parts[name] ? dec.decode(parts[name]) : undefined);

/** The worksheet part of the sheet called `sheet` (xl/worksheets/sheet1.xml). */
export function worksheetPart(parts: PackageParts, sheet: string): string | undefined {
  const wb = text(parts, 'xl/workbook.xml') ?? '';
  const rels = text(parts, 'xl/_rels/workbook.xml.rels') ?? '';
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    if (name !== escapeXml(sheet) || !rid) continue;
    const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].find((r) => new RegExp(`\\bId="${rid}"`).test(r[0]));
    const target = rel && /\bTarget="([^"]*)"/.exec(rel[0])?.[1];
    if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  return undefined;
}

function freeName(parts: PackageParts, pattern: (n: number) => string): string {
  let n = 1;
  while (parts[pattern(n)]) n++;
  return pattern(n);
}

function addRelationship(parts: PackageParts, relsName: string, id: string, type: string, target: string): void {
  const rel = `<Relationship Id="${id}" Type="${RT}/${type}" Target="${target}"/>`;
  const old = text(parts, relsName);
  parts[relsName] = enc.encode(
    old
      ? old.replace('</Relationships>', `${rel}</Relationships>`)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${rel}</Relationships>`,
  );
}

function addOverride(parts: PackageParts, partName: string, type: string): void {
  const ct = text(parts, '[Content_Types].xml')!;
  parts['[Content_Types].xml'] = enc.encode(ct.replace('</Types>', `<Override PartName="/${partName}" ContentType="${type}"/></Types>`));
}

/** A relationship id not yet used in the rels part. */
function freeId(parts: PackageParts, relsName: string, prefix: string): string {
  const old = text(parts, relsName) ?? '';
  let n = 1;
  while (old.includes(`Id="${prefix}${n}"`)) n++;
  return `${prefix}${n}`;
}

/**
 * The package step that draws `charts` on sheet `sheet`. A sheet that
 * already has a DrawingML drawing (ExcelJS images) is left alone: a sheet
 * can have only one, and nothing PlanSheet writes has images.
 */
export function addChartsStep(sheet: string, charts: BarChartSpec[]): PackageStep {
  return (parts) => {
    if (!charts.length) return;
    const sheetPart = worksheetPart(parts, sheet);
    if (!sheetPart || !parts[sheetPart]) throw new Error(`charts: no worksheet part for sheet ${sheet}`);
    const sheetXml = dec.decode(parts[sheetPart]);
    if (/<drawing\b/.test(sheetXml)) throw new Error(`charts: sheet ${sheet} already has a drawing`);

    const drawing = freeName(parts, (n) => `xl/drawings/drawing${n}.xml`);
    const drawingRels = drawing.replace('xl/drawings/', 'xl/drawings/_rels/') + '.rels';
    const anchored = charts.map((spec, i) => {
      const chart = freeName(parts, (n) => `xl/charts/chart${n}.xml`);
      parts[chart] = enc.encode(chartXml(spec));
      addOverride(parts, chart, CT_CHART);
      const rId = `rId${i + 1}`;
      addRelationship(parts, drawingRels, rId, 'chart', `../charts/${chart.slice('xl/charts/'.length)}`);
      return { rId, name: spec.title, from: spec.from, to: spec.to };
    });
    parts[drawing] = enc.encode(drawingXml(anchored));
    addOverride(parts, drawing, CT_DRAWING);

    const [dir, base] = [sheetPart.slice(0, sheetPart.lastIndexOf('/')), sheetPart.slice(sheetPart.lastIndexOf('/') + 1)];
    const sheetRels = `${dir}/_rels/${base}.rels`;
    const id = freeId(parts, sheetRels, 'rIdPsChart');
    addRelationship(parts, sheetRels, id, 'drawing', `../drawings/${drawing.slice('xl/drawings/'.length)}`);
    parts[sheetPart] = enc.encode(sheetXml.replace(/<\/worksheet>\s*$/, `<drawing r:id="${id}"/></worksheet>`));
  };
}
