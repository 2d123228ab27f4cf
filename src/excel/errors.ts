// Office's errors as HostErrors: every failure of the Office.js adapter reaches the pane and the
// ribbon with a code the string tables know, whatever Office raised.

import { HostError, type HostErrorCode } from '../engine/hostError';

export { HostError, type HostErrorCode };

const OFFICE_CODES: Record<string, HostErrorCode> = {
  ApiNotFound: 'api_unsupported',
  NotImplemented: 'api_unsupported',
  UnsupportedFeature: 'api_unsupported',
  UnsupportedOperation: 'api_unsupported',
  UnsupportedSheet: 'api_unsupported',
  RequestPayloadSizeLimitExceeded: 'payload_too_large',
  ResponsePayloadSizeLimitExceeded: 'payload_too_large',
  RangeExceedsLimit: 'payload_too_large',
  OperationCellsExceedLimit: 'payload_too_large',
  AccessDenied: 'sheet_protected',
  ItemNotFound: 'not_found',
  InvalidReference: 'not_found',
  InvalidOperationInCellEditMode: 'busy',
  Conflict: 'busy',
  ActivityLimitReached: 'busy',
  RequestAborted: 'busy',
  InvalidSelection: 'invalid_selection',
  MergedRangeConflict: 'range_conflict',
  FilteredRangeConflict: 'range_conflict',
  PivotTableRangeConflict: 'range_conflict',
  InsertDeleteConflict: 'range_conflict',
};

/** Maps anything thrown by Office.js (OfficeExtension.Error has a string `code`) to a HostError. */
export function toHostError(err: unknown): HostError {
  if (err instanceof HostError) return err;
  const hostCode = errorCode(err);
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : 'Office error';
  if (hostCode && OFFICE_CODES[hostCode]) return new HostError(OFFICE_CODES[hostCode], message, hostCode);
  if (err instanceof Error && err.name === 'AbortError') return new HostError('cancelled', message);
  return new HostError('unknown', message, hostCode);
}

function errorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Runs an adapter operation and rethrows whatever fails as a HostError. */
export async function asHostErrors<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (err) {
    throw toHostError(err);
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new HostError('cancelled', 'cancelled by the user');
}
