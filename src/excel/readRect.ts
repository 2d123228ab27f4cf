// Reads a rectangle of a sheet: small ones in one round trip, large ones in row chunks sized by
// their bytes (a chunk the sample underestimated is halved).
import type { CallOptions } from '../engine/workbookPort';
import type { CellValue, Grid } from '../engine/types';
import {
  DEFAULT_CHUNK_BUDGET,
  estimateBytesPerRow,
  gridBytes,
  planReadChunks,
  type RowChunk,
} from './chunks';
import { throwIfAborted, toHostError } from './errors';
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
const DIRECT_READ_CELLS = 20_000;
const SAMPLE_ROWS = 200;
export const RECT = 'address,rowIndex,columnIndex,rowCount,columnCount';

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

export function rectOf(range: Excel.Range): Rect {
  return { rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount };
}

function toCellValue(value: unknown): CellValue {
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

export async function readRect(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  rect: Rect,
  options: CallOptions,
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
