// Reads a worksheet's used block into the engine's SheetData.
import { ValueType, type Worksheet } from 'exceljs';
import type { CellValue, SheetData } from '../engine/types';
import { flattenCellValue } from './cellValues';

function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * The block from the first to the last non-blank cell (rows and columns), as a rectangular grid.
 * A merged range holds its value only in its top-left cell, as Excel hands it over.
 */
export function readSheet(worksheet: Worksheet): SheetData {
  // One sparse array per row that has values (indexed by sheet column), then one copy into the grid.
  const found: { row: number; cells: CellValue[] }[] = [];
  let minCol = Infinity;
  let maxCol = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let cells: CellValue[] | null = null;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ValueType.Merge) return;
      const value = flattenCellValue(cell.value);
      if (isBlank(value)) return;
      (cells ??= [])[colNumber] = value;
      if (colNumber < minCol) minCol = colNumber;
      if (colNumber > maxCol) maxCol = colNumber;
    });
    if (cells) found.push({ row: rowNumber, cells });
  });
  if (found.length === 0) return { name: worksheet.name, grid: [], origin: { row: 1, col: 1 } };
  const minRow = found[0].row;
  const width = maxCol - minCol + 1;
  const grid: CellValue[][] = [];
  for (let r = minRow, next = 0; r <= found[found.length - 1].row; r++) {
    const line = new Array<CellValue>(width).fill(null);
    if (found[next].row === r) {
      const cells = found[next++].cells;
      for (let c = minCol; c <= maxCol; c++) {
        const v = cells[c];
        if (v !== undefined) line[c - minCol] = v;
      }
    }
    grid.push(line);
  }
  return { name: worksheet.name, grid, origin: { row: minRow, col: minCol } };
}
