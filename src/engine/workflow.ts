// Orchestration shared by the task pane and the ribbon command: read → evaluate → write summary →
// highlight → save settings, over any WorkbookPort. Host-free.
import type { HighlightSpec, Progress, ReadRequest, Settings, WorkbookPort } from './workbookPort';
import type { Evaluation, HeaderDetection, Lang, MappingOverride, RateBand, Scheme, SheetData, SourceRef } from './types';
import type { SummaryLayout } from './summary/summaryTypes';
import { evaluateSheet } from './evaluateSheet';
import { buildSummary } from './summary/summary';
import { layoutSummary } from './summary/summaryLayout';
import { checkScheme, getScheme } from './schemes';
import { EngineError } from './errors';
import { catalogue } from '../text/catalogue';

/** Thrown when the caller's AbortSignal fired; nothing after that stage was written. */
export class WorkflowCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'WorkflowCancelled';
  }
}

export function isCancelled(error: unknown): boolean {
  if (error instanceof WorkflowCancelled) return true;
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  // A host adapter may report its own cancellation (HostError 'cancelled').
  return name === 'AbortError' || name === 'WorkflowCancelled' || code === 'cancelled';
}

export const DEFAULT_SUMMARY_SHEET: Record<Lang, string> = { zh: catalogue('zh').engine.sheets.summary, en: catalogue('en').engine.sheets.summary };

export interface EngineRequest {
  sheet: SheetData;
  scheme: Scheme;
  band: RateBand;
  override?: MappingOverride;
  /** In-year monitoring month (1–12); absent: the year-end evaluation. */
  month?: number;
  /** When given, the summary is built and laid out as well. */
  summary?: { lang: Lang; time: Date };
}

export type EngineResult =
  | { ok: true; detection: HeaderDetection; evaluation: Evaluation; layout?: SummaryLayout }
  | { ok: false; error: EngineError };

/** Runs the engine somewhere (this thread, or a worker for large sheets). */
export type EngineRunner = (request: EngineRequest, signal?: AbortSignal) => Promise<EngineResult>;

/** The engine work of one run, synchronous; the worker script calls it too. */
export function runEngine(request: EngineRequest): EngineResult {
  const outcome = evaluateSheet(request.sheet, { scheme: request.scheme, band: request.band, override: request.override, month: request.month });
  if (!outcome.ok) return outcome;
  if (!request.summary) return outcome;
  const model = buildSummary(outcome.evaluation, request.scheme, request.summary.lang, { time: request.summary.time });
  return { ...outcome, layout: layoutSummary(model) };
}

export const runEngineHere: EngineRunner = async (request) => runEngine(request);

export interface WorkflowOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** Where the engine runs; this thread by default. */
  engine?: EngineRunner;
  now?: () => Date;
  /** Language of the summary; settings.lang, else Chinese. */
  lang?: Lang;
}

export interface EvaluateOutcome {
  sheet: SheetData;
  detection: HeaderDetection;
  evaluation: Evaluation;
  scheme: Scheme;
  /**
   * The saved source could not be read as such (its table is gone) and something else was read:
   * the saved column and header-row choices were left out, as they counted from the old block.
   */
  mappingReset?: boolean;
}

export interface WriteOutcome extends EvaluateOutcome {
  /** Name of the summary sheet written, null when the summary was not asked for. */
  summarySheet: string | null;
  /**
   * Sheets the settings named as the add-in's summary that could not be proved its own (no marker):
   * left untouched, the summary went to a new sheet. The pane and the ribbon say so.
   */
  keptSummarySheets?: string[];
  highlight: HighlightSpec | null;
  /** The settings as saved in the workbook. */
  settings: Settings;
}

/**
 * The scheme the settings name. A custom scheme saved in the workbook is workbook content anyone can
 * edit: it is checked as a scheme file is (a missing name becomes the id; a broken one is an
 * invalid_scheme error, never a TypeError further on).
 */
