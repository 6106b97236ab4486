/**
 * DrawingML for native Excel bar charts: the chart part (c:chartSpace) and
 * the sheet's drawing part (xdr:wsDr) that anchors the charts to cells.
 * ExcelJS writes no charts, so these parts are added to its package
 * (charts-step.ts). Elements follow the ECMA-376 sequences exactly (Excel
 * repairs a chart with one element out of order); each series carries a
 * cache of its values so a reader that does not recalculate (a viewer, a
 * mail preview) still draws it.
 */

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

/** A cell anchor, 0-based column and row (as DrawingML counts). */
export interface CellAnchor {
  col: number;
  row: number;
}

export interface ChartSeries {
  /** Legend entry, and the cell that holds it ('汇总'!$D$40). */
  name: string;
  nameRef: string;
  /** The values' range and their current values (null: a gap). */
  ref: string;
  values: (number | null)[];
  /** RRGGBB. */
  color: string;
}

export interface BarChartSpec {
  title: string;
  /** Category labels' range and their current text. */
  categoriesRef: string;
  categories: string[];
  series: ChartSeries[];
  /** Stacked bars (counts that add up) or side by side. */
  stacked: boolean;
  /** Number format of the value axis ("0", "0%"). */
  valueFormat: string;
  /** Top-left and bottom-right cells the chart is drawn over. */
  from: CellAnchor;
  to: CellAnchor;
}

import { escapeXml } from './xml-text';

export { escapeXml };

// CJK text needs an East Asian font; Excel and LibreOffice map these names.
const FONT = '<a:latin typeface="Arial"/><a:ea typeface="SimSun"/><a:cs typeface="Arial"/>';
const textProps = (size: number, bold = false) =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}">${FONT}</a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;

function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numCache(values: (number | null)[], format: string): string {
  const pts = values.map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function series(s: ChartSeries, i: number, spec: BarChartSpec): string {
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:strRef><c:f>${escapeXml(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></c:spPr>` +
    `<c:invertIfNegative val="0"/>` +
    `<c:cat><c:strRef><c:f>${escapeXml(spec.categoriesRef)}</c:f>${strCache(spec.categories)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(s.ref)}</c:f>${numCache(s.values, spec.valueFormat)}</c:numRef></c:val>` +
    `</c:ser>`
  );
}

/** The chart part: horizontal bars, categories top to bottom, legend below. */
export function chartXml(spec: BarChartSpec): string {
  const cat = 500001;
  const val = 500002;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:lang val="zh-CN"/><c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1">${FONT}</a:defRPr></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="1200" b="1">${FONT}</a:rPr><a:t>${escapeXml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="${spec.stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>` +
    spec.series.map((s, i) => series(s, i, spec)).join('') +
    `<c:gapWidth val="50"/>${spec.stacked ? '<c:overlap val="100"/>' : ''}` +
    `<c:axId val="${cat}"/><c:axId val="${val}"/></c:barChart>` +
    // Categories read top to bottom (reversed axis); the value axis stays at the bottom.
    `<c:catAx><c:axId val="${cat}"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `${textProps(900)}<c:crossAx val="${val}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${val}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${escapeXml(spec.valueFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `${textProps(900)}<c:crossAx val="${cat}"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProps(900)}</c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>` +
    textProps(1000) +
    `<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings>` +
    `</c:chartSpace>`
  );
}

/** One chart in the drawing: its relationship id from the drawing part. */
export interface AnchoredChart {
  rId: string;
  name: string;
  from: CellAnchor;
  to: CellAnchor;
}

const marker = (tag: 'from' | 'to', a: CellAnchor) =>
  `<xdr:${tag}><xdr:col>${a.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;

/** The drawing part: each chart over its cells, moving with them but not resized by them. */
export function drawingXml(charts: AnchoredChart[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">` +
    charts
      .map(
        (c, i) =>
          `<xdr:twoCellAnchor editAs="oneCell">${marker('from', c.from)}${marker('to', c.to)}` +
          `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(c.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
          `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
          `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${c.rId}"/></a:graphicData></a:graphic>` +
          `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
      )
      .join('') +
    `</xdr:wsDr>`
  );
}
