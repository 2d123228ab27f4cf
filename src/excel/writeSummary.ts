// Writes the summary sheet. A sheet is cleared and rewritten only when it proves to be the add-in's:
// its id is in the workbook's ownership record AND it carries the add-in's hidden marker name AND it
// is not the sheet the source is read from (engine/summary/summaryOwnership.ts). Anything else, a user's sheet
// with the same name included, is left alone and a new sheet is written.
// A sheet it creates gets the summary's print setup (landscape A4, one page wide, the table header
// repeated on every page, page numbers in the footer) once, in the request that completes it; a rewrite
// keeps the sheet's print setup as it is, so auto-refreshes send nothing more.
// Highlights given with the summary (options.highlight) share its requests: the source sheet's rules are
// listed with the sheets, and replaced in the request that completes the summary (a few rules, far
// under the 5 MB a request may carry), which saves the two round trips of applyHighlights.
import type { WriteOptions } from '../engine/workbookPort';
import type { SummaryLayout } from '../engine/summary/summaryTypes';
import { summaryPrintSetup } from '../engine/summary/printSetup';
import { colLetter } from '../engine/address';
import { throwIfAborted } from './errors';
import { queuePrintSetup } from './pageLayout';
import { highlightsReplaced, queueHighlightListing, queueHighlightReplacement } from './highlights';
import { withEventsSuppressed, type ExcelRunner } from './events';
import type { RequestMeter } from './requestMeter';
import { loadOwnership, saveOwnership } from './settings';
import { freeSheetName, freeTableName } from '../engine/sheetNames';
import { chooseSummarySheet, isSummaryMarker, sameSheetName, SUMMARY_MARKER_FORMULA, SUMMARY_MARKER_NAME } from '../engine/summary/summaryOwnership';
import { isVariantOf, planRequests, planSummary, rowsToWrite, type PlannedWrite, type SummaryPlan } from './summaryPlan';

export interface WriteTuning {
  meter: RequestMeter;
  run: ExcelRunner;
  budget?: number;
  /** False when events carry no triggerSource (before ExcelApi 1.14): events are then switched off around the write. */
  canUseTriggerSource: boolean;
  /** ExcelApi 1.9 (Worksheet.pageLayout): without it a created sheet gets no print setup. */
  canSetPageLayout: boolean;
}

const CHART_NAME = 'PerfUsageRateChart';
const CHART_SIZE = { rows: 18, cols: 8 };

function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function cellAddress(row0: number, col0: number): string {
  return `${colLetter(col0 + 1)}${row0 + 1}`;
}

function queueWrite(sheet: Excel.Worksheet, write: PlannedWrite, meter: RequestMeter): void {
  const range = sheet.getRangeByIndexes(write.row, write.col, write.values.length, write.values[0].length);
  // Formats first: '@' must be in place before a name such as "=HYPERLINK(...)" arrives.
  range.numberFormat = write.formats;
  range.values = write.values;
  meter.queue(write.bytes);
}

function queueStructure(sheet: Excel.Worksheet, plan: SummaryPlan, tableName: string): void {
  if (plan.table) {
    const { row, col, rowCount, columnCount } = plan.table;
    const table = sheet.tables.add(sheet.getRangeByIndexes(row, col, rowCount, columnCount), true);
    table.name = tableName;
    table.style = 'TableStyleLight9';
  }
  for (const { col, points } of plan.widths) sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = points;
  if (plan.freezeRows > 0) sheet.freezePanes.freezeRows(plan.freezeRows);
  if (plan.chart) {
    const c = plan.chart;
    const data = sheet.getRangeByIndexes(c.dataRow, c.dataCol, c.rowCount, 4);
    const chart = sheet.charts.add('ColumnClustered', data, 'Columns');
    chart.name = CHART_NAME;
    chart.title.text = c.title;
    // The band's edges as lines across the bars (series 2 and 3: low, high).
    chart.series.getItemAt(1).chartType = 'Line';
    chart.series.getItemAt(2).chartType = 'Line';
    chart.setPosition(
      cellAddress(c.anchorRow, c.anchorCol),
      cellAddress(c.anchorRow + CHART_SIZE.rows - 1, c.anchorCol + CHART_SIZE.cols - 1),
    );
  }
}

