// The WorkbookPort on Office.js. Each method is one Excel.run; what to send is computed by pure
// helpers (summaryPlan, highlightRules, chunks), so the batches here only issue calls.
import type { WorkbookPort } from '../engine/workbookPort';
import { asHostErrors, HostError } from './errors';
import { listenToChanges, sheetNameCache, SourceSheetEvents, type ExcelRunner } from './events';
import { applyHighlightsIn, clearHighlightsIn } from './highlights';
import { isApiSetSupported, MERGED_AREAS_API_SET, PAGE_LAYOUT_API_SET, SELECTION_TABLES_API_SET, TRIGGER_SOURCE_API_SET, WORKBOOK_EVENTS_API_SET } from './host';
import { readSourceIn } from './readSource';
import { RequestMeter } from './requestMeter';
import { selectRangeIn, selectRowIn } from './selection';
import { readSheetsIn } from './readSheets';
import { applyCellMarksIn, clearCellMarksIn } from './cellMarks';
import { loadSettings, saveSettings } from './settings';
import { writeSummaryIn } from './writeSummary';
import { writeReportSheetIn } from './writeReportSheet';

export interface ExcelPortOptions {
  /** Records every round trip; the bench and the tests read it. */
  meter?: RequestMeter;
  /** Bytes one request or response may carry (default 4 MB, under Excel on the web's 5 MB). */
  budget?: number;
  /** Overrides the ExcelApi 1.14 check (tests, or a host known to lack it). */
  canUseTriggerSource?: boolean;
  /** Overrides the ExcelApi 1.9 check for Range.getTables. */
  canReadSelectionTables?: boolean;
  /** Overrides the ExcelApi 1.9 check for worksheets.onChanged. */
  canListenToAllSheets?: boolean;
  /** Up to this many cells a read loads values at once, without sampling first. */
  directReadCells?: number;
  /** Overrides the ExcelApi 1.13 check for Range.getMergedAreasOrNullObject. */
  canReadMerges?: boolean;
  /** Overrides the ExcelApi 1.9 check for Worksheet.pageLayout (the summary and report sheets' print setup). */
  canSetPageLayout?: boolean;
}

function defaultRunner(): ExcelRunner {
  return <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    if (typeof Excel === 'undefined' || typeof Excel.run !== 'function') {
      return Promise.reject(new HostError('outside_host', 'Excel.run is not available'));
    }
    return Excel.run(batch);
  };
}

export function createExcelPort(options: ExcelPortOptions = {}): WorkbookPort & { meter: RequestMeter } {
  const meter = options.meter ?? new RequestMeter();
  const run = defaultRunner();
  const canUseTriggerSource = (): boolean =>
    options.canUseTriggerSource ?? isApiSetSupported(TRIGGER_SOURCE_API_SET.name, TRIGGER_SOURCE_API_SET.version);
  const canReadSelectionTables = (): boolean =>
    options.canReadSelectionTables ?? isApiSetSupported(SELECTION_TABLES_API_SET.name, SELECTION_TABLES_API_SET.version);
  const canListenToAllSheets = (): boolean =>
    options.canListenToAllSheets ?? isApiSetSupported(WORKBOOK_EVENTS_API_SET.name, WORKBOOK_EVENTS_API_SET.version);
  const canSetPageLayout = (): boolean =>
    options.canSetPageLayout ?? isApiSetSupported(PAGE_LAYOUT_API_SET.name, PAGE_LAYOUT_API_SET.version);
  // One cache of sheet names for the change events, told of the summary sheet when it is created: the
  // events of writing it then cost no look-up.
  const sheetNames = sheetNameCache(run, meter);
  const sourceSheetEvents = new SourceSheetEvents(run, meter, sheetNames);

  return {
    meter,
    listSheets: () =>
      asHostErrors(() =>
        run(async (context) => {
          const sheets = context.workbook.worksheets;
          sheets.load('items/name');
          await meter.sync(context, 'sheets');
          return sheets.items.map((s) => s.name);
        }),
      ),
    readSource: (request = {}, opts = {}) =>
      asHostErrors(async () => {
        const data = await run((context) =>
          readSourceIn(context, request, opts, {
            meter,
            budget: options.budget,
            directReadCells: options.directReadCells,
            selectionTables: canReadSelectionTables(),
          }),
        );
        if (!canListenToAllSheets()) {
          // A failed move leaves the listener where it was; the next read tries again.
          await sourceSheetEvents.follow(data.name).catch(() => undefined);
        }
        return data;
      }),
    writeSummary: (layout, preferredName, opts = {}) =>
      asHostErrors(async () => {
        const result = await run((context) =>
          writeSummaryIn(context, layout, preferredName, opts, {
            meter,
            run,
            budget: options.budget,
            canUseTriggerSource: canUseTriggerSource(),
            canSetPageLayout: canSetPageLayout(),
          }),
        );
        if (result.createdSheetId !== null) sheetNames.names.set(result.createdSheetId, result.sheetName);
        return {
          sheetName: result.sheetName,
          ...(result.keptSheets.length > 0 ? { keptSheets: result.keptSheets } : {}),
          ...(result.highlighted ? { highlighted: true } : {}),
        };
      }),
    applyHighlights: (spec) => asHostErrors(() => run((context) => applyHighlightsIn(context, spec, meter))),
    clearHighlights: (sheet) =>
      asHostErrors(async () => {
        await run((context) => clearHighlightsIn(context, sheet, meter));
      }),
    onSourceChanged: (listener) =>
      asHostErrors(() => (canListenToAllSheets() ? listenToChanges(run, meter, listener, sheetNames) : sourceSheetEvents.listen(listener))),
    loadSettings: () => asHostErrors(() => loadSettings()),
    saveSettings: (settings) => asHostErrors(() => saveSettings(settings)),
    selectRow: (sheet, row) => asHostErrors(() => run((context) => selectRowIn(context, sheet, row, meter))),
    readSheets: (request = {}, opts = {}) =>
      asHostErrors(() =>
        run((context) =>
          readSheetsIn(context, request, opts, {
            meter,
            budget: options.budget,
            directReadCells: options.directReadCells,
            merges: options.canReadMerges ?? isApiSetSupported(MERGED_AREAS_API_SET.name, MERGED_AREAS_API_SET.version),
          }),
        ),
      ),
    applyCellMarks: (marks, sheets) => asHostErrors(() => run((context) => applyCellMarksIn(context, marks, sheets, meter, options.budget))),
    clearCellMarks: (sheets) =>
      asHostErrors(async () => {
        await run((context) => clearCellMarksIn(context, sheets, meter, options.budget));
      }),
    selectRange: (sheet, area) => asHostErrors(() => run((context) => selectRangeIn(context, sheet, area, meter))),
    writeReportSheet: (layout, preferredName, opts = {}) =>
      asHostErrors(async () => {
        const result = await run((context) =>
          writeReportSheetIn(context, layout, preferredName, opts, {
            meter,
            run,
            canUseTriggerSource: canUseTriggerSource(),
            canSetPageLayout: canSetPageLayout(),
          }),
        );
        return { sheetName: result.sheetName, ...(result.keptSheets.length > 0 ? { keptSheets: result.keptSheets } : {}) };
      }),
  };
}
