// The --json report and the console output of the forms layout (issue 8: batch command).
import type { FormCheck, FormFlag, FormProject, FormsEvaluation, IndicatorResult } from '../engine/forms/formTypes';
import { formCheckSentence, formFlagLabel } from '../engine/forms/formMessages';
import { gradeLabel } from '../engine/messages';
import { catalogue } from '../text/catalogue';
import type { Grade, Lang } from '../engine/types';
import { cliText } from './messages';
import { amount, percent, score } from './printTable';
import { jsonFigures, num } from './report';

/** An indicator as the JSON report gives it: the engine's result without the cell positions used for highlights. */
export type JsonIndicator = Omit<IndicatorResult, 'cells'>;

export interface JsonFormProject
  extends Pick<FormProject, 'sheet' | 'row' | 'name' | 'department' | 'unitName' | 'budgetStart' | 'budget' | 'actual' | 'usageRate'> {
  scores: { output: number | null; benefit: number | null; satisfaction: number | null; execution: number | null; total: number | null };
  grade: Grade | null;
  flags: FormFlag[];
  indicators: JsonIndicator[];
}

export interface JsonFormsReport {
  layout: 'forms';
  scheme: string;
  unit: string | null;
  projects: JsonFormProject[];
  totals: FormsEvaluation['totals'];
  grades: Record<Grade, number>;
  checks: FormCheck[];
}

export function toFormsJsonReport(e: FormsEvaluation): JsonFormsReport {
  return {
    layout: 'forms',
    scheme: e.scheme,
    unit: e.unit,
    projects: e.projects.map((p) => ({
      sheet: p.sheet,
      row: p.row,
      name: p.name,
      department: p.department,
      unitName: p.unitName,
      budgetStart: num(p.budgetStart),
      ...jsonFigures(p),
      indicators: p.indicators.map(({ cells: _cells, ...i }): JsonIndicator => ({
        ...i,
        targetValue: num(i.targetValue),
        actualValue: num(i.actualValue),
        weight: num(i.weight),
        statedScore: num(i.statedScore),
        score: num(i.score),
        flags: [...i.flags],
      })),
    })),
    totals: { ...e.totals, usageRate: num(e.totals.usageRate) },
    grades: { ...e.grades },
    checks: e.checks.map((c) => ({ ...c })),
  };
}

/** Tab-free aligned lines: one per form, then totals, grades, checks and the count of indicators to check. */
export function renderFormsReadable(e: FormsEvaluation, schemeName: string, lang: Lang): string[] {
  const sep = catalogue(lang).engine.words.itemSep;
  const sheets = [...new Set(e.projects.map((p) => p.sheet))];
  const lines = [
    cliText('formsLine', lang, { n: e.projects.length, sheets: sheets.join(sep), scheme: schemeName, low: percent(e.band.low, lang), high: percent(e.band.high, lang) }),
    '',
  ];
  const header = [cliText('colNo', lang), cliText('colSheet', lang), cliText('colRow', lang), cliText('colName', lang), cliText('colDepartment', lang), cliText('colBudget', lang), cliText('colActual', lang), cliText('colRate', lang), cliText('colTotal', lang), cliText('colGrade', lang), cliText('colFlags', lang)];
  const rows = e.projects.map((p, i) => [
    String(i + 1),
    p.sheet,
    String(p.row),
    p.name,
    p.department ?? '—',
    amount(p.budget),
    amount(p.actual),
    percent(p.usageRate, lang),
    score(p.scores.total),
    p.grade ? gradeLabel(p.grade, lang) : '—',
    p.flags.length ? p.flags.map((f) => formFlagLabel(f, lang)).join(sep) : cliText('ok', lang),
  ]);
  lines.push(...[header, ...rows].map((r) => r.join('  ')), '');
  lines.push(
    cliText('totalsLine', lang, { projects: e.totals.projects, budget: amount(e.totals.budget), actual: amount(e.totals.actual), rate: percent(e.totals.usageRate, lang), flagged: e.totals.flagged }),
    cliText('gradesLine', lang, { ...e.grades }),
    cliText('todoLine', lang, { n: e.projects.reduce((n, p) => n + p.indicators.filter((i) => i.flags.length > 0).length, 0) }),
  );
  for (const c of e.checks) lines.push(formCheckSentence(c, lang));
  return lines;
}
