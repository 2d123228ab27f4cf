// Whether a conditional-format rule found on a sheet is one the add-in added, decided from the rule
// itself. A settings record can be edited by whoever sends the workbook, so it is never enough to
// delete a rule: a rule is the add-in's when its formula carries the add-in's marker term and its fill
// is one of the add-in's colours; a rule written before the marker existed (no marker) is the add-in's
// only when the record lists it AND its formula has exactly the shape the add-in generates. Host-free.
import { HIGHLIGHT_COLOURS, HIGHLIGHT_MARKER, HIGHLIGHT_MARKER_TEXT, highlightRules, type HighlightKind } from './highlightRules';

/** What an ownership record (saved before markers) lists for one sheet; see src/excel/settings.ts. */
export interface RecordedRules {
  /** Formulas with row numbers replaced by '#' (normaliseRecordedFormula). */
  formulas: readonly string[];
  fills: readonly string[];
}

/** The record's form of a formula: rows shift when the user inserts rows, so they are left out. */
export function normaliseRecordedFormula(formula: string): string {
  return formula
    .trim()
    .replace(/^=/, '')
    .toUpperCase()
    .replace(/(\$?[A-Z]{1,3})\$?\d+/g, '$1#');
}

/** The formula with every cell reference and number abstracted: what stays is the generator's structure. */
function shapeOf(formula: string): string {
  return formula
    .trim()
    .replace(/^=/, '')
    .toUpperCase()
    .replace(/\$?[A-Z]{1,3}\$?\d+/g, 'R')
    .replace(/\d+(\.\d+)?/g, 'N');
}

const KINDS = Object.keys(HIGHLIGHT_COLOURS) as HighlightKind[];

/** The shapes the generator produced before markers (band rules only: monitoring came with markers), by kind. */
const LEGACY_SHAPES: ReadonlyMap<HighlightKind, string> = (() => {
  const probe = highlightRules({ sheet: 'S', firstRow: 2, lastRow: 3, firstCol: 1, lastCol: 4, budgetCol: 2, actualCol: 3, band: { low: 0.5, high: 1.5 } });
  return new Map(probe.map((rule) => [rule.kind, shapeOf(rule.formula.replace(`,${HIGHLIGHT_MARKER}`, ''))]));
})();

/** Kinds whose fill this is (two kinds may share one). */
function kindsOfFill(fill: string): HighlightKind[] {
  const upper = (fill ?? '').toUpperCase();
  return KINDS.filter((k) => HIGHLIGHT_COLOURS[k].fill.toUpperCase() === upper);
}

export function hasHighlightMarker(formula: string): boolean {
  return typeof formula === 'string' && formula.toUpperCase().includes(`N("${HIGHLIGHT_MARKER_TEXT.toUpperCase()}")`);
}

/**
 * True when the live rule (its formula and fill as Excel reports them) is the add-in's. `recorded`
 * is the ownership record's entry for the sheet, consulted only for rules without the marker.
 */
export function isOwnHighlightRule(formula: string, fill: string, recorded?: RecordedRules | null): boolean {
  if (typeof formula !== 'string' || typeof fill !== 'string') return false;
  const kinds = kindsOfFill(fill);
  if (kinds.length === 0) return false;
  if (hasHighlightMarker(formula)) return true;
  if (!recorded) return false;
  const i = recorded.formulas.indexOf(normaliseRecordedFormula(formula));
  const listed = i >= 0 && (recorded.fills[i] ?? '').toUpperCase() === fill.toUpperCase();
  const shape = shapeOf(formula);
  return listed && kinds.some((kind) => LEGACY_SHAPES.get(kind) === shape);
}
