// The batch command's report options: --report writes the draft report (.docx) beside the evaluated
// copy, --check-report reads an officer's report (.docx / .txt) and checks it against the evaluation.
// Everything that can refuse is settled before any file is written.
import { promises as fs } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { documentBytes, reportDocument } from '../docx/renderReport';
import { DocxReadError, readDocxLines, readTextLines } from '../docx/readDocx';
import { buildReport } from '../engine/report/build';
import { checkReport } from '../engine/report/check/check';
import { checkProjects } from '../engine/report/check/fromEvaluation';
import { findingSentence } from '../engine/report/check/text';
import type { ReportFinding } from '../engine/report/check/types';
import { formsYear, reportInputFromForms } from '../engine/report/fromForms';
import { reportInputFromTable } from '../engine/report/fromTable';
import type { ReportInput } from '../engine/report/types';
import { catalogue, entry } from '../text/catalogue';
import type { FormSheet, FormsEvaluation } from '../engine/forms/formTypes';
import type { Evaluation, Lang, Scheme } from '../engine/types';
import type { EvaluateOutcome } from '../engine/workflow';
import type { CliOptions } from './args';
import { cliText } from './messages';
import type { ReservedOutput } from './outputPath';
import { checkZip, readWorkbookFile } from '../xlsx/container';
import { XlsxError } from '../xlsx/errors';
import { MAX_REPORT_FILE_BYTES, REPORT_ZIP_LIMITS } from '../xlsx/limits';

export interface ReportPlan {
  /** Absolute path of the draft report to write. */
  reportPath?: string;
  /** The officer's report to check: its path and lines. */
  check?: { path: string; lines: string[] };
}

export class ReportRefusal extends Error {}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => null), fs.stat(b).catch(() => null)]);
  return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
}

/**
 * The report to check, read as the workbook is: a regular file only (never /dev/zero or a pipe), at most
 * MAX_REPORT_FILE_BYTES, and a .docx whose parts inflate within REPORT_ZIP_LIMITS (no zip bomb).
 */
async function readReportFile(path: string, ext: string, lang: Lang): Promise<Buffer> {
  try {
    const bytes = await readWorkbookFile(path, MAX_REPORT_FILE_BYTES);
    if (ext === '.docx') await checkZip(bytes, path, REPORT_ZIP_LIMITS);
    return bytes;
  } catch (err) {
    if (!(err instanceof XlsxError)) throw err;
    switch (err.code) {
      case 'file_missing':
      case 'file_unreadable':
        throw new ReportRefusal(cliText('checkMissing', lang, { path }));
      case 'not_a_file':
        throw new ReportRefusal(cliText('checkNotRegular', lang, { path }));
      case 'file_too_large':
        throw new ReportRefusal(cliText('checkTooLarge', lang, { path, found: `${Math.round((err.details.found ?? 0) / 1048576)} MB`, limit: `${MAX_REPORT_FILE_BYTES / 1048576} MB` }));
      case 'not_workbook': // a zip that holds no [Content_Types].xml: not a Word document either
      case 'broken_workbook':
        throw new ReportRefusal(cliText('checkUnreadable', lang, { path }));
      default:
        throw new ReportRefusal(cliText('checkRefused', lang, { path, reason: entry(catalogue(lang).cli.checkRefusals, err.code) ?? err.code }));
    }
  }
}

/** Checks the report paths and reads the report to check; throws ReportRefusal with a one-line message. */
export async function planReport(options: CliOptions, input: string, out: string, cwd: string, lang: Lang): Promise<ReportPlan> {
  const plan: ReportPlan = {};
  if (options.report !== undefined) {
    const path = resolve(cwd, options.report);
    if (await sameFile(path, input)) throw new ReportRefusal(cliText('reportIsInput', lang, { path }));
    if (await sameFile(path, out)) throw new ReportRefusal(cliText('reportIsOut', lang, { path }));
    if ((await fs.stat(path).catch(() => null))?.isDirectory()) throw new ReportRefusal(cliText('reportIsFolder', lang, { path }));
    if (extname(path).toLowerCase() !== '.docx') throw new ReportRefusal(cliText('reportNotDocx', lang, { path }));
    if (!(await fs.stat(dirname(path)).catch(() => null))?.isDirectory()) throw new ReportRefusal(cliText('reportDirMissing', lang, { path: dirname(path) }));
    plan.reportPath = path;
  }
  if (options.checkReport !== undefined) {
    const path = resolve(cwd, options.checkReport);
    const ext = extname(path).toLowerCase();
    if (ext !== '.docx' && ext !== '.txt') throw new ReportRefusal(cliText('checkNotSupported', lang, { path }));
    const bytes = await readReportFile(path, ext, lang);
    try {
      plan.check = { path, lines: ext === '.docx' ? readDocxLines(new Uint8Array(bytes)) : readTextLines(new Uint8Array(bytes)) };
    } catch (err) {
      if (err instanceof DocxReadError) throw new ReportRefusal(cliText('checkUnreadable', lang, { path }));
      throw err;
    }
  }
  return plan;
}

export interface ReportResults {
  docx?: Uint8Array;
  findings?: ReportFinding[];
}

/** What the report is drafted from and checked against, whichever layout was evaluated. */
export interface ReportSource {
  evaluation: Evaluation | FormsEvaluation;
  /** The draft's input, built only when a draft is asked for. */
  input(lang: Lang): ReportInput;
}

export function tableReportSource(outcome: EvaluateOutcome, scheme: Scheme): ReportSource {
  return {
    evaluation: outcome.evaluation,
    input: (lang) => reportInputFromTable({ evaluation: outcome.evaluation, scheme, sheet: outcome.sheet, detection: outcome.detection }, lang),
  };
}

/** Forms: the year from the forms' title rows ("（2020年度）"), the department from the forms. */
export function formsReportSource(evaluation: FormsEvaluation, scheme: Scheme, sheets: readonly FormSheet[]): ReportSource {
  return { evaluation, input: () => reportInputFromForms(evaluation, scheme, { year: formsYear(sheets) }) };
}

/** The draft's bytes and the check's findings, computed before anything is written. */
export async function runReportPlan(plan: ReportPlan, source: ReportSource, reportLang: Lang): Promise<ReportResults> {
  const results: ReportResults = {};
  if (plan.reportPath) results.docx = await documentBytes(reportDocument(buildReport(source.input(reportLang), reportLang)));
  if (plan.check) results.findings = checkReport(plan.check.lines, checkProjects(source.evaluation), { unit: source.evaluation.unit });
  return results;
}

/** Writes the draft through its reserved output (outputPath.ts): a temp file beside it, renamed over it. */
export async function writeReport(output: ReservedOutput | null, results: ReportResults): Promise<void> {
  if (output && results.docx) await output.commit(results.docx);
}

/** The lines saying which files were written besides the evaluated copy. */
export function wroteReportLines(plan: ReportPlan, lang: Lang): string[] {
  return plan.reportPath ? [cliText('wroteReport', lang, { path: plan.reportPath })] : [];
}

/** The check in words for the console: a title line, then one line per finding. */
export function checkLines(plan: ReportPlan, results: ReportResults, lang: Lang): string[] {
  if (!plan.check || !results.findings) return [];
  const path = plan.check.path;
  if (results.findings.length === 0) return [cliText('checkClean', lang, { path })];
  return [cliText('checkTitle', lang, { path }), ...results.findings.map((f) => `  ${findingSentence(f, lang)}`)];
}