export function resolveScheme(settings: Settings): Scheme {
  const custom: unknown = settings.customScheme;
  if (custom && typeof custom === 'object' && (custom as { id?: unknown }).id === settings.schemeId) {
    const checked = checkScheme(custom);
    if (checked.ok) return checked.scheme;
    throw new EngineError('invalid_scheme', { issues: checked.issues });
  }
  const scheme = getScheme(settings.schemeId);
  if (!scheme) throw new EngineError('invalid_scheme', { schemeId: settings.schemeId });
  return scheme;
}

/**
 * The read the pane, auto-refresh and the ribbon command all use, so the mapping's column indices
 * mean the same every time: the source saved with the mapping; the whole sheet for a mapping saved
 * before sources were (it was made on the used range); otherwise, the first read, the host's choice
 * from the selection (Excel: the table it is in, the range selected, or the used range).
 */
export function readRequestFor(settings: Pick<Settings, 'sheet' | 'source' | 'override'> | null): ReadRequest {
  if (settings?.source) return { sheet: settings.source.sheet, source: settings.source };
  if (settings?.sheet) return { sheet: settings.sheet, scope: 'sheet' };
  if (settings?.override) return { scope: 'sheet' };
  return { scope: 'auto' };
}

/** A saved source read back as something else (a table deleted: its sheet's used range). */
function sourceReplaced(requested: SourceRef | undefined, read: SourceRef | undefined): boolean {
  // A table moved to another sheet keeps its columns: only a change of kind moves them.
  return requested !== undefined && read !== undefined && read.kind !== requested.kind;
}

/** The saved choices that still hold on a different block: only the unit. */
function overrideAfterReplacement(override: MappingOverride | undefined): MappingOverride | undefined {
  return override?.unit !== undefined ? { unit: override.unit } : undefined;
}

/**
 * The settings once `sheet` has been read with them: its sheet and source, so the next read covers
 * the same block; column and header-row choices dropped when the saved source was replaced.
 */
export function settingsAfterRead(settings: Settings, sheet: SheetData): Settings {
  const source = sheet.source ?? settings.source;
  const next: Settings = { ...settings, sheet: sheet.name, ...(source ? { source } : {}) };
  if (sourceReplaced(settings.source, sheet.source)) next.override = overrideAfterReplacement(settings.override);
  return next;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new WorkflowCancelled();
}

/** Highlight rules cover the project rows, across the mapped block's columns, in sheet coordinates. */
export function highlightSpecFor(sheet: SheetData, detection: HeaderDetection, evaluation: Evaluation): HighlightSpec | null {
  const budget = detection.mapping.budget;
  const actual = detection.mapping.actual;
  if (!budget || !actual || evaluation.projects.length === 0) return null;
  let firstRow = Infinity;
  let lastRow = -Infinity;
  for (const project of evaluation.projects) {
    if (project.row < firstRow) firstRow = project.row;
    if (project.row > lastRow) lastRow = project.row;
  }
  const width = Math.max(detection.headers.length, budget.column + 1, actual.column + 1);
  return {
    sheet: sheet.name,
    firstRow,
    lastRow,
    firstCol: sheet.origin.col,
    lastCol: sheet.origin.col + width - 1,
    budgetCol: sheet.origin.col + budget.column,
    actualCol: sheet.origin.col + actual.column,
    band: evaluation.band,
    ...(evaluation.monitoring
      ? { monitoring: { timeShare: evaluation.monitoring.timeShare, bands: { ...evaluation.monitoring.bands } } }
      : {}),
  };
}

async function readAndRun(
  port: WorkbookPort,
  settings: Settings,
  options: WorkflowOptions,
  summary: EngineRequest['summary'],
): Promise<EvaluateOutcome & { layout?: SummaryLayout }> {
  const { signal, onProgress } = options;
  const scheme = resolveScheme(settings);
  throwIfAborted(signal);
  onProgress?.({ stage: 'read', done: 0, total: 1 });
  const sheet = await port.readSource(readRequestFor(settings), { signal, onProgress });
  throwIfAborted(signal);
  const mappingReset = sourceReplaced(settings.source, sheet.source);
  const override = mappingReset ? overrideAfterReplacement(settings.override) : settings.override;
  onProgress?.({ stage: 'evaluate', done: 0, total: 1 });
  const engine = options.engine ?? runEngineHere;
  const month = settings.monitoringMonth ?? undefined;
  const result = await engine({ sheet, scheme, band: settings.band, override, summary, ...(month !== undefined ? { month } : {}) }, signal);
  throwIfAborted(signal);
  if (!result.ok) throw result.error;
  onProgress?.({ stage: 'evaluate', done: 1, total: 1 });
  return {
    sheet,
    detection: result.detection,
    evaluation: result.evaluation,
    scheme,
    layout: result.layout,
    ...(mappingReset ? { mappingReset } : {}),
  };
}

