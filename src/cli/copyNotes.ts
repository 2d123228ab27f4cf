// What the batch command says on stderr about its evaluated copy, and the copy's file extension.
import { extname } from 'node:path';
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

const TEXT: Record<CopyNote['code'], Record<Lang, string>> = {
  values_only: {
    zh: '注意：输入不是 .xlsx/.xlsm 格式，评价副本是只含各表数值的 .xlsx（原文件的格式、图表、宏等未保留）',
    en: 'Note: the input is not an .xlsx/.xlsm workbook; the evaluated copy is an .xlsx of its values only (formatting, charts and macros of the original are not kept)',
  },
  sheet_renamed: {
    zh: '注意：工作表名“{sheet}”超过 31 个字符或含 Excel 不允许的字符，评价副本中改名为“{reason}”',
    en: 'Note: the sheet name "{sheet}" is over 31 characters or holds characters Excel refuses; in the evaluated copy it is "{reason}"',
  },
  sheet_not_kept: {
    zh: '警告：评价副本未能保留工作表“{sheet}”（{reason}），请以原文件为准',
    en: 'Warning: the evaluated copy could not keep sheet "{sheet}" ({reason}); rely on the original file for it',
  },
  highlights_not_added: {
    zh: '注意：工作表“{sheet}”未能加上突出显示规则（{reason}），其内容原样保留',
    en: 'Note: the highlight rules could not be added to sheet "{sheet}" ({reason}); its contents are kept as they are',
  },
};

export function copyNoteText(note: CopyNote, lang: Lang): string {
  // Replacer functions: a sheet name holding "$&" is shown as typed.
  return TEXT[note.code][lang].replace('{sheet}', () => note.sheet ?? '').replace('{reason}', () => note.reason);
}
