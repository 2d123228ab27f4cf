// Writes the draft report to its sheet (自评报告（草稿）): one paragraph per row in column A, text format
// "@" set before the values (a paragraph starting with "=" or "-" stays text), wrapped to the print
// width, headings bold, placeholder rows shaded, A4 portrait print setup. A sheet is cleared and
// rewritten only when it proves to be the add-in's report sheet (recorded id AND hidden marker name AND
// not the source sheet, engine/summary/summaryOwnership.ts); any other sheet of that name is left alone.
import type { WriteOptions } from '../engine/workbookPort';
import { PLACEHOLDER_FILL, type ReportSheetLayout, type ReportSheetRow } from '../engine/report/sheetLayout';
import { freeSheetName } from '../engine/sheetNames';
import { chooseSummarySheet, isReportMarker, REPORT_MARKER_FORMULA, REPORT_MARKER_NAME, sameSheetName } from '../engine/summary/summaryOwnership';
import { throwIfAborted } from './errors';
import { queuePrintSetup } from './pageLayout';
import { withEventsSuppressed, type ExcelRunner } from './events';
import type { RequestMeter } from './requestMeter';
import { loadOwnership, saveOwnership } from './settings';
import { isVariantOf } from './summaryPlan';

export interface ReportWriteTuning {
  meter: RequestMeter;
  run: ExcelRunner;
  /** Bytes of text one request may carry (default 2 MB, well under Excel on the web's 5 MB). */
  budget?: number;
  canUseTriggerSource: boolean;
  /** ExcelApi 1.9 (Worksheet.pageLayout): without it the sheet is written without print setup. */
  canSetPageLayout: boolean;
}

const DEFAULT_BUDGET = 2 * 1024 * 1024;

/** Rows in requests of at most `budget` bytes of text (JSON-measured, as the host does). */
export function reportChunks(rows: readonly ReportSheetRow[], budget = DEFAULT_BUDGET): { start: number; rows: ReportSheetRow[] }[] {
  const chunks: { start: number; rows: ReportSheetRow[] }[] = [];
  let current: ReportSheetRow[] = [];
  let bytes = 0;
  let start = 0;
  rows.forEach((row, i) => {
    const size = JSON.stringify(row.text).length * 3 + 16;
    if (current.length > 0 && bytes + size > budget) {
      chunks.push({ start, rows: current });
      current = [];
      bytes = 0;
      start = i;
    }
    current.push(row);
    bytes += size;
  });
  if (current.length > 0) chunks.push({ start, rows: current });
  return chunks;
}

/** Runs of consecutive rows that look alike, so that each look is one format call. */
function looks(rows: readonly ReportSheetRow[]): { start: number; count: number; row: ReportSheetRow }[] {
  const out: { start: number; count: number; row: ReportSheetRow }[] = [];
  rows.forEach((row, i) => {
    const last = out[out.length - 1];
    if (last && last.row.bold === row.bold && last.row.fontSize === row.fontSize && last.row.placeholder === row.placeholder) last.count++;
    else out.push({ start: i, count: 1, row });
  });
  return out;
}

function queueRows(sheet: Excel.Worksheet, start: number, rows: readonly ReportSheetRow[], meter: RequestMeter): void {
  const range = sheet.getRangeByIndexes(start, 0, rows.length, 1);
  range.numberFormat = rows.map(() => ['@']);
  range.values = rows.map((r) => [r.text]);
  range.format.wrapText = true;
  range.format.verticalAlignment = 'Top';
  for (const look of looks(rows)) {
    const part = sheet.getRangeByIndexes(start + look.start, 0, look.count, 1);
    part.format.font.bold = look.row.bold;
    part.format.font.size = look.row.fontSize;
    if (look.row.placeholder) part.format.fill.color = PLACEHOLDER_FILL;
  }
  range.format.autofitRows();
  meter.queue(rows.reduce((n, r) => n + r.text.length * 3 + 16, 0));
}

export async function writeReportSheetIn(
  context: Excel.RequestContext,
  layout: ReportSheetLayout,
  preferredName: string,
  options: WriteOptions,
  tuning: ReportWriteTuning,
): Promise<{ sheetName: string; keptSheets: string[] }> {
  const { meter } = tuning;
  const ownedIds = new Set(loadOwnership().reportSheetIds ?? []);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id');
  await meter.sync(context, 'report:meta');
  throwIfAborted(options.signal);
  const candidates = worksheets.items.filter(
    (ws) => ownedIds.has(ws.id) && isVariantOf(ws.name, preferredName) && !sameSheetName(ws.name, options.sourceSheet),
  );
  return withEventsSuppressed(context, !tuning.canUseTriggerSource, meter, tuning.run, async () => {
    const inspected = candidates.map((ws) => {
      const marker = ws.names.getItemOrNullObject(REPORT_MARKER_NAME);
      marker.load('value');
      return { ws, marker };
    });
    if (inspected.length > 0) await meter.sync(context, 'report:inspect');
    const choice = chooseSummarySheet(
      inspected.map(({ ws, marker }) => ({ name: ws.name, recorded: true, marked: !marker.isNullObject && isReportMarker(marker.value) })),
      preferredName,
      options.sourceSheet,
    );
    const own = choice.kind === 'reuse' ? inspected.find(({ ws }) => ws.name === choice.name)?.ws : undefined;
    const keptSheets = choice.kind === 'create' ? choice.kept : [];
    let sheet: Excel.Worksheet;
    if (own) {
      sheet = own;
      sheet.getRange().clear();
    } else {
      sheet = worksheets.add(freeSheetName(preferredName, worksheets.items.map((ws) => ws.name)));
      // The proof of ownership travels with the sheet, hidden from Name Manager.
      const marker = sheet.names.add(REPORT_MARKER_NAME, REPORT_MARKER_FORMULA, 'Budget performance add-in: this sheet is its draft report');
      marker.visible = false;
    }
    sheet.load('name,id');
    sheet.getRangeByIndexes(0, 0, 1, 1).format.columnWidth = layout.columnPoints;
    const chunks = reportChunks(layout.rows, tuning.budget);
    let written = 0;
    for (const chunk of chunks.length > 0 ? chunks : [{ start: 0, rows: [] }]) {
      if (chunk.rows.length > 0) queueRows(sheet, chunk.start, chunk.rows, meter);
      await meter.sync(context, 'report:rows');
      written += chunk.rows.length;
      options.onProgress?.({ stage: 'write', done: written, total: layout.rows.length });
      throwIfAborted(options.signal);
    }
    if (!own) {
      const ownership = loadOwnership();
      const kept = new Set(keptSheets.map((name) => name.toLowerCase()));
      const existing = new Set(worksheets.items.filter((ws) => !kept.has(ws.name.toLowerCase())).map((ws) => ws.id));
      ownership.reportSheetIds = [...(ownership.reportSheetIds ?? []).filter((id) => existing.has(id) && id !== sheet.id), sheet.id];
      await saveOwnership(ownership);
    }
    if (tuning.canSetPageLayout) {
      queuePrintSetup(sheet, layout.print);
      // Print setup is a courtesy: a host that refuses part of it still gets the report.
      await meter.sync(context, 'report:print').catch(() => undefined);
    }
    sheet.activate();
    sheet.getRange('A1').select();
    await meter.sync(context, 'report:activate');
    return { sheetName: sheet.name, keptSheets };
  });
}
