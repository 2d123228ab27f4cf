// The batch command: read a workbook, evaluate one sheet, write an evaluated copy, report.
// Exit 0 evaluated; 2 cannot evaluate (message on stderr, nothing on stdout, no file written); 1 unexpected.
import { promises as fs } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { EngineError } from '../engine/errors';
import { detectHeader } from '../engine/headers';
import { errorMessage } from '../engine/messages';
import type { Settings } from '../engine/port';
import { DEFAULT_SCHEME_ID, getScheme, parseScheme, validateBand } from '../engine/schemes';
import type { Lang, RateBand, Role, Scheme } from '../engine/types';
import { DEFAULT_SUMMARY_SHEET, evaluateAndWrite, type WriteOutcome } from '../engine/workflow';
import { XlsxError, type XlsxErrorCode } from '../xlsx/errors';
import { XlsxWorkbook } from '../xlsx/xlsxWorkbook';
import { copyExtension, copyNoteText } from './copyNotes';
import { langFromEnv, parseCliArgs, type CliOptions } from './args';
import { cliText, oneLine, type CliTextKey } from './messages';
import { renderReadable } from './printTable';
import { toJsonReport } from './report';
import { checkLines, planReport, ReportRefusal, runReportPlan, writeReport, type ReportPlan } from './reportFiles';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  now?: () => Date;
}

/** A reason to stop with exit 2; its message is already in the user's language. */
class Refusal extends Error {}

