// The forms layout's entry point, host-free: every form of the given sheets found, read and scored
// (issue 8, rules 1–8). Hosts read each sheet's cells and merged areas and call evaluateForms.
import { DEFAULT_FORM_SCORING, formScoring } from '../schemes';
import { EDGE_EPS, gradeOf, usageRate } from '../score';
import { FORM_GROUP_WORDS } from '../headerWords';
import type { FormCheck, FormFlag, FormProject, FormSheet, FormsEvaluation, IndicatorFlag, IndicatorResult } from './formTypes';
import type { FormScoring } from '../types';
import type { Evaluation, Grade, ParsedNumber, RateBand, Scheme, ScoreComponent } from '../types';
import { FORM_LABEL_WORDS, statedWeight } from '../headerWords';
import { FormGrid } from './formGrid';
import { findFormSpans, type FormSpan } from './findForms';
import { fundTotalMismatch, readFundsBlock } from './fundsBlock';
import { directionFromNature, readIndicatorBlock, type RawIndicator } from './indicatorBlock';
import { indicatorScore } from './indicatorScore';
import { commonScale, parseIndicatorValue } from './parseValue';
import { isWord, matchWord } from './formWords';
import { matchFormsToTable } from './matchTable';
import { readGoal } from './goalBlock';

export interface EvaluateFormsOptions {
  scheme: Scheme;
  /** Overrides the scheme's rate band. */
  band?: RateBand;
  /** A portfolio table of the same workbook: its rows are matched to the forms (form_table_mismatch). */
  table?: Evaluation;
}

const RATE_TOLERANCE = 0.005;
const SCORE_TOLERANCE = 0.5;

function num(p: ParsedNumber): number | null {
  return p.status === 'ok' && p.value !== null && Number.isFinite(p.value) ? p.value : null;
}

function round(x: number): number {
  return Number(x.toPrecision(12));
}

/** True when any of the sheets holds a form (a 项目名称 label with a name to its right). */
export function sheetsHaveForms(sheets: readonly FormSheet[]): boolean {
  return sheets.some((s) => findFormSpans(new FormGrid(s)).length > 0);
}

/**
 * Every form of `sheets`, in the order given, top to bottom, scored under `options.scheme`. Forms
 * without a funds or indicator block are still listed and reported as checks.
 */
export function evaluateForms(sheets: readonly FormSheet[], options: EvaluateFormsOptions): FormsEvaluation {
  const scheme = options.scheme;
  const band = options.band ?? scheme.rateBand;
  const scoring = formScoring(scheme);
  const projects: FormProject[] = [];
  const checks: FormCheck[] = [];
  for (const sheet of sheets) {
    const grid = new FormGrid(sheet);
    for (const span of findFormSpans(grid)) {
      const { project, missing } = evaluateForm(grid, span, scheme, band, scoring);
      projects.push(project);
      for (const code of missing) checks.push({ code, sheet: grid.name, row: project.row, project: project.name });
    }
  }
  if (options.table) checks.push(...matchFormsToTable(projects, options.table));
  let budget = 0;
  let actual = 0;
  const grades: Record<Grade, number> = { excellent: 0, good: 0, fair: 0, poor: 0 };
  for (const p of projects) {
    if (p.budget !== null) budget += p.budget;
    if (p.actual !== null) actual += p.actual;
    if (p.grade) grades[p.grade]++;
  }
  budget = round(budget);
  actual = round(actual);
  return {
    layout: 'forms',
    scheme: scheme.id,
    band: { low: band.low, high: band.high },
    unit: '万元',
    projects,
    totals: { budget, actual, usageRate: usageRate(budget, actual), projects: projects.length, flagged: projects.filter((p) => p.flags.length > 0).length },
    grades,
    checks,
  };
}

function labelValue(grid: FormGrid, span: FormSpan, words: readonly string[], until: number): string | null {
  for (let r = span.start; r <= until; r++) {
    for (let c = 0; c < grid.cols; c++) {
      if (grid.areaOf(r, c)) continue;
      const t = grid.text(r, c);
      if (t === '' || !isWord(t, words)) continue;
      const right = grid.rightOf(r, c);
      if (!right) return null;
      const v = String(right.value).trim();
      // The next label ("主管部门 | | 实施单位 | …" with the department left blank) is not a value.
      if (isWord(v, FORM_LABEL_WORDS.unitName) || isWord(v, FORM_LABEL_WORDS.department)) return null;
      return v;
    }
  }
  return null;
}

