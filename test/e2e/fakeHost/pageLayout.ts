// Worksheet.pageLayout values as the Excel JavaScript API reference types them (ExcelApi 1.9):
// orientation an Excel.PageOrientation, paperSize an Excel.PaperType, zoom a PageLayoutZoomOptions
// (scale 10–400, or whole numbers of pages wide / tall; null for the one not used), setPrintTitleRows
// whole rows ("$2:$4" or "2:4"). Anything else is refused with InvalidArgument at the sync. A fit of 0
// pages is not documented either way; a seed may ask for the host that refuses it.
import { hostError } from './errors';

const ORIENTATIONS = ['Portrait', 'Landscape'];
const PAPER_TYPES = ['Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5', 'Folio', 'Quatro', 'Note'];

function refuse(what: string): never {
  throw hostError('InvalidArgument', undefined, `PageLayout.${what}`);
}

function checkZoom(zoom: unknown, refuseZeroFit: boolean): void {
  if (!zoom || typeof zoom !== 'object') refuse('zoom');
  const { scale, horizontalFitToPages: wide, verticalFitToPages: tall } = zoom as Record<string, unknown>;
  const absent = (n: unknown): boolean => n === undefined || n === null;
  const pages = (n: unknown): boolean => absent(n) || (Number.isInteger(n) && (n as number) >= (refuseZeroFit ? 1 : 0));
  if (!absent(scale) && !(typeof scale === 'number' && scale >= 10 && scale <= 400)) refuse('zoom.scale');
  if (!pages(wide) || !pages(tall)) refuse('zoom');
}

/** Throws as Excel does for a page-layout value it refuses; `path` is the recorder's ("pageLayout.zoom"). */
export function checkPageLayout(path: string, value: unknown, refuseZeroFit: boolean): void {
  if (path === 'pageLayout.orientation' && !ORIENTATIONS.includes(String(value))) refuse('orientation');
  if (path === 'pageLayout.paperSize' && !PAPER_TYPES.includes(String(value))) refuse('paperSize');
  if (path === 'pageLayout.zoom') checkZoom(value, refuseZeroFit);
  if (path === 'pageLayout.setPrintTitleRows()') {
    const rows = Array.isArray(value) ? value[0] : undefined;
    if (!(typeof rows === 'string' && /^\$?\d+:\$?\d+$/.test(rows))) refuse('setPrintTitleRows');
  }
}
