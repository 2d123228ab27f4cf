// The consolidated workbook of `npm run consolidate -- … --out`: one sheet per view
// (src/engine/consolidate/consolidateViews.ts), each an Excel table with filter buttons under a title row, the
// header row frozen and repeated on every printed page (_xlnm.Print_Titles), columns sized, landscape
// A4 one page wide; on the departments' sheet, a chart of each department's rate against the band
// (graft/chartPart.ts). The package is written part by part, as the evaluated copy's summary is
// (inline strings, the graft's style sheet and table parts): for 50,000 projects ExcelJS's model took
// a gigabyte and most of the run, this takes seconds and a few megabytes per sheet.
import { colLetter } from '../engine/address';
import type { ConsolidatedView, ViewColumnKind } from '../engine/consolidate/consolidateViews';
import { viewText } from '../engine/consolidate/consolidateViewText';
import type { PrintSetup } from '../engine/summary/printSetup';
import type { CellValue, Lang, RateBand } from '../engine/types';
import { rebuildZip } from './zipPatch';
import { chartXml, CHART_TYPE, DRAWING_TYPE, drawingXml, type ChartSpec } from './graft/chartPart';
import { printSheetPr, printTail } from './graft/printSetupXml';
import { MAIN_NS, StyleSheet } from './graft/styleSheet';
import { tableXml, uniqueColumnNames, type CellLook } from './graft/summarySheetXml';
import { xmlAttr, xmlNumber, xmlText } from './graft/xmlText';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
/** An empty zip (end of central directory only): the package is built as entries added to it. */
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

/** Row of the table's header (1-based): the title is in row 1, a blank row between. */
export const HEADER_ROW = 3;

const FORMATS: Record<ViewColumnKind, string> = {
  text: '@',
  count: '0',
  money: '#,##0.00',
  percent: '0.00%',
  score: '0.00',
};


export interface ChartOptions {
  lang: Lang;
  band: RateBand;
  /** In-year monitoring: the line is the time elapsed instead of the band's edges. */
  timeShare?: number;
}

