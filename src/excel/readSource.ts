// Reads the source block: the Excel table the selection is in, else the selection (when larger than
// one cell), else the sheet's used range. Small ranges come back in one round trip after the
// metadata; large ones in row chunks sized by their bytes.
import type { ReadRequest, WriteOptions } from '../engine/port';
import type { CellValue, Grid, SheetData } from '../engine/types';
import {
  DEFAULT_CHUNK_BUDGET,
  estimateBytesPerRow,
  exceedsReadLimit,
  gridBytes,
  planReadChunks,
  type RowChunk,
} from '../engine/chunks';
import { HostError, throwIfAborted, toHostError } from './errors';
import type { RequestMeter } from './requestMeter';

export interface ReadTuning {
  meter: RequestMeter;
  /** Bytes a response may carry. */
  budget?: number;
  /** Up to this many cells the values are loaded at once, without a sample first. */
  directReadCells?: number;
  /** Rows loaded to estimate the bytes per row of a large range. */
  sampleRows?: number;
}

/** Worst case ~200 bytes a cell (long Chinese explanations) keeps 20,000 cells under 4 MB. */
export const DIRECT_READ_CELLS = 20_000;
const SAMPLE_ROWS = 200;
const RECT = 'address,rowIndex,columnIndex,rowCount,columnCount';

export interface Rect {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** Intersection of two 0-based rectangles; null when they do not overlap. */
export function intersectRects(a: Rect, b: Rect): Rect | null {
  const top = Math.max(a.rowIndex, b.rowIndex);
  const left = Math.max(a.columnIndex, b.columnIndex);
  const bottom = Math.min(a.rowIndex + a.rowCount, b.rowIndex + b.rowCount);
  const right = Math.min(a.columnIndex + a.columnCount, b.columnIndex + b.columnCount);
  if (bottom <= top || right <= left) return null;
  return { rowIndex: top, columnIndex: left, rowCount: bottom - top, columnCount: right - left };
}

function rectOf(range: Excel.Range): Rect {
  return { rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount };
}

export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return String(value);
}

function toGrid(values: unknown[][]): Grid {
  return values.map((row) => row.map(toCellValue));
}

function isPayloadError(err: unknown): boolean {
  return toHostError(err).code === 'payload_too_large';
}

export async function readSourceIn(
  context: Excel.RequestContext,
  request: ReadRequest,
  options: WriteOptions,
  tuning: ReadTuning,
): Promise<SheetData> {
  const { meter } = tuning;
  const scope = request.scope ?? 'auto';
  const worksheets = context.workbook.worksheets;
  const sheet = request.sheet ? worksheets.getItem(request.sheet) : worksheets.getActiveWorksheet();
  sheet.load('name,id');
  const active = worksheets.getActiveWorksheet();
  active.load('id');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(RECT);
  let selection: Excel.Range | null = null;
  let tables: Excel.TableScopedCollection | null = null;
  if (scope === 'auto') {
    selection = context.workbook.getSelectedRange();
    selection.load(RECT);
    tables = selection.getTables(false);
    tables.load('items/name');
  }
  try {
    await meter.sync(context, 'read:meta');
  } catch (err) {
    // A selection of several areas cannot be read; the used range still can.
    if (scope === 'auto' && toHostError(err).code === 'invalid_selection') {
      return readSourceIn(context, { ...request, scope: 'sheet' }, options, tuning);
    }
    throw err;
  }
  throwIfAborted(options.signal);
  const name = sheet.name;
  if (used.isNullObject) return { name, grid: [], origin: { row: 1, col: 1 } };
  const usedRect = rectOf(used);
  const selectionApplies = selection !== null && active.id === sheet.id;

  let target: Rect = usedRect;
  const table = selectionApplies && tables && tables.items.length > 0 ? tables.items[0] : null;
  if (table) {
    const tableRange = table.getRange();
    tableRange.load(RECT);
    await meter.sync(context, 'read:table');
    target = rectOf(tableRange);
  } else if (selectionApplies && selection && selection.rowCount * selection.columnCount > 1) {
    // Whole-column selections reach row 1,048,576: only the part that holds values is read.
    target = intersectRects(rectOf(selection), usedRect) ?? usedRect;
  }
  if (exceedsReadLimit(target.rowCount, target.columnCount)) {
    throw new HostError('too_many_cells', `${target.rowCount} × ${target.columnCount} cells`);
  }
  const grid = await readRect(context, sheet, target, options, tuning);
  return { name, grid, origin: { row: target.rowIndex + 1, col: target.columnIndex + 1 } };
}

async function loadRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  rect: Rect,
  start: number,
  end: number,
  meter: RequestMeter,
  label: string,
): Promise<unknown[][]> {
  const range = sheet.getRangeByIndexes(rect.rowIndex + start, rect.columnIndex, end - start, rect.columnCount);
  range.load('values');
  let values: unknown[][] = [];
  await meter.sync(context, label, () => {
    values = range.values;
    return gridBytes(values);
  });
  return values;
}

async function readRect(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  rect: Rect,
  options: WriteOptions,
  tuning: ReadTuning,
): Promise<Grid> {
  const { meter } = tuning;
  const budget = tuning.budget ?? DEFAULT_CHUNK_BUDGET;
  const cells = rect.rowCount * rect.columnCount;
  if (cells <= (tuning.directReadCells ?? DIRECT_READ_CELLS)) {
    try {
      const values = await loadRows(context, sheet, rect, 0, rect.rowCount, meter, 'read:values');
      options.onProgress?.({ stage: 'read', done: rect.rowCount, total: rect.rowCount });
      return toGrid(values);
    } catch (err) {
      if (!isPayloadError(err)) throw err;
    }
  }
  const sampleRows = Math.min(rect.rowCount, tuning.sampleRows ?? SAMPLE_ROWS);
  const sample = await loadRows(context, sheet, rect, 0, sampleRows, meter, 'read:sample');
  const plan = planReadChunks(rect.rowCount, estimateBytesPerRow(sample, rect.columnCount), { budget });
  const grid: Grid = [];
  const queue: RowChunk[] = [...plan];
  let done = 0;
  while (queue.length > 0) {
    throwIfAborted(options.signal);
    const chunk = queue.shift() as RowChunk;
    let values: unknown[][];
    try {
      values = await loadRows(context, sheet, rect, chunk.start, chunk.end, meter, 'read:chunk');
    } catch (err) {
      // The sample underestimated these rows: halve the chunk and go on.
      if (isPayloadError(err) && chunk.end - chunk.start > 1) {
        const middle = chunk.start + Math.floor((chunk.end - chunk.start) / 2);
        queue.unshift({ start: chunk.start, end: middle, bytes: chunk.bytes / 2 }, { start: middle, end: chunk.end, bytes: chunk.bytes / 2 });
        continue;
      }
      throw err;
    }
    for (const row of values) grid.push(row.map(toCellValue));
    done += values.length;
    options.onProgress?.({ stage: 'read', done, total: rect.rowCount });
  }
  return grid;
}
