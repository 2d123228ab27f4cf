// Self-evaluation forms in the bureau's consolidation, host-free: the forms of one workbook grouped by
// their 主管部门 (else a 单位/部门 line above the form, else the file's name), each group as an
// Evaluation of its forms so departments add up the same way for tables and forms. In-year monitoring
// (--month) applies to forms as to tables.
import { departmentFromTitle } from './consolidate';
import type { ConsolidatedEntry } from './consolidate';
import { usageRate } from '../score';
import type { FormProject, FormSheet, FormsEvaluation } from '../forms/formTypes';
import { applyMonitoring, monitoringBands } from '../monitoring';
import { FLAGS, type Evaluation, type Flag, type Grade, type ProjectResult, type Scheme } from '../types';

function isFlag(f: string): f is Flag {
  return (FLAGS as readonly string[]).includes(f);
}

function round15(x: number): number {
  return Number(x.toPrecision(15));
}

/** The form as a table project: the form-only flags (weights_mismatch …) stay on the form. */
function asProject(f: FormProject): ProjectResult {
  return {
    row: f.row,
    name: f.name,
    budget: f.budget,
    actual: f.actual,
    usageRate: f.usageRate,
    statedRate: f.statedRate,
    scores: { ...f.scores },
    statedTotal: f.statedTotal,
    grade: f.grade,
    flags: f.flags.filter(isFlag),
    explanation: null,
  };
}

function groupEvaluation(forms: FormProject[], e: FormsEvaluation, scheme: Scheme, month: number | undefined): Evaluation {
  let budget = 0;
  let actual = 0;
  const grades: Record<Grade, number> = { excellent: 0, good: 0, fair: 0, poor: 0 };
  for (const f of forms) {
    if (f.budget !== null) budget += f.budget;
    if (f.actual !== null) actual += f.actual;
    if (f.grade) grades[f.grade]++;
  }
  budget = round15(budget);
  actual = round15(actual);
  let evaluation: Evaluation = {
    sheet: forms[0]?.sheet ?? '',
    headerRow: forms[0]?.row ?? 0,
    unit: e.unit,
    scheme: e.scheme,
    band: { ...e.band },
    projects: forms.map(asProject),
    totals: { budget, actual, usageRate: usageRate(budget, actual), projects: forms.length, flagged: 0 },
    grades,
    checks: [],
  };
  if (month !== undefined) evaluation = applyMonitoring(evaluation, month, monitoringBands(scheme));
  // A form counts as flagged by its own flags too (weights_mismatch, indicator_flags …).
  const flagged = evaluation.projects.filter((p, i) => p.flags.length > 0 || forms[i].flags.some((f) => !isFlag(f))).length;
  return { ...evaluation, totals: { ...evaluation.totals, flagged } };
}

/** The department of a form: its 主管部门, else a 单位/部门 line above it on its sheet, else `fallback`. */
export function formDepartment(form: FormProject, sheets: readonly FormSheet[], fallback: string): string {
  if (form.department && form.department.trim() !== '') return form.department.trim();
  const sheet = sheets.find((s) => s.name === form.sheet);
  if (sheet) {
    const above = form.row - (sheet.origin?.row ?? 1);
    const named = departmentFromTitle(sheet.cells, Math.max(0, above));
    if (named) return named;
  }
  return fallback;
}

/** One entry per department of the workbook's forms, in the order the departments first appear. */
export function formEntries(file: string, fallback: string, e: FormsEvaluation, sheets: readonly FormSheet[], scheme: Scheme, month?: number): ConsolidatedEntry[] {
  const groups = new Map<string, FormProject[]>();
  for (const f of e.projects) {
    const d = formDepartment(f, sheets, fallback);
    const list = groups.get(d) ?? [];
    list.push(f);
    groups.set(d, list);
  }
  return [...groups].map(([department, forms]) => ({
    file,
    department,
    evaluation: groupEvaluation(forms, e, scheme, month),
    forms,
    formChecks: e.checks.filter((c) => forms.some((f) => f.sheet === c.sheet && f.row === c.row)),
  }));
}
