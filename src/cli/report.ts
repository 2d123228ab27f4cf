// The --json report: exactly the shape of the batch command's contract, mapped from the engine's Evaluation.
import type { Evaluation, Flag, Grade, Monitoring, MonitoringStatus, SheetCheck, Unit } from '../engine/types';

export interface JsonProject {
  row: number;
  name: string;
  budget: number | null;
  actual: number | null;
  usageRate: number | null;
  scores: { output: number | null; benefit: number | null; satisfaction: number | null; execution: number | null; total: number | null };
  grade: Grade | null;
  flags: Flag[];
  /** In-year monitoring (--month); null without a month or without a rate. */
  monitoring: JsonMonitoring | null;
}

export interface JsonMonitoring {
  month: number;
  timeShare: number;
  progress: number;
  status: MonitoringStatus;
}

export interface JsonReport {
  sheet: string;
  headerRow: number;
  unit: Unit | null;
  scheme: string;
  projects: JsonProject[];
  totals: { budget: number; actual: number; usageRate: number | null; projects: number; flagged: number };
  grades: Record<Grade, number>;
  checks: { code: 'sum_mismatch'; row: number; column: 'budget' | 'actual'; stated: number; computed: number }[];
}

/** JSON has no NaN or Infinity; a value that is not a finite number is reported as missing. */
export function num(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function check(c: SheetCheck): JsonReport['checks'][number] {
  return { code: c.code, row: c.row, column: c.column, stated: num(c.stated) ?? 0, computed: num(c.computed) ?? 0 };
}

function jsonMonitoring(m: Monitoring | null | undefined): JsonMonitoring | null {
  if (!m) return null;
  const progress = num(m.progress);
  return progress === null ? null : { month: m.month, timeShare: m.timeShare, progress, status: m.status };
}

/** Amounts, rate, scores, grade and flags of a table row or a form, as the JSON reports give them. */
export function jsonFigures<F extends string>(p: {
  budget: number | null;
  actual: number | null;
  usageRate: number | null;
  scores: Parameters<typeof jsonScores>[0];
  grade: Grade | null;
  flags: readonly F[];
}) {
  return { budget: num(p.budget), actual: num(p.actual), usageRate: num(p.usageRate), scores: jsonScores(p.scores), grade: p.grade, flags: [...p.flags] };
}

export function toJsonReport(evaluation: Evaluation): JsonReport {
  return {
    sheet: evaluation.sheet,
    headerRow: evaluation.headerRow,
    unit: evaluation.unit,
    scheme: evaluation.scheme,
    projects: evaluation.projects.map((p) => ({
      row: p.row,
      name: p.name,
      ...jsonFigures(p),
      monitoring: jsonMonitoring(p.monitoring),
    })),
    totals: {
      budget: num(evaluation.totals.budget) ?? 0,
      actual: num(evaluation.totals.actual) ?? 0,
      usageRate: num(evaluation.totals.usageRate),
      projects: evaluation.totals.projects,
      flagged: evaluation.totals.flagged,
    },
    grades: {
      excellent: evaluation.grades.excellent,
      good: evaluation.grades.good,
      fair: evaluation.grades.fair,
      poor: evaluation.grades.poor,
    },
    checks: evaluation.checks.map(check),
  };
}

/** Scores as JSON: a missing or non-finite component is null. */
function jsonScores(s: { output: number | null; benefit: number | null; satisfaction: number | null; execution: number | null; total: number | null }) {
  return { output: num(s.output), benefit: num(s.benefit), satisfaction: num(s.satisfaction), execution: num(s.execution), total: num(s.total) };
}
