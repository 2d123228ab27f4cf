// Queues a sheet's print setup (engine/summary/printSetup.ts) on Worksheet.pageLayout, ExcelApi 1.9; the report
// sheet and the summary sheet share it. What the Excel JavaScript API reference documents, and how it
// is used here:
// - orientation 'Portrait' | 'Landscape' and paperSize 'A4' are members of Excel.PageOrientation and
//   Excel.PaperType;
// - zoom is a PageLayoutZoomOptions: horizontalFitToPages / verticalFitToPages "can be null if
//   percentage scale is used", scale 10–400 "can be null if fit to page tall or wide is specified".
//   "One page wide, any number tall" is sent as verticalFitToPages 0, the file format's (fitToHeight="0")
//   and VBA's "automatic". The reference does not say that 0 is accepted, and leaving it out may keep
//   the file format's default of 1 tall (the whole table shrunk onto one page). So the zoom is queued
//   LAST: Excel runs a request's commands in order and stops at the first it refuses, so a refusal can
//   only lose the zoom; the callers queue print setup after everything else and treat its failure as
//   a courtesy lost, never as a failed write;
// - setPrintTitleRows takes a Range or an address; whole rows are given as "$2:$2";
// - headersFooters.defaultForAllPages.centerFooter takes header/footer codes (&P page, &N pages).
import type { PrintSetup } from '../engine/summary/printSetup';

export function printTitleRowsAddress(rows: NonNullable<PrintSetup['titleRows']>): string {
  return `$${rows.first}:$${rows.last}`;
}

export function queuePrintSetup(sheet: Excel.Worksheet, print: PrintSetup): void {
  const layout = sheet.pageLayout;
  layout.orientation = print.orientation === 'portrait' ? 'Portrait' : 'Landscape';
  layout.paperSize = 'A4';
  layout.headersFooters.defaultForAllPages.centerFooter = print.centerFooter;
  if (print.titleRows) layout.setPrintTitleRows(printTitleRowsAddress(print.titleRows));
  layout.zoom = { horizontalFitToPages: print.fitToWidth, verticalFitToPages: print.fitToHeight };
}
