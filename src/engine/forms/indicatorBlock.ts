// The indicator block of a form: its header, the 三级指标 rows (group labels followed down) and the total row.
import { FORM_DIRECTION_WORDS, FORM_INDICATOR_WORDS, FORM_LABEL_WORDS, statedWeight } from '../headerWords';
import { parseScore } from '../numbers';
import type { CellValue } from '../types';
import type { FormGrid } from './formGrid';
import type { FormSpan } from './findForms';
import { isWord, matchWord } from './formWords';

export type IndicatorColumn = keyof typeof FORM_INDICATOR_WORDS;

export interface RawIndicator {
  r: number;
  level1: string;
  level2: string;
  name: string;
  /** 指标性质 as written, '' without the column. */
  nature: string;
  target: CellValue;
  actual: CellValue;
  unit: string;
  weight: number | null;
  statedScore: number | null;
  explanation: string | null;
}

export interface IndicatorBlock {
  headerRow: number;
  columns: Partial<Record<IndicatorColumn, number>>;
  rows: RawIndicator[];
  /** 总分 / 合计 row: the stated total and the weight it states. */
  statedTotal: number | null;
  headingWeight: number | undefined;
}

function findHeader(grid: FormGrid, span: FormSpan, from: number): { row: number; columns: Partial<Record<IndicatorColumn, number>> } | null {
  for (let r = from; r <= span.end; r++) {
    const columns: Partial<Record<IndicatorColumn, number>> = {};
    for (let c = 0; c < grid.cols; c++) {
      if (grid.areaOf(r, c)) continue;
      const key = matchWord(grid.text(r, c), FORM_INDICATOR_WORDS);
      if (key !== null && columns[key] === undefined) columns[key] = c;
    }
    if (columns.name !== undefined && (columns.target !== undefined || columns.actual !== undefined)) return { row: r, columns };
  }
  return null;
}

function text(v: CellValue): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

export function readIndicatorBlock(grid: FormGrid, span: FormSpan, from: number): IndicatorBlock | null {
  const header = findHeader(grid, span, from);
  if (header === null) return null;
  const { columns } = header;
  const col = (key: IndicatorColumn): number | undefined => columns[key];
  const firstCol = Math.min(...(Object.values(columns) as number[]));
  let headingWeight: number | undefined;
  for (let c = 0; c < firstCol; c++) {
    const t = grid.text(header.row, c);
    if (t !== '' && isWord(t, FORM_LABEL_WORDS.indicatorBlock, true)) headingWeight = statedWeight(t);
  }
  const rows: RawIndicator[] = [];
  let statedTotal: number | null = null;
  let level1 = '';
  let level2 = '';
  const at = (r: number, key: IndicatorColumn): CellValue => (col(key) === undefined ? null : grid.raw(r, col(key) as number));
  for (let r = header.row + 1; r <= span.end; r++) {
    const lead = text(grid.raw(r, span.labelCol));
    const first = (() => {
      for (let c = 0; c < grid.cols; c++) {
        const t = grid.raw(r, c);
        if (text(t) !== '') return text(t);
      }
      return '';
    })();
    if (isWord(first, FORM_LABEL_WORDS.totalRow) || isWord(lead, FORM_LABEL_WORDS.totalRow)) {
      statedTotal = col('score') === undefined ? null : valueOf(parseScore(at(r, 'score')));
      break;
    }
    if (isWord(lead, FORM_LABEL_WORDS.closing, true)) break;
    // Group labels merged down (or written once and left blank below) are followed down.
    const l1 = col('level1') === undefined ? '' : grid.text(r, col('level1') as number);
    const l2 = col('level2') === undefined ? '' : grid.text(r, col('level2') as number);
    if (l1 !== '' && l1 !== level1) {
      level1 = l1;
      level2 = '';
    }
    if (l2 !== '') level2 = l2;
    const name = text(at(r, 'name'));
    const weight = valueOf(parseScore(at(r, 'weight')));
    const target = at(r, 'target');
    if (name === '' && weight === null && text(target) === '' && text(at(r, 'actual')) === '') continue;
    const explanationCol = col('explanation');
    rows.push({
      r,
      level1,
      level2,
      name,
      nature: text(at(r, 'direction')),
      target,
      actual: at(r, 'actual'),
      unit: text(at(r, 'unit')),
      weight,
      statedScore: valueOf(parseScore(at(r, 'score'))),
      explanation: explanationCol === undefined ? null : text(grid.raw(r, explanationCol)),
    });
  }
  return { headerRow: header.row, columns, rows, statedTotal, headingWeight };
}

function valueOf(p: { status: string; value: number | null }): number | null {
  return p.status === 'ok' ? p.value : null;
}

/** 指标性质 → direction; null when the text names none. */
export function directionFromNature(nature: string): keyof typeof FORM_DIRECTION_WORDS | null {
  if (nature === '') return null;
  return matchWord(nature, FORM_DIRECTION_WORDS, true) ?? matchWord(nature, FORM_DIRECTION_WORDS);
}
