// What the batch command says on stderr about its evaluated copy, and the copy's file extension.
import { extname } from 'node:path';
import { catalogue, fill } from '../text/catalogue';
import type { Lang } from '../engine/types';
import type { CopyNote } from '../xlsx/graft/evaluatedCopy';

/**
 * The extension of the copy: a macro workbook (or macro template) keeps its macros as an .xlsm; everything
 * else is an .xlsx (a template's copy is a workbook: graft.ts gives it the workbook's content type).
 */
export function copyExtension(input: string): 'xlsm' | 'xlsx' {
  const ext = extname(input).toLowerCase();
  return ext === '.xlsm' || ext === '.xltm' ? 'xlsm' : 'xlsx';
}

export function copyNoteText(note: CopyNote, lang: Lang): string {
  return fill(catalogue(lang).cli.copyNotes[note.code], { sheet: note.sheet ?? '', reason: note.reason });
}
