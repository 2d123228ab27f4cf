// The batch command: read a workbook, evaluate one sheet, write an evaluated copy, report.
// Exit 0 evaluated; 2 cannot evaluate (message on stderr, nothing on stdout, no file written); 1 unexpected.
import { basename, dirname, extname, join, resolve } from 'node:path';
import { EngineError } from '../engine/errors';
import { detectHeader } from '../engine/headers';
import { errorMessage } from '../engine/messages';
import { catalogue } from '../text/catalogue';
import type { Settings } from '../engine/workbookPort';
import { checkBand, DEFAULT_SCHEME_ID, getScheme, parseScheme } from '../engine/schemes';
import type { Lang, RateBand, Role, Scheme } from '../engine/types';
import { DEFAULT_SUMMARY_SHEET, runWorkflow, type WriteOutcome } from '../engine/workflow';
import { XlsxError, type XlsxErrorCode } from '../xlsx/errors';
import { XlsxWorkbook } from '../xlsx/xlsxWorkbook';
import { copyExtension, copyNoteText } from './copyNotes';
import { langFromEnv, parseCliArgs, type CliOptions } from './args';
import { cliText, oneLine, type CliTextKey } from './messages';
import { xlsxRefusalValues } from './xlsxRefusals';
import { jsonForTerminal, visible } from './consoleText';
import { checkInputFile } from './inputFile';
import { reserveOutput, type ReservedOutput } from './outputPath';
import { renderReadable } from './printTable';
import { readSchemeFile } from './readSchemeFile';
import { Refusal } from './refusal';
import { toJsonReport } from './report';
import { schemeFromHeaders } from '../engine/statedScheme';
import { renderFormsReadable, toFormsJsonReport } from './formsReport';
import { evaluateFormsLayout } from './runForms';
import { checkLines, formsReportSource, planReport, ReportRefusal, runReportPlan, tableReportSource, writeReport, wroteReportLines, type ReportPlan } from './reportFiles';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  now?: () => Date;
}


