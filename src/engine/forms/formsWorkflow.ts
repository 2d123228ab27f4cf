// The forms layout over any WorkbookPort (host-free): read every sheet, score every form, and mark on
// each form the cells that need the officer. Round trips: the port's read of all sheets plus its
// replacement of the marks, neither growing with the number of forms.
import { colLetter } from '../address';
import { evaluateForms } from './evaluateForms';
import { formMarks, type FormMark } from './formMarks';
import type { FormSheet, FormsEvaluation } from './formTypes';
import { buildFormsSummary } from './formsSummary';
import { sheetsHaveForms } from './evaluateForms';
import { portfolioTableBeside } from './tableBeside';
import { layoutSummary } from '../summary/summaryLayout';
import { summaryText } from '../messages';
import type { Progress, Settings, WorkbookPort } from '../workbookPort';
import type { Lang, RateBand, Scheme, SheetData } from '../types';
import { DEFAULT_SUMMARY_SHEET, resolveScheme, WorkflowCancelled } from '../workflow';

/** A sheet as read by a host, in the shape the forms engine reads (merged areas as A1, sheet-absolute). */
export function toFormSheet(sheet: SheetData): FormSheet {
  return {
    name: sheet.name,
    cells: sheet.grid,
    origin: sheet.origin,
    ...(sheet.merges ? { merges: sheet.merges.map((m) => `${colLetter(m.colStart)}${m.rowStart}:${colLetter(m.colEnd)}${m.rowEnd}`) } : {}),
  };
}

export interface FormsRunOptions {
  scheme: Scheme;
  band?: RateBand;
  /** Sheets never read (the add-in's summary sheet). */
  exclude?: string[];
  /** Replace the add-in's marks on the forms' sheets (Evaluate); false only reads and scores. */
  marks?: boolean;
  signal?: AbortSignal;
}

export interface FormsRunResult {
  evaluation: FormsEvaluation;
  /** Sheets that hold at least one form, in workbook order: auto-refresh follows edits on these. */
  formSheets: string[];
  marks: FormMark[];
}

export async function evaluateFormsInWorkbook(port: WorkbookPort, options: FormsRunOptions): Promise<FormsRunResult> {
  if (!port.readSheets) throw new Error('this host cannot read several sheets');
  const sheets = await port.readSheets({ exclude: options.exclude }, { signal: options.signal });
  const evaluation = evaluateForms(sheets.map(toFormSheet), { scheme: options.scheme, band: options.band });
  const formSheets = [...new Set(evaluation.projects.map((p) => p.sheet))];
  const marks = formMarks(evaluation);
  if (options.marks && port.applyCellMarks && !options.signal?.aborted) await port.applyCellMarks(marks, formSheets);
  return { evaluation, formSheets, marks };
}

// ---- the pane's run: read, score, write the summary and the marks, save the settings -------------

export interface FormsWorkflowOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** Language of the summary; settings.lang, else Chinese. */
  lang?: Lang;
  /** Write (or rewrite) the summary sheet with its indicator to-do block. */
  summary?: boolean;
  /** Replace the add-in's marks on the forms (unless the officer cleared them: settings.highlights === false). */
  marks?: boolean;
  /** Save the settings (summary sheet, time); false for a read-only look (opening the pane). */
  save?: boolean;
  now?: () => Date;
}

export interface FormsOutcome extends FormsRunResult {
  scheme: Scheme;
  /** Every sheet read, as the forms engine reads it: scheme changes in the pane re-score these in memory. */
  sheets: FormSheet[];
  /** The portfolio table matched to the forms, when the workbook has one. */
  tableSheet: string | null;
  /** The used range of each sheet followed by auto-refresh: the form sheets and the table beside them. */
  watched: SheetData[];
  summarySheet: string | null;
  keptSummarySheets?: string[];
  /** The settings as saved (or as they would be saved when `save` is false). */
  settings: Settings;
}

/** Scores `sheets` (as read) under the scheme: forms, the table beside them matched. Synchronous, host-free. */
export function scoreFormSheets(sheets: readonly FormSheet[], scheme: Scheme, band: RateBand): { evaluation: FormsEvaluation; tableSheet: string | null } {
  const withForms = sheets.filter((s) => sheetsHaveForms([s]));
  const table = portfolioTableBeside(
    sheets.filter((s) => !withForms.includes(s)),
    scheme,
    band,
  );
  const evaluation = evaluateForms(withForms, { scheme, band, table: table?.evaluation });
  return { evaluation, tableSheet: table?.sheet ?? null };
}

