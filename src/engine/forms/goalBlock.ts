// 年度总体目标 (Sichuan: 年度目标完成情况) of a form: the 预期目标 and 实际完成情况 texts (issue 8, "What real
// forms look like"). The labels sit in one row with each text below its label (the national template and
// Sichuan's), or beside it ("预期目标 | text | 实际完成情况 | text"); a goal row without the two labels
// holds one text, taken as the expected goal.
import { FORM_LABEL_WORDS } from '../headerWords';
import type { FormGrid } from './formGrid';
import type { FormSpan } from './findForms';
import { isWord } from './formWords';

export interface FormGoal {
  expected: string | null;
  achieved: string | null;
}

/** Leftmost columns in which a section label (年度总体目标) is looked for. */
const LABEL_COLS = 3;

function isLabel(text: string): boolean {
  return (
    isWord(text, FORM_LABEL_WORDS.goal) ||
    isWord(text, FORM_LABEL_WORDS.goalExpected) ||
    isWord(text, FORM_LABEL_WORDS.goalAchieved) ||
    isWord(text, FORM_LABEL_WORDS.indicatorBlock, true)
  );
}

function textOrNull(text: string): string | null {
  const t = text.trim();
  return t === '' || /^[-—–/／\\]+$/.test(t) ? null : t;
}

/** The text that belongs to the label at (r, c): below it (up to `lastRow`), else right of it. */
function textOf(grid: FormGrid, r: number, c: number, lastRow: number): string | null {
  for (let k = r + 1; k <= lastRow; k++) {
    const area = grid.areaOf(k, c);
    // Still the label's own merged cell.
    if (area && area.top <= r) continue;
    const t = grid.text(k, c);
    if (t === '') continue;
    return isLabel(t) ? null : textOrNull(t);
  }
  const right = grid.rightOf(r, c);
  if (!right) return null;
  const t = String(right.value);
  return isLabel(t) ? null : textOrNull(t);
}

/**
 * The goal of the form spanning `span`, looked for between its 项目名称 row and `until` (the row before
 * its indicator block); null when the form has no goal row.
 */
export function readGoal(grid: FormGrid, span: FormSpan, until: number): FormGoal | null {
  const last = Math.min(until, span.end);
  for (let r = span.start + 1; r <= last; r++) {
    for (let c = 0; c < Math.min(grid.cols, LABEL_COLS); c++) {
      if (grid.areaOf(r, c) || !isWord(grid.text(r, c), FORM_LABEL_WORDS.goal)) continue;
      // The goal label is merged down its rows: the section ends there (at least one row of text below).
      let bottom = r + 1;
      while (bottom + 1 <= last && grid.areaOf(bottom + 1, c)?.top === r) bottom++;
      bottom = Math.min(bottom, last);
      let expected: { r: number; c: number } | null = null;
      let achieved: { r: number; c: number } | null = null;
      for (let rr = r; rr <= bottom && (!expected || !achieved); rr++) {
        for (let cc = c + 1; cc < grid.cols; cc++) {
          if (grid.areaOf(rr, cc)) continue;
          const t = grid.text(rr, cc);
          if (!expected && isWord(t, FORM_LABEL_WORDS.goalExpected)) expected = { r: rr, c: cc };
          else if (!achieved && isWord(t, FORM_LABEL_WORDS.goalAchieved)) achieved = { r: rr, c: cc };
        }
      }
      if (!expected && !achieved) {
        const right = grid.rightOf(r, c);
        return { expected: right ? textOrNull(String(right.value)) : null, achieved: null };
      }
      return {
        expected: expected ? textOf(grid, expected.r, expected.c, bottom) : null,
        achieved: achieved ? textOf(grid, achieved.r, achieved.c, bottom) : null,
      };
    }
  }
  return null;
}
