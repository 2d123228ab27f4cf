// What the batch command writes: the input package with the add-in's parts grafted in (graft.ts). An
// input that is not an .xlsx/.xlsm package (.xls, .ods, .xlsb) has no package to keep: its copy is an
// .xlsx of its values written by SheetJS, and a note says so.
import * as XLSX from '@e965/xlsx';
import type { HighlightSpec } from '../../engine/port';
import type { SummaryLayout } from '../../engine/summaryTypes';
import { graftCopy, packageSheetNames, workbookContentType, type CopyNote, type GraftResult } from './graft';

export type { CopyNote } from './graft';

/** The add-in's edits to a workbook, kept until the copy is written. */
export class CopyEdits {
  private readonly summaries = new Map<string, SummaryLayout>();
  private readonly highlights = new Map<string, HighlightSpec>();

  summaryNames(): string[] {
    return [...this.summaries.keys()];
  }

  /** Forgets a summary this object holds under that name (case-insensitive); sheets of the input are never dropped. */
  dropSummary(name: string): void {
    for (const own of this.summaries.keys()) if (own.toLowerCase() === name.toLowerCase()) this.summaries.delete(own);
  }

  addSummary(name: string, layout: SummaryLayout): void {
    this.summaries.set(name, layout);
  }

  setHighlights(spec: HighlightSpec): void {
    this.highlights.set(spec.sheet, spec);
  }

  clearHighlights(sheet: string): void {
    this.highlights.delete(sheet);
  }

  list(): { summaries: { name: string; layout: SummaryLayout }[]; highlights: HighlightSpec[] } {
    return { summaries: [...this.summaries].map(([name, layout]) => ({ name, layout })), highlights: [...this.highlights.values()] };
  }
}

const SPREADSHEETML = /spreadsheetml\.(sheet|template)\.main\+xml$|ms-excel\.(sheet|template)\.macroEnabled\.main\+xml$/;

/** True when the bytes are an .xlsx/.xlsm/.xltx/.xltm package whose parts the copy can keep. */
export async function isKeepablePackage(bytes: Buffer): Promise<boolean> {
  const type = await workbookContentType(bytes);
  return type !== null && SPREADSHEETML.test(type);
}

/** An .xlsx of the workbook's values (and what SheetJS keeps of formats and formulas). */
export function valuesPackage(bytes: Buffer): Buffer {
  const book = XLSX.read(bytes, { type: 'buffer', cellFormula: true, cellNF: true, cellStyles: false, cellDates: false });
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

/** The sheet names of the workbook the copy starts from. */
export async function copySheetNames(bytes: Buffer): Promise<string[]> {
  return (await isKeepablePackage(bytes)) ? packageSheetNames(bytes) : XLSX.read(bytes, { type: 'buffer', bookSheets: true }).SheetNames;
}

export async function evaluatedCopy(bytes: Buffer, edits: CopyEdits): Promise<GraftResult> {
  if (await isKeepablePackage(bytes)) return graftCopy(bytes, edits.list());
  const copy = await graftCopy(valuesPackage(bytes), edits.list());
  const note: CopyNote = { code: 'values_only', reason: 'not an Office Open XML workbook' };
  return { bytes: copy.bytes, notes: [note, ...copy.notes] };
}
