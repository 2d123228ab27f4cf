// What the batch command writes: the input package with the add-in's parts grafted in (graft.ts). An
// input that is not an .xlsx/.xlsm package (.xls, .ods, .xlsb) has no package to keep: its copy is an
// .xlsx of its values written by SheetJS, and a note says so.
import * as XLSX from '@e965/xlsx';
import type { HighlightSpec } from '../../engine/workbookPort';
import type { SummaryLayout } from '../../engine/summary/summaryTypes';
import { cleanSheetName, freeSheetName, MAX_SHEET_NAME } from '../../engine/sheetNames';
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

/**
 * Names Excel accepts for sheets an .ods (or .xls) may name otherwise: LibreOffice writes names over 31
 * characters. Valid names stay; each other one gets a valid, unused name, as Excel would shorten it.
 * Returns old → new for the renamed sheets only.
 */
export function excelSheetNames(names: readonly string[]): Map<string, string> {
  const valid = (n: string): boolean => n.length > 0 && n.length <= MAX_SHEET_NAME && cleanSheetName(n) === n;
  const taken = names.filter(valid);
  const renamed = new Map<string, string>();
  for (const name of names) {
    if (valid(name)) continue;
    const next = freeSheetName(name, taken);
    taken.push(next);
    renamed.set(name, next);
  }
  return renamed;
}

/** An .xlsx of the workbook's values (and what SheetJS keeps of formats and formulas), its sheets named as Excel allows. */
export function valuesPackage(bytes: Buffer): { bytes: Buffer; renamed: Map<string, string> } {
  const book = XLSX.read(bytes, { type: 'buffer', cellFormula: true, cellNF: true, cellStyles: false, cellDates: false });
  const renamed = excelSheetNames(book.SheetNames);
  book.SheetNames = book.SheetNames.map((name) => {
    const next = renamed.get(name);
    if (next === undefined) return name;
    book.Sheets[next] = book.Sheets[name];
    delete book.Sheets[name];
    return next;
  });
  for (const entry of book.Workbook?.Sheets ?? []) {
    const next = entry.name === undefined ? undefined : renamed.get(entry.name);
    if (next !== undefined) entry.name = next;
  }
  return { bytes: XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer, renamed };
}

/** The sheet names of the workbook the copy starts from (a values copy: as valuesPackage names them). */
export async function copySheetNames(bytes: Buffer): Promise<string[]> {
  if (await isKeepablePackage(bytes)) return packageSheetNames(bytes);
  const names = XLSX.read(bytes, { type: 'buffer', bookSheets: true }).SheetNames;
  const renamed = excelSheetNames(names);
  return names.map((n) => renamed.get(n) ?? n);
}

export async function evaluatedCopy(bytes: Buffer, edits: CopyEdits): Promise<GraftResult> {
  if (await isKeepablePackage(bytes)) return graftCopy(bytes, edits.list());
  const values = valuesPackage(bytes);
  const list = edits.list();
  const highlights = list.highlights.map((h) => ({ ...h, sheet: values.renamed.get(h.sheet) ?? h.sheet }));
  const copy = await graftCopy(values.bytes, { summaries: list.summaries, highlights });
  const notes: CopyNote[] = [{ code: 'values_only', reason: 'not an Office Open XML workbook' }];
  for (const [sheet, name] of values.renamed) notes.push({ code: 'sheet_renamed', sheet, reason: name });
  // Every sheet of the input must be in the copy: one that is not is named, never dropped in silence.
  const kept = new Set((await packageSheetNames(copy.bytes)).map((n) => n.toLowerCase()));
  for (const sheet of XLSX.read(bytes, { type: 'buffer', bookSheets: true }).SheetNames) {
    if (!kept.has((values.renamed.get(sheet) ?? sheet).toLowerCase())) notes.push({ code: 'sheet_not_kept', sheet, reason: 'not written by the values copy' });
  }
  return { bytes: copy.bytes, notes: [...notes, ...copy.notes] };
}
