// How the add-in's sheets print, host-free: the summary landscape A4, one page wide, its table header
// repeated on every page; the report sheet portrait A4. Footers use Excel's header/footer codes (&P page,
// &N pages), which the Office JavaScript API and the file format share.
import type { SummaryLayout } from './summaryTypes';

export interface PrintSetup {
  orientation: 'landscape' | 'portrait';
  paper: 'A4';
  /** Pages across; 0 for pages down means "as many as needed". */
  fitToWidth: number;
  fitToHeight: number;
  /** 1-based sheet rows repeated at the top of every page, or null. */
  titleRows: { first: number; last: number } | null;
  /** Centre footer in header/footer codes. */
  centerFooter: string;
}

/** "3 / 12": page of pages, the same in either language. */
const PAGE_FOOTER = '&P / &N';

export function summaryPrintSetup(layout: SummaryLayout): PrintSetup {
  const header = layout.table.headerRow + 1;
  return { orientation: 'landscape', paper: 'A4', fitToWidth: 1, fitToHeight: 0, titleRows: { first: header, last: header }, centerFooter: PAGE_FOOTER };
}

export function reportPrintSetup(): PrintSetup {
  return { orientation: 'portrait', paper: 'A4', fitToWidth: 1, fitToHeight: 0, titleRows: null, centerFooter: PAGE_FOOTER };
}
