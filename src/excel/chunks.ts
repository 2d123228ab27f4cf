// Byte-sized request planning for hosts with a payload limit (Excel on the web rejects a request or a
// response above 5 MB). Host-free: sizes are estimated from the JSON the host would send.

/** Excel on the web's limit for one request or one response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** What one request may carry by default: leaves ~20% for the protocol's own envelope. */
export const DEFAULT_CHUNK_BUDGET = 4 * 1024 * 1024;
/** Above this many cells a read is refused outright, whatever the chunking. */
export const MAX_READ_CELLS = 5_000_000;
/** Envelope of one queued operation (object path, method name, ids) in the request JSON. */
export const OPERATION_OVERHEAD_BYTES = 200;

/** A run of rows [start, end) and the bytes it is estimated to take. */
export interface RowChunk {
  start: number;
  end: number;
  bytes: number;
}

/** UTF-8 bytes of a string once written as a JSON string literal (quotes and escapes included). */
export function jsonStringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d) bytes += 2;
    else if (code < 0x20) bytes += 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** JSON bytes of one cell value. */
export function cellBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === 'string') return jsonStringBytes(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).length : 4;
  if (typeof value === 'boolean') return value ? 4 : 5;
  return jsonStringBytes(String(value));
}

/** JSON bytes of one row: cells, commas and brackets. */
export function rowBytes(row: readonly unknown[]): number {
  let bytes = 2 + Math.max(0, row.length - 1);
  for (const cell of row) bytes += cellBytes(cell);
  return bytes;
}

/** JSON bytes of a whole 2-D array. */
export function gridBytes(rows: readonly (readonly unknown[])[]): number {
  let bytes = 2 + Math.max(0, rows.length - 1);
  for (const row of rows) bytes += rowBytes(row);
  return bytes;
}

export interface WritePlanOptions {
  /** Bytes one request may carry; DEFAULT_CHUNK_BUDGET when absent. */
  budget?: number;
  /** Number format per column, sent as a full 2-D array alongside the values (same shape). */
  formats?: readonly string[];
}

/**
 * Splits the rows of a 2-D array of values (and their per-column number formats) into row ranges
 * whose JSON stays under the budget. A single row above the budget still gets a chunk of its own.
 */
export function planWriteChunks(values: readonly (readonly unknown[])[], options: WritePlanOptions = {}): RowChunk[] {
  const budget = positiveBudget(options.budget);
  const formatRowBytes = options.formats ? rowBytes(options.formats) + 1 : 0;
  const chunks: RowChunk[] = [];
  let start = 0;
  let bytes = 2 * OPERATION_OVERHEAD_BYTES;
  for (let r = 0; r < values.length; r++) {
    const bytesOfRow = rowBytes(values[r]) + 1 + formatRowBytes;
    if (r > start && bytes + bytesOfRow > budget) {
      chunks.push({ start, end: r, bytes });
      start = r;
      bytes = 2 * OPERATION_OVERHEAD_BYTES;
    }
    bytes += bytesOfRow;
  }
  if (values.length > 0) chunks.push({ start, end: values.length, bytes });
  return chunks;
}

/** A piece of work of known size, e.g. one chunk of one block. */
export interface SizedPiece {
  bytes: number;
}

/** Packs consecutive pieces into requests that stay under the budget (order kept). */
export function packPieces<T extends SizedPiece>(pieces: readonly T[], budget?: number): T[][] {
  const limit = positiveBudget(budget);
  const requests: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const piece of pieces) {
    if (current.length > 0 && bytes + piece.bytes > limit) {
      requests.push(current);
      current = [];
      bytes = 0;
    }
    current.push(piece);
    bytes += piece.bytes;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

/**
 * Estimates the JSON bytes per row of a range from a sample of its rows, with a safety margin:
 * rows further down may carry longer text than the sample.
 */
export function estimateBytesPerRow(sample: readonly (readonly unknown[])[], columnCount: number): number {
  const fallback = Math.max(1, columnCount) * 24 + 2;
  if (sample.length === 0) return fallback;
  let total = 0;
  for (const row of sample) total += rowBytes(row) + 1;
  // 30% over the sample's average: a chunk then lands near 3 MB for a 4 MB budget. A chunk that still
  // overflows is split by the reader (a rare extra round trip beats many small ones).
  return Math.ceil((total / sample.length) * 1.3) + 16;
}

export interface ReadPlanOptions {
  budget?: number;
}

/** Plans row ranges for reading `rowCount` rows of an estimated `bytesPerRow` under the budget. */
export function planReadChunks(rowCount: number, bytesPerRow: number, options: ReadPlanOptions = {}): RowChunk[] {
  const budget = positiveBudget(options.budget);
  if (!Number.isFinite(rowCount) || rowCount <= 0) return [];
  const perRow = Number.isFinite(bytesPerRow) && bytesPerRow > 0 ? bytesPerRow : 1;
  const rowsPerChunk = Math.max(1, Math.floor((budget - OPERATION_OVERHEAD_BYTES) / perRow));
  const chunks: RowChunk[] = [];
  for (let start = 0; start < rowCount; start += rowsPerChunk) {
    const end = Math.min(rowCount, start + rowsPerChunk);
    chunks.push({ start, end, bytes: (end - start) * perRow + OPERATION_OVERHEAD_BYTES });
  }
  return chunks;
}

/** True when a read of rows × columns cells is beyond what the add-in reads at all. */
export function exceedsReadLimit(rowCount: number, columnCount: number): boolean {
  return rowCount * columnCount > MAX_READ_CELLS;
}

function positiveBudget(budget: number | undefined): number {
  if (budget === undefined || !Number.isFinite(budget) || budget <= 0) return DEFAULT_CHUNK_BUDGET;
  return budget;
}
