// The report's input from a table evaluation (one row per project): the evaluation's figures, plus what
// the sheet says beside them — a 项目概况 / 说明 column, a 年初预算数 column, the department and year in
// the title rows.
import { sumMismatchSentence } from '../messages';
import type { CellValue, Evaluation, HeaderDetection, Lang, Scheme, SheetData } from '../types';
import { formatAmount } from './format';
import type { ProjectFigures, ReportInput } from './types';

/** The figures a table row and a form share, copied without the rest of the result. */
export function figuresOf(p: ProjectFigures): ProjectFigures {
  const { name, row, budget, actual, usageRate, statedRate, scores, statedTotal, grade } = p;
  return { name, row, budget, actual, usageRate, statedRate, scores, statedTotal, grade };
}

/** Headers of a column that describes the project (项目基本情况). */
const BASICS_HEADER = /项目概况|项目说明|项目简介|基本情况|项目内容|主要内容|实施内容|^说明$|^概况$|description|background|summary/i;
const BUDGET_START_HEADER = /年初预算/;
const UNIT_WORD = /^(万元|元|千元)$/;
const DEPARTMENT_LABEL = /(?:填报单位|单位名称|部门名称|主管部门|预算单位|实施单位|部门|单位)\s*[:：]\s*([^\s，,；;]+)/;
const DEPARTMENT_IN_TITLE = /^[（(]?([^（()）]{2,40}?(?:局|委员会|委|办公室|办|厅|院|中心|部|站|所|馆|队|会|政府|街道办事处|街道|镇|乡|学校|医院))[)）]?\s*(?:\d{4}\s*年度?)?\s*(?:项目|部门|预算|绩效)/;
const YEAR = /((?:19|20)\d{2})\s*年/;

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  return String(v).trim();
}

/** The 0-based grid column whose header matches, among the columns detection did not map. */
function findColumn(detection: HeaderDetection, pattern: RegExp): number | null {
  const mapped = new Set(Object.values(detection.mapping).map((c) => c?.column));
  for (let c = 0; c < detection.headers.length; c++) {
    if (mapped.has(c)) continue;
    const header = detection.headers[c].split(' / ').pop() ?? '';
    if (pattern.test(header.trim()) || pattern.test(detection.headers[c].trim())) return c;
  }
  return null;
}

/** Department and year from the title rows above the header ("（某某局）2018年度项目支出绩效自评表", "填报单位：…"). */
export function titleFacts(sheet: SheetData, detection: HeaderDetection): { department: string | null; year: string | null } {
  let department: string | null = null;
  let year: string | null = null;
  for (let r = 0; r < detection.headerStart && r < sheet.grid.length; r++) {
    for (const cell of sheet.grid[r] ?? []) {
      const text = cellText(cell);
      if (text === '') continue;
      year ??= YEAR.exec(text)?.[1] ?? null;
      if (department === null) {
        const labelled = DEPARTMENT_LABEL.exec(text)?.[1];
        if (labelled && !UNIT_WORD.test(labelled)) department = labelled;
        else department = DEPARTMENT_IN_TITLE.exec(text)?.[1] ?? null;
      }
    }
  }
  return { department, year };
}

export interface TableReportSource {
  evaluation: Evaluation;
  scheme: Scheme;
  /** The sheet and detection the evaluation came from: their extra columns and title rows feed the report. */
  sheet?: SheetData;
  detection?: HeaderDetection;
  /** Overrides what the title rows say. */
  department?: string | null;
  year?: string | null;
}

export function reportInputFromTable(source: TableReportSource, lang: Lang): ReportInput {
  const { evaluation, scheme, sheet, detection } = source;
  const basicsCol = sheet && detection ? findColumn(detection, BASICS_HEADER) : null;
  const startCol = sheet && detection ? findColumn(detection, BUDGET_START_HEADER) : null;
  const facts = sheet && detection ? titleFacts(sheet, detection) : { department: null, year: null };
  const cell = (row: number, col: number | null): CellValue => {
    if (!sheet || col === null) return null;
    return sheet.grid[row - sheet.origin.row]?.[col];
  };
  const number = (v: CellValue): number | null => {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    const n = Number(cellText(v).replace(/,/g, '').replace(/万元$|千元$|元$/, ''));
    return cellText(v) !== '' && Number.isFinite(n) ? n : null;
  };
  return {
    layout: 'table',
    unit: evaluation.unit,
    scheme,
    band: evaluation.band,
    department: source.department !== undefined ? source.department : facts.department,
    year: source.year !== undefined ? source.year : facts.year,
    projects: evaluation.projects.map((p) => {
      const basics = cellText(cell(p.row, basicsCol));
      return {
        ...figuresOf(p),
        sheet: evaluation.sheet,
        budgetStart: number(cell(p.row, startCol)),
        flags: p.flags,
        basics: basics === '' ? null : basics,
        goal: null,
        indicators: null,
        sources: null,
        explanation: p.explanation,
      };
    }),
    totals: evaluation.totals,
    grades: evaluation.grades,
    sheetChecks: evaluation.checks.map((c) =>
      sumMismatchSentence(c.row, c.column, formatAmount(c.stated), formatAmount(c.computed), formatAmount(Math.abs(c.stated - c.computed)), lang),
    ),
  };
}
