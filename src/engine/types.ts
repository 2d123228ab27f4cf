// Shared vocabulary of the engine. Host-free: no Office, no ExcelJS, no DOM.

/** A cell value as a host hands it over (Office JavaScript API `values`, ExcelJS cell value flattened). */
export type CellValue = string | number | boolean | null | undefined;

/** Rows of cells, as read from a sheet: grid[r][c]. Rows may be ragged. */
export type Grid = CellValue[][];

/**
 * What a read covered, so a later read can cover the same thing: an Excel table (by name, so rows
 * added to it count), a selected range (its A1 address without the sheet, e.g. "B2:H20"), or the
 * sheet's used range.
 */
export interface SourceRef {
  sheet: string;
  kind: 'table' | 'selection' | 'sheet';
  /** kind 'table': the table's name. */
  table?: string;
  /** kind 'selection': the block read, A1 without the sheet name. */
  address?: string;
}

/** A block of cells read from a sheet, with the 1-based sheet address of its top-left cell. */
export interface SheetData {
  name: string;
  grid: Grid;
  /** 1-based sheet row / column of grid[0][0]. */
  origin: { row: number; col: number };
  /** What was read; hosts that know fill it in. */
  source?: SourceRef;
  /**
   * Merged areas that touch the block, in 1-based sheet coordinates (the value sits in the top-left
   * cell). Absent when the host could not tell (Excel before ExcelApi 1.13).
   */
  merges?: CellArea[];
}

/** A rectangle of cells, 1-based and inclusive, in sheet coordinates. */
export interface CellArea {
  rowStart: number;
  rowEnd: number;
  colStart: number;
  colEnd: number;
}

export type { Lang } from '../text/catalogue';

export type Unit = '万元' | '元' | '千元';

/** The columns the engine looks for. */
export type Role =
  | 'project'
  | 'budget'
  | 'actual'
  | 'statedRate'
  | 'output'
  | 'benefit'
  | 'satisfaction'
  | 'total'
  | 'explanation';

export const ROLES: readonly Role[] = [
  'project',
  'budget',
  'actual',
  'statedRate',
  'output',
  'benefit',
  'satisfaction',
  'total',
  'explanation',
];

export type ScoreComponent = 'output' | 'benefit' | 'satisfaction';
export const SCORE_COMPONENTS: readonly ScoreComponent[] = ['output', 'benefit', 'satisfaction'];

export interface ColumnChoice {
  /** 0-based column index within the grid. */
  column: number;
  /** The header text of that column (both header rows joined with " / " when two deep). */
  header: string;
  /** 0..1; below 0.6 the UI marks the choice as uncertain. */
  confidence: number;
  /** A weight stated in the header, e.g. 50 for "产出指标(50分)". */
  statedWeight?: number;
}

export type ColumnMapping = Partial<Record<Role, ColumnChoice>>;

export interface HeaderDetection {
  /** 0-based grid index of the first header row. */
  headerStart: number;
  /** 0-based grid index of the last header row (data starts below it). */
  headerRow: number;
  /** Header text per grid column (joined over header rows), '' where empty. */
  headers: string[];
  mapping: ColumnMapping;
  unit: Unit | null;
  /** Roles that are required but were not found: subset of project, budget, actual. */
  missing: Role[];
}

/** What the caller (officer in the pane, or a saved setting) imposes on detection. */
export interface MappingOverride {
  /** 0-based grid index of the last header row. */
  headerRow?: number;
  /** 0-based grid column per role; null removes a role. */
  columns?: Partial<Record<Role, number | null>>;
  /** null means "the sheet does not say". */
  unit?: Unit | null;
}

/** A parsed cell: the number, or why there is none. */
export interface ParsedNumber {
  value: number | null;
  /** 'missing': blank or a placeholder such as "—"; 'unreadable': text that is not a number. */
  status: 'ok' | 'missing' | 'unreadable';
  /** A unit written in the value itself, "305.5万元" → 万元. */
  unit?: Unit;
}

/** One project row as extracted from the sheet, before scoring. */
export interface RawProject {
  /** 0-based grid row index. */
  gridRow: number;
  name: string;
  budget: ParsedNumber;
  actual: ParsedNumber;
  /** Fraction (0.8886), see parseRate. */
  statedRate: ParsedNumber;
  output: ParsedNumber;
  benefit: ParsedNumber;
  satisfaction: ParsedNumber;
  statedTotal: ParsedNumber;
  /** null when the sheet has no explanation column; '' when the cell is blank. */
  explanation: string | null;
}

/** A 合计/总计/共计/Total row (isGrandTotal) or a 小计 row. */
export interface RawTotalRow {
  gridRow: number;
  label: string;
  isGrandTotal: boolean;
  budget: ParsedNumber;
  actual: ParsedNumber;
}

export interface ExtractedTable {
  projects: RawProject[];
  totalRows: RawTotalRow[];
}

