// The report's input from a forms evaluation (one 项目支出绩效自评表 per project): indicators feed
// 项目预算绩效目标, their explanations the analysis, 年度总体目标 the basic situation, funds rows the source.
import type { FormSheet, FormsEvaluation } from '../forms/formTypes';
import type { Scheme } from '../types';
import { figuresOf } from './fromTable';
import type { ReportInput } from './types';

export function reportInputFromForms(evaluation: FormsEvaluation, scheme: Scheme, facts: { department?: string | null; year?: string | null } = {}): ReportInput {
  const department = facts.department !== undefined ? facts.department : (evaluation.projects.find((p) => p.department)?.department ?? null);
  return {
    layout: 'forms',
    unit: evaluation.unit,
    scheme,
    band: evaluation.band,
    department,
    year: facts.year ?? null,
    projects: evaluation.projects.map((p) => ({
      ...figuresOf(p),
      sheet: p.sheet,
      budgetStart: p.budgetStart,
      flags: p.flags,
      basics: null,
      goal: p.goal,
      indicators: p.indicators,
      sources: p.sources,
      explanation: null,
    })),
    totals: evaluation.totals,
    grades: evaluation.grades,
    sheetChecks: [],
  };
}

const YEAR = /((?:19|20)\d{2})\s*年/;
/** Rows above a form's 项目名称 (title, year) and a cover's first lines. */
const TITLE_ROWS = 4;

/** The budget year the forms' title rows state ("（2020年度）", "…自评表（2023年度）"), the first found; null when none. */
export function formsYear(sheets: readonly Pick<FormSheet, 'cells'>[]): string | null {
  for (const sheet of sheets) {
    for (const row of sheet.cells.slice(0, TITLE_ROWS)) {
      for (const cell of row ?? []) {
        const year = typeof cell === 'string' ? YEAR.exec(cell)?.[1] : undefined;
        if (year) return year;
      }
    }
  }
  return null;
}
