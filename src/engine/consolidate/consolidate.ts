// The bureau's view over many departments' workbooks, host-free: departments with their projects, money,
// fund-weighted rate (Σactual ÷ Σbudget, rule 1), grades and flagged projects; every project with its
// department and source; the workbooks that could not be read.
import { usageRate } from '../score';
import type { FormCheck, FormProject } from '../forms/formTypes';
import type { Evaluation, Grade, Grid, MonitoringStatus, ProjectResult } from '../types';

export interface ConsolidatedEntry {
  file: string;
  department: string;
  evaluation: Evaluation;
  /** Forms layout: the forms behind evaluation.projects, in the same order (sheet, form flags, indicators). */
  forms?: FormProject[];
  /** Forms layout: the findings about these forms (form without funds …), counted as checks. */
  formChecks?: FormCheck[];
}

export interface ConsolidatedProject {
  department: string;
  file: string;
  sheet: string;
  project: ProjectResult;
  /** The form, when the project was read from a self-evaluation form. */
  form?: FormProject;
}

export interface DepartmentView {
  name: string;
  files: number;
  projects: number;
  budget: number;
  actual: number;
  usageRate: number | null;
  grades: Record<Grade, number>;
  flagged: number;
  checks: number;
  monitoring: Record<MonitoringStatus, number> | null;
}

export interface Consolidation {
  departments: DepartmentView[];
  projects: ConsolidatedProject[];
  failures: { file: string; message: string }[];
  totals: { departments: number; files: number; failed: number; projects: number; budget: number; actual: number; usageRate: number | null; flagged: number };
}

const UNIT_WORDS = /^(万元|元|千元)$/;
const DEPARTMENT_LINE = /(主管部门|部门名称|预算部门|填报单位|编报单位|单位名称|部门|单位)\s*[:：]\s*([^\s:：，,（(]+)/;

/**
 * The department named in the title rows above the header: "单位：某区教育局", "部门名称：…";
 * "单位：万元" is a unit, not a department. null when none.
 */
export function departmentFromTitle(grid: Grid, headerRow: number): string | null {
  for (let r = 0; r < Math.min(headerRow, grid.length); r++) {
    for (const cell of grid[r] ?? []) {
      if (typeof cell !== 'string') continue;
      const m = DEPARTMENT_LINE.exec(cell);
      if (m && !UNIT_WORDS.test(m[2])) return m[2];
    }
  }
  return null;
}

function round15(x: number): number {
  return Number(x.toPrecision(15));
}

export function consolidate(entries: readonly ConsolidatedEntry[], failures: readonly { file: string; message: string }[]): Consolidation {
  const byName = new Map<string, DepartmentView & { fileSet: Set<string> }>();
  const projects: ConsolidatedProject[] = [];
  for (const e of entries) {
    let d = byName.get(e.department);
    if (!d) {
      d = {
        name: e.department,
        files: 0,
        projects: 0,
        budget: 0,
        actual: 0,
        usageRate: null,
        grades: { excellent: 0, good: 0, fair: 0, poor: 0 },
        flagged: 0,
        checks: 0,
        monitoring: null,
        fileSet: new Set(),
      };
      byName.set(e.department, d);
    }
    d.fileSet.add(e.file);
    const ev = e.evaluation;
    d.projects += ev.projects.length;
    d.budget = round15(d.budget + ev.totals.budget);
    d.actual = round15(d.actual + ev.totals.actual);
    d.flagged += ev.totals.flagged;
    d.checks += ev.checks.length + (e.formChecks?.length ?? 0);
    for (const g of Object.keys(d.grades) as Grade[]) d.grades[g] += ev.grades[g];
    if (ev.monitoring) {
      d.monitoring ??= { green: 0, yellow: 0, red: 0 };
      for (const s of Object.keys(d.monitoring) as MonitoringStatus[]) d.monitoring[s] += ev.monitoring.counts[s];
    }
    ev.projects.forEach((p, i) => {
      const form = e.forms?.[i];
      projects.push({ department: e.department, file: e.file, sheet: form?.sheet ?? ev.sheet, project: p, ...(form ? { form } : {}) });
    });
  }
  const departments = [...byName.values()]
    .map(({ fileSet, ...d }) => ({ ...d, files: fileSet.size, usageRate: usageRate(d.budget, d.actual) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  const budget = round15(departments.reduce((s, d) => s + d.budget, 0));
  const actual = round15(departments.reduce((s, d) => s + d.actual, 0));
  return {
    departments,
    projects,
    failures: [...failures],
    totals: {
      departments: departments.length,
      files: new Set(entries.map((e) => e.file)).size,
      failed: failures.length,
      projects: projects.length,
      budget,
      actual,
      usageRate: usageRate(budget, actual),
      flagged: departments.reduce((s, d) => s + d.flagged, 0),
    },
  };
}
