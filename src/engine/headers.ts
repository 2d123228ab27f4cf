// Header detection: where the header is, which column holds which role, and the unit the sheet states.
// Looks at the first rows only, so it costs the same on a 1M-row sheet as on a 10-row one.
import { compactHeader, matchHeader, statedWeight } from './headerWords';
import { detectUnit, parseAmount } from './numbers';
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

/** The header ending at row `end`: that row alone, or with the row above when that finds clearly more. */
function headerEndingAt(grid: Grid, end: number): Candidate {
  const single = candidate(grid, end, end);
  if (end === 0) return single;
  const pair = candidate(grid, end - 1, end);
  const above = candidate(grid, end - 1, end - 1);
  return pair.score > Math.max(single.score, above.score) + PAIR_MARGIN ? pair : single;
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
      if (pair.score > Math.max(single.score, singles[r + 1].score) + PAIR_MARGIN && pair.score > best.score) {
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
  return candidate(grid, Math.min(first, Math.max(limit - 1, 0)), Math.min(first, Math.max(limit - 1, 0)));
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
      const compact = compactHeader(text);
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
  const header =
    overrideRow !== undefined && Number.isInteger(overrideRow) && overrideRow >= 0 && overrideRow < grid.length
      ? headerEndingAt(grid, overrideRow)
      : findHeader(grid);
  let mapping = header.mapping;
  if (override?.columns !== undefined) {
    const width = Math.max(tableWidth(grid, header.end), header.cols.display.length);
    mapping = applyColumnOverrides(mapping, header.cols, override.columns, width);
  }
  let unit: Unit | null;
  if (override !== undefined && 'unit' in override && override.unit !== undefined) {
    unit = override.unit;
  } else {
    unit = unitNearHeader(grid, header, mapping) ?? unitInValues(grid, header.end, mapping);
  }
  return {
    headerStart: header.start,
    headerRow: header.end,
    headers: header.cols.display.map((t) => t ?? ''),
    mapping,
    unit,
    missing: REQUIRED.filter((role) => mapping[role] === undefined),
  };
}