/**
 * Syncs the request that completes a sheet the add-in creates, whose last commands after the marker name
 * are the highlights and the print setup (pageLayout.ts). Excel stops a request at the first command it
 * refuses and keeps what ran before it; when the request fails, one more round trip looks for the marker:
 * found, the summary is whole and was recorded as the add-in's, only what follows the marker may be
 * missing (false is returned: the highlights are then applied on their own, which surfaces their error,
 * and the print setup, a courtesy, is left); missing, the write itself failed and its error is thrown.
 */
async function syncCreatedSheet(context: Excel.RequestContext, sheet: Excel.Worksheet, meter: RequestMeter, label: string): Promise<boolean> {
  try {
    await meter.sync(context, label);
    return true;
  } catch (error) {
    // A request refused as a whole (too large, say) did not even add the sheet: the look fails too.
    const whole = await (async () => {
      const marker = sheet.names.getItemOrNullObject(SUMMARY_MARKER_NAME);
      marker.load('value');
      sheet.load('name,id');
      await meter.sync(context, 'write:print-check');
      return !marker.isNullObject && isSummaryMarker(marker.value);
    })().catch(() => false);
    if (!whole) throw error;
    return false;
  }
}

/** Most recorded summary sheets inspected with the listing; a longer (crafted) record is inspected after it. */
const EARLY_INSPECTION_LIMIT = 8;

interface Inspection {
  ws: Excel.Worksheet;
  /** The id it was looked up by: a sheet named like another's id is not that sheet. */
  id: string;
  marker: Excel.NamedItem;
}

function queueInspection(ws: Excel.Worksheet, id: string): Inspection {
  ws.load('name,id');
  const marker = ws.names.getItemOrNullObject(SUMMARY_MARKER_NAME);
  marker.load('value');
  ws.tables.load('items/name');
  ws.charts.load('items/name');
  return { ws, id, marker };
}

/** The workbook's sheets and tables, the source's rules when highlights go with the summary, and the recorded sheets. */
function queueMeta(context: Excel.RequestContext, options: WriteOptions, recordedIds: string[]) {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id');
  const tables = context.workbook.tables;
  tables.load('items/name');
  const listing = options.highlight ? queueHighlightListing(context, options.highlight) : null;
  const inspected = recordedIds.map((id) => queueInspection(worksheets.getItem(id), id));
  return { worksheets, tables, listing, inspected };
}

