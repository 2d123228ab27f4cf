// One department workbook of the consolidation, read and evaluated: its forms (grouped by 主管部门) or
// its first evaluable table. Never throws: a workbook that cannot be read comes back with its reason.
// Runs in the main thread or in a worker (consolidatePool.ts): input and output are plain data.
import { basename, extname } from 'node:path';
import { departmentFromTitle, type ConsolidatedEntry } from '../engine/consolidate/consolidate';
import { formEntries } from '../engine/consolidate/consolidateForms';
import { evaluateForms, sheetsHaveForms } from '../engine/forms/evaluateForms';
import { errorMessage } from '../engine/messages';
import { detectsRequiredColumns, evaluateSheet } from '../engine/evaluateSheet';
import type { Lang, RateBand, Scheme } from '../engine/types';
import { XlsxError } from '../xlsx/errors';
import { XlsxWorkbook } from '../xlsx/xlsxWorkbook';
import { consolidateText } from './consolidateText';

export interface FileJob {
  scheme: Scheme;
  band: RateBand;
  month?: number;
  lang: Lang;
}

export type FileOutcome = { file: string; ok: true; entries: ConsolidatedEntry[] } | { file: string; ok: false; message: string };

async function evaluateBook(file: string, job: FileJob): Promise<FileOutcome> {
  const { scheme, band, month, lang } = job;
  const fallback = basename(file, extname(file));
  const book = await XlsxWorkbook.fromFile(file);
  const sheets = await book.readFormSheets();
  if (sheetsHaveForms(sheets)) {
    const formSheets = sheets.filter((s) => sheetsHaveForms([s]));
    const forms = evaluateForms(formSheets, { scheme, band });
    if (forms.projects.length > 0) return { file, ok: true, entries: formEntries(file, fallback, forms, formSheets, scheme, month) };
  }
  let lastError: string | null = null;
  for (const s of sheets) {
    if (!detectsRequiredColumns(s.cells)) continue;
    const result = evaluateSheet({ name: s.name, grid: s.cells, origin: s.origin ?? { row: 1, col: 1 } }, { scheme, band, month });
    if (!result.ok) {
      lastError = errorMessage(result.error, lang);
      continue;
    }
    const department = departmentFromTitle(s.cells, result.detection.headerStart) ?? fallback;
    return { file, ok: true, entries: [{ file, department, evaluation: result.evaluation }] };
  }
  return { file, ok: false, message: lastError ?? consolidateText('noSheet', lang) };
}

export async function evaluateWorkbookFile(file: string, job: FileJob): Promise<FileOutcome> {
  try {
    return await evaluateBook(file, job);
  } catch (err) {
    const lang = job.lang;
    const message =
      err instanceof XlsxError
        ? err.code === 'broken_workbook'
          ? consolidateText('broken', lang, { reason: err.details.reason ?? '' })
          : consolidateText('notWorkbook', lang)
        : err instanceof Error
          ? err.message
          : String(err);
    return { file, ok: false, message: message.replace(/\s*[\r\n]+\s*/g, ' ') };
  }
}