function cellXml(ref: string, value: CellValue, style: number): string {
  const s = style > 0 ? ` s="${style}"` : '';
  if (typeof value === 'number') {
    const v = xmlNumber(value);
    return v === null ? '' : `<c r="${ref}"${s}><v>${v}</v></c>`;
  }
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value === null || value === undefined || value === '') return '';
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${xmlText(value)}</t></is></c>`;
}

const PRINT: PrintSetup = { paper: 'A4', orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, titleRows: { first: HEADER_ROW, last: HEADER_ROW }, centerFooter: '&P / &N' };

/** The worksheet part of a view, in pieces; `drawing`: the relationship id of its chart's drawing. */
function sheetXml(view: ConsolidatedView, styleOf: (look: CellLook) => number, drawing: string | null): Buffer[] {
  const top = `A${HEADER_ROW + 1}`;
  const cols = view.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
  const pieces: Buffer[] = [
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL}">${printSheetPr(PRINT)}` +
        `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${HEADER_ROW}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews><cols>${cols}</cols><sheetData>` +
        `<row r="1">${cellXml('A1', view.title, styleOf({ numFmt: '@', bold: true, size: 14 }))}</row>` +
        `<row r="${HEADER_ROW}">${uniqueColumnNames(view.columns.map((c) => c.header))
          .map((h, i) => cellXml(`${colLetter(i + 1)}${HEADER_ROW}`, h, styleOf({ numFmt: '@', bold: true })))
          .join('')}</row>`,
      'utf8',
    ),
  ];
  const styles = view.columns.map((c) => styleOf({ numFmt: FORMATS[c.kind], bold: false }));
  const letters = view.columns.map((_, i) => colLetter(i + 1));
  let chunk = '';
  view.rows.forEach((values, r) => {
    const row = HEADER_ROW + 1 + r;
    chunk += `<row r="${row}">`;
    for (let c = 0; c < view.columns.length; c++) chunk += cellXml(`${letters[c]}${row}`, values[c], styles[c]);
    chunk += '</row>';
    if (chunk.length > 1 << 16) {
      pieces.push(Buffer.from(chunk, 'utf8'));
      chunk = '';
    }
  });
  const tail = `</sheetData>${printTail(PRINT)}${drawing ? `<drawing r:id="${drawing}"/>` : ''}<tableParts count="1"><tablePart r:id="rIdTable"/></tableParts></worksheet>`;
  pieces.push(Buffer.from(chunk + tail, 'utf8'));
  return pieces;
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlAttr(r.target)}"/>`)
    .join('')}</Relationships>`;
}

function chartSpec(view: ConsolidatedView, chart: ChartOptions): ChartSpec {
  const rateIdx = view.columns.findIndex((c) => c.header === viewText('rate', chart.lang));
  const rateCol = colLetter(rateIdx + 1);
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + view.rows.length;
  const { lang, band, timeShare } = chart;
  return {
    sheet: view.sheet,
    title: viewText(timeShare === undefined ? 'chartTitle' : 'chartTitleMonitoring', lang),
    categories: { ref: `$A$${first}:$A$${last}`, labels: view.rows.map((r) => String(r[0] ?? '')) },
    bars: { name: viewText('seriesRate', lang), ref: `$${rateCol}$${first}:$${rateCol}$${last}`, values: view.rows.map((r) => (typeof r[rateIdx] === 'number' ? (r[rateIdx] as number) : null)) },
    lines:
      timeShare === undefined
        ? [
            { name: viewText('seriesLow', lang), value: band.low },
            { name: viewText('seriesHigh', lang), value: band.high },
          ]
        : [{ name: viewText('seriesTime', lang), value: timeShare }],
    format: '0%',
    anchor: { fromCol: view.columns.length + 1, fromRow: HEADER_ROW - 1, toCol: view.columns.length + 11, toRow: HEADER_ROW + 20 },
  };
}

/** The workbook's bytes; the chart goes on the departments' sheet, right of its table. */
export async function consolidatedWorkbook(views: ConsolidatedView[], chart: ChartOptions): Promise<Buffer> {
  const styles = new StyleSheet(null, MAIN_NS);
  const styleOf = (look: CellLook): number => styles.cellStyle(look);
  const parts = new Map<string, Buffer | string>();
  const overrides: [string, string][] = [['/xl/workbook.xml', `${CT}.sheet.main+xml`]];
  const definedNames: string[] = [];
  views.forEach((view, i) => {
    const n = i + 1;
    const sheetRels = [{ id: 'rIdTable', type: `${REL}/table`, target: `../tables/table${n}.xml` }];
    let drawing: string | null = null;
    if (view.key === 'departments' && view.rows.length > 0) {
      drawing = 'rIdDrawing';
      sheetRels.push({ id: drawing, type: `${REL}/drawing`, target: '../drawings/drawing1.xml' });
      const spec = chartSpec(view, chart);
      parts.set('xl/drawings/drawing1.xml', drawingXml('rIdChart', spec.anchor, spec.title));
      parts.set('xl/drawings/_rels/drawing1.xml.rels', relsXml([{ id: 'rIdChart', type: `${REL}/chart`, target: '../charts/chart1.xml' }]));
      parts.set('xl/charts/chart1.xml', chartXml(spec));
      overrides.push(['/xl/drawings/drawing1.xml', DRAWING_TYPE], ['/xl/charts/chart1.xml', CHART_TYPE]);
    }
    parts.set(`xl/worksheets/sheet${n}.xml`, Buffer.concat(sheetXml(view, styleOf, drawing)));
    parts.set(`xl/worksheets/_rels/sheet${n}.xml.rels`, relsXml(sheetRels));
    const rows = Math.max(view.rows.length, 1);
    const ref = `A${HEADER_ROW}:${colLetter(view.columns.length)}${HEADER_ROW + rows}`;
    parts.set(`xl/tables/table${n}.xml`, tableXml({ name: view.table, columns: uniqueColumnNames(view.columns.map((c) => c.header)), ref }, n, MAIN_NS));
    overrides.push([`/xl/worksheets/sheet${n}.xml`, `${CT}.worksheet+xml`], [`/xl/tables/table${n}.xml`, `${CT}.table+xml`]);
    definedNames.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${xmlText(view.sheet.replace(/'/g, "''"))}'!$${HEADER_ROW}:$${HEADER_ROW}</definedName>`);
  });
  parts.set('xl/styles.xml', styles.text() ?? `<styleSheet xmlns="${MAIN_NS}"/>`);
  overrides.push(['/xl/styles.xml', `${CT}.styles+xml`]);
  parts.set(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${views
      .map((v, i) => `<sheet name="${xmlAttr(v.sheet)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets><definedNames>${definedNames.join('')}</definedNames></workbook>`,
  );
  parts.set(
    'xl/_rels/workbook.xml.rels',
    relsXml([
      ...views.map((_, i) => ({ id: `rId${i + 1}`, type: `${REL}/worksheet`, target: `worksheets/sheet${i + 1}.xml` })),
      { id: 'rIdStyles', type: `${REL}/styles`, target: 'styles.xml' },
    ]),
  );
  parts.set('_rels/.rels', relsXml([{ id: 'rId1', type: `${REL}/officeDocument`, target: 'xl/workbook.xml' }]));
  const types =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    overrides.map(([name, type]) => `<Override PartName="${xmlAttr(name)}" ContentType="${type}"/>`).join('') +
    '</Types>';
  const ordered = new Map<string, Buffer | string>([['[Content_Types].xml', types], ...parts]);
  return rebuildZip(EMPTY_ZIP, new Map(), 1, ordered);
}
