// Why an evaluation could not run, as codes with data. The sentence shown to people is rendered at
// the edge in its language (errorMessage in messages.ts, schemeIssueMessage in schemeIssues.ts); `message` here is the
// English rendering, for logs.
import { schemeIssueMessage, type SchemeIssue } from './schemeIssues';
import type { Role } from './types';

export type EngineErrorCode = 'empty_sheet' | 'missing_columns' | 'no_projects' | 'invalid_scheme' | 'invalid_band';

export interface EngineErrorDetails {
  /** missing_columns: the required roles that were not found. */
  missing?: Role[];
  /** invalid_scheme / invalid_band: each mistake found. */
  issues?: SchemeIssue[];
  /** invalid_scheme: an id that names no known scheme. */
  schemeId?: string;
  /** Name of the sheet concerned, when known. */
  sheet?: string;
}

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly details: EngineErrorDetails;

  constructor(code: EngineErrorCode, details: EngineErrorDetails = {}, message?: string) {
    super(message ?? defaultMessage(code, details));
    this.name = 'EngineError';
    this.code = code;
    this.details = details;
    // Keeps instanceof working when compiled to ES5-style classes.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export function isEngineError(value: unknown): value is EngineError {
  return value instanceof EngineError;
}

function defaultMessage(code: EngineErrorCode, details: EngineErrorDetails): string {
  switch (code) {
    case 'empty_sheet':
      return 'The sheet is empty.';
    case 'missing_columns':
      return `Required columns not found: ${(details.missing ?? []).join(', ')}`;
    case 'no_projects':
      return 'No project rows below the header.';
    case 'invalid_scheme':
      return `Invalid scoring scheme: ${issuesText(details)}`;
    case 'invalid_band':
      return `Invalid usage-rate band: ${issuesText(details)}`;
  }
}

function issuesText(details: EngineErrorDetails): string {
  return (details.issues ?? []).map((i) => schemeIssueMessage(i, 'en')).join('; ');
}
