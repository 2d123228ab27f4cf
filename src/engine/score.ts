// Scores one extracted table: usage rate, execution score, component scores against the scheme's
// weights, total, grade and flags per project; portfolio totals, grade counts and sheet checks.
// Choices the issue leaves open:
// - a component above its weight is reported as written and flagged; the total adds min(score, weight),
//   so a total never exceeds the scheme's 100;
// - a negative component score is reported as written and adds 0 to the total;
// - a blank score cell in a present column adds 0, but a row whose score cells are all blank gets no total;
// - the total is null when the sheet has no column for any component the scheme weights;
// - missing_value is also raised when both amounts are present as unreadable text.
import type {
  CellValue,
  Evaluation,
  ExecutionRule,
  ExtractedTable,
  Flag,
  Grade,
  GradeBands,
  HeaderDetection,
  ParsedNumber,
  ProjectResult,
  RateBand,
  RawTotalRow,
  Scheme,
  ScoreComponent,
  SheetCheck,
} from './types';
import { FLAGS, SCORE_COMPONENTS } from './types';

export interface EvaluateContext {
  sheet: string;
  origin: { row: number; col: number };
  detection: HeaderDetection;
  scheme: Scheme;
  /** Overrides the scheme's rate band. */
  band?: RateBand;
  /**
   * At least as many projects as the reader will hand over (the rows below the header): the result
   * array is then allocated once at that size instead of growing and being copied.
   */
  capacity?: number;
}

/** Edges are inclusive within this tolerance: 602.73 / 669.7 is 0.9, not below it. The highlight rules use it too. */
const EDGE_EPS = 1e-9;
/** |stated − computed| above 0.5 percentage points is a rate mismatch. */
const RATE_TOLERANCE = 0.005;
/** |stated − computed| above 0.5 points is a total mismatch. */
const TOTAL_TOLERANCE = 0.5;
/** A total row off the project sum by more than this (in the sheet's unit) is reported. */
const SUM_TOLERANCE = 0.01;
export { EDGE_EPS };

function num(p: ParsedNumber): number | null {
  return p.status === 'ok' && p.value !== null && Number.isFinite(p.value) ? p.value : null;
}

