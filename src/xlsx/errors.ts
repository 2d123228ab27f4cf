// Why a file could not be opened as a workbook; the CLI turns these into exit-2 messages.
/**
 * not_workbook: not a zip or OLE file at all (a text file renamed .xlsx); broken_workbook: a package the
 * reader cannot read as a workbook. The rest are refusals by the checks of container.ts and sheetGrid.ts,
 * made before anything large is allocated.
 */
export type XlsxErrorCode =
  | 'file_missing'
  | 'file_unreadable'
  | 'not_workbook'
  | 'broken_workbook'
  | 'unknown_sheet'
  | 'not_a_file'
  | 'file_too_large'
  | 'encrypted'
  | 'too_many_entries'
  | 'inflated_too_large'
  | 'duplicate_entry'
  | 'sheet_too_large';

export interface XlsxErrorDetails {
  path?: string;
  sheet?: string;
  sheets?: string[];
  reason?: string;
  /** The zip entry concerned (duplicate_entry, inflated_too_large). */
  entry?: string;
  /** The bound exceeded (bytes, entries or cells), and what was found. */
  limit?: number;
  found?: number;
  /** sheet_too_large: the block holding data (A1 address) and its farthest cell. */
  range?: string;
  far?: string;
}

export class XlsxError extends Error {
  constructor(
    readonly code: XlsxErrorCode,
    readonly details: XlsxErrorDetails = {},
  ) {
    super(`${code}${details.path ? `: ${details.path}` : ''}${details.sheet ? `: ${details.sheet}` : ''}`);
    this.name = 'XlsxError';
  }
}