/** Reads the source and evaluates it; writes nothing. Throws EngineError, the port's errors, or WorkflowCancelled. */
export async function readAndEvaluate(port: WorkbookPort, settings: Settings, options: WorkflowOptions = {}): Promise<EvaluateOutcome> {
  const { layout, ...outcome } = await readAndRun(port, settings, options, undefined);
  void layout;
  return outcome;
}

/**
 * Evaluates, writes the summary sheet (unless `summary: false`), replaces the add-in's highlights
 * (unless the officer cleared them: `settings.highlights === false`) and saves the settings. Stops between stages once the signal fires.
 */
export async function runWorkflow(
  port: WorkbookPort,
  settings: Settings,
  options: WorkflowOptions & { summary?: boolean } = {},
): Promise<WriteOutcome> {
  const { signal, onProgress } = options;
  const now = options.now ?? (() => new Date());
  const lang: Lang = options.lang ?? settings.lang ?? 'zh';
  const wantSummary = options.summary ?? true;
  const runTime = now();
  const outcome = await readAndRun(port, settings, options, wantSummary ? { lang, time: runTime } : undefined);

  let summarySheet: string | null = null;
  let keptSummarySheets: string[] | undefined;
  const highlight: HighlightSpec | null = settings.highlights !== false ? highlightSpecFor(outcome.sheet, outcome.detection, outcome.evaluation) : null;
  let highlighted = false;
  if (wantSummary && outcome.layout) {
    throwIfAborted(signal);
    onProgress?.({ stage: 'write', done: 0, total: 1 });
    // A saved name that is the source sheet's own (a damaged or crafted record) is not a summary's name.
    const saved = settings.summarySheet;
    const preferred = saved && saved.toLowerCase() !== outcome.sheet.name.toLowerCase() ? saved : DEFAULT_SUMMARY_SHEET[lang];
    // The highlights travel with the summary where the port can send them in the same requests.
    const written = await port.writeSummary(outcome.layout, preferred, {
      signal,
      onProgress,
      sourceSheet: outcome.sheet.name,
      ...(highlight ? { highlight } : {}),
    });
    highlighted = highlight !== null && written.highlighted === true;
    summarySheet = written.sheetName;
    if (written.keptSheets && written.keptSheets.length > 0) keptSummarySheets = written.keptSheets;
  }

  throwIfAborted(signal);
  if (settings.highlights !== false) {
    onProgress?.({ stage: 'highlight', done: 0, total: 1 });
    if (highlighted) {
      // Applied with the summary.
    } else if (highlight) await port.applyHighlights(highlight);
    else await port.clearHighlights(outcome.sheet.name);
    onProgress?.({ stage: 'highlight', done: 1, total: 1 });
  }

  throwIfAborted(signal);
  const saved: Settings = {
    // The next read (refresh, ribbon command, reopening) covers the same block.
    ...settingsAfterRead(settings, outcome.sheet),
    // The ribbon command writes the summary in the language it was last written in.
    lang,
    // Evaluated as a table now: the ribbon's Refresh scores no longer follows an earlier forms layout.
    ...(settings.layout === 'forms' ? { layout: 'table' as const } : {}),
    summarySheet: summarySheet ?? settings.summarySheet,
    lastRefreshed: now().toISOString(),
  };
  await port.saveSettings(saved);
  return { ...outcome, summarySheet, highlight, settings: saved, ...(keptSummarySheets ? { keptSummarySheets } : {}) };
}
