// Header detection: where the header is, which column holds which role, and the unit the sheet states.
// Looks at the first rows only, so it costs the same on a 1M-row sheet as on a 10-row one.
import { matchHeader, statedWeight } from './headerWords';
import { compactText, detectUnit, parseAmount } from './numbers';
import type { CellValue, ColumnChoice, ColumnMapping, Grid, HeaderDetection, MappingOverride, Role, Unit } from './types';
import { ROLES } from './types';

/** Header candidates are sought in this many rows from the top. */
const SCAN_ROWS = 30;
/** Data rows read for units written in the values, and for the width of the table. */
const VALUE_SCAN_ROWS = 20;
/** A two-row header must beat either single row by this much (about one more role found). */
const PAIR_MARGIN = 0.5;
/** Confidence kept when a column's role comes only from the merged group cell above it. */
const GROUP_FACTOR = 0.9;
/** A text above the header is a unit row cell when it says 单位/unit or is this short ("（万元）"). */
const SHORT_UNIT_TEXT = 8;

const REQUIRED: readonly Role[] = ['project', 'budget', 'actual'];
const SCORE_ROLES: ReadonlySet<Role> = new Set<Role>(['output', 'benefit', 'satisfaction', 'total']);

function cellText(v: CellValue): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

function rowAt(grid: Grid, r: number): CellValue[] {
  return grid[r] ?? [];
}

/** Header texts per column for a header spanning rows start..end (one or two rows). */
interface HeaderColumns {
  /** What the user sees: "group / leaf" when two deep. */
  display: string[];
  /** The lowest text of the column (the leaf, or a vertically merged cell's text). */
  leaf: string[];
  /** The merged group text over the column, carried rightwards across the cells it spans. */
  group: string[];
}

function headerColumns(grid: Grid, start: number, end: number): HeaderColumns {
  const bottom = rowAt(grid, end);
  const top = start < end ? rowAt(grid, start) : [];
  const width = Math.max(bottom.length, top.length);
  const display: string[] = new Array<string>(width);
  const leaf: string[] = new Array<string>(width);
  const group: string[] = new Array<string>(width);
  let carried = '';
  for (let c = 0; c < width; c++) {
    const b = cellText(bottom[c]);
    const t = cellText(top[c]);
    if (t !== '' && b !== '') {
      carried = t; // a group cell: its text spans the empty top cells to its right
      group[c] = t;
      leaf[c] = b;
    } else if (t !== '') {
      carried = ''; // a cell merged downwards: it is the column's own header
      group[c] = '';
      leaf[c] = t;
    } else if (b !== '') {
      group[c] = carried;
      leaf[c] = b;
    } else {
      carried = '';
      group[c] = '';
      leaf[c] = '';
    }
    display[c] = group[c] !== '' ? `${group[c]} / ${leaf[c]}` : leaf[c];
  }
  return { display, leaf, group };
}

/** The best column per role. Ties go to the leftmost column. */
function mapColumns(cols: HeaderColumns): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (let c = 0; c < cols.leaf.length; c++) {
    let match = cols.leaf[c] !== '' ? matchHeader(cols.leaf[c]) : null;
    if (match === null && cols.group[c] !== '') {
      const g = matchHeader(cols.group[c]);
      if (g !== null) match = { role: g.role, confidence: g.confidence * GROUP_FACTOR };
    }
    if (match === null || match.role === 'ignore') continue;
    const current = mapping[match.role];
    if (current !== undefined && current.confidence >= match.confidence) continue;
    mapping[match.role] = choiceFor(match.role, c, cols, match.confidence);
  }
  return mapping;
}

function choiceFor(role: Role, column: number, cols: HeaderColumns, confidence: number): ColumnChoice {
  const choice: ColumnChoice = { column, header: cols.display[column] ?? '', confidence };
  if (SCORE_ROLES.has(role)) {
    const weight = statedWeight(cols.leaf[column] ?? '') ?? statedWeight(cols.group[column] ?? '');
    if (weight !== undefined) choice.statedWeight = weight;
  }
  return choice;
}

function mappingScore(mapping: ColumnMapping): number {
  let score = 0;
  for (const role of ROLES) {
    const choice = mapping[role];
    if (choice !== undefined) score += choice.confidence * (REQUIRED.includes(role) ? 2 : 1);
  }
  return score;
}