// ---- scoring -------------------------------------------------------------

export interface GradeBands {
  /** Lower edges, inclusive: total ≥ excellent → excellent, … below fair → poor. */
  excellent: number;
  good: number;
  fair: number;
}

export interface RateBand {
  /** Fractions: 0.9 and 1.0. A rate equal to an edge (within 1e-9) is inside. */
  low: number;
  high: number;
}

export type ExecutionRule =
  | { rule: 'linear'; weight: number }
  /** Steps by lower edge of the rate, highest first: rate ≥ min → score. Below every step → 0. */
  | { rule: 'stepped'; weight: number; steps: { min: number; score: number }[] };

/** In-year monitoring (双监控): progress = usage rate ÷ share of the year elapsed. Fractions, inclusive lower edges. */
export interface MonitoringBands {
  /** progress ≥ green → green (0.8 by default). */
  green: number;
  /** progress ≥ yellow → yellow, below it red (0.6 by default). */
  yellow: number;
}

export type MonitoringStatus = 'green' | 'yellow' | 'red';

/** One project's in-year monitoring: month 1–12, timeShare = month / 12, progress = rate ÷ timeShare. */
export interface Monitoring {
  month: number;
  timeShare: number;
  progress: number;
  status: MonitoringStatus;
}

/** How forms are scored where regions differ; scheme data (Scheme.forms), see schemes.ts. */
export interface FormScoring {
  /** Execution weight when the form states none (分值 / 权重 of the funds block). */
  executionWeight: number;
  /** A ≥ indicator whose actual reaches this multiple of its target is flagged over_achievement. */
  overAchievement: number;
  /** ≤ indicators: 'linear' (1 − (a − i)/i) × w, 0 from 2i on; 'ratio' i/a × w. */
  reverseRule: 'linear' | 'ratio';
}

export interface Scheme {
  id: string;
  name: { zh: string; en: string };
  /** Weight per component the scheme scores; a component absent here is not added to the total. */
  weights: Partial<Record<ScoreComponent, number>>;
  /** null: the scheme has no execution score. */
  execution: ExecutionRule | null;
  grades: GradeBands;
  rateBand: RateBand;
  /** In-year monitoring bands; the defaults (0.8 / 0.6) when absent. */
  monitoring?: MonitoringBands;
  /** How self-evaluation forms are scored (over-achievement factor, reverse rule …); DEFAULT_FORM_SCORING when absent. */
  forms?: Partial<FormScoring>;
}

export type Flag =
  | 'under_execution'
  | 'over_budget'
  | 'zero_budget'
  | 'missing_value'
  | 'negative_value'
  | 'rate_mismatch'
  | 'total_mismatch'
  | 'score_over_weight'
  | 'low_score'
  | 'missing_explanation'
  | 'monitoring_yellow'
  | 'monitoring_red';

export const FLAGS: readonly Flag[] = [
  'under_execution',
  'over_budget',
  'zero_budget',
  'missing_value',
  'negative_value',
  'rate_mismatch',
  'total_mismatch',
  'score_over_weight',
  'low_score',
  'missing_explanation',
  'monitoring_yellow',
  'monitoring_red',
];

export type Grade = 'excellent' | 'good' | 'fair' | 'poor';
export const GRADES: readonly Grade[] = ['excellent', 'good', 'fair', 'poor'];

export interface Scores {
  output: number | null;
  benefit: number | null;
  satisfaction: number | null;
  execution: number | null;
  total: number | null;
}

export interface ProjectResult {
  /** 1-based sheet row. */
  row: number;
  name: string;
  budget: number | null;
  actual: number | null;
  usageRate: number | null;
  statedRate: number | null;
  scores: Scores;
  statedTotal: number | null;
  grade: Grade | null;
  /** Frozen and shared by every project with the same flags (an evaluation holds up to a million): copy to change. */
  flags: Flag[];
  explanation: string | null;
  /** Present when a monitoring month was given: null without a rate. */
  monitoring?: Monitoring | null;
}

export interface SheetCheck {
  code: 'sum_mismatch';
  /** 1-based sheet row of the total row. */
  row: number;
  column: 'budget' | 'actual';
  stated: number;
  computed: number;
}

export interface Totals {
  budget: number;
  actual: number;
  usageRate: number | null;
  projects: number;
  flagged: number;
}

export interface Evaluation {
  sheet: string;
  /** 1-based sheet row of the last header row. */
  headerRow: number;
  unit: Unit | null;
  scheme: string;
  band: RateBand;
  projects: ProjectResult[];
  totals: Totals;
  grades: Record<Grade, number>;
  checks: SheetCheck[];
  /** In-year monitoring: the month and bands the projects' monitoring was computed with. */
  monitoring?: { month: number; timeShare: number; bands: MonitoringBands; counts: Record<MonitoringStatus, number> };
}
