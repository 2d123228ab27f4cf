// The forms layout over any WorkbookPort (host-free): read every sheet, score every form, and mark on
// each form the cells that need the officer. Round trips: the port's read of all sheets plus its
// replacement of the marks, neither growing with the number of forms.
import { colLetter } from './address';
import { evaluateForms } from './forms/evaluateForms';
import { formMarks, type FormMark } from './formMarks';
import type { FormSheet, FormsEvaluation } from './formTypes';
import type { WorkbookPort } from './port';
import type { RateBand, Scheme, SheetData } from './types';

/** A sheet as read by a host, in the shape the forms engine reads (merged areas as A1, sheet-absolute). */
export function toFormSheet(sheet: SheetData): FormSheet {
  return {
    name: sheet.name,
    cells: sheet.grid,
    origin: sheet.origin,
    ...(sheet.merges ? { merges: sheet.merges.map((m) => `${colLetter(m.colStart)}${m.rowStart}:${colLetter(m.colEnd)}${m.rowEnd}`) } : {}),
  };
}

export interface FormsRunOptions {
  scheme: Scheme;
  band?: RateBand;
  /** Sheets never read (the add-in's summary sheet). */
  exclude?: string[];
  /** Replace the add-in's marks on the forms' sheets (Evaluate); false only reads and scores. */
  marks?: boolean;
  signal?: AbortSignal;
}

export interface FormsRunResult {
  evaluation: FormsEvaluation;
  /** Sheets that hold at least one form, in workbook order: auto-refresh follows edits on these. */
  formSheets: string[];
  marks: FormMark[];
}

export async function evaluateFormsInWorkbook(port: WorkbookPort, options: FormsRunOptions): Promise<FormsRunResult> {
  if (!port.readSheets) throw new Error('this host cannot read several sheets');
  const sheets = await port.readSheets({ exclude: options.exclude }, { signal: options.signal });
  const evaluation = evaluateForms(sheets.map(toFormSheet), { scheme: options.scheme, band: options.band });
  const formSheets = [...new Set(evaluation.projects.map((p) => p.sheet))];
  const marks = formMarks(evaluation);
  if (options.marks && port.applyCellMarks && !options.signal?.aborted) await port.applyCellMarks(marks, formSheets);
  return { evaluation, formSheets, marks };
}