const SUMMARY_TITLES = [summaryText('title', 'zh'), summaryText('title', 'en')];

/** A1 holds the title the add-in writes on its summary sheets (year-end or in-year monitoring). */
function hasSummaryTitle(sheet: SheetData): boolean {
  const first = sheet.origin.row === 1 && sheet.origin.col === 1 ? sheet.grid[0]?.[0] : null;
  if (typeof first !== 'string') return false;
  const title = first.trim();
  return SUMMARY_TITLES.some((t) => title.includes(t)) || title.includes('运行监控') || title.includes('in-year monitoring');
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new WorkflowCancelled();
}

/**
 * The forms layout over a port, as the pane runs it: every sheet read once (the add-in's summary left
 * out), every form scored, the portfolio table beside them matched; then, as asked, the summary with
 * the indicator to-do block written, the marks replaced and the settings saved. Stops between stages
 * once the signal fires.
 */
export async function evaluateFormsAndWrite(port: WorkbookPort, settings: Settings, options: FormsWorkflowOptions = {}): Promise<FormsOutcome> {
  const { signal, onProgress } = options;
  if (!port.readSheets) throw new Error('this host cannot read several sheets');
  const now = options.now ?? (() => new Date());
  const lang: Lang = options.lang ?? settings.lang ?? 'zh';
  const scheme = resolveScheme(settings);
  throwIfAborted(signal);
  onProgress?.({ stage: 'read', done: 0, total: 1 });
  // The add-in's summary is left out once read (its blocks have 项目名称 headers a form could be taken
  // from); a damaged record naming a sheet of forms, without the summary's title, does not hide them.
  const summaryName = settings.summarySheet?.toLowerCase();
  const read = (await port.readSheets({}, { signal, onProgress })).filter(
    (s) => s.name.toLowerCase() !== summaryName || (!hasSummaryTitle(s) && sheetsHaveForms([toFormSheet(s)])),
  );
  throwIfAborted(signal);
  onProgress?.({ stage: 'evaluate', done: 0, total: 1 });
  const sheets = read.map(toFormSheet);
  const { evaluation, tableSheet } = scoreFormSheets(sheets, scheme, settings.band);
  const formSheets = [...new Set(evaluation.projects.map((p) => p.sheet))];
  const marks = formMarks(evaluation);
  const watchedNames = new Set([...formSheets, ...(tableSheet ? [tableSheet] : [])].map((n) => n.toLowerCase()));
  const watched = read.filter((s) => watchedNames.has(s.name.toLowerCase()));
  onProgress?.({ stage: 'evaluate', done: 1, total: 1 });

  let summarySheet: string | null = null;
  let keptSummarySheets: string[] | undefined;
  if (options.summary) {
    throwIfAborted(signal);
    onProgress?.({ stage: 'write', done: 0, total: 1 });
    const runTime = now();
    const layout = layoutSummary(buildFormsSummary(evaluation, scheme, lang, { time: runTime }));
    // A saved name that is a sheet with forms (a damaged record) is not a summary's name.
    const saved = settings.summarySheet;
    const preferred = saved && !read.some((s) => s.name.toLowerCase() === saved.toLowerCase()) ? saved : DEFAULT_SUMMARY_SHEET[lang];
    const written = await port.writeSummary(layout, preferred, { signal, onProgress, ...(formSheets[0] ? { sourceSheet: formSheets[0] } : {}) });
    summarySheet = written.sheetName;
    if (written.keptSheets && written.keptSheets.length > 0) keptSummarySheets = written.keptSheets;
  }

  if (options.marks && settings.highlights !== false && port.applyCellMarks) {
    throwIfAborted(signal);
    onProgress?.({ stage: 'highlight', done: 0, total: 1 });
    await port.applyCellMarks(marks, formSheets);
    onProgress?.({ stage: 'highlight', done: 1, total: 1 });
  }

  throwIfAborted(signal);
  const next: Settings = {
    ...settings,
    lang,
    layout: 'forms',
    summarySheet: summarySheet ?? settings.summarySheet,
    ...(options.save ? { lastRefreshed: now().toISOString() } : {}),
  };
  if (options.save) await port.saveSettings(next);
  return {
    evaluation,
    formSheets,
    marks,
    scheme,
    sheets,
    tableSheet,
    watched,
    summarySheet,
    settings: next,
    ...(keptSummarySheets ? { keptSummarySheets } : {}),
  };
}
