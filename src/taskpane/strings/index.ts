// The task pane's texts, from the catalogue (src/text): the table pane's here, the forms layout's, the
// report panel's and the bureau tools' beside this file. Components take a `Strings` and never hold literals.
import { schemeIssueMessage, type SchemeIssue } from '../../engine/schemeIssues';
import { catalogue, fill } from '../../text/catalogue';
import type { Lang, SourceRef, Unit } from '../../engine/types';
import type { Progress } from '../../engine/workbookPort';

export interface Strings {
  lang: Lang;
  locale: string;
  appTitle: string;
  switchLanguage: string;
  loading: string;

  mappingTitle: string;
  sourceSheet: string;
  headerRow: string;
  headerRowHint: (sheetRow: number) => string;
  unit: string;
  unitNotStated: string;
  units: Record<Unit, string>;
  /** The unit inside a label, "Total budget (10k yuan)". */
  unitsShort: Record<Unit, string>;
  spinUp: string;
  spinDown: string;
  clearSelection: string;
  withUnit: (label: string, unit: string) => string;
  labelled: (label: string, value: string) => string;
  scheme: string;
  customScheme: string;
  customSchemeLabel: string;
  customSchemeApply: string;
  customSchemeCancel: string;
  customSchemeInvalid: string;
  bandLow: string;
  bandHigh: string;
  bandInvalid: string;
  /** Between the problems of one field. */
  problemSeparator: string;
  /** One mistake of a custom scheme or of the band, as a sentence. */
  schemeIssue: (issue: SchemeIssue) => string;
  noColumn: string;
  columnOption: (letter: string, header: string) => string;
  emptyHeader: string;
  uncertain: string;
  uncertainHint: string;
  roleMissing: string;
  /** What was read: the table, the selected range, or the sheet; and how many rows. */
  sourceInfo: (source: SourceRef, rows: number) => string;

  evaluate: string;
  writeSummary: string;
  clearHighlights: string;
  refresh: string;
  cancel: string;
  autoRefresh: string;
  lastRefreshed: (time: string) => string;
  neverRefreshed: string;
  stale: string;
  notApplied: string;
  stages: Record<Progress['stage'], string>;
  progressCount: (done: number, total: number) => string;
  working: string;

  resultsTitle: string;
  portfolioBudget: string;
  portfolioActual: string;
  portfolioRate: string;
  projectsCount: (projects: number, flagged: number) => string;
  gradeCount: (grade: string, count: number) => string;
  noBudget: string;
  noValue: string;
  filterPlaceholder: string;
  filterLabel: string;
  flaggedOnly: string;
  showing: (shown: number, total: number) => string;
  noMatch: string;
  colRate: string;
  colTotal: string;
  colGrade: string;
  noFlags: string;
  selectRow: (name: string, row: number) => string;
  checksTitle: string;
  checkSumMismatch: (row: number, column: string, stated: string, computed: string) => string;

  outsideExcelTitle: string;
  outsideExcelBody: string;
  apiMissingTitle: string;
  apiMissingBody: (sets: string) => string;
  errorTitle: string;
  unexpectedError: (message: string) => string;
  cancelled: string;
  dismiss: string;
  summaryWritten: (sheet: string) => string;
  highlightsCleared: string;
}

/** The pane's texts in `lang`: the catalogue's words, with its templates as functions components call. */
function paneStrings(lang: Lang): Strings {
  const t = catalogue(lang).pane.main;
  return {
    ...t,
    lang,
    headerRowHint: (row) => fill(t.headerRowHint, { row }),
    withUnit: (label, unit) => fill(t.withUnit, { label, unit }),
    labelled: (label, value) => fill(t.labelled, { label, value }),
    columnOption: (letter, header) => fill(t.columnOption, { letter, header }),
    sourceInfo: (source, rows) =>
      source.kind === 'table' && source.table
        ? fill(t.sourceInfo.table, { table: source.table, sheet: source.sheet, rows })
        : source.kind === 'selection' && source.address
          ? fill(t.sourceInfo.selection, { address: source.address, sheet: source.sheet, rows })
          : fill(t.sourceInfo.sheet, { sheet: source.sheet, rows }),
    lastRefreshed: (time) => fill(t.lastRefreshed, { time }),
    progressCount: (done, total) => fill(t.progressCount, { done, total }),
    projectsCount: (projects, flagged) => fill(t.projectsCount, { projects, flagged }),
    gradeCount: (grade, count) => fill(t.gradeCount, { grade, count }),
    showing: (shown, total) => fill(t.showing, { shown, total }),
    selectRow: (name, row) => fill(t.selectRow, { name, row }),
    checkSumMismatch: (row, column, stated, computed) => fill(t.checkSumMismatch, { row, column, stated, computed }),
    apiMissingBody: (sets) => fill(t.apiMissingBody, { sets }),
    unexpectedError: (message) => fill(t.unexpectedError, { message }),
    summaryWritten: (sheet) => fill(t.summaryWritten, { sheet }),
    schemeIssue: (issue) => schemeIssueMessage(issue, lang),
  };
}

export const STRINGS: Record<Lang, Strings> = { zh: paneStrings('zh'), en: paneStrings('en') };
