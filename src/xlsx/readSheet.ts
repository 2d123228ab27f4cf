// Reads a worksheet's used block into the engine's SheetData.
import { ValueType, type Worksheet } from 'exceljs';
import type { CellValue, SheetData } from '../engine/types';
import { flattenCellValue } from './cellValues';
import { gridOf, SparseSheet } from './sheetGrid';

/**
 * The block from the first to the last non-blank cell (rows and columns), as a rectangular grid, within
 * the cell limit of sheetGrid.ts. A merged range holds its value only in its top-left cell, as Excel hands it over.
 */
export function readSheet(worksheet: Worksheet): SheetData {
  const sparse = new SparseSheet();
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ValueType.Merge) return;
      cells[colNumber] = flattenCellValue(cell.value);
    });
    sparse.add(rowNumber, cells);
  });
  return gridOf(worksheet.name, sparse);
}
