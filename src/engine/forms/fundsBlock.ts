// The funds block of a form (项目资金（万元） / 预算执行情况(10分)): its header, total row and source rows.
import { FORM_FUNDS_TOTAL_WORDS, FORM_FUNDS_WORDS, FORM_LABEL_WORDS, statedWeight } from '../headerWords';
import { parseAmount, parseRate, parseScore } from '../numbers';
import type { FundSource } from './formTypes';
import type { ParsedNumber } from '../types';
import type { FormGrid } from './formGrid';
import type { FormSpan } from './findForms';
import { coreText, isWord, matchWord } from './formWords';

type FundsColumn = keyof typeof FORM_FUNDS_WORDS;

export interface FundsBlock {
  /** 0-based grid row of the header. */
  headerRow: number;
  columns: Partial<Record<FundsColumn, number>>;
  /** 0-based grid row of the total row. */
  totalRow: number;
  budgetStart: number | null;
  budget: ParsedNumber;
  actual: ParsedNumber;
  statedRate: number | null;
  weight: number | null;
  statedScore: number | null;
  explanation: string | null;
  sources: FundSource[];
  /** The weight the block's heading states: 预算执行情况(10分) → 10. */
  headingWeight: number | undefined;
  lastRow: number;
}

function num(p: ParsedNumber): number | null {
  return p.status === 'ok' && p.value !== null ? p.value : null;
}

/** The block's header row: a row naming both a budget and an actual column. */
function findHeader(grid: FormGrid, span: FormSpan): { row: number; columns: Partial<Record<FundsColumn, number>> } | null {
  for (let r = span.start + 1; r <= span.end; r++) {
    const columns: Partial<Record<FundsColumn, number>> = {};
    for (let c = 0; c < grid.cols; c++) {
      if (grid.areaOf(r, c)) continue;
      const key = matchWord(grid.text(r, c), FORM_FUNDS_WORDS);
      if (key !== null && columns[key] === undefined) columns[key] = c;
    }
    if (columns.budget !== undefined && columns.actual !== undefined) return { row: r, columns };
  }
  return null;
}

/** The label of a block row: the last text left of the first value column, the block's heading excluded. */
function rowLabel(grid: FormGrid, r: number, firstValueCol: number, heading: { row: number; col: number } | null): string {
  for (let c = firstValueCol - 1; c >= 0; c--) {
    const area = grid.areaOf(r, c);
    if (heading && ((area && area.top === heading.row && area.left === heading.col) || (r === heading.row && c === heading.col))) continue;
    const t = grid.text(r, c);
    if (t !== '') return t;
  }
  return '';
}

export function readFundsBlock(grid: FormGrid, span: FormSpan): FundsBlock | null {
  const header = findHeader(grid, span);
  if (header === null) return null;
  const { columns } = header;
  const valueCols = Object.values(columns) as number[];
  const firstValueCol = Math.min(...valueCols);
  let heading: { row: number; col: number } | null = null;
  for (let c = 0; c < firstValueCol && heading === null; c++) {
    const t = grid.text(header.row, c);
    if (t !== '' && matchWord(t, { fundsBlock: FORM_LABEL_WORDS.fundsBlock })) {
      const area = grid.areaOf(header.row, c);
      heading = area ? { row: area.top, col: area.left } : { row: header.row, col: c };
    }
  }
  const headingWeight = heading ? statedWeight(grid.text(heading.row, heading.col)) : undefined;

  const rows: { r: number; label: string }[] = [];
  for (let r = header.row + 1; r <= span.end; r++) {
    const label = rowLabel(grid, r, firstValueCol, heading);
    if (label === '') break;
    // A new section (年度总体目标, 绩效指标 …) starts in the leftmost column of the block.
    const lead = grid.text(r, 0);
    const leadArea = grid.areaOf(r, 0);
    const ownHeading = heading !== null && ((leadArea && leadArea.top === heading.row && leadArea.left === heading.col) || false);
    if (lead !== '' && !ownHeading && coreText(lead) !== coreText(label)) break;
    if (isWord(label, FORM_LABEL_WORDS.goal) || isWord(label, FORM_LABEL_WORDS.indicatorBlock, true)) break;
    rows.push({ r, label });
  }
  if (rows.length === 0) return null;
  const total = rows.find((x) => isWord(x.label, FORM_FUNDS_TOTAL_WORDS)) ?? rows[0];
  const cell = (r: number, key: FundsColumn) => (columns[key] === undefined ? null : grid.raw(r, columns[key] as number));
  const sources: FundSource[] = rows
    .filter((x) => x !== total)
    .map((x) => ({
      label: x.label.replace(/^其中[:：]?\s*/, ''),
      budgetStart: num(parseAmount(cell(x.r, 'budgetStart'))),
      budget: num(parseAmount(cell(x.r, 'budget'))),
      actual: num(parseAmount(cell(x.r, 'actual'))),
    }));
  const explanationCell = cell(total.r, 'explanation');
  return {
    headerRow: header.row,
    columns,
    totalRow: total.r,
    budgetStart: num(parseAmount(cell(total.r, 'budgetStart'))),
    budget: parseAmount(cell(total.r, 'budget')),
    actual: parseAmount(cell(total.r, 'actual')),
    statedRate: num(parseRate(cell(total.r, 'rate'))),
    weight: num(parseScore(cell(total.r, 'weight'))),
    statedScore: num(parseScore(cell(total.r, 'score'))),
    explanation: columns.explanation === undefined ? null : explanationCell === null || explanationCell === undefined ? '' : String(explanationCell).trim(),
    sources,
    headingWeight,
    lastRow: rows[rows.length - 1].r,
  };
}

/** |total − Σ sources| above 0.01 in any column where the sources hold a number. */
export function fundTotalMismatch(block: FundsBlock): boolean {
  const totals = { budgetStart: block.budgetStart, budget: num(block.budget), actual: num(block.actual) };
  for (const key of ['budgetStart', 'budget', 'actual'] as const) {
    const values = block.sources.map((s) => s[key]).filter((v): v is number => v !== null);
    if (values.length === 0) continue;
    const sum = values.reduce((a, b) => a + b, 0);
    if (Math.abs((totals[key] ?? 0) - sum) > 0.01 + 1e-9 * Math.max(1, Math.abs(sum))) return true;
  }
  return false;
}
