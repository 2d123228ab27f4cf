// The draft report as a worksheet, host-free: one paragraph per row in column A, wrapped to the width
// of an A4 portrait page, headings bold, rows holding a 【待补充：…】 placeholder shaded so an officer
// cannot miss them. Rendered by src/excel/writeReportSheet.ts.
import { reportPrintSetup, type PrintSetup } from '../summary/printSetup';
import { isVariantOf } from '../summary/summaryOwnership';
import { catalogue } from '../../text/catalogue';
import type { Lang } from '../types';
import { reportLines, type LineKind } from './lines';
import type { ReportModel } from './types';

/** The sheet the pane writes the draft to (a name of ≤ 31 characters, as Excel requires). */
export const REPORT_SHEET_NAME: Record<Lang, string> = { zh: catalogue('zh').engine.sheets.report, en: catalogue('en').engine.sheets.report };

/** A sheet named as the report sheet is (or as its "(2)" variants): no source of data, left out of the sheet picker. */
export function isReportSheetName(name: string): boolean {
  return Object.values(REPORT_SHEET_NAME).some((report) => isVariantOf(name, report));
}

/**
 * Column A's width in points: A4 portrait is 595 pt wide; Excel's normal margins (0.7 in each side)
 * leave 494 pt, and a little room keeps the text off the page's edge.
 */
export const REPORT_COLUMN_POINTS = 480;

/** Fill of a row that holds a placeholder (the .docx highlights the same runs yellow). */
export const PLACEHOLDER_FILL = '#FFF2CC';

export interface ReportSheetRow {
  text: string;
  kind: LineKind;
  bold: boolean;
  /** Points; the body size unless a title or heading. */
  fontSize: number;
  placeholder: boolean;
  /** The project the row belongs to (0-based index, source sheet, 1-based row). */
  project?: { index: number; sheet: string; row: number };
}

export interface ReportSheetLayout {
  title: string;
  rows: ReportSheetRow[];
  columnPoints: number;
  print: PrintSetup;
}

const FONT_SIZE: Record<LineKind, number> = { title: 16, heading: 13, subheading: 12, label: 11, body: 11 };

export function layoutReportSheet(model: ReportModel): ReportSheetLayout {
  const rows = reportLines(model).map(
    (line): ReportSheetRow => ({
      text: line.text,
      kind: line.kind,
      bold: line.kind !== 'body',
      fontSize: FONT_SIZE[line.kind],
      placeholder: line.runs.some((r) => r.emphasis === 'placeholder'),
      ...(line.project ? { project: line.project } : {}),
    }),
  );
  return { title: model.title, rows, columnPoints: REPORT_COLUMN_POINTS, print: reportPrintSetup() };
}
