// Why an evaluation could not run, as codes with data. The sentence shown to people is rendered at
// the edge in its language (errorMessage, schemeIssueMessage in messages.ts); `message` here is the
// English rendering, for logs.
import { schemeIssueMessage } from './messages';
import type { Role } from './types';

/** One mistake in a scheme or a usage-rate band, with what is needed to name it. */
export type SchemeIssue =
  /** found: the unexpected character, null at an unexpected end of the text. */
  | { kind: 'json_syntax'; line: number; column: number; position: number; found: string | null; inString: boolean }
  | { kind: 'json_too_deep'; position: number; max: number }
  | { kind: 'not_object'; path: string }
  | { kind: 'unknown_key'; path: string; key: string; allowed: string[] }
  | { kind: 'missing_key'; path: string }
  | { kind: 'not_string'; path: string }
  | { kind: 'not_number'; path: string; value: string }
  | { kind: 'negative'; path: string; value: number }
  | { kind: 'weights_sum'; sum: number; parts: string }
  | { kind: 'grade_range'; path: string; value: number }
  | { kind: 'grades_order'; excellent: number; good: number; fair: number }
  | { kind: 'band_order'; low: number; high: number }
  | { kind: 'monitoring_order'; green: number; yellow: number }
  | { kind: 'band_percent'; path: string; value: number }
  | { kind: 'bad_rule'; value: string }
  | { kind: 'steps_empty' }
  | { kind: 'steps_unsorted' }
  | { kind: 'step_min_range'; index: number; value: number }
  | { kind: 'step_over_weight'; index: number; score: number; weight: number }
  | { kind: 'bad_choice'; path: string; value: string; allowed: string[] };


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