export async function writeSummaryIn(
  context: Excel.RequestContext,
  layout: SummaryLayout,
  preferredName: string,
  options: WriteOptions,
  tuning: WriteTuning,
): Promise<{ sheetName: string; createdSheetId: string | null; keptSheets: string[]; highlighted: boolean }> {
  const { meter } = tuning;
  const plan = planSummary(layout);
  const ownedIds = new Set(loadOwnership().summarySheetIds);
  const isCandidate = (ws: Excel.Worksheet): boolean =>
    ownedIds.has(ws.id) && isVariantOf(ws.name, preferredName) && !sameSheetName(ws.name, options.sourceSheet);
  // The sheets the record lists are inspected with the listing, in one round trip, found by id
  // (WorksheetCollection.getItem takes a name or an id). A recorded sheet the user deleted makes
  // Excel refuse that request (ItemNotFound): it is then made again without them, and the
  // candidates among the listed sheets are inspected on their own, as the record is pruned at
  // the next created sheet.
  const early = ownedIds.size > 0 && ownedIds.size <= EARLY_INSPECTION_LIMIT;
  let meta = queueMeta(context, options, early ? [...ownedIds] : []);
  try {
    await meter.sync(context, 'write:meta');
  } catch (error) {
    if (!early) throw error;
    meta = queueMeta(context, options, []);
    await meter.sync(context, 'write:meta');
  }
  throwIfAborted(options.signal);
  const { worksheets, tables, listing } = meta;

  let sheet: Excel.Worksheet;
  let createdSheetId: string | null = null;
  let keptSheets: string[] = [];
  let highlighted = false;
  const totalRows = rowsToWrite(layout);
  return withEventsSuppressed(context, !tuning.canUseTriggerSource, meter, tuning.run, async () => {
    let inspected = meta.inspected.filter(({ ws, id }) => ws.id === id && isCandidate(ws));
    if (meta.inspected.length === 0) {
      inspected = worksheets.items.filter(isCandidate).map((ws) => queueInspection(ws, ws.id));
      if (inspected.length > 0) await meter.sync(context, 'write:inspect');
    }
    const choice = chooseSummarySheet(
      inspected.map(({ ws, marker }) => ({
        name: ws.name,
        recorded: ownedIds.has(ws.id),
        marked: !marker.isNullObject && isSummaryMarker(marker.value),
      })),
      preferredName,
      options.sourceSheet,
    );
    const own = choice.kind === 'reuse' ? inspected.find(({ ws }) => ws.name === choice.name)?.ws : undefined;
    if (own) {
      sheet = own;
      for (const t of sheet.tables.items) t.delete();
      for (const c of sheet.charts.items) c.delete();
      sheet.getRange().clear();
      sheet.freezePanes.unfreeze();
    } else {
      keptSheets = choice.kind === 'create' ? choice.kept : [];
      const name = freeSheetName(preferredName, worksheets.items.map((ws) => ws.name));
      sheet = worksheets.add(name);
    }
    sheet.load('name,id');
    const tableName = freeTableName(tables.items.map((t) => t.name));
    const planned = planRequests(layout, tuning.budget);
    const nextRequest = async (): Promise<IteratorResult<PlannedWrite[], void>> => {
      let step = planned.next();
      while (!step.done && step.value === null) {
        await yieldToUi();
        step = planned.next();
      }
      return step as IteratorResult<PlannedWrite[], void>;
    };
    let current = await nextRequest();
    let written = 0;
    let first = true;
    do {
      const writes = current.done ? [] : current.value;
      for (const write of writes) {
        queueWrite(sheet, write, meter);
        written += write.values.length;
      }
      // Looking one request ahead tells whether this one is the last: the structure goes with it.
      const next = current.done ? current : await nextRequest();
      if (next.done) queueStructure(sheet, plan, tableName);
      const creating = next.done && !own;
      const printing = creating && tuning.canSetPageLayout;
      if (creating) {
        // The proof of ownership travels with the sheet: hidden, so Name Manager does not show it. It
        // goes last before the print setup, so that finding it proves everything before it was applied.
        const marker = sheet.names.add(SUMMARY_MARKER_NAME, SUMMARY_MARKER_FORMULA, 'Budget performance add-in: this sheet is its summary');
        marker.visible = false;
      }
      if (next.done && listing) queueHighlightReplacement(listing, meter);
      if (printing) queuePrintSetup(sheet, summaryPrintSetup(layout));
      const label = first && next.done ? 'write:all' : 'write:chunk';
      if (creating && (printing || listing)) highlighted = (await syncCreatedSheet(context, sheet, meter, label)) && listing !== null;
      else {
        await meter.sync(context, label);
        highlighted = next.done === true && listing !== null;
      }
      if (first && !own) createdSheetId = sheet.id;
      first = false;
      options.onProgress?.({ stage: 'write', done: written, total: totalRows });
      if (!next.done) throwIfAborted(options.signal);
      current = next;
    } while (!current.done);
    if (createdSheetId !== null) {
      // Re-read just before writing: another operation may have updated the record meanwhile.
      const ownership = loadOwnership();
      // Ids of sheets deleted since are dropped: the record only lists sheets that exist; so are those
      // of sheets kept because they carry no marker (they are not the add-in's to rewrite).
      const kept = new Set(keptSheets.map((name) => name.toLowerCase()));
      const existing = new Set(worksheets.items.filter((ws) => !kept.has(ws.name.toLowerCase())).map((ws) => ws.id));
      ownership.summarySheetIds = [...ownership.summarySheetIds.filter((id) => existing.has(id) && id !== createdSheetId), createdSheetId];
      await saveOwnership(ownership);
    }
    if (highlighted && listing) await highlightsReplaced(listing);
    return { sheetName: sheet.name, createdSheetId, keptSheets, highlighted };
  });
}
