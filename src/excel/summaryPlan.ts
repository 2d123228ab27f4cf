// What writing the summary sends, computed without Excel: blocks cut into byte-sized pieces packed
// into requests, the table, the chart and the sheet name. The adapter only issues the calls.
import type { LayoutBlock, SummaryLayout, SummaryValue } from '../engine/summary/summaryTypes';
import { DEFAULT_CHUNK_BUDGET, OPERATION_OVERHEAD_BYTES, rowBytes } from './chunks';

export interface PlannedWrite {
  blockId: string;
  /** 0-based position on the summary sheet. */
  row: number;
  col: number;
  values: SummaryValue[][];
  /** Same shape as values. */
  formats: string[][];
  bytes: number;
}

export interface PlannedChart {
  title: string;
  /** 0-based rectangle of the chart data (header row first): name, rate, low, high. */
  dataRow: number;
  dataCol: number;
  rowCount: number;
  anchorRow: number;
  anchorCol: number;
}

export interface SummaryPlan {
  table: { row: number; col: number; rowCount: number; columnCount: number } | null;
  chart: PlannedChart | null;
  freezeRows: number;
  /** Column width in points per 0-based sheet column. */
  widths: { col: number; points: number }[];
}

/** Rows planned between two turns of the UI thread (~40 ms of work). */
export const PAUSE_ROWS = 10_000;
/** More bars than this make an unreadable chart and a slow request; the data is still written. */
const MAX_CHART_CATEGORIES = 500;
const TEXT_FORMAT = '@';
/**
 * Excel parses a string written to a non-text cell like typed input: "=x" becomes a formula. A quote
 * prefix keeps it text (Excel hides the apostrophe). Non-finite numbers become blanks.
 */
export function safeCell(value: SummaryValue, format: string): SummaryValue {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && format !== TEXT_FORMAT && /^[=+\-@]/.test(value)) return `'${value}`;
  return value;
}

function formatRowOf(block: LayoutBlock, width: number): string[] {
  return Array.from({ length: width }, (_, c) => block.numberFormats[c] ?? 'General');
}

/**
 * The value writes of the summary, one request at a time: blocks cut into row pieces and packed so
 * each request's JSON (values and formats) stays under the budget. A generator, so the adapter plans
 * one request at a time between syncs; it also yields null every PAUSE_ROWS rows, where the adapter
 * gives the UI thread a turn (a 4 MB request takes ~150 ms to plan at 200k rows).
 */
export function* planRequests(layout: SummaryLayout, budget: number = DEFAULT_CHUNK_BUDGET): Generator<PlannedWrite[] | null, void, undefined> {
  let request: PlannedWrite[] = [];
  let requestBytes = 0;
  let sincePause = 0;
  for (const block of layout.blocks) {
    const width = block.values.reduce((max, row) => Math.max(max, row.length), 0);
    if (width === 0) continue;
    const formatRow = formatRowOf(block, width);
    const formatRowBytes = rowBytes(formatRow) + 1;
    let piece: PlannedWrite | null = null;
    for (let r = 0; r < block.values.length; r++) {
      if (++sincePause >= PAUSE_ROWS) {
        sincePause = 0;
        yield null;
      }
      const source = block.values[r];
      const row: SummaryValue[] = new Array(width);
      for (let c = 0; c < width; c++) row[c] = safeCell(source[c] ?? null, formatRow[c]);
      const bytes = rowBytes(row) + 1 + formatRowBytes;
      const opening = piece ? 0 : 2 * OPERATION_OVERHEAD_BYTES;
      if (requestBytes + opening + bytes > budget && (piece !== null || request.length > 0)) {
        if (piece) request.push(piece);
        piece = null;
        yield request;
        request = [];
        requestBytes = 0;
      }
      if (!piece) {
        piece = { blockId: block.id, row: block.row + r, col: block.col, values: [], formats: [], bytes: 2 * OPERATION_OVERHEAD_BYTES };
        requestBytes += piece.bytes;
      }
      piece.values.push(row);
      piece.formats.push(formatRow);
      piece.bytes += bytes;
      requestBytes += bytes;
    }
    if (piece) request.push(piece);
  }
  if (request.length > 0) yield request;
}

/** Rows of all blocks: the unit of the write progress. */
export function rowsToWrite(layout: SummaryLayout): number {
  return layout.blocks.reduce((sum, b) => sum + b.values.length, 0);
}

/** Characters (CJK counted double by the layout) to points of the default font, capped. */
export function widthPoints(chars: number): number {
  if (!Number.isFinite(chars) || chars <= 0) return 48;
  return Math.min(360, Math.round(chars * 6 + 8));
}

/** Everything but the values: table, chart, frozen rows, widths. */
export function planSummary(layout: SummaryLayout): SummaryPlan {
  const t = layout.table;
  // The layout writes the chart data (name, rate, low, high; header first) as its 'chart' block.
  const chartData = layout.blocks.find((b) => b.id === 'chart' && b.row === layout.chart.dataRow && b.col === layout.chart.dataCol);
  const chart: PlannedChart | null =
    chartData && chartData.values.length > 1 && chartData.numberFormats.length >= 4 && layout.chart.categories.length <= MAX_CHART_CATEGORIES
      ? {
          title: layout.chart.title,
          dataRow: layout.chart.dataRow,
          dataCol: layout.chart.dataCol,
          rowCount: chartData.values.length,
          anchorRow: layout.chart.anchorRow,
          anchorCol: layout.chart.anchorCol,
        }
      : null;
  return {
    table: t.rowCount > 0 && t.columns.length > 0 ? { row: t.headerRow, col: t.col, rowCount: t.rowCount + 1, columnCount: t.columns.length } : null,
    chart,
    freezeRows: Math.max(0, Math.floor(layout.freezeRows)),
    widths: t.widths.map((chars, i) => ({ col: t.col + i, points: widthPoints(chars) })),
  };
}

/** Which sheet names count as the summary's is the engine's rule. */
export { isVariantOf } from '../engine/summary/summaryOwnership';

