// The consolidated workbook of `npm run consolidate -- … --out`: one sheet per view
// (src/engine/consolidateViews.ts), each an Excel table with filter buttons under a title row, the
// header row frozen and repeated on every printed page, columns sized, landscape A4 one page wide;
// on the departments' sheet, a chart of each department's rate against the band (graft/chartPart.ts).
import ExcelJS from 'exceljs';
import type { ConsolidatedView, ViewColumnKind } from '../engine/consolidateViews';
import { viewText } from '../engine/consolidateViewText';
import type { Lang, RateBand } from '../engine/types';
import { colLetter } from '../engine/address';
import { storableText } from './cellText';
import { addChart } from './graft/chartPart';

const FORMATS: Record<ViewColumnKind, string | undefined> = {
  text: undefined,
  count: '0',
  money: '#,##0.00',
  percent: '0.00%',
  score: '0.00',
};

/** Row of the table's header (1-based): the title is in row 1, a blank row between. */
export const HEADER_ROW = 3;

export interface ChartOptions {
  lang: Lang;
  band: RateBand;
  /** In-year monitoring: the line is the time elapsed instead of the band's edges. */
  timeShare?: number;
}

function cellValue(v: unknown): ExcelJS.CellValue {
  if (typeof v === 'string') return storableText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  return null;
}

function addView(wb: ExcelJS.Workbook, view: ConsolidatedView): void {
  const ws = wb.addWorksheet(view.sheet, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
  });
  const title = ws.getCell(1, 1);
  title.value = storableText(view.title);
  title.font = { bold: true, size: 14 };
  view.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  // A table needs a data row: an empty view keeps one blank row under its header.
  const rows = view.rows.length > 0 ? view.rows.map((r) => r.map(cellValue)) : [view.columns.map(() => null)];
  ws.addTable({
    name: view.table,
    ref: `A${HEADER_ROW}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: view.columns.map((c) => ({ name: storableText(c.header), filterButton: true })),
    rows,
  });
  view.columns.forEach((c, i) => {
    const fmt = FORMATS[c.kind];
    if (!fmt) return;
    for (let r = 0; r < rows.length; r++) ws.getCell(HEADER_ROW + 1 + r, i + 1).numFmt = fmt;
  });
  ws.getRow(HEADER_ROW).font = { bold: true };
}

/** The workbook's bytes; the chart goes on the departments' sheet, right of its table. */
export async function consolidatedWorkbook(views: ConsolidatedView[], chart: ChartOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'budget-performance-addin';
  for (const view of views) addView(wb, view);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const departments = views.find((v) => v.key === 'departments');
  if (!departments || departments.rows.length === 0) return bytes;
  const rateIdx = departments.columns.findIndex((c) => c.header === viewText('rate', chart.lang));
  const rateCol = colLetter(rateIdx + 1);
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + departments.rows.length;
  const { lang, band, timeShare } = chart;
  return addChart(bytes, {
    sheet: departments.sheet,
    title: viewText(timeShare === undefined ? 'chartTitle' : 'chartTitleMonitoring', lang),
    categories: { ref: `$A$${first}:$A$${last}`, labels: departments.rows.map((r) => String(r[0] ?? '')) },
    bars: { name: viewText('seriesRate', lang), ref: `$${rateCol}$${first}:$${rateCol}$${last}`, values: departments.rows.map((r) => (typeof r[rateIdx] === 'number' ? (r[rateIdx] as number) : null)) },
    lines:
      timeShare === undefined
        ? [
            { name: viewText('seriesLow', lang), value: band.low },
            { name: viewText('seriesHigh', lang), value: band.high },
          ]
        : [{ name: viewText('seriesTime', lang), value: timeShare }],
    format: '0%',
    anchor: { fromCol: departments.columns.length + 1, fromRow: HEADER_ROW - 1, toCol: departments.columns.length + 11, toRow: HEADER_ROW + Math.max(18, Math.min(departments.rows.length, 40)) },
  });
}
