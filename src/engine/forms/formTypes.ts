// Vocabulary of the self-evaluation form layout (项目支出绩效自评表, one form per project). Host-free.
// The JSON report of the batch command carries these shapes as they are (issue: forms layout).
import type { Flag, Grade, Grid, RateBand, Scores, Unit } from '../types';

/** ≥ positive (正向), ≤ reverse (反向), = equal (等于), 定性 qualitative. */
export type IndicatorDirection = '≥' | '≤' | '=' | '定性';

export type IndicatorFlag =
  | 'score_over_weight'
  | 'score_mismatch'
  | 'missing_explanation'
  | 'over_achievement'
  | 'unreadable_value';

/** One 三级指标 row of a form's indicator block, scored. */
export interface IndicatorResult {
  /** 1-based sheet row. */
  row: number;
  /** 一级指标 (产出指标 / 效益指标 / 满意度指标 …), merged cells followed down. */
  level1: string;
  /** 二级指标 (数量指标 / 质量指标 …). */
  level2: string;
  /** 三级指标. */
  name: string;
  direction: IndicatorDirection;
  /** 年度指标值 / 指标值 and 实际完成值 / 完成值 as written in the sheet. */
  target: string;
  actual: string;
  targetValue: number | null;
  actualValue: number | null;
  /** From the value's text ("≥200人次" → 人次) or the 度量单位 column. */
  unit: string | null;
  /** 分值 / 权重. */
  weight: number | null;
  /** 得分 as written. */
  statedScore: number | null;
  /** Computed (quantitative) or the stated score capped at the weight (定性). */
  score: number | null;
  /** 偏差原因分析及改进措施 / 未完成原因分析; null when the form has no such column, '' when blank. */
  explanation: string | null;
  flags: IndicatorFlag[];
  /** 1-based sheet columns of the cells an officer may have to fix (for highlights); absent when unknown. */
  cells?: { statedScore?: number; explanation?: number; actual?: number };
}

/** execution_score_mismatch: the funds block's stated 得分 differs from min(rate, 1) × weight by more than 0.5. */
export type FormFlag = Flag | 'weights_mismatch' | 'indicator_flags' | 'fund_total_mismatch' | 'execution_score_mismatch';

/** A source row of the funds block (其中：当年财政拨款 / 上年结转资金 / 其他资金 …). */
export interface FundSource {
  label: string;
  budgetStart: number | null;
  budget: number | null;
  actual: number | null;
}

/** One form, scored. */
export interface FormProject {
  sheet: string;
  /** 1-based sheet row of the 项目名称 label. */
  row: number;
  /** Exactly as written, code prefix included. */
  name: string;
  /** 主管部门. */
  department: string | null;
  /** 实施单位. */
  unitName: string | null;
  /** 年初预算数: kept and shown, never the denominator. */
  budgetStart: number | null;
  /** 全年预算数 / 调整后预算数 of the total row. */
  budget: number | null;
  /** 全年执行数 / 预算执行数 of the total row. */
  actual: number | null;
  usageRate: number | null;
  /** 执行率 as written (fraction). */
  statedRate: number | null;
  /** The form's execution weight (分值 / 权重 of the funds block; 10 by default). */
  executionWeight: number;
  /** 得分 of the funds block as written. */
  statedExecutionScore: number | null;
  scores: Scores;
  /** 总分 / 合计 score as written. */
  statedTotal: number | null;
  grade: Grade | null;
  flags: FormFlag[];
  sources: FundSource[];
  /** 年度总体目标: 预期目标 / 实际完成情况 text (or 项目基本情况), null when the form has none. */
  goal: { expected: string | null; achieved: string | null } | null;
  indicators: IndicatorResult[];
  /** 1-based sheet columns of cells an officer may have to fix (stated 执行率, …); absent when unknown. */
  cells?: { statedRate?: { row: number; col: number } };
}

export type FormCheckCode = 'form_without_funds' | 'form_without_indicators' | 'form_table_mismatch';

/** A finding about the workbook rather than a project's score. */
export interface FormCheck {
  code: FormCheckCode;
  sheet: string;
  /** 1-based sheet row of the form (its 项目名称 row). */
  row: number;
  project: string;
  /** form_table_mismatch: what differs and both figures, with the table's place. */
  field?: 'budget' | 'actual' | 'total';
  form?: number | null;
  table?: { sheet: string; row: number; value: number | null };
}

export interface FormsEvaluation {
  layout: 'forms';
  scheme: string;
  band: RateBand;
  unit: Unit | null;
  projects: FormProject[];
  totals: { budget: number; actual: number; usageRate: number | null; projects: number; flagged: number };
  grades: Record<Grade, number>;
  checks: FormCheck[];
}

// ---- input and options of evaluateForms (src/engine/forms/evaluateForms.ts) ----------------------

/**
 * One sheet as a host hands it to the forms engine: its cells from `origin` (1-based sheet row and
 * column of cells[0][0]; A1 when absent) and its merged areas as A1 ranges ("A3:B3", "Sheet1!A4:A8";
 * Office's comma-joined area lists are accepted too). A merged area holds its value in its top-left cell.
 */
export interface FormSheet {
  name: string;
  cells: Grid;
  origin?: { row: number; col: number };
  merges?: readonly string[];
}

/** Which layout a workbook is evaluated as. */
export type WorkbookLayout = 'table' | 'forms';