function groupOf(level1: string): ScoreComponent | null {
  return matchWord(level1, FORM_GROUP_WORDS);
}

function evaluateForm(
  grid: FormGrid,
  span: FormSpan,
  scheme: Scheme,
  band: RateBand,
  scoring: FormScoring,
): { project: FormProject; missing: FormCheck['code'][] } {
  const missing: FormCheck['code'][] = [];
  const funds = readFundsBlock(grid, span);
  if (!funds) missing.push('form_without_funds');
  const block = readIndicatorBlock(grid, span, funds ? funds.lastRow + 1 : span.start + 1);
  if (!block) missing.push('form_without_indicators');
  const headUntil = Math.min(span.end, funds ? funds.headerRow - 1 : block ? block.headerRow - 1 : span.start + 3);

  const flags: FormFlag[] = [];
  const budget = funds ? num(funds.budget) : null;
  const actual = funds ? num(funds.actual) : null;
  const rate = usageRate(budget, actual);
  const executionWeight = funds?.weight ?? funds?.headingWeight ?? scoring.executionWeight ?? DEFAULT_FORM_SCORING.executionWeight;
  const execution = rate === null ? null : round(Math.min(Math.max(rate, 0), 1) * executionWeight);

  const indicators = block ? block.rows.map((raw) => scoreIndicator(raw, scoring)) : [];
  const sums: Record<ScoreComponent, number | null> = { output: null, benefit: null, satisfaction: null };
  let indicatorSum = 0;
  for (const ind of indicators) {
    if (ind.score === null) continue;
    indicatorSum += ind.score;
    const g = groupOf(ind.level1);
    if (g) sums[g] = round((sums[g] ?? 0) + ind.score);
  }
  const total = block ? round((execution ?? 0) + indicatorSum) : null;
  const grade = gradeOf(total, scheme.grades);

  const low = band.low - EDGE_EPS;
  const high = band.high + EDGE_EPS;
  if (funds) {
    if (rate !== null && rate < low) flags.push('under_execution');
    if (rate !== null && rate > high) flags.push('over_budget');
    if (budget === 0) flags.push('zero_budget');
    if ((budget === null) !== (actual === null) || funds.budget.status === 'unreadable' || funds.actual.status === 'unreadable') flags.push('missing_value');
    if ((budget ?? 0) < 0 || (actual ?? 0) < 0) flags.push('negative_value');
    if (funds.statedRate !== null && rate !== null && Math.abs(funds.statedRate - rate) > RATE_TOLERANCE + EDGE_EPS) flags.push('rate_mismatch');
  }
  const statedTotal = block?.statedTotal ?? null;
  if (statedTotal !== null && total !== null && Math.abs(statedTotal - total) > SCORE_TOLERANCE + EDGE_EPS) flags.push('total_mismatch');
  if (funds && funds.statedScore !== null && funds.statedScore > executionWeight + EDGE_EPS) flags.push('score_over_weight');
  if (grade === 'poor') flags.push('low_score');
  if (funds && funds.explanation !== null && funds.explanation === '' && rate !== null && (rate < low || rate > high)) flags.push('missing_explanation');
  if (block && weightsMismatch(indicators, executionWeight, funds !== null, block.headingWeight)) flags.push('weights_mismatch');
  if (indicators.some((i) => i.flags.length > 0)) flags.push('indicator_flags');
  if (funds && fundTotalMismatch(funds)) flags.push('fund_total_mismatch');
  if (funds && funds.statedScore !== null && execution !== null && Math.abs(funds.statedScore - execution) > SCORE_TOLERANCE + EDGE_EPS) {
    flags.push('execution_score_mismatch');
  }

  const statedRateCol = funds?.columns.rate;
  const project: FormProject = {
    sheet: grid.name,
    row: grid.sheetRow(span.start),
    name: span.name,
    department: labelValue(grid, span, FORM_LABEL_WORDS.department, headUntil),
    unitName: labelValue(grid, span, FORM_LABEL_WORDS.unitName, headUntil),
    budgetStart: funds?.budgetStart ?? null,
    budget,
    actual,
    usageRate: rate,
    statedRate: funds?.statedRate ?? null,
    executionWeight,
    statedExecutionScore: funds?.statedScore ?? null,
    scores: { ...sums, execution, total },
    statedTotal,
    grade,
    flags,
    sources: funds?.sources ?? [],
    goal: readGoal(grid, span, block ? block.headerRow - 1 : span.end),
    indicators: indicators.map((i) => ({
      ...i,
      row: grid.sheetRow(i.row),
      cells: sheetCells(grid, { statedScore: block?.columns.score, explanation: block?.columns.explanation, actual: block?.columns.actual }),
    })),
    ...(funds && statedRateCol !== undefined ? { cells: { statedRate: { row: grid.sheetRow(funds.totalRow), col: grid.sheetCol(statedRateCol) } } } : {}),
  };
  return { project, missing };
}

