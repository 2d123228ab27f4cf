// A portfolio table beside the forms (issue 8, rule 8): the first sheet without forms that reads as a
// table, evaluated, so that its rows can be matched to the forms. Host-free; the batch command and the
// pane both use it.
import { detectsRequiredColumns, evaluateSheet } from '../evaluateSheet';
import type { FormSheet } from './formTypes';
import type { Evaluation, RateBand, Scheme } from '../types';

/** The first of `sheets` that reads as a portfolio table, evaluated, with its sheet; undefined when none. */
export function portfolioTableBeside(
  sheets: readonly FormSheet[],
  scheme: Scheme,
  band: RateBand,
): { sheet: string; evaluation: Evaluation } | undefined {
  for (const s of sheets) {
    if (!detectsRequiredColumns(s.cells)) continue;
    const result = evaluateSheet({ name: s.name, grid: s.cells, origin: s.origin ?? { row: 1, col: 1 } }, { scheme, band });
    if (result.ok) return { sheet: s.name, evaluation: result.evaluation };
  }
  return undefined;
}
