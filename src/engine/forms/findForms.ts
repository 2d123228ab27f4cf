// Where forms start on a sheet: a 项目名称 label with the project's name to its right (issue 8, rule 1).
// A form owns the rows down to the next form's start or the sheet's end.
import { FORM_LABEL_WORDS } from '../headerWords';
import { matchHeader } from '../headerWords';
import type { FormGrid } from './formGrid';
import { coreText, isWord } from './formWords';

export interface FormSpan {
  /** 0-based grid row of the 项目名称 label, and of the form's last row. */
  start: number;
  end: number;
  /** 0-based grid column of the label. */
  labelCol: number;
  name: string;
}

/** Table headers beside a 项目名称 header: a row with two of these is a table's header, not a form. */
const TABLE_ROLES = new Set(['budget', 'actual', 'statedRate', 'output', 'benefit', 'total']);

function nameAt(grid: FormGrid, r: number, c: number): string | null {
  const text = grid.text(r, c);
  if (text === '' || grid.areaOf(r, c)) return null;
  const core = coreText(text);
  // "项目名称：安全生产责任经费" in one cell.
  for (const word of FORM_LABEL_WORDS.projectName) {
    if (core.startsWith(word) && core.length > word.length) {
      const rest = text.replace(/^[^:：]*[:：]/, '').trim();
      return rest !== text && rest !== '' ? rest : null;
    }
  }
  if (!isWord(text, FORM_LABEL_WORDS.projectName)) return null;
  const right = grid.rightOf(r, c);
  if (right === null) return null;
  const name = String(right.value).trim();
  // "项目名称 | 全年执行数": a table's header row, the word right of the label being a column header itself.
  const own = matchHeader(name);
  if (own && TABLE_ROLES.has(own.role) && own.confidence >= 0.99) return null;
  // A two-row table header has the label merged down (or blank below it) and more headers under the group cells.
  const below = r + 1 < grid.rows && (grid.text(r + 1, c) === '' || grid.areaOf(r + 1, c) !== undefined);
  for (const row of below ? [r, r + 1] : [r]) {
    let tableHeaders = 0;
    for (let k = right.col; k < grid.cols; k++) {
      const m = matchHeader(grid.raw(row, k) === null ? '' : String(grid.raw(row, k)));
      if (m && TABLE_ROLES.has(m.role)) tableHeaders++;
    }
    if (tableHeaders >= 2) return null;
  }
  return name;
}

/** The forms of one sheet, top to bottom. */
export function findFormSpans(grid: FormGrid): FormSpan[] {
  const spans: FormSpan[] = [];
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < Math.min(grid.cols, 6); c++) {
      const name = nameAt(grid, r, c);
      if (name === null) continue;
      if (spans.length > 0) spans[spans.length - 1].end = r - 1;
      spans.push({ start: r, end: grid.rows - 1, labelCol: c, name });
      break;
    }
  }
  return spans;
}

/** True when the sheet holds at least one form: how a host decides between the table and forms layouts. */
export function hasForms(grid: FormGrid): boolean {
  return findFormSpans(grid).length > 0;
}