/** book.xlsx → book.evaluated.xlsx, beside the input; a macro workbook stays one (book.xlsm → book.evaluated.xlsm). */
function defaultOutPath(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}.evaluated.${copyExtension(input)}`);
}

async function loadScheme(options: CliOptions, cwd: string, lang: Lang, notes: string[]): Promise<Scheme> {
  if (options.schemeFile !== undefined) {
    const path = resolve(cwd, options.schemeFile);
    const { text, note } = await readSchemeFile(path, lang);
    if (note !== undefined) notes.push(note);
    const parsed = parseScheme(text, lang);
    if (!parsed.ok) throw new Refusal(cliText('schemeFileBad', lang, { path, errors: parsed.errors.join(catalogue(lang).engine.words.listSep) }));
    return parsed.scheme;
  }
  const id = options.scheme ?? DEFAULT_SCHEME_ID;
  const scheme = getScheme(id);
  if (!scheme) throw new Refusal(errorMessage(new EngineError('invalid_scheme', { schemeId: id }), lang));
  return scheme;
}

function readBand(options: CliOptions, scheme: Scheme, lang: Lang): RateBand {
  const band = { low: options.low ?? scheme.rateBand.low, high: options.high ?? scheme.rateBand.high };
  const issues = checkBand(band, 'band');
  if (issues.length > 0) {
    // The command names the option the edge came from instead of the scheme's path.
    const message = errorMessage(new EngineError('invalid_band', { issues }), lang)
      .replace(/["“]band\.low["”]/g, options.low !== undefined ? '--low' : 'rateBand.low')
      .replace(/["“]band\.high["”]/g, options.high !== undefined ? '--high' : 'rateBand.high');
    throw new Refusal(message);
  }
  return band;
}

/** The message for each reason a file cannot be opened; unknown_sheet is pickSheet's to report. */
const OPEN_REFUSALS: Partial<Record<XlsxErrorCode, CliTextKey>> = {
  file_missing: 'fileMissing',
  file_unreadable: 'fileUnreadable',
  not_workbook: 'notWorkbook',
  broken_workbook: 'brokenWorkbook',
  not_a_file: 'notAFile',
  file_too_large: 'fileTooLarge',
  encrypted: 'encrypted',
  too_many_entries: 'tooManyEntries',
  inflated_too_large: 'inflatedTooLarge',
  duplicate_entry: 'duplicateEntry',
  sheet_too_large: 'sheetTooLarge',
};

function xlsxRefusal(err: XlsxError, key: CliTextKey, lang: Lang, path: string): string {
  return cliText(key, lang, xlsxRefusalValues(err, lang, path));
}

async function openWorkbook(path: string, lang: Lang): Promise<XlsxWorkbook> {
  try {
    return await XlsxWorkbook.fromFile(path);
  } catch (err) {
    const key = err instanceof XlsxError ? OPEN_REFUSALS[err.code] : undefined;
    if (!key || !(err instanceof XlsxError)) throw err;
    throw new Refusal(xlsxRefusal(err, key, lang, path));
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
  // The add-in's own summary of an earlier run holds project, budget and actual columns too: never the source.
  const own = new Set(book.ownSummarySheets());
  for (const sheet of sheets.filter((s) => !own.has(s))) {
    const data = await book.readSource({ sheet, scope: 'sheet' });
    const missing: Role[] = data.grid.length === 0 ? ['project', 'budget', 'actual'] : detectHeader(data.grid).missing;
    if (missing.length === 0) return sheet;
    if (!best || missing.length < best.missing.length) best = { sheet, missing };
  }
  const candidate = best ?? { sheet: sheets[0] ?? '', missing: ['project', 'budget', 'actual'] as Role[] };
  const detail = errorMessage(new EngineError('missing_columns', { missing: candidate.missing }), lang);
  throw new Refusal(cliText('noSheet', lang, { sheet: candidate.sheet, detail }));
}

async function evaluateFile(options: CliOptions, io: CliIO, lang: Lang, output: ReservedOutput, input: string): Promise<number> {
  let reportPlan: ReportPlan;
  try {
    reportPlan = await planReport(options, input, output.path, io.cwd, lang);
  } catch (err) {
    if (err instanceof ReportRefusal) throw new Refusal(err.message);
    throw err;
  }
  // The draft report goes where --out goes: only to a new or writable regular file, checked now.
  const reportOutput = reportPlan.reportPath ? await reserveOutput(input, reportPlan.reportPath, options.report, lang) : null;
  try {
    return await evaluateInto(options, io, lang, output, reportOutput, reportPlan, input);
  } finally {
    await reportOutput?.discard();
  }
}

/** What the copy could not keep or do, one line each on stderr. */
function printCopyNotes(book: XlsxWorkbook, io: CliIO, lang: Lang): void {
  for (const note of book.copyNotes) io.stderr(`${visible(oneLine(copyNoteText(note, lang)))}\n`);
}

async function evaluateInto(
  options: CliOptions,
  io: CliIO,
  lang: Lang,
  output: ReservedOutput,
  reportOutput: ReservedOutput | null,
  reportPlan: ReportPlan,
  input: string,
): Promise<number> {
  const summaryLang: Lang = options.lang ?? 'zh';
  const out = output.path;
  const notes: string[] = [];
  let scheme = await loadScheme(options, io.cwd, lang, notes);
  const band = readBand(options, scheme, lang);
  await checkInputFile(input, lang);
  const book = await openWorkbook(input, lang);
  const forms = await evaluateFormsLayout(book, { layout: options.layout ?? 'auto', sheet: options.sheet, scheme, band, summaryLang, now: (io.now ?? (() => new Date()))() });
  if (forms === 'no_forms') throw new Refusal(cliText('noForms', lang));
  if (forms !== null) {
    const formsResults = await runReportPlan(reportPlan, formsReportSource(forms.evaluation, scheme, forms.sheets), summaryLang);
    await output.commit(await book.toBuffer());
    printCopyNotes(book, io, lang);
    await writeReport(reportOutput, formsResults);
    const wrote = [cliText('wrote', lang, { path: out, summary: forms.summarySheet }), ...wroteReportLines(reportPlan, lang)].map(visible);
    const checked = checkLines(reportPlan, formsResults, lang).map(visible);
    for (const note of notes) io.stderr(`${visible(oneLine(note))}\n`);
    if (options.json) {
      const json = { ...toFormsJsonReport(forms.evaluation), ...(formsResults.findings ? { reportChecks: formsResults.findings } : {}) };
      io.stdout(`${jsonForTerminal(JSON.stringify(json, null, 2))}\n`);
      io.stderr(`${[...checked, ...wrote].join('\n')}\n`);
    } else {
      const checkPart = checked.length > 0 ? ['', ...checked] : [];
      io.stdout(`${[...renderFormsReadable(forms.evaluation, scheme.name[lang], lang).map(visible), ...checkPart, '', ...wrote].join('\n')}\n`);
    }
    return 0;
  }
  const sheet = await pickSheet(book, options.sheet, lang);
  // Rule 9: weights stated in the headers (产出指标(50分) …) pick the scheme unless one was chosen.
  if (options.scheme === undefined && options.schemeFile === undefined) {
    const data = await book.readSource({ sheet, scope: 'sheet' });
    const stated = schemeFromHeaders(detectHeader(data.grid), scheme);
    if (stated) scheme = stated;
  }
  const settings: Settings = {
    version: 1,
    sheet,
    schemeId: scheme.id,
    customScheme: options.schemeFile !== undefined || getScheme(scheme.id) === undefined ? scheme : undefined,
    band,
    lang: summaryLang,
    ...(options.month !== undefined ? { monitoringMonth: options.month } : {}),
  };
  let outcome: WriteOutcome;
  try {
    outcome = await runWorkflow(book, settings, { lang: summaryLang, now: io.now });
  } catch (err) {
    if (err instanceof EngineError) throw new Refusal(errorMessage(err, lang));
    throw err;
  }
  const reportResults = await runReportPlan(reportPlan, tableReportSource(outcome, scheme), summaryLang);
  await output.commit(await book.toBuffer());
  printCopyNotes(book, io, lang);
  await writeReport(reportOutput, reportResults);
  const wroteLines = [cliText('wrote', lang, { path: out, summary: outcome.summarySheet ?? DEFAULT_SUMMARY_SHEET[summaryLang] }), ...wroteReportLines(reportPlan, lang)];
  const checked = checkLines(reportPlan, reportResults, lang);
  if (options.json) {
    const after = [...notes.map(oneLine), ...checked, ...wroteLines].map(visible);
    const json = { layout: 'table' as const, ...toJsonReport(outcome.evaluation), ...(reportResults.findings ? { reportChecks: reportResults.findings } : {}) };
    io.stdout(`${jsonForTerminal(JSON.stringify(json, null, 2))}\n`);
    io.stderr(`${after.join('\n')}\n`);
  } else {
    for (const note of notes) io.stderr(`${visible(oneLine(note))}\n`);
    const lines = [...renderReadable(outcome.evaluation, scheme.name[lang], lang), ...(checked.length > 0 ? ['', ...checked] : []), '', ...wroteLines];
    io.stdout(`${lines.map(visible).join('\n')}\n`);
  }
  return 0;
}

/** Workbook extensions: an --out with one of these must be the copy's own (.xlsm keeps macros, else .xlsx). */
const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm', '.xltx', '.xltm', '.xls', '.xlsb', '.ods'];

/** An .xlsm copy named .xlsx (or the reverse) would not open in Excel, or would lose its macros: refused. */
function checkOutType(input: string, out: string, lang: Lang): void {
  const ext = extname(out).toLowerCase();
  const want = copyExtension(input);
  if (!WORKBOOK_EXTENSIONS.includes(ext) || ext === `.${want}`) return;
  throw new Refusal(cliText(want === 'xlsm' ? 'outWantsXlsm' : 'outWantsXlsx', lang, { path: out }));
}

/** Checks the output path (and creates its temp file) before anything is read or evaluated. */
async function reserveAndEvaluate(options: CliOptions, io: CliIO, lang: Lang): Promise<number> {
  const input = resolve(io.cwd, options.input);
  const out = options.out !== undefined ? resolve(io.cwd, options.out) : defaultOutPath(input);
  checkOutType(input, out, lang);
  const output = await reserveOutput(input, out, options.out, lang);
  try {
    return await evaluateFile(options, io, lang, output, input);
  } finally {
    await output.discard();
  }
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const envLang = langFromEnv(io.env);
  const parsed = parseCliArgs(argv, envLang);
  if (!parsed.ok) {
    io.stderr(`${visible(oneLine(parsed.message))}\n`);
    return 2;
  }
  const lang = parsed.options.lang ?? envLang;
  if (parsed.options.help) {
    io.stdout(`${cliText('usage', lang)}\n`);
    return 0;
  }
  try {
    return await reserveAndEvaluate(parsed.options, io, lang);
  } catch (err) {
    if (err instanceof Refusal) {
      io.stderr(`${visible(oneLine(err.message))}\n`);
      return 2;
    }
    // A sheet refused while read (sheet_too_large), wherever the read happened.
    const key = err instanceof XlsxError ? OPEN_REFUSALS[err.code] : undefined;
    if (key && err instanceof XlsxError) {
      io.stderr(`${oneLine(xlsxRefusal(err, key, lang, err.details.path ?? parsed.options.input))}\n`);
      return 2;
    }
    const detail = err instanceof Error ? err.message : String(err);
    io.stderr(`${visible(oneLine(cliText('unexpected', lang, { detail })))}\n`);
    return 1;
  }
}
