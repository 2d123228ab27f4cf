// Command-line options of the batch command, read with node:util parseArgs.
import { parseArgs } from 'node:util';
import type { Lang } from '../engine/types';
import { cliText } from './messages';
import { langFromLocale } from '../engine/messages';

export interface CliOptions {
  input: string;
  sheet?: string;
  scheme?: string;
  schemeFile?: string;
  low?: number;
  high?: number;
  out?: string;
  json: boolean;
  /** table | forms | auto (default): forms when the workbook has forms. */
  layout?: 'table' | 'forms' | 'auto';
  /** --report: where to write the draft report (.docx). */
  report?: string;
  /** --check-report: an officer's report (.docx or .txt) to check against the workbook. */
  checkReport?: string;
  lang?: Lang;
  help: boolean;
  /** In-year monitoring month, 1–12. */
  month?: number;
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; message: string };

/** Messages follow the terminal's locale: Chinese when LC_ALL / LC_MESSAGES / LANG starts with zh. */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return langFromLocale(locale);
}

/** A plain decimal such as 0.9, 1, .95; anything else is refused rather than guessed. */
function readNumber(name: string, text: string | undefined, lang: Lang): number | string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) return cliText('badNumber', lang, { name, value: text });
  return Number(trimmed);
}

/** --month: a whole month 1–12; the message otherwise. */
export function readMonth(text: string | undefined, lang: Lang): number | string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  const n = /^\d{1,2}$/.test(trimmed) ? Number(trimmed) : NaN;
  return n >= 1 && n <= 12 ? n : cliText('badMonth', lang, { value: text });
}

/** The language of the messages is settled first, so even a bad argument is reported in it. */
export function parseCliArgs(argv: string[], fallbackLang: Lang): ParsedArgs {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  const langArg = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const langText = langArg < 0 ? undefined : argv[langArg].includes('=') ? argv[langArg].split('=')[1] : argv[langArg + 1];
  const lang: Lang = langText === 'zh' || langText === 'en' ? langText : fallbackLang;
  const fail = (detail: string): ParsedArgs => ({ ok: false, message: cliText('badArgs', lang, { detail, usage: cliText('usage', lang) }) });
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        sheet: { type: 'string' },
        scheme: { type: 'string' },
        'scheme-file': { type: 'string' },
        low: { type: 'string' },
        high: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        layout: { type: 'string' },
        report: { type: 'string' },
        'check-report': { type: 'string' },
        lang: { type: 'string' },
        month: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    // Node's message ends with advice about '--' that does not apply here; the first sentence says it all.
    return fail((err instanceof Error ? err.message : String(err)).split(/\.\s/)[0]);
  }
  const str = (k: string): string | undefined => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  if (langText !== undefined && langText !== 'zh' && langText !== 'en') return fail(cliText('badLang', lang, { value: langText }));
  const help = values.help === true;
  if (!help && positionals.length === 0) return fail(cliText('noInput', lang));
  if (positionals.length > 1) return fail(cliText('tooManyInputs', lang, { list: positionals.join(', ') }));
  if (str('scheme') !== undefined && str('scheme-file') !== undefined) return fail(cliText('schemeAndFile', lang));
  const layout = str('layout');
  if (layout !== undefined && layout !== 'table' && layout !== 'forms' && layout !== 'auto') return fail(cliText('badLayout', lang, { value: layout }));
  const low = readNumber('low', str('low'), lang);
  if (typeof low === 'string') return fail(low);
  const high = readNumber('high', str('high'), lang);
  if (typeof high === 'string') return fail(high);
  const month = readMonth(str('month'), lang);
  if (typeof month === 'string') return fail(month);
  return {
    ok: true,
    options: {
      input: positionals[0] ?? '',
      sheet: str('sheet'),
      scheme: str('scheme'),
      schemeFile: str('scheme-file'),
      low,
      high,
      out: str('out'),
      json: values.json === true,
      layout: str('layout') as CliOptions['layout'],
      report: str('report'),
      checkReport: str('check-report'),
      lang: langText as Lang | undefined,
      help,
      ...(month !== undefined ? { month } : {}),
    },
  };
}
