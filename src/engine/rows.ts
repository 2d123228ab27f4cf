// Row classification: which rows below the header are projects, which are 小计/合计 rows, which are
// neither (blank rows, section headings, notes). One pass, cheap per row: sheets reach 1M rows.
import { emptyProjectValues, type RowSink } from './score';
import { compactText, MISSING_NUMBER, parseAmount, parseOddAmount, parseRate, parseScore, plainAmountText, RATE_FRACTION_LIMIT } from './numbers';
import type { CellValue, ExtractedTable, Grid, HeaderDetection, ParsedNumber, RawProject, RawTotalRow } from './types';

const TOTAL_LABEL = /^(小计|合计|总计|共计|subtotal|sub-total|grandtotal|grand-total|total)(?:$|[:：(（[【])/;
const SUB_LABELS: ReadonlySet<string> = new Set(['小计', 'subtotal', 'sub-total']);
/**
 * First characters a total label can start with, as char codes: lets most project names skip the regex
 * without a one-character string per name.
 */
const TOTAL_FIRST_CHARS: ReadonlySet<number> = new Set(
  ['小', '合', '总', '共', 't', 'T', 's', 'S', 'g', 'G', 'Ｔ', 'ｔ', 'Ｓ', 'ｓ', 'Ｇ', 'ｇ'].map((c) => c.charCodeAt(0)),
);

/**
 * 'grand' for 合计/总计/共计/Total/Grand total, 'sub' for 小计/Subtotal, null otherwise. The label, with
 * every space removed, must be the word alone or the word followed by a colon or a bracket:
 * "合计（万元）" is a total, "总计划编制" and "Total quality audit" are projects.
 */
export function totalKind(name: string): 'grand' | 'sub' | null {
  if (typeof name !== 'string') return null;
  const trimmed = name.trim();
  if (trimmed === '' || !TOTAL_FIRST_CHARS.has(trimmed.charCodeAt(0))) return null;
  const m = TOTAL_LABEL.exec(compactText(trimmed));
  if (m === null) return null;
  return SUB_LABELS.has(m[1]) ? 'sub' : 'grand';
}

function cellName(v: CellValue): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return String(v);
  return '';
}

/** A total label written left of the name column, or anywhere in the row when there is no name column. */
function totalLabelLeftOf(row: CellValue[], column: number): string | null {
  for (let c = 0; c < column && c < row.length; c++) {
    const v = row[c];
    if (typeof v === 'string' && totalKind(v) !== null) return v.trim();
  }
  return null;
}

/** A numeric cell as parseAmount and parseScore read it, without the object: null when not finite, -0 as 0. */
function numberCell(v: number): number | null {
  return v - v === 0 ? (v === 0 ? 0 : v) : null;
}

/** An amount typed as plain text ("1,234.50", "305.5万元") without a ParsedNumber; null for any other text. */
function plainText(v: string): number | null {
  const x = plainAmountText(v);
  return x === x ? x : null;
}

/** An amount cell of the row being read; one per column, reused row after row, so reading allocates nothing. */
interface AmountCell {
  value: number | null;
  status: ParsedNumber['status'];
  /** The full parse, kept for a total row; null when the cell was a number or plain numeric text. */
  parse: ParsedNumber | null;
}

function emptyAmountCell(): AmountCell {
  return { value: null, status: 'missing', parse: null };
}

/** A number cell or plain numeric text directly, anything else through the full parse (tried once). */
function readAmount(cell: AmountCell, row: readonly CellValue[], column: number | undefined): void {
  cell.value = null;
  cell.status = 'missing';
  cell.parse = null;
  if (column === undefined) return;
  const v = row[column];
  const plain = typeof v === 'number' ? numberCell(v) : typeof v === 'string' ? plainText(v) : null;
  if (plain !== null) {
    cell.value = plain;
    cell.status = 'ok';
  } else if (typeof v === 'number') {
    cell.status = 'unreadable';
  } else {
    cell.parse = parseOddAmount(v);
    cell.value = valueOf(cell.parse);
    cell.status = cell.parse.status;
  }
}

/** The value of a parse: null unless it read a number. */
function valueOf(p: ParsedNumber): number | null {
  return p.status === 'ok' ? p.value : null;
}

function scoreAt(row: CellValue[], column: number | undefined): number | null {
  if (column === undefined) return null;
  const v = row[column];
  return typeof v === 'number' ? numberCell(v) : valueOf(parseScore(v));
}

function rateAt(row: CellValue[], column: number | undefined): number | null {
  if (column === undefined) return null;
  const v = row[column];
  return typeof v === 'number' ? numberCell(abs(v) > RATE_FRACTION_LIMIT ? v / 100 : v) : valueOf(parseRate(v));
}

function abs(value: number): number {
  return value < 0 ? -value : value;
}

/**
 * Reads the rows below the header into a sink: projects as numbers (one reused ProjectValues, no object
 * per numeric cell), 小计/合计 rows as RawTotalRows. A row is a project when it has a name and a budget
 * or actual cell that is not blank (readable or not), or, without a name, a readable budget or actual;
 * its name is then ''. Everything else that is not a total row is skipped.
 */
export function readTableRows(grid: Grid, detection: HeaderDetection, sink: RowSink): void {
  const m = detection.mapping;
  const projectCol = m.project?.column;
  const budgetCol = m.budget?.column;
  const actualCol = m.actual?.column;
  const rateCol = m.statedRate?.column;
  const outputCol = m.output?.column;
  const benefitCol = m.benefit?.column;
  const satisfactionCol = m.satisfaction?.column;
  const totalCol = m.total?.column;
  const explanationCol = m.explanation?.column;

  const values = emptyProjectValues();
  const budget = emptyAmountCell();
  const actual = emptyAmountCell();
  for (let r = Math.max(0, detection.headerRow + 1); r < grid.length; r++) {
    const row = grid[r];
    if (row === undefined || row === null || row.length === 0) continue;
    let name = projectCol === undefined ? '' : cellName(row[projectCol]);

    readAmount(budget, row, budgetCol);
    readAmount(actual, row, actualCol);

    let kind = name === '' ? null : totalKind(name);
    if (kind === null && projectCol !== 0) {
      // 合计 merged across 序号 and 项目名称 sits in the 序号 cell; the name cell is empty or a dash.
      const label = totalLabelLeftOf(row, projectCol ?? row.length);
      if (label !== null) {
        name = label;
        kind = totalKind(label);
      }
    }
    if (kind !== null) {
      sink.totalRow({
        gridRow: r,
        label: name,
        isGrandTotal: kind === 'grand',
        budget: budget.parse ?? amountAt(row, budgetCol),
        actual: actual.parse ?? amountAt(row, actualCol),
      });
      continue;
    }

    const hasAmount =
      name === '' ? budget.status === 'ok' || actual.status === 'ok' : budget.status !== 'missing' || actual.status !== 'missing';
    if (!hasAmount) continue;

    values.gridRow = r;
    values.name = name;
    values.budget = budget.value;
    values.budgetUnreadable = budget.status === 'unreadable';
    values.actual = actual.value;
    values.actualUnreadable = actual.status === 'unreadable';
    values.statedRate = rateAt(row, rateCol);
    values.output = scoreAt(row, outputCol);
    values.benefit = scoreAt(row, benefitCol);
    values.satisfaction = scoreAt(row, satisfactionCol);
    values.statedTotal = scoreAt(row, totalCol);
    values.explanation = explanationCol === undefined ? null : cellName(row[explanationCol]);
    sink.project(values, row);
  }
}

function amountAt(row: readonly CellValue[], column: number | undefined): ParsedNumber {
  return column === undefined ? MISSING_NUMBER : parseAmount(row[column]);
}

function rawNumber(column: number | undefined, row: readonly CellValue[], parse: (v: CellValue) => ParsedNumber): ParsedNumber {
  return column === undefined ? MISSING_NUMBER : parse(row[column]);
}

/**
 * Splits the rows below the header into projects and total rows (see readTableRows), each cell kept as
 * its ParsedNumber (with the unit a text states). evaluateSheet scores the rows as they are read instead.
 */
export function extractTable(grid: Grid, detection: HeaderDetection): ExtractedTable {
  const m = detection.mapping;
  const projects: RawProject[] = [];
  const totalRows: RawTotalRow[] = [];
  readTableRows(grid, detection, {
    project(values, row) {
      projects.push({
        gridRow: values.gridRow,
        name: values.name,
        budget: amountAt(row, m.budget?.column),
        actual: amountAt(row, m.actual?.column),
        statedRate: rawNumber(m.statedRate?.column, row, parseRate),
        output: rawNumber(m.output?.column, row, parseScore),
        benefit: rawNumber(m.benefit?.column, row, parseScore),
        satisfaction: rawNumber(m.satisfaction?.column, row, parseScore),
        statedTotal: rawNumber(m.total?.column, row, parseScore),
        explanation: values.explanation,
      });
    },
    totalRow(total) {
      totalRows.push(total);
    },
  });
  return { projects, totalRows };
}
