// A workbook host's failure, as a code the catalogue knows (its `host` area: what happened and what to do
// next). A port raises it for whatever its host raised (each adapter maps its host's own codes to these);
// the pane and the ribbon render it with hostErrorMessage.
import { catalogue } from '../text/catalogue';
import type { Lang } from './types';

export const HOST_ERROR_CODES = [
  'outside_host',
  'api_unsupported',
  'payload_too_large',
  'too_many_cells',
  'sheet_protected',
  'not_found',
  'busy',
  'invalid_selection',
  'range_conflict',
  'settings_failed',
  'cancelled',
  'unknown',
] as const;

export type HostErrorCode = (typeof HOST_ERROR_CODES)[number];

export class HostError extends Error {
  readonly code: HostErrorCode;
  /** The host's own error code it came from, e.g. "AccessDenied"; kept for the log, never shown alone. */
  readonly hostCode?: string;

  constructor(code: HostErrorCode, message?: string, hostCode?: string) {
    super(message ?? code);
    this.name = 'HostError';
    this.code = code;
    this.hostCode = hostCode;
  }
}

export function hostErrorMessage(code: HostErrorCode, lang: Lang): string {
  return catalogue(lang).host[code];
}