/** Rate-band, score and grade tests share one tolerance; it grows with the magnitude for sums. */
function tol(a: number, b: number): number {
  return EDGE_EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

export function usageRate(budget: number | null, actual: number | null): number | null {
  if (budget === null || actual === null || !(budget > 0)) return null;
  const rate = actual / budget;
  return Number.isFinite(rate) ? rate : null;
}

function executionScore(rule: ExecutionRule | null, rate: number | null): number | null {
  if (rule === null || rate === null) return null;
  if (rule.rule === 'linear') return Math.min(Math.max(rate, 0), 1) * rule.weight;
  for (const step of rule.steps) {
    if (rate >= step.min - EDGE_EPS) return step.score;
  }
  return 0;
}

export function gradeOf(total: number | null, bands: GradeBands): Grade | null {
  if (total === null) return null;
  if (total >= bands.excellent - EDGE_EPS) return 'excellent';
  if (total >= bands.good - EDGE_EPS) return 'good';
  if (total >= bands.fair - EDGE_EPS) return 'fair';
  return 'poor';
}

/**
 * Neumaier summation, then rounded to 15 significant digits: amounts are decimals typed by people, so
 * 271.46 + 26.33 + … reads 725.45 rather than the binary sum's 725.4499999999999.
 */
class Sum {
  private s = 0;
  private c = 0;
  add(x: number): void {
    const t = this.s + x;
    if (Math.abs(this.s) >= Math.abs(x)) this.c += this.s - t + x;
    else this.c += x - t + this.s;
    this.s = t;
  }
  get value(): number {
    const v = this.s + this.c;
    if (Number.isFinite(v)) {
      const decimal = Number(v.toPrecision(15));
      return Number.isFinite(decimal) ? decimal : v;
    }
    // Only amounts near 1e308 get here; a finite stand-in keeps Infinity out of every output.
    return Number.isFinite(this.s) ? this.s : this.s > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE;
  }
}

/**
 * One project row as the scorer reads it: numbers already taken from their cells (null when a cell holds
 * none), so the row reader can fill one reused object per row without a ParsedNumber per cell.
 */
export interface ProjectValues {
  /** 0-based grid row index. */
  gridRow: number;
  name: string;
  budget: number | null;
  /** The budget cell holds text that is not a number (as opposed to blank). */
  budgetUnreadable: boolean;
  actual: number | null;
  actualUnreadable: boolean;
  statedRate: number | null;
  output: number | null;
  benefit: number | null;
  satisfaction: number | null;
  statedTotal: number | null;
  explanation: string | null;
}

/** A blank ProjectValues, filled in place row after row by the readers. */
export function emptyProjectValues(): ProjectValues {
  return {
    gridRow: 0,
    name: '',
    budget: null,
    budgetUnreadable: false,
    actual: null,
    actualUnreadable: false,
    statedRate: null,
    output: null,
    benefit: null,
    satisfaction: null,
    statedTotal: null,
    explanation: null,
  };
}

/** Where a row reader hands its projects and total rows: evaluateTable's scorer, or the extracted table. */
export interface RowSink {
  project(values: ProjectValues, row: readonly CellValue[]): void;
  totalRow(total: RawTotalRow): void;
}

/**
 * The flags a table row raises, in FLAGS order (the monitoring flags are added later, by monitoring.ts);
 * bit i of a flag mask stands for FLAG_ORDER[i].
 */
const FLAG_ORDER: readonly Flag[] = FLAGS.filter((f) => !f.startsWith('monitoring_'));
const FLAG_BIT = Object.fromEntries(FLAG_ORDER.map((f, i) => [f, 1 << i])) as Record<Flag, number>;
const FLAG_SETS: (Flag[] | undefined)[] = new Array<Flag[] | undefined>(1 << FLAG_ORDER.length);
const NO_FLAGS = flagSet(0);

function flagSet(mask: number): Flag[] {
  let set = FLAG_SETS[mask];
  if (set === undefined) {
    set = Object.freeze(FLAG_ORDER.filter((_, i) => (mask & (1 << i)) !== 0)) as Flag[];
    FLAG_SETS[mask] = set;
  }
  return set;
}

/**
 * A ProjectResult with every field present and null, for the scorer to fill in. Built from constants so
 * that V8 keeps one shape whose number fields are tagged: a field it has seen only numbers in stores each
 * number in a box of its own per object, where a tagged field shares the cell's number with the grid
 * (about 40 bytes a project, a sixth of what it keeps; on a million rows allocation and GC are most of the time).
 */
export function blankProjectResult(): ProjectResult {
  return {
    row: 0,
    name: '',
    budget: null,
    actual: null,
    usageRate: null,
    statedRate: null,
    scores: { output: null, benefit: null, satisfaction: null, execution: null, total: null },
    statedTotal: null,
    grade: null,
    flags: NO_FLAGS,
    explanation: null,
  };
}

/**
 * Scores projects one at a time as a row reader hands them over, then builds the evaluation. The
 * per-row work allocates only what the result keeps (the project, its scores, its flags).
 */
export class TableScorer implements RowSink {
  private readonly ctx: EvaluateContext;
  private readonly band: RateBand;
  private readonly low: number;
  private readonly high: number;
  private readonly rowBase: number;
  private readonly hasOutput: boolean;
  private readonly hasBenefit: boolean;
  private readonly hasSatisfaction: boolean;
  /** Weights of the components that count towards the total (the scheme weights them and the sheet has their column); -1 when not counted. */
  private readonly wOutput: number;
  private readonly wBenefit: number;
  private readonly wSatisfaction: number;
  private readonly hasTotal: boolean;
  private readonly hasExplanation: boolean;
  private readonly execution: ExecutionRule | null;
  private readonly gradeBands: GradeBands;
  private readonly budgetSum = new Sum();
  private readonly actualSum = new Sum();
  private readonly grades: Record<Grade, number> = { excellent: 0, good: 0, fair: 0, poor: 0 };
  private readonly projects: ProjectResult[];
  private count = 0;
  private readonly totalRows: RawTotalRow[] = [];
  private flagged = 0;

  constructor(ctx: EvaluateContext) {
    const { scheme, detection } = ctx;
    this.ctx = ctx;
    this.projects = new Array<ProjectResult>(ctx.capacity !== undefined && ctx.capacity > 0 ? ctx.capacity : 0);
    this.band = ctx.band ?? scheme.rateBand;
    this.low = this.band.low - EDGE_EPS;
    this.high = this.band.high + EDGE_EPS;
    this.rowBase = ctx.origin.row;
    const mapping = detection.mapping;
    const hasColumn: Record<ScoreComponent, boolean> = {
      output: mapping.output !== undefined,
      benefit: mapping.benefit !== undefined,
      satisfaction: mapping.satisfaction !== undefined,
    };
    this.hasOutput = hasColumn.output;
    this.hasBenefit = hasColumn.benefit;
    this.hasSatisfaction = hasColumn.satisfaction;
    const counted: ScoreComponent[] = SCORE_COMPONENTS.filter((c) => hasColumn[c] && scheme.weights[c] !== undefined);
    const weight = (c: ScoreComponent): number => (counted.includes(c) ? (scheme.weights[c] as number) : -1);
    this.wOutput = weight('output');
    this.wBenefit = weight('benefit');
    this.wSatisfaction = weight('satisfaction');
    this.hasTotal = counted.length > 0;
    this.hasExplanation = mapping.explanation !== undefined;
    this.execution = scheme.execution;
    this.gradeBands = scheme.grades;
  }

  project(p: ProjectValues): void {
    const budget = p.budget;
    const actual = p.actual;
    if (budget !== null) this.budgetSum.add(budget);
    if (actual !== null) this.actualSum.add(actual);
    const rate = usageRate(budget, actual);
    const statedRate = p.statedRate;
    const statedTotal = p.statedTotal;

    const output = this.hasOutput ? p.output : null;
    const benefit = this.hasBenefit ? p.benefit : null;
    const satisfaction = this.hasSatisfaction ? p.satisfaction : null;
    const execution = executionScore(this.execution, rate);

    let overWeight = false;
    let total: number | null = null;
    if (this.hasTotal) {
      // Components in SCORE_COMPONENTS order: output, benefit, satisfaction.
      let sum = 0;
      let readable = 0;
      const wo = this.wOutput;
      if (wo >= 0 && output !== null) {
        readable++;
        if (output > wo + EDGE_EPS) overWeight = true;
        sum += output > wo ? wo : output > 0 ? output : 0;
      }
      const wb = this.wBenefit;
      if (wb >= 0 && benefit !== null) {
        readable++;
        if (benefit > wb + EDGE_EPS) overWeight = true;
        sum += benefit > wb ? wb : benefit > 0 ? benefit : 0;
      }
      const ws = this.wSatisfaction;
      if (ws >= 0 && satisfaction !== null) {
        readable++;
        if (satisfaction > ws + EDGE_EPS) overWeight = true;
        sum += satisfaction > ws ? ws : satisfaction > 0 ? satisfaction : 0;
      }
      if (readable > 0) total = execution === null ? sum : sum + execution;
    }
    const grade = gradeOf(total, this.gradeBands);
    if (grade !== null) this.grades[grade]++;

    let mask = 0;
    const under = rate !== null && rate < this.low;
    const over = rate !== null && rate > this.high;
    if (under) mask |= FLAG_BIT.under_execution;
    if (over) mask |= FLAG_BIT.over_budget;
    if (budget === 0) mask |= FLAG_BIT.zero_budget;
    if (
      (budget === null && (actual !== null || p.budgetUnreadable)) ||
      (actual === null && (budget !== null || p.actualUnreadable))
    ) {
      mask |= FLAG_BIT.missing_value;
    }
    if ((budget !== null && budget < 0) || (actual !== null && actual < 0)) mask |= FLAG_BIT.negative_value;
    if (statedRate !== null && rate !== null && Math.abs(statedRate - rate) > RATE_TOLERANCE + EDGE_EPS) {
      mask |= FLAG_BIT.rate_mismatch;
    }
    if (statedTotal !== null && total !== null && Math.abs(statedTotal - total) > TOTAL_TOLERANCE + EDGE_EPS) {
      mask |= FLAG_BIT.total_mismatch;
    }
    if (overWeight) mask |= FLAG_BIT.score_over_weight;
    if (grade === 'poor') mask |= FLAG_BIT.low_score;
    if (this.hasExplanation && (under || over) && (p.explanation === null || p.explanation.trim() === '')) {
      mask |= FLAG_BIT.missing_explanation;
    }
    if (mask !== 0) this.flagged++;

    const result = blankProjectResult();
    result.row = this.rowBase + p.gridRow;
    result.name = p.name;
    result.budget = budget;
    result.actual = actual;
    result.usageRate = rate;
    result.statedRate = statedRate;
    const scores = result.scores;
    scores.output = output;
    scores.benefit = benefit;
    scores.satisfaction = satisfaction;
    scores.execution = execution;
    scores.total = total;
    result.statedTotal = statedTotal;
    result.grade = grade;
    result.flags = flagSet(mask);
    result.explanation = p.explanation;
    this.projects[this.count++] = result;
  }

  totalRow(total: RawTotalRow): void {
    this.totalRows.push(total);
  }

  result(): Evaluation {
    const { ctx, band, rowBase, projects } = this;
    // Shortening the array gives back its unused slots (V8 trims the store), so a sheet of many rows
    // and few projects keeps only what the projects need.
    projects.length = this.count;
    const totalBudget = this.budgetSum.value;
    const totalActual = this.actualSum.value;
    const checks: SheetCheck[] = [];
    for (const t of this.totalRows) {
      if (!t.isGrandTotal) continue;
      const row = rowBase + t.gridRow;
      const stated = { budget: num(t.budget), actual: num(t.actual) };
      const computed = { budget: totalBudget, actual: totalActual };
      for (const column of ['budget', 'actual'] as const) {
        const s = stated[column];
        if (s === null) continue;
        const c = computed[column];
        if (Math.abs(s - c) > SUM_TOLERANCE + tol(s, c)) checks.push({ code: 'sum_mismatch', row, column, stated: s, computed: c });
      }
    }

    return {
      sheet: ctx.sheet,
      headerRow: rowBase + ctx.detection.headerRow,
      unit: ctx.detection.unit,
      scheme: ctx.scheme.id,
      band: { low: band.low, high: band.high },
      projects,
      totals: {
        budget: totalBudget,
        actual: totalActual,
        usageRate: usageRate(totalBudget, totalActual),
        projects: projects.length,
        flagged: this.flagged,
      },
      grades: this.grades,
      checks,
    };
  }
}

/** Scores an extracted table (see extractTable); evaluateSheet reads and scores the rows in one pass instead. */
export function evaluateTable(table: ExtractedTable, ctx: EvaluateContext): Evaluation {
  const scorer = new TableScorer({ ...ctx, capacity: table.projects.length });
  const values = emptyProjectValues();
  for (const p of table.projects) {
    values.gridRow = p.gridRow;
    values.name = p.name;
    values.budget = num(p.budget);
    values.budgetUnreadable = p.budget.status === 'unreadable';
    values.actual = num(p.actual);
    values.actualUnreadable = p.actual.status === 'unreadable';
    values.statedRate = num(p.statedRate);
    values.output = num(p.output);
    values.benefit = num(p.benefit);
    values.satisfaction = num(p.satisfaction);
    values.statedTotal = num(p.statedTotal);
    values.explanation = p.explanation;
    scorer.project(values);
  }
  for (const t of table.totalRows) scorer.totalRow(t);
  return scorer.result();
}
