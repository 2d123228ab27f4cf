// Host-free decisions of the pane's forms layout: when to look for forms, which area a form covers,
// which cell of an indicator the officer has to see.
import { sheetsHaveForms } from '../engine/forms/evaluateForms';
import { toFormSheet } from '../engine/forms/formsWorkflow';
import type { FormProject, FormSheet, IndicatorResult } from '../engine/forms/formTypes';
import { detectsRequiredColumns } from '../engine/evaluateSheet';
import type { CellArea, SheetData } from '../engine/types';

/**
 * The pane looks for forms in the whole workbook when the sheet it read holds a form, or holds no
 * table (a cover sheet, an empty sheet, nothing read). A sheet that reads as a table stays a table,
 * and nothing more is read.
 */
export function shouldLookForForms(source: SheetData | null): boolean {
  if (!source) return true;
  if (sheetsHaveForms([toFormSheet(source)])) return true;
  return !detectsRequiredColumns(source.grid);
}

/**
 * The rows and columns of a form: from its 项目名称 row down to the row before the next form on its
 * sheet (or the sheet's last used row), across the sheet's used columns.
 */
export function formArea(project: FormProject, projects: readonly FormProject[], sheets: readonly FormSheet[]): CellArea {
  const sheet = sheets.find((s) => s.name.toLowerCase() === project.sheet.toLowerCase());
  const origin = sheet?.origin ?? { row: 1, col: 1 };
  const width = sheet ? sheet.cells.reduce((m, r) => Math.max(m, r?.length ?? 0), 0) : 1;
  const lastUsed = sheet ? origin.row + Math.max(sheet.cells.length, 1) - 1 : project.row;
  const next = projects
    .filter((p) => p.sheet.toLowerCase() === project.sheet.toLowerCase() && p.row > project.row)
    .reduce((m, p) => Math.min(m, p.row), Infinity);
  const lastIndicator = project.indicators.reduce((m, ind) => Math.max(m, ind.row), project.row);
  const rowEnd = Number.isFinite(next) ? next - 1 : Math.max(lastUsed, lastIndicator);
  return { rowStart: project.row, rowEnd: Math.max(rowEnd, project.row), colStart: origin.col, colEnd: origin.col + Math.max(width, 1) - 1 };
}

/**
 * The cell of an indicator the officer has to look at: the stated score when it disagrees, the
 * explanation when it is missing, else the actual; null when the form gave no column for it.
 */
export function indicatorCell(indicator: IndicatorResult): CellArea | null {
  const cells = indicator.cells ?? {};
  const scoreFlag = indicator.flags.includes('score_mismatch') || indicator.flags.includes('score_over_weight');
  const col =
    (scoreFlag ? cells.statedScore : undefined) ??
    (indicator.flags.includes('missing_explanation') ? cells.explanation : undefined) ??
    cells.actual ??
    cells.statedScore;
  if (col === undefined) return null;
  return { rowStart: indicator.row, rowEnd: indicator.row, colStart: col, colEnd: col };
}

/**
 * An indicator's target or actual as the pane shows it: as written, with the 度量单位 appended when the
 * text is a bare number ("600" and 元 → "600元"), and the target's comparator from 指标性质 in front
 * ("≤600元"); text that holds its own unit or comparator is left as written.
 */
export function shownValue(text: string, unit: string | null, direction?: IndicatorResult['direction']): string {
  const t = text.trim();
  if (!/^[-+]?\d+(\.\d+)?$/.test(t)) return t;
  const withUnit = unit && unit !== '%' ? `${t}${unit}` : unit === '%' ? `${t}%` : t;
  return direction && direction !== '定性' ? `${direction}${withUnit}` : withUnit;
}
