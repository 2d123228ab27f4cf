// Reads the source block and says what it was (SheetData.source). Without a source to re-read:
// the Excel table the selection is in, else the selection (when larger than one cell), else the
// sheet's used range. With one: the same table by name, the same selection grown down to the used
// range's last row, or the used range, so a refresh sees rows added below what was read first.
// The table under the selection comes from Range.getTables where ExcelApi 1.9 offers it; before
// that, from the sheet's tables (1.1) matched against the selection here.
import type { ReadRequest, CallOptions } from '../engine/workbookPort';
import type { SheetData, SourceRef } from '../engine/types';
import { exceedsReadLimit } from './chunks';
import { formatAddress, parseAddress } from './address';
import { HostError, throwIfAborted, toHostError } from './errors';
import { intersectRects, readRect, rectOf, RECT, type ReadTuning, type Rect } from './readRect';
import type { RequestMeter } from './requestMeter';

export interface SourceTuning extends ReadTuning {
  /** Range.getTables is there (ExcelApi 1.9); false: the sheet's tables are matched against the selection. */
  selectionTables: boolean;
}

function sameRect(a: Rect, b: Rect): boolean {
  return a.rowIndex === b.rowIndex && a.columnIndex === b.columnIndex && a.rowCount === b.rowCount && a.columnCount === b.columnCount;
}

function addressOf(rect: Rect): string {
  return formatAddress({
    rowStart: rect.rowIndex + 1,
    rowEnd: rect.rowIndex + rect.rowCount,
    colStart: rect.columnIndex + 1,
    colEnd: rect.columnIndex + rect.columnCount,
  });
}

async function readTarget(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  target: Rect,
  source: SourceRef,
  options: CallOptions,
  tuning: ReadTuning,
): Promise<SheetData> {
  if (exceedsReadLimit(target.rowCount, target.columnCount)) {
    throw new HostError('too_many_cells', `${target.rowCount} × ${target.columnCount} cells`);
  }
  const grid = await readRect(context, sheet, target, options, tuning);
  return { name: source.sheet, grid, origin: { row: target.rowIndex + 1, col: target.columnIndex + 1 }, source };
}

function emptySheet(name: string, source: SourceRef): SheetData {
  return { name, grid: [], origin: { row: 1, col: 1 }, source };
}

export async function readSourceIn(
  context: Excel.RequestContext,
  request: ReadRequest,
  options: CallOptions,
  tuning: SourceTuning,
): Promise<SheetData> {
  const ref = request.source;
  if (ref?.kind === 'table' && ref.table) return readTableRef(context, ref, ref.table, options, tuning);
  if (ref?.kind === 'selection' && ref.address) return readSelectionRef(context, ref, ref.address, options, tuning);
  if (ref) return readAutoOrSheet(context, { sheet: ref.sheet, scope: 'sheet' }, options, tuning);
  return readAutoOrSheet(context, request, options, tuning);
}

/** The table a read found under the selection: its name and where it now is. */
interface FoundTable {
  name: string;
  rect: Rect;
}

/** The first table the selection touches, from Range.getTables (loaded with the meta request). */
async function tableOfSelection(
  context: Excel.RequestContext,
  tables: Excel.TableScopedCollection,
  meter: RequestMeter,
): Promise<FoundTable | null> {
  const table = tables.items.length > 0 ? tables.items[0] : null;
  if (!table) return null;
  const range = table.getRange();
  range.load(RECT);
  await meter.sync(context, 'read:table');
  return { name: table.name, rect: rectOf(range) };
}

/** Without Range.getTables: the first of the sheet's tables (listed with the meta request) that the selection touches. */
async function tableAmongSheetTables(
  context: Excel.RequestContext,
  tables: Excel.TableCollection,
  selection: Rect,
  meter: RequestMeter,
): Promise<FoundTable | null> {
  if (tables.items.length === 0) return null;
  const ranges = tables.items.map((table) => table.getRange().load(RECT));
  await meter.sync(context, 'read:table');
  const i = ranges.findIndex((range) => intersectRects(rectOf(range), selection) !== null);
  return i < 0 ? null : { name: tables.items[i].name, rect: rectOf(ranges[i]) };
}

