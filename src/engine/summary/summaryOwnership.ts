// Which sheet the add-in may clear and write its summary over. A workbook's settings can be edited
// by anyone who sends the file, so a settings record alone never decides: the sheet itself must
// carry the add-in's marker (a hidden sheet-scoped name written when the add-in created the sheet),
// its id must be in the ownership record, and it must not be the sheet the source is read from.
// Host-free: each adapter gathers the facts, this decides.
import { cleanSheetName, MAX_SHEET_NAME } from '../sheetNames';
import { catalogue } from '../../text/catalogue';
import type { Lang } from '../types';

/** Sheet-scoped defined name the add-in adds, hidden, to each summary sheet it creates. */
export const SUMMARY_MARKER_NAME = 'BudgetPerformance_Summary';
/** What the marker name refers to: a text constant no user's name is likely to hold. */
export const SUMMARY_MARKER_VALUE = 'budget-performance-addin/summary/v1';
/** The formula the marker name is created with (a named constant, not a range). */
export const SUMMARY_MARKER_FORMULA = `="${SUMMARY_MARKER_VALUE}"`;

/** The marker as read back: NamedItem.value of a text constant is the text, its formula the `="…"` form. */
export function isSummaryMarker(value: unknown, formula?: unknown): boolean {
  return value === SUMMARY_MARKER_VALUE || formula === SUMMARY_MARKER_FORMULA;
}

/** Spreadsheet sheet names compare without regard to case. */
export function sameSheetName(a: string | undefined | null, b: string | undefined | null): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}

export interface SummaryCandidate {
  name: string;
  /** Listed in the workbook's ownership record. */
  recorded: boolean;
  /** The sheet carries the add-in's marker (see isSummaryMarker). */
  marked: boolean;
}

export type SummaryChoice =
  /** Clear and rewrite this sheet. */
  | { kind: 'reuse'; name: string }
  /**
   * Write a new sheet. `kept` names sheets the record claims but that carry no marker (written by an
   * earlier version, or a record edited by hand): left as they are, and the officer is told.
   */
  | { kind: 'create'; kept: string[] };

/** A sheet name without a trailing " (n)", lower-cased: "绩效自评汇总 (2)" → "绩效自评汇总". */
function stem(name: string): string {
  return cleanSheetName(name).replace(/ \(\d+\)$/, '').toLowerCase();
}

/** True for the preferred name itself or one of its numbered variants ("name (2)"), either way round. */
export function isVariantOf(name: string, preferred: string): boolean {
  const a = stem(name);
  const b = stem(preferred).slice(0, MAX_SHEET_NAME);
  if (a.length === 0) return false;
  // Names cut at 31 characters to make room for " (n)" only share a prefix.
  const truncated = Math.min(a.length, b.length) >= MAX_SHEET_NAME - 5;
  return a === b || (truncated && (b.startsWith(a) || a.startsWith(b)));
}

/** The names the add-in gives its report draft and departments view, in either language. */
const OWN_SHEET_NAMES: readonly string[] = (['zh', 'en'] as const satisfies readonly Lang[]).flatMap((lang) => {
  const { report, departments } = catalogue(lang).engine.sheets;
  return [report, departments];
});

/**
 * A sheet the add-in writes, by its name: the summary sheet the settings record (that name exactly: a
 * user's sheet it was numbered around stays theirs), or the report draft or departments view in either
 * language with their "(n)" copies. Never a source of data, a sheet to pick or a department to count.
 */
export function isOwnSheetName(name: string, summarySheet?: string | null): boolean {
  return sameSheetName(name, summarySheet) || OWN_SHEET_NAMES.some((own) => isVariantOf(name, own));
}

/**
 * The one rule every host follows (every WorkbookPort: the add-in, the file copy, the test port): picks the sheet to rewrite
 * among the candidates whose names are the preferred one or a numbered variant of it. Only a sheet both
 * recorded and marked is rewritten; the source sheet never is, whatever the record and the marker say;
 * the preferred name itself wins over "name (2)". Otherwise a new sheet is written under a free name.
 */
export function chooseSummarySheet(candidates: readonly SummaryCandidate[], preferredName: string, sourceSheet?: string): SummaryChoice {
  const eligible = candidates.filter((c) => c.recorded && isVariantOf(c.name, preferredName) && !sameSheetName(c.name, sourceSheet));
  const marked = eligible.filter((c) => c.marked);
  const pick = marked.find((c) => sameSheetName(c.name, preferredName)) ?? marked[0];
  if (pick) return { kind: 'reuse', name: pick.name };
  return { kind: 'create', kept: eligible.map((c) => c.name) };
}

/** Sheet-scoped defined name the add-in adds, hidden, to each report sheet (自评报告（草稿）) it creates. */
export const REPORT_MARKER_NAME = 'BudgetPerformance_Report';
export const REPORT_MARKER_VALUE = 'budget-performance-addin/report/v1';
export const REPORT_MARKER_FORMULA = `="${REPORT_MARKER_VALUE}"`;

export function isReportMarker(value: unknown, formula?: unknown): boolean {
  return value === REPORT_MARKER_VALUE || formula === REPORT_MARKER_FORMULA;
}
