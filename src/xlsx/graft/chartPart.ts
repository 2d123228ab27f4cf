// A chart's parts, minimal (ECMA-376 Part 1, 21.2 DrawingML charts): no chart library is kept in the
// project (ExcelJS writes tables but no charts), so they are written here. The chart part holds a
// clustered column series over the sheet's cells and line series for constant levels such as a band's
// edges (literal values); the drawing part anchors it on the sheet. Every series carries its values as
// a cache too, so a reader that does not recalculate shows them.
import { xmlAttr, xmlText } from './xmlText';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';

export interface ChartSpec {
  sheet: string;
  title: string;
  /** Category labels and the A1 range that holds them on the sheet ("$A$3:$A$9"). */
  categories: { ref: string; labels: string[] };
  /** The columns, read from the sheet. */
  bars: { name: string; ref: string; values: (number | null)[] };
  /** Constant levels drawn as lines across the categories (band low / high, time elapsed). */
  lines: { name: string; value: number }[];
  /** Number format of the value axis ("0%"). */
  format: string;
  /** 0-based cells of the chart's top-left and bottom-right corners. */
  anchor: { fromCol: number; fromRow: number; toCol: number; toRow: number };
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function strCache(labels: string[]): string {
  return `<c:strCache><c:ptCount val="${labels.length}"/>${labels.map((l, i) => `<c:pt idx="${i}"><c:v>${xmlText(l)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numPoints(values: (number | null)[]): string {
  return `<c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values
    .map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join('')}`;
}

function seriesName(name: string): string {
  return `<c:tx><c:v>${xmlText(name)}</c:v></c:tx>`;
}

export function chartXml(spec: ChartSpec): string {
  const sheet = quoteSheet(spec.sheet);
  const cat = `<c:cat><c:strRef><c:f>${xmlText(`${sheet}!${spec.categories.ref}`)}</c:f>${strCache(spec.categories.labels)}</c:strRef></c:cat>`;
  const n = spec.categories.labels.length;
  const bar =
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/>${seriesName(spec.bars.name)}<c:invertIfNegative val="0"/>${cat}` +
    `<c:val><c:numRef><c:f>${xmlText(`${sheet}!${spec.bars.ref}`)}</c:f><c:numCache>${numPoints(spec.bars.values)}</c:numCache></c:numRef></c:val></c:ser>` +
    `<c:gapWidth val="80"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>`;
  const lines =
    spec.lines.length === 0
      ? ''
      : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${spec.lines
          .map(
            (l, i) =>
              `<c:ser><c:idx val="${i + 1}"/><c:order val="${i + 1}"/>${seriesName(l.name)}<c:marker><c:symbol val="none"/></c:marker>${cat}` +
              `<c:val><c:numLit>${numPoints(new Array<number>(n).fill(l.value))}</c:numLit></c:val><c:smooth val="0"/></c:ser>`,
          )
          .join('')}<c:marker val="1"/><c:axId val="1001"/><c:axId val="1002"/></c:lineChart>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
    `xmlns:r="${REL}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${xmlText(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${bar}${lines}` +
    '<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/>' +
    '<c:tickLblPos val="low"/><c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>' +
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${xmlAttr(spec.format)}" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

export function drawingXml(relId: string, anchor: ChartSpec['anchor'], title: string): string {
  const at = (tag: string, col: number, row: number): string => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    `<xdr:twoCellAnchor>${at('from', anchor.fromCol, anchor.fromRow)}${at('to', anchor.toCol, anchor.toRow)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${xmlAttr(title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="${relId}"/>` +
    '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>'
  );
}
