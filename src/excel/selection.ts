// Selecting a source row when the officer clicks a project in the pane.
import type { CellArea } from '../engine/types';
import type { RequestMeter } from './requestMeter';

export async function selectRowIn(context: Excel.RequestContext, sheetName: string, row: number, meter: RequestMeter): Promise<void> {
  if (!Number.isInteger(row) || row < 1) return;
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(`${row}:${row}`).select();
  await meter.sync(context, 'select');
}

/** Selecting an area (a form) when the officer clicks its project; the sheet is activated first. */
export async function selectRangeIn(context: Excel.RequestContext, sheetName: string, area: CellArea, meter: RequestMeter): Promise<void> {
  const { rowStart, rowEnd, colStart, colEnd } = area;
  if (![rowStart, rowEnd, colStart, colEnd].every((n) => Number.isInteger(n) && n >= 1) || rowEnd < rowStart || colEnd < colStart) return;
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRangeByIndexes(rowStart - 1, colStart - 1, rowEnd - rowStart + 1, colEnd - colStart + 1).select();
  await meter.sync(context, 'select');
}
