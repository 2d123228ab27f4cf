// The cells of the forms an officer has to look at, as formula rules on each cell (host-free): a
// stated score that disagrees with the computed one or exceeds its weight, a required explanation
// left blank, a stated 执行率 that disagrees with actual ÷ budget. Each formula refers to its own cell
// only, so the mark goes away as soon as the officer types an agreeing figure or an explanation,
// before the next refresh re-evaluates the form.
import { colLetter } from '../address';
import type { FormProject, FormsEvaluation, IndicatorResult } from './formTypes';
import { formulaNumber, HIGHLIGHT_COLOURS } from '../summary/highlightRules';
import type { CellMark } from '../workbookPort';

export type FormMarkKind = 'score' | 'explanation' | 'rate';

/** Disagreeing figures in the over-budget red, missing text in the under-execution yellow. */
export const FORM_MARK_COLOURS: Record<FormMarkKind, { fill: string; fontColor: string }> = {
  score: HIGHLIGHT_COLOURS.over,
  rate: HIGHLIGHT_COLOURS.over,
  explanation: HIGHLIGHT_COLOURS.under,
};

/** How far a stated score may be from the computed one (issue rule 6: 0.5 point). */
export const SCORE_TOLERANCE = 0.5;
/** How far a stated 执行率 may be from actual ÷ budget (issue rule 3: 0.5 percentage point). */
export const RATE_TOLERANCE = 0.005;
/** Floating-point slack on the edges, so a score exactly at the weight never reads as above it. */
const EDGE = 1e-9;

export interface FormMark extends CellMark {
  kind: FormMarkKind;
}

function mark(sheet: string, row: number, col: number, kind: FormMarkKind, formula: string): FormMark {
  return { sheet, row, col, kind, formula, ...FORM_MARK_COLOURS[kind] };
}

/** Marks the stated score while it is not a number within the tolerance of the computed one and within the weight. */
function scoreFormula(ref: string, indicator: IndicatorResult): string | null {
  const checks = [`ISNUMBER(${ref})`];
  if (indicator.flags.includes('score_mismatch') && indicator.score !== null) {
    checks.push(`ABS(${ref}-${formulaNumber(indicator.score)})<=${formulaNumber(SCORE_TOLERANCE + EDGE)}`);
  }
  if (indicator.weight !== null) checks.push(`${ref}<=${formulaNumber(indicator.weight + EDGE)}`);
  return checks.length > 1 ? `=NOT(AND(${checks.join(',')}))` : null;
}

function indicatorMarks(project: FormProject, indicator: IndicatorResult): FormMark[] {
  const marks: FormMark[] = [];
  const { cells, flags, row } = indicator;
  const disagrees = flags.includes('score_mismatch') || flags.includes('score_over_weight');
  if (disagrees && cells?.statedScore) {
    const formula = scoreFormula(`${colLetter(cells.statedScore)}${row}`, indicator);
    if (formula) marks.push(mark(project.sheet, row, cells.statedScore, 'score', formula));
  }
  if (flags.includes('missing_explanation') && cells?.explanation) {
    const ref = `${colLetter(cells.explanation)}${row}`;
    marks.push(mark(project.sheet, row, cells.explanation, 'explanation', `=LEN(TRIM(${ref}&""))=0`));
  }
  return marks;
}

function rateMark(project: FormProject): FormMark | null {
  const at = project.cells?.statedRate;
  if (!at || project.usageRate === null || !project.flags.includes('rate_mismatch')) return null;
  const ref = `${colLetter(at.col)}${at.row}`;
  const formula = `=NOT(AND(ISNUMBER(${ref}),ABS(${ref}-${formulaNumber(project.usageRate)})<=${formulaNumber(RATE_TOLERANCE + EDGE)}))`;
  return mark(project.sheet, at.row, at.col, 'rate', formula);
}

/** Every mark of an evaluation, form by form, in sheet order within a form. One mark per cell. */
export function formMarks(evaluation: Pick<FormsEvaluation, 'projects'>): FormMark[] {
  const marks: FormMark[] = [];
  const seen = new Set<string>();
  const push = (m: FormMark | null) => {
    if (!m) return;
    const key = `${m.sheet.toLowerCase()}!${m.row}:${m.col}`;
    if (seen.has(key)) return;
    seen.add(key);
    marks.push(m);
  };
  for (const project of evaluation.projects) {
    push(rateMark(project));
    for (const indicator of project.indicators) for (const m of indicatorMarks(project, indicator)) push(m);
  }
  return marks;
}
