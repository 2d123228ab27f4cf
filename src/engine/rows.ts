// Row classification: which rows below the header are projects, which are 小计/合计 rows, which are
// neither (blank rows, section headings, notes). One pass, cheap per row: sheets reach 1M rows.
import { compactText, MISSING_NUMBER, parseAmount, parseRate, parseScore } from './numbers';
import type { CellValue, ExtractedTable, Grid, HeaderDetection, ParsedNumber, RawProject, RawTotalRow } from './types';

const TOTAL_LABEL = /^(小计|合计|总计|共计|subtotal|sub-total|grandtotal|grand-total|total)(?:$|[:：(（[【])/;
const SUB_LABELS: ReadonlySet<string> = new Set(['小计', 'subtotal', 'sub-total']);
/** First characters a total label can start with: lets most project names skip the regex. */
const TOTAL_FIRST_CHARS: ReadonlySet<string> = new Set(['小', '合', '总', '共', 't', 'T', 's', 'S', 'g', 'G', 'Ｔ', 'ｔ', 'Ｓ', 'ｓ', 'Ｇ', 'ｇ']);

/**
 * 'grand' for 合计/总计/共计/Total/Grand total, 'sub' for 小计/Subtotal, null otherwise. The label, with
 * every space removed, must be the word alone or the word followed by a colon or a bracket:
 * "合计（万元）" is a total, "总计划编制" and "Total quality audit" are projects.
 */
export function totalKind(name: string): 'grand' | 'sub' | null {
  if (typeof name !== 'string') return null;
  const trimmed = name.trim();
  if (trimmed === '' || !TOTAL_FIRST_CHARS.has(trimmed[0])) return null;
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

function amountAt(row: CellValue[], column: number | undefined): ParsedNumber {
  return column === undefined ? MISSING_NUMBER : parseAmount(row[column]);
}

/**
 * Splits the rows below the header into projects and total rows. A row is a project when it has a
 * name and a budget or actual cell that is not blank (readable or not), or, without a name, a
 * readable budget or actual; its name is then ''. Everything else that is not a total row is skipped.
 */
export function extractTable(grid: Grid, detection: HeaderDetection): ExtractedTable {
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

  const projects: RawProject[] = [];
  const totalRows: RawTotalRow[] = [];
  for (let r = Math.max(0, detection.headerRow + 1); r < grid.length; r++) {
    const row = grid[r];
    if (row === undefined || row === null || row.length === 0) continue;
    let name = projectCol === undefined ? '' : cellName(row[projectCol]);
    const budget = amountAt(row, budgetCol);
    const actual = amountAt(row, actualCol);

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
      totalRows.push({ gridRow: r, label: name, isGrandTotal: kind === 'grand', budget, actual });
      continue;
    }

    const hasAmount =
      name === ''
        ? budget.status === 'ok' || actual.status === 'ok'
        : budget.status !== 'missing' || actual.status !== 'missing';
    if (!hasAmount) continue;

    projects.push({
      gridRow: r,
      name,
      budget,
      actual,
      statedRate: rateCol === undefined ? MISSING_NUMBER : parseRate(row[rateCol]),
      output: outputCol === undefined ? MISSING_NUMBER : parseScore(row[outputCol]),
      benefit: benefitCol === undefined ? MISSING_NUMBER : parseScore(row[benefitCol]),
      satisfaction: satisfactionCol === undefined ? MISSING_NUMBER : parseScore(row[satisfactionCol]),
      statedTotal: totalCol === undefined ? MISSING_NUMBER : parseScore(row[totalCol]),
      explanation: explanationCol === undefined ? null : cellName(row[explanationCol]),
    });
  }
  return { projects, totalRows };
}