function roleCount(mapping: ColumnMapping): number {
  return Object.keys(mapping).length;
}

interface Candidate {
  start: number;
  end: number;
  cols: HeaderColumns;
  mapping: ColumnMapping;
  score: number;
}

function candidate(grid: Grid, start: number, end: number): Candidate {
  const cols = headerColumns(grid, start, end);
  const mapping = mapColumns(cols);
  return { start, end, cols, mapping, score: mappingScore(mapping) };
}

/** Share of the top row's own score a group header may lose when its leaves are not header words. */
const GROUP_LEAF_KEEP = 0.8;

/** Row `bottom` holds only text, some of it under a merged group cell of the row above. */
function isLeafRowUnderGroups(cols: HeaderColumns, top: CellValue[], bottom: CellValue[]): boolean {
  for (const v of bottom) {
    if (typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && parseAmount(v).status === 'ok')) return false;
  }
  // The merge signature: a group text carried over an empty top cell onto a sub-heading below.
  return cols.group.some((g, c) => g !== '' && cellText(top[c]) === '' && cellText(bottom[c]) !== '');
}

/**
 * Whether two rows make the header rather than one: the pair finds clearly more roles than either
 * row alone, or the lower row holds sub-headings under merged groups ("全年预算数" over "合计 /
 * 财政拨款 / 其他资金") that name no role themselves but keep most of what the upper row found.
 */
function pairWins(grid: Grid, pair: Candidate, top: Candidate, bottom: Candidate): boolean {
  if (pair.score > Math.max(top.score, bottom.score) + PAIR_MARGIN) return true;
  return (
    pair.score > bottom.score + PAIR_MARGIN &&
    pair.score >= top.score * GROUP_LEAF_KEEP &&
    isLeafRowUnderGroups(pair.cols, rowAt(grid, pair.start), rowAt(grid, pair.end))
  );
}

/** The header ending at row `end`: that row alone, or with the row above when that is the header. */
function headerEndingAt(grid: Grid, end: number): Candidate {
  const single = candidate(grid, end, end);
  if (end === 0) return single;
  const pair = candidate(grid, end - 1, end);
  const above = candidate(grid, end - 1, end - 1);
  return pairWins(grid, pair, above, single) ? pair : single;
}

function isBlankRow(row: CellValue[]): boolean {
  for (const v of row) if (cellText(v) !== '') return false;
  return true;
}

function findHeader(grid: Grid): Candidate {
  const limit = Math.min(grid.length, SCAN_ROWS);
  let best: Candidate | null = null;
  const singles: Candidate[] = [];
  for (let r = 0; r < limit; r++) singles.push(candidate(grid, r, r));
  for (let r = 0; r < limit; r++) {
    const single = singles[r];
    if (best === null || single.score > best.score) best = single;
    if (r + 1 < limit) {
      const pair = candidate(grid, r, r + 1);
      // A pair that wins over its own top row takes that row's place.
      if (pairWins(grid, pair, single, singles[r + 1]) && (best === single || pair.score > best.score)) {
        best = pair;
      }
    }
  }
  // A real header names at least two roles, one of them required; otherwise fall back to the first
  // non-blank row so the caller still gets the texts to choose from.
  if (best !== null && roleCount(best.mapping) >= 2 && REQUIRED.some((role) => best?.mapping[role] !== undefined)) {
    return best;
  }
  let first = 0;
  while (first < limit && isBlankRow(rowAt(grid, first))) first++;
  const row = Math.min(first, Math.max(limit - 1, 0));
  return candidate(grid, row, row);
}

/** Column numbers count up from 1 in small steps (a column may be unnumbered). */
const MAX_COLUMN_NUMBER_STEP = 3;
const COLUMN_NUMBER_TEXT = /^(?:[(]?(\d{1,3})[)]?(?:[=].*)?|[甲乙丙丁戊己]|栏次)$/;

/**
 * Official forms put a row of column numbers under the header ("甲 | 1 | 2 | 3=2/1" or "栏次 | 1 | 2");
 * it is part of the header, not a project.
 */
