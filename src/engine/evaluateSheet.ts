// One sheet in, one evaluation out: checks the band and scheme, detects the header, extracts the
// rows and scores them. Every failure comes back as an EngineError, never as an exception.
import { EngineError } from './errors';
import { TableScorer } from './score';
import { detectHeader } from './headers';
import { applyMonitoring, isMonth, monitoringBands } from './monitoring';
import { readTableRows } from './rows';
import { checkBand, checkScheme } from './schemes';
import type { Evaluation, Grid, HeaderDetection, MappingOverride, RateBand, Scheme, SheetData } from './types';

export interface EvaluateSheetOptions {
  scheme: Scheme;
  /** Overrides the scheme's rate band. */
  band?: RateBand;
  override?: MappingOverride;
  /** In-year monitoring month (1–12): projects gain `monitoring` against the scheme's monitoring bands. */
  month?: number;
}

export type SheetEvaluationResult =
  | { ok: true; detection: HeaderDetection; evaluation: Evaluation }
  | { ok: false; error: EngineError };

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function isEmptyGrid(grid: Grid): boolean {
  for (const row of grid) {
    if (!row) continue;
    for (const cell of row) if (!isBlank(cell)) return false;
  }
  return true;
}

/** True when a project, a budget and an actual-spend column are all detected on the grid. */
export function detectsRequiredColumns(grid: Grid, override?: MappingOverride): boolean {
  if (isEmptyGrid(grid)) return false;
  return detectHeader(grid, override).missing.length === 0;
}

/** The first sheet, in the order given, on which the required columns are detected. */
export function findEvaluableSheet<T extends SheetData>(sheets: readonly T[]): T | undefined {
  return sheets.find((s) => detectsRequiredColumns(s.grid));
}

export function evaluateSheet(sheet: SheetData, opts: EvaluateSheetOptions): SheetEvaluationResult {
  if (opts.band !== undefined) {
    const issues = checkBand(opts.band, 'band');
    if (issues.length > 0) return fail(new EngineError('invalid_band', { issues }));
  }
  const checked = checkScheme(opts.scheme);
  if (!checked.ok) return fail(new EngineError('invalid_scheme', { issues: checked.issues }));
  if (isEmptyGrid(sheet.grid)) return fail(new EngineError('empty_sheet', { sheet: sheet.name }));

  const detection = detectHeader(sheet.grid, opts.override);
  if (detection.missing.length > 0) {
    return fail(new EngineError('missing_columns', { missing: [...detection.missing], sheet: sheet.name }));
  }
  // Rows are scored as they are read: no intermediate table of parsed cells for a million-row sheet.
  const scorer = new TableScorer({
    sheet: sheet.name,
    origin: sheet.origin,
    detection,
    scheme: opts.scheme,
    band: opts.band,
    capacity: sheet.grid.length - detection.headerRow - 1,
  });
  readTableRows(sheet.grid, detection, scorer);
  const scored = scorer.result();
  if (scored.projects.length === 0) return fail(new EngineError('no_projects', { sheet: sheet.name }));
  const evaluation = isMonth(opts.month) ? applyMonitoring(scored, opts.month, monitoringBands(opts.scheme)) : scored;
  return { ok: true, detection, evaluation };
}

function fail(error: EngineError): SheetEvaluationResult {
  return { ok: false, error };
}
