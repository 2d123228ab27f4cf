// Selecting a source row when the officer clicks a project in the pane.
import type { RequestMeter } from './requestMeter';

export async function selectRowIn(context: Excel.RequestContext, sheetName: string, row: number, meter: RequestMeter): Promise<void> {
  if (!Number.isInteger(row) || row < 1) return;
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(`${row}:${row}`).select();
  await meter.sync(context, 'select');
}
