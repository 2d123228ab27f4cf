// A workbook host's failure, as a code the string tables know: the Office.js port raises it for
// whatever Office raised (src/excel/errors.ts maps Office's codes); the pane and the ribbon render it.
export type HostErrorCode =
  | 'not_in_excel'
  | 'api_unsupported'
  | 'payload_too_large'
  | 'too_many_cells'
  | 'sheet_protected'
  | 'not_found'
  | 'busy'
  | 'invalid_selection'
  | 'range_conflict'
  | 'settings_failed'
  | 'cancelled'
  | 'unknown';

export class HostError extends Error {
  readonly code: HostErrorCode;
  /** The Office error code it came from, e.g. "AccessDenied"; kept for the log, never shown alone. */
  readonly officeCode?: string;

  constructor(code: HostErrorCode, message?: string, officeCode?: string) {
    super(message ?? code);
    this.name = 'HostError';
    this.code = code;
    this.officeCode = officeCode;
  }
}
