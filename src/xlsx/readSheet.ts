// Reads a worksheet's used block into the engine's SheetData.
import { ValueType, type Worksheet } from 'exceljs';
import type { CellValue, SheetData } from '../engine/types';
import { flattenCellValue } from './cellValues';

interface FoundCell {
  row: number;
  col: number;
  value: CellValue;
}

function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * The block from the first to the last non-blank cell (rows and columns), as a rectangular grid.
 * A merged range holds its value only in its top-left cell, as Excel hands it over.
 */
export function readSheet(worksheet: Worksheet): SheetData {
  const cells: FoundCell[] = [];
  let minRow = Infinity;
  let maxRow = 0;
  let minCol = Infinity;
  let maxCol = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ValueType.Merge) return;
      const value = flattenCellValue(cell.value);
      if (isBlank(value)) return;
      cells.push({ row: rowNumber, col: colNumber, value });
      if (rowNumber < minRow) minRow = rowNumber;
      if (rowNumber > maxRow) maxRow = rowNumber;
      if (colNumber < minCol) minCol = colNumber;
      if (colNumber > maxCol) maxCol = colNumber;
    });
  });
  if (cells.length === 0) return { name: worksheet.name, grid: [], origin: { row: 1, col: 1 } };
  const width = maxCol - minCol + 1;
  const grid: CellValue[][] = [];
  for (let r = minRow; r <= maxRow; r++) grid.push(new Array<CellValue>(width).fill(null));
  for (const c of cells) grid[c.row - minRow][c.col - minCol] = c.value;
  return { name: worksheet.name, grid, origin: { row: minRow, col: minCol } };
}
