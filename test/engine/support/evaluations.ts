// Hand-written evaluations for the summary tests (no engine call involved).
import { blankProjectResult } from '../../../src/engine/score';
import type { Evaluation, Flag, Grade, ProjectResult } from '../../../src/engine/types';

export function projectResult(over: Partial<ProjectResult> & { name: string; row: number }): ProjectResult {
  return { ...blankProjectResult(), flags: [], ...over };
}

function scored(name: string, row: number, budget: number, actual: number, output: number, benefit: number, grade: Grade, flags: Flag[]): ProjectResult {
  return projectResult({
    name,
    row,
    budget,
    actual,
    usageRate: actual / budget,
    scores: { output, benefit, satisfaction: null, execution: null, total: output + benefit },
    grade,
    flags,
  });
}

/** Three seed projects under wuhan2018, a 合计 row on sheet row 8 stating 371.6 instead of 371.65. */
export function wuhanEvaluation(): Evaluation {
  return {
    sheet: '自评表',
    headerRow: 3,
    unit: '万元',
    scheme: 'wuhan2018',
    band: { low: 0.9, high: 1 },
    projects: [
      scored('安全生产责任经费', 4, 305.5, 271.46, 45, 45, 'excellent', ['under_execution']),
      scored('=HYPERLINK("http://x","安全生产综合监管经费")', 5, 26.15, 26.33, 48, 48, 'excellent', []),
      scored('保障安全生产专项经费', 6, 40, 35.5, 45, 45, 'excellent', ['under_execution', 'rate_mismatch']),
    ],
    totals: { budget: 371.65, actual: 333.29, usageRate: 333.29 / 371.65, projects: 3, flagged: 2 },
    grades: { excellent: 3, good: 0, fair: 0, poor: 0 },
    checks: [{ code: 'sum_mismatch', row: 8, column: 'budget', stated: 371.6, computed: 371.65 }],
  };
}
