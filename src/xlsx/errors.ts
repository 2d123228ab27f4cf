// Why a file could not be opened as a workbook; the CLI turns these into exit-2 messages.
/** not_workbook: not a zip at all (a text file renamed .xlsx); broken_workbook: a zip ExcelJS cannot read as a workbook. */
export type XlsxErrorCode = 'file_missing' | 'file_unreadable' | 'not_workbook' | 'broken_workbook' | 'unknown_sheet';

export class XlsxError extends Error {
  constructor(
    readonly code: XlsxErrorCode,
    readonly details: { path?: string; sheet?: string; sheets?: string[]; reason?: string } = {},
  ) {
    super(`${code}${details.path ? `: ${details.path}` : ''}${details.sheet ? `: ${details.sheet}` : ''}`);
    this.name = 'XlsxError';
  }
}