function isColumnNumberRow(row: CellValue[]): boolean {
  let previous = 0;
  let numbered = 0;
  for (const v of row) {
    let n: number | null = null;
    if (typeof v === 'number') {
      if (!Number.isInteger(v)) return false;
      n = v;
    } else if (typeof v === 'string') {
      const text = compactText(v);
      if (text === '') continue;
      const m = COLUMN_NUMBER_TEXT.exec(text);
      if (m === null) return false;
      if (m[1] !== undefined) n = Number(m[1]);
    } else if (v !== null && v !== undefined) {
      return false;
    }
    if (n === null) continue;
    if (n <= previous || n - previous > MAX_COLUMN_NUMBER_STEP) return false;
    previous = n;
    numbered++;
  }
  return numbered >= 2;
}

function unitNearHeader(grid: Grid, header: Candidate, mapping: ColumnMapping): Unit | null {
  for (const role of ['budget', 'actual'] as const) {
    const choice = mapping[role];
    if (choice !== undefined) {
      const unit = detectUnit(choice.header);
      if (unit !== null) return unit;
    }
  }
  for (const text of header.cols.display) {
    const unit = detectUnit(text);
    if (unit !== null) return unit;
  }
  for (let r = header.start - 1; r >= 0 && r >= header.start - SCAN_ROWS; r--) {
    for (const v of rowAt(grid, r)) {
      const text = cellText(v);
      if (text === '') continue;
      const compact = compactText(text);
      if (compact.length > SHORT_UNIT_TEXT && !compact.includes('单位') && !compact.includes('unit')) continue;
      const unit = detectUnit(text);
      if (unit !== null) return unit;
    }
  }
  return null;
}

function unitInValues(grid: Grid, headerRow: number, mapping: ColumnMapping): Unit | null {
  const columns = (['budget', 'actual'] as const).flatMap((role) => mapping[role]?.column ?? []);
  const last = Math.min(grid.length, headerRow + 1 + VALUE_SCAN_ROWS);
  for (let r = headerRow + 1; r < last; r++) {
    const row = rowAt(grid, r);
    for (const c of columns) {
      const v = row[c];
      if (typeof v !== 'string') continue;
      const unit = parseAmount(v).unit;
      if (unit !== undefined) return unit;
    }
  }
  return null;
}

function tableWidth(grid: Grid, headerRow: number): number {
  let width = 0;
  const last = Math.min(grid.length, Math.max(SCAN_ROWS, headerRow + 1 + VALUE_SCAN_ROWS));
  for (let r = 0; r < last; r++) width = Math.max(width, rowAt(grid, r).length);
  return width;
}

function applyColumnOverrides(
  mapping: ColumnMapping,
  cols: HeaderColumns,
  overrides: Partial<Record<Role, number | null>>,
  width: number,
): ColumnMapping {
  const result: ColumnMapping = { ...mapping };
  for (const role of ROLES) {
    if (!(role in overrides)) continue;
    const column = overrides[role];
    if (column === null) {
      delete result[role];
    } else if (column !== undefined && Number.isInteger(column) && column >= 0 && column < width) {
      result[role] = choiceFor(role, column, cols, 1);
    }
  }
  return result;
}

/**
 * Finds the header in the first rows of a grid and maps its columns to roles. An override (from the
 * officer or saved settings) replaces the header row, any role's column, or the unit.
 */
export function detectHeader(grid: Grid, override?: MappingOverride): HeaderDetection {
  const overrideRow = override?.headerRow;
  const overridden =
    overrideRow !== undefined && Number.isInteger(overrideRow) && overrideRow >= 0 && overrideRow < grid.length;
  const header = overridden ? headerEndingAt(grid, overrideRow) : findHeader(grid);
  let headerRow = header.end;
  if (!overridden && roleCount(header.mapping) > 0 && isColumnNumberRow(rowAt(grid, headerRow + 1))) headerRow++;
  const width = Math.max(tableWidth(grid, headerRow), header.cols.display.length);
  let mapping = header.mapping;
  if (override?.columns !== undefined) {
    mapping = applyColumnOverrides(mapping, header.cols, override.columns, width);
  }
  let unit: Unit | null;
  if (override !== undefined && 'unit' in override && override.unit !== undefined) {
    unit = override.unit;
  } else {
    unit = unitNearHeader(grid, header, mapping) ?? unitInValues(grid, headerRow, mapping);
  }
  return {
    headerStart: header.start,
    headerRow,
    headers: Array.from({ length: width }, (_, c) => header.cols.display[c] ?? ''),
    mapping,
    unit,
    missing: REQUIRED.filter((role) => mapping[role] === undefined),
  };
}