async function readAutoOrSheet(
  context: Excel.RequestContext,
  request: ReadRequest,
  options: CallOptions,
  tuning: SourceTuning,
): Promise<SheetData> {
  const { meter } = tuning;
  const scope = request.scope ?? 'auto';
  const worksheets = context.workbook.worksheets;
  const active = worksheets.getActiveWorksheet();
  active.load('id');
  const sheet = request.sheet ? worksheets.getItem(request.sheet) : active;
  sheet.load('name,id');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(RECT);
  let selection: Excel.Range | null = null;
  let selectionTables: Excel.TableScopedCollection | null = null;
  let sheetTables: Excel.TableCollection | null = null;
  if (scope === 'auto') {
    selection = context.workbook.getSelectedRange();
    selection.load(RECT);
    if (tuning.selectionTables) {
      selectionTables = selection.getTables(false);
      selectionTables.load('items/name');
    } else {
      sheetTables = sheet.tables;
      sheetTables.load('items/name');
    }
  }
  try {
    await meter.sync(context, 'read:meta');
  } catch (err) {
    // A selection of several areas cannot be read; the used range still can.
    if (scope === 'auto' && toHostError(err).code === 'invalid_selection') {
      return readAutoOrSheet(context, { ...request, scope: 'sheet' }, options, tuning);
    }
    throw err;
  }
  throwIfAborted(options.signal);
  const name = sheet.name;
  const wholeSheet: SourceRef = { sheet: name, kind: 'sheet' };
  if (used.isNullObject) return emptySheet(name, wholeSheet);
  const usedRect = rectOf(used);
  const selectionApplies = selection !== null && active.id === sheet.id;

  let table: FoundTable | null = null;
  if (selectionApplies && selectionTables) table = await tableOfSelection(context, selectionTables, meter);
  else if (selectionApplies && selection && sheetTables) table = await tableAmongSheetTables(context, sheetTables, rectOf(selection), meter);
  if (table) {
    return readTarget(context, sheet, table.rect, { sheet: name, kind: 'table', table: table.name }, options, tuning);
  }
  if (selectionApplies && selection && selection.rowCount * selection.columnCount > 1) {
    // Whole-column selections reach row 1,048,576: only the part that holds values is read.
    const target = intersectRects(rectOf(selection), usedRect);
    // A selection of everything there is (Ctrl+A) is the sheet: later reads follow the used range.
    if (target && !sameRect(target, usedRect)) {
      return readTarget(context, sheet, target, { sheet: name, kind: 'selection', address: addressOf(target) }, options, tuning);
    }
  }
  return readTarget(context, sheet, usedRect, wholeSheet, options, tuning);
}

/** The table by name wherever it now is; a table that is gone falls back to its sheet's used range. */
async function readTableRef(
  context: Excel.RequestContext,
  ref: SourceRef,
  tableName: string,
  options: CallOptions,
  tuning: SourceTuning,
): Promise<SheetData> {
  const { meter } = tuning;
  const table = context.workbook.tables.getItemOrNullObject(tableName);
  table.load('name');
  await meter.sync(context, 'read:meta');
  throwIfAborted(options.signal);
  if (table.isNullObject) return readAutoOrSheet(context, { sheet: ref.sheet, scope: 'sheet' }, options, tuning);
  const sheet = table.worksheet;
  sheet.load('name');
  const range = table.getRange();
  range.load(RECT);
  await meter.sync(context, 'read:table');
  return readTarget(context, sheet, rectOf(range), { sheet: sheet.name, kind: 'table', table: table.name }, options, tuning);
}

/** The selection's columns, from its first row down to the used range's last row (rows added below count). */
async function readSelectionRef(
  context: Excel.RequestContext,
  ref: SourceRef,
  address: string,
  options: CallOptions,
  tuning: SourceTuning,
): Promise<SheetData> {
  const bounds = parseAddress(address);
  if (!bounds) return readAutoOrSheet(context, { sheet: ref.sheet, scope: 'sheet' }, options, tuning);
  const { meter } = tuning;
  const sheet = context.workbook.worksheets.getItem(ref.sheet);
  sheet.load('name');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(RECT);
  await meter.sync(context, 'read:meta');
  throwIfAborted(options.signal);
  const source: SourceRef = { sheet: sheet.name, kind: 'selection', address };
  if (used.isNullObject) return emptySheet(sheet.name, source);
  const usedLastRow = used.rowIndex + used.rowCount;
  const lastRow = Math.max(bounds.rowEnd, usedLastRow);
  const target: Rect = {
    rowIndex: bounds.rowStart - 1,
    columnIndex: bounds.colStart - 1,
    rowCount: lastRow - bounds.rowStart + 1,
    columnCount: bounds.colEnd - bounds.colStart + 1,
  };
  return readTarget(context, sheet, target, source, options, tuning);
}
