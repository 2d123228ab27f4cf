// The batch command on self-evaluation forms: every form of the workbook evaluated, a portfolio table
// beside them matched, the summary (with the indicator to-do list) written into the evaluated copy.
import { evaluateForms, sheetsHaveForms } from '../engine/forms/evaluateForms';
import { buildFormsSummary } from '../engine/forms/formsSummary';
import { layoutSummary } from '../engine/summary/summaryLayout';
import { portfolioTableBeside } from '../engine/forms/tableBeside';
import type { FormSheet, FormsEvaluation } from '../engine/forms/formTypes';
import type { Lang, RateBand, Scheme } from '../engine/types';
import { DEFAULT_SUMMARY_SHEET } from '../engine/workflow';
import type { XlsxWorkbook } from '../xlsx/xlsxWorkbook';

export interface FormsRun {
  evaluation: FormsEvaluation;
  summarySheet: string;
  /** Every sheet read (forms, cover, table): the report takes the year from their title rows. */
  sheets: FormSheet[];
}

/**
 * null when the workbook is to be evaluated as a table: --layout table, or auto without forms.
 * 'no_forms' when --layout forms finds none. `sheet` restricts the forms to one sheet.
 */
export async function evaluateFormsLayout(
  book: XlsxWorkbook,
  opts: { layout: 'table' | 'forms' | 'auto'; sheet?: string; scheme: Scheme; band: RateBand; summaryLang: Lang; now: Date },
): Promise<FormsRun | 'no_forms' | null> {
  if (opts.layout === 'table') return null;
  const all = await book.readFormSheets();
  const wanted = opts.sheet?.toLowerCase();
  const sheets = wanted === undefined ? all : all.filter((s) => s.name.toLowerCase() === wanted);
  if (!sheetsHaveForms(sheets)) return opts.layout === 'forms' ? 'no_forms' : null;
  const formSheets = sheets.filter((s) => sheetsHaveForms([s]));
  const table = wanted === undefined ? portfolioTableBeside(all.filter((s) => !formSheets.includes(s)), opts.scheme, opts.band)?.evaluation : undefined;
  const evaluation = evaluateForms(formSheets, { scheme: opts.scheme, band: opts.band, table });
  const model = buildFormsSummary(evaluation, opts.scheme, opts.summaryLang, { time: opts.now });
  const { sheetName } = await book.writeSummary(layoutSummary(model), DEFAULT_SUMMARY_SHEET[opts.summaryLang]);
  return { evaluation, summarySheet: sheetName, sheets: all };
}
