// The grid of a sheet's cells holding data, from sparse rows. Whoever read the cells (SheetJS, ExcelJS),
// the block from the first to the last cell holding data is checked against MAX_SHEET_CELLS before any
// grid is allocated: one stray value at XFD1048576 makes a block of 17 billion cells, refused here.
import { colLetter } from '../engine/address';
import type { CellValue, SheetData } from '../engine/types';
import { XlsxError } from './errors';
import { MAX_SHEET_CELLS } from './limits';

export function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Cells of one sheet row holding data, indexed by 1-based sheet column (sparse). */
export interface SparseRow {
  row: number;
  cells: CellValue[];
}

/** Collects rows in increasing row order, with the columns they span. */
export class SparseSheet {
  readonly rows: SparseRow[] = [];
  minCol = Infinity;
  maxCol = 0;
  cells = 0;

  /** Adds the row if it holds data; `cells` is indexed by 1-based column and may hold blanks. */
  add(row: number, cells: CellValue[]): void {
    let kept: CellValue[] | null = null;
    cells.forEach((value, col) => {
      if (isBlank(value)) return;
      (kept ??= [])[col] = value;
      this.cells++;
      if (col < this.minCol) this.minCol = col;
      if (col > this.maxCol) this.maxCol = col;
    });
    if (kept) this.rows.push({ row, cells: kept });
  }
}

function a1(row: number, col: number): string {
  return `${colLetter(Math.min(Math.max(col, 1), 16384))}${row}`;
}

/**
 * The block from the first to the last cell holding data, as a rectangular grid; refused (XlsxError
 * sheet_too_large) when the block exceeds `limit` cells.
 */
export function gridOf(name: string, sheet: SparseSheet, limit = MAX_SHEET_CELLS): SheetData {
  const { rows, minCol, maxCol } = sheet;
  if (rows.length === 0) return { name, grid: [], origin: { row: 1, col: 1 } };
  const minRow = rows[0].row;
  const maxRow = rows[rows.length - 1].row;
  const width = maxCol - minCol + 1;
  const height = maxRow - minRow + 1;
  if (width * height > limit) {
    throw new XlsxError('sheet_too_large', {
      sheet: name,
      limit,
      found: width * height,
      range: `${a1(minRow, minCol)}:${a1(maxRow, maxCol)}`,
      far: farCell(sheet, minRow, minCol),
    });
  }
  const grid: CellValue[][] = [];
  for (let r = minRow, next = 0; r <= maxRow; r++) {
    const line = new Array<CellValue>(width).fill(null);
    if (rows[next].row === r) {
      const cells = rows[next++].cells;
      cells.forEach((v, c) => {
        line[c - minCol] = v;
      });
    }
    grid.push(line);
  }
  return { name, grid, origin: { row: minRow, col: minCol } };
}

/** The cell holding data farthest from the block's top-left corner: most often the stray one. */
function farCell(sheet: SparseSheet, minRow: number, minCol: number): string {
  let best = { row: minRow, col: minCol, d: -1 };
  for (const { row, cells } of sheet.rows) {
    const col = cells.length - 1;
    const d = (row - minRow) / 1048576 + (col - minCol) / 16384;
    if (d > best.d) best = { row, col, d };
  }
  return a1(best.row, best.col);
}