/** book.xlsx → book.evaluated.xlsx, beside the input; a macro workbook stays one (book.xlsm → book.evaluated.xlsm). */
function defaultOutPath(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}.evaluated.${copyExtension(input)}`);
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

async function checkOut(input: string, out: string, lang: Lang): Promise<void> {
  if (await sameFile(input, out)) throw new Refusal(cliText('outIsInput', lang, { path: out }));
  if ((await fs.stat(out).catch(() => null))?.isDirectory()) throw new Refusal(cliText('outIsFolder', lang, { path: out }));
  const dir = await fs.stat(dirname(out)).catch(() => null);
  if (!dir?.isDirectory()) throw new Refusal(cliText('outDirMissing', lang, { path: dirname(out) }));
}

async function loadScheme(options: CliOptions, cwd: string, lang: Lang): Promise<Scheme> {
  if (options.schemeFile !== undefined) {
    const path = resolve(cwd, options.schemeFile);
    const text = await fs.readFile(path, 'utf8').catch(() => null);
    if (text === null) throw new Refusal(cliText('schemeFileMissing', lang, { path }));
    const parsed = parseScheme(text, lang);
    if (!parsed.ok) throw new Refusal(cliText('schemeFileBad', lang, { path, errors: parsed.errors.join(lang === 'zh' ? '；' : '; ') }));
    return parsed.scheme;
  }
  const id = options.scheme ?? DEFAULT_SCHEME_ID;
  const scheme = getScheme(id);
  if (!scheme) throw new Refusal(errorMessage(new EngineError('invalid_scheme', { schemeId: id }), lang));
  return scheme;
}

function readBand(options: CliOptions, scheme: Scheme, lang: Lang): RateBand {
  const band = { low: options.low ?? scheme.rateBand.low, high: options.high ?? scheme.rateBand.high };
  const errors = validateBand(band, lang, 'band').map((e) =>
    e.replace(/["“]band\.low["”]/g, options.low !== undefined ? '--low' : 'rateBand.low').replace(/["“]band\.high["”]/g, options.high !== undefined ? '--high' : 'rateBand.high'),
  );
  if (errors.length > 0) throw new Refusal(errorMessage(new EngineError('invalid_band', { errors }), lang));
  return band;
}

/** The message for each reason a file cannot be opened; unknown_sheet is pickSheet's to report. */
const OPEN_REFUSALS: Partial<Record<XlsxErrorCode, CliTextKey>> = {
  file_missing: 'fileMissing',
  file_unreadable: 'fileUnreadable',
  not_workbook: 'notWorkbook',
  broken_workbook: 'brokenWorkbook',
};

async function openWorkbook(path: string, lang: Lang): Promise<XlsxWorkbook> {
  try {
    return await XlsxWorkbook.fromFile(path);
  } catch (err) {
    const key = err instanceof XlsxError ? OPEN_REFUSALS[err.code] : undefined;
    if (!key || !(err instanceof XlsxError)) throw err;
    throw new Refusal(cliText(key, lang, { path, reason: err.details.reason ?? '' }));
  }
}

/** --sheet, else the first sheet in workbook order where project, budget and actual columns are detected. */
async function pickSheet(book: XlsxWorkbook, wanted: string | undefined, lang: Lang): Promise<string> {
  const sheets = await book.listSheets();
  if (wanted !== undefined) {
    const exact = sheets.find((s) => s === wanted) ?? sheets.find((s) => s.toLowerCase() === wanted.toLowerCase());
    if (!exact) throw new Refusal(cliText('unknownSheet', lang, { sheet: wanted, list: sheets.join(', ') }));
    return exact;
  }
  let best: { sheet: string; missing: Role[] } | null = null;
  for (const sheet of sheets) {
    const data = await book.readSource({ sheet, scope: 'sheet' });
    const missing: Role[] = data.grid.length === 0 ? ['project', 'budget', 'actual'] : detectHeader(data.grid).missing;
    if (missing.length === 0) return sheet;
    if (!best || missing.length < best.missing.length) best = { sheet, missing };
  }
  const candidate = best ?? { sheet: sheets[0] ?? '', missing: ['project', 'budget', 'actual'] as Role[] };
  const detail = errorMessage(new EngineError('missing_columns', { missing: candidate.missing }), lang);
  throw new Refusal(cliText('noSheet', lang, { sheet: candidate.sheet, detail }));
}

async function evaluateFile(options: CliOptions, io: CliIO, lang: Lang): Promise<number> {
  const input = resolve(io.cwd, options.input);
  const out = options.out !== undefined ? resolve(io.cwd, options.out) : defaultOutPath(input);
  const summaryLang: Lang = options.lang ?? 'zh';
  await checkOut(input, out, lang);
  let reportPlan: ReportPlan;
  try {
    reportPlan = await planReport(options, input, out, io.cwd, lang);
  } catch (err) {
    if (err instanceof ReportRefusal) throw new Refusal(err.message);
    throw err;
  }
  const scheme = await loadScheme(options, io.cwd, lang);
  const band = readBand(options, scheme, lang);
  const book = await openWorkbook(input, lang);
  const sheet = await pickSheet(book, options.sheet, lang);
  const settings: Settings = {
    version: 1,
    sheet,
    schemeId: scheme.id,
    customScheme: options.schemeFile !== undefined ? scheme : undefined,
    band,
    lang: summaryLang,
  };
  let outcome: WriteOutcome;
  try {
    outcome = await evaluateAndWrite(book, settings, { lang: summaryLang, now: io.now });
  } catch (err) {
    if (err instanceof EngineError) throw new Refusal(errorMessage(err, lang));
    throw err;
  }
  const reportResults = await runReportPlan(reportPlan, outcome, scheme, summaryLang);
  await book.saveAs(out);
  for (const note of book.copyNotes) io.stderr(`${oneLine(copyNoteText(note, lang))}\n`);
  await writeReport(reportPlan, reportResults);
  const wroteLines = [cliText('wrote', lang, { path: out, summary: outcome.summarySheet ?? DEFAULT_SUMMARY_SHEET[summaryLang] })];
  if (reportPlan.reportPath) wroteLines.push(cliText('wroteReport', lang, { path: reportPlan.reportPath }));
  const wrote = wroteLines.join('\n');
  const checked = checkLines(reportPlan, reportResults, lang);
  if (options.json) {
    const json = { ...toJsonReport(outcome.evaluation), ...(reportResults.findings ? { reportChecks: reportResults.findings } : {}) };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    io.stderr(`${[...checked, wrote].join('\n')}\n`);
  } else {
    io.stdout(`${[...renderReadable(outcome.evaluation, scheme.name[lang], lang), ...(checked.length > 0 ? ['', ...checked] : []), '', wrote].join('\n')}\n`);
  }
  return 0;
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const envLang = langFromEnv(io.env);
  const parsed = parseCliArgs(argv, envLang);
  if (!parsed.ok) {
    io.stderr(`${oneLine(parsed.message)}\n`);
    return 2;
  }
  const lang = parsed.options.lang ?? envLang;
  if (parsed.options.help) {
    io.stdout(`${cliText('usage', lang)}\n`);
    return 0;
  }
  try {
    return await evaluateFile(parsed.options, io, lang);
  } catch (err) {
    if (err instanceof Refusal) {
      io.stderr(`${oneLine(err.message)}\n`);
      return 2;
    }
    const detail = err instanceof Error ? err.message : String(err);
    io.stderr(`${oneLine(cliText('unexpected', lang, { detail }))}\n`);
    return 1;
  }
}