function sheetCells(grid: FormGrid, cells: IndicatorResult['cells']): IndicatorResult['cells'] {
  if (!cells) return undefined;
  const out: NonNullable<IndicatorResult['cells']> = {};
  for (const key of ['statedScore', 'explanation', 'actual'] as const) if (cells[key] !== undefined) out[key] = grid.sheetCol(cells[key] as number);
  return out;
}

/** Execution + indicator weights ≠ 100, a group's weights ≠ its label's "(50分)", or ≠ the block heading's "(90分)". */
function weightsMismatch(indicators: IndicatorResult[], executionWeight: number, hasFunds: boolean, headingWeight: number | undefined): boolean {
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= 0.01;
  const sum = indicators.reduce((s, i) => s + (i.weight ?? 0), 0);
  if (!near(sum + (hasFunds ? executionWeight : 0), 100)) return true;
  if (headingWeight !== undefined && !near(sum, headingWeight)) return true;
  const groups = new Map<string, { stated: number | undefined; sum: number }>();
  for (const i of indicators) {
    const g = groups.get(i.level1) ?? { stated: statedWeight(i.level1), sum: 0 };
    g.sum += i.weight ?? 0;
    groups.set(i.level1, g);
  }
  for (const g of groups.values()) if (g.stated !== undefined && !near(g.sum, g.stated)) return true;
  return false;
}

/** One indicator row, scored (rules 4–6). Row and cells are grid-relative here. */
export function scoreIndicator(raw: RawIndicator, scoring: FormScoring): IndicatorResult {
  const target = parseIndicatorValue(raw.target);
  const actual = parseIndicatorValue(raw.actual);
  const unitColumn = raw.unit !== '' ? raw.unit : null;
  const direction = directionFromNature(raw.nature) ?? target.comparator ?? (target.status === 'ok' ? '≥' : '定性');
  const w = raw.weight;
  const flags: IndicatorFlag[] = [];
  let score: number | null = null;
  let readable = false;
  let targetValue = target.value;
  let actualValue = actual.value;
  if (direction !== '定性') {
    if (target.status === 'ok' && actual.status === 'ok' && target.value !== null && actual.value !== null) {
      const scaled = commonScale(
        { value: target.value, unit: target.unit ?? unitColumn, numeric: target.numeric },
        { value: actual.value, unit: actual.unit ?? unitColumn, numeric: actual.numeric },
      );
      targetValue = scaled.target;
      actualValue = scaled.actual;
      readable = true;
      if (w !== null) score = indicatorScore(direction, scaled.target, scaled.actual, w, scoring.reverseRule);
    } else {
      flags.push('unreadable_value');
    }
  }
  // 定性 (and a quantitative indicator whose values cannot be read): the stated score, capped at the weight.
  if (!readable && raw.statedScore !== null) score = w === null ? raw.statedScore : Math.min(Math.max(raw.statedScore, 0), w);
  if (raw.statedScore !== null && w !== null && raw.statedScore > w + EDGE_EPS) flags.push('score_over_weight');
  if (readable && score !== null && raw.statedScore !== null && Math.abs(raw.statedScore - score) > SCORE_TOLERANCE + EDGE_EPS) flags.push('score_mismatch');
  const judged = readable ? score : raw.statedScore;
  if (judged !== null && w !== null && judged < w - EDGE_EPS && raw.explanation !== null && raw.explanation === '') flags.push('missing_explanation');
  if (
    readable && direction === '≥' && targetValue !== null && actualValue !== null && targetValue > 0 &&
    actualValue >= scoring.overAchievement * targetValue - EDGE_EPS
  ) {
    flags.push('over_achievement');
  }
  return {
    row: raw.r,
    level1: raw.level1,
    level2: raw.level2,
    name: raw.name,
    direction,
    target: textOf(raw.target),
    actual: textOf(raw.actual),
    targetValue: readable ? targetValue : target.value,
    actualValue: readable ? actualValue : actual.value,
    unit: target.unit ?? actual.unit ?? unitColumn,
    weight: w,
    statedScore: raw.statedScore,
    score,
    explanation: raw.explanation,
    flags,
  };
}

function textOf(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}
