// `npm run consolidate -- <folder | files…> [--out consolidated.xlsx] [--json] [--scheme … | --scheme-file …]
// [--low …] [--high …] [--month N] [--jobs N] [--lang zh|en]`: evaluates every department workbook with the
// same engine (tables and forms) and prints the bureau's consolidated view; --out writes it as a workbook.
// One unreadable workbook never stops the run; exit 0 when at least one workbook was evaluated, 2 when none.
// Inputs are only read, never written. The files are evaluated on worker threads (consolidatePool.ts).
import { promises as fs } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { consolidate, type ConsolidatedEntry, type Consolidation } from '../engine/consolidate/consolidate';
import { consolidatedViews } from '../engine/consolidate/consolidateViews';
import { monitoringBands, timeShare } from '../engine/monitoring';
import { DEFAULT_SCHEME_ID, getScheme, parseScheme, validateBand } from '../engine/schemes';
import { catalogue } from '../text/catalogue';
import { FLAGS, type Lang, type Scheme } from '../engine/types';
import { consolidatedWorkbook } from '../xlsx/consolidatedBook';
import { langFromEnv, readMonth } from './args';
import type { FileJob } from './consolidateFile';
import { defaultJobs, evaluateFiles, poolFor } from './consolidatePool';
import { consolidateText as say } from './consolidateText';
import { cliText, oneLine } from './messages';
import { reserveOutput, type ReservedOutput } from './outputPath';
import { readSchemeFile } from './readSchemeFile';
import { Refusal } from './refusal';
import type { CliIO } from './run';
import { toJsonReport } from './report';

/** Every .xlsx under the paths, recursively; Office lock files (~$…) and the tool's own *.evaluated.xlsx skipped. */
export async function listWorkbooks(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const visit = async (path: string, explicit: boolean): Promise<void> => {
    const stat = await fs.stat(path).catch(() => null);
    if (stat?.isDirectory()) {
      const names = (await fs.readdir(path)).sort();
      for (const name of names) await visit(join(path, name), false);
      return;
    }
    const name = basename(path);
    if (name.startsWith('~$') || name.toLowerCase().endsWith('.evaluated.xlsx')) return;
    if (explicit || extname(name).toLowerCase() === '.xlsx') out.push(path);
  };
  for (const p of paths) await visit(p, true);
  return out;
}

function jsonReport(c: Consolidation, cwd: string): unknown {
  return {
    departments: c.departments,
    projects: c.projects.map((p) => {
      const [json] = toJsonReport({
        sheet: p.sheet,
        headerRow: 0,
        unit: null,
        scheme: '',
        band: { low: 0, high: 0 },
        projects: [p.project],
        totals: { budget: 0, actual: 0, usageRate: null, projects: 1, flagged: 0 },
        grades: { excellent: 0, good: 0, fair: 0, poor: 0 },
        checks: [],
      }).projects;
      // A form's own flags (weights_mismatch …) follow the rate flags, which follow the monitoring month.
      const form = p.form ? { layout: 'forms', flags: [...json.flags, ...p.form.flags.filter((f) => !(FLAGS as readonly string[]).includes(f))] } : { layout: 'table' };
      return { ...json, ...form, department: p.department, file: relative(cwd, p.file) || p.file, sheet: p.sheet };
    }),
    failures: c.failures.map((f) => ({ file: relative(cwd, f.file) || f.file, message: f.message })),
    totals: c.totals,
  };
}

interface Options {
  lang: Lang;
  json: boolean;
  out?: string;
  scheme: Scheme;
  job: FileJob;
  jobs?: number;
  positionals: string[];
}

async function loadScheme(values: Record<string, string | boolean | undefined>, cwd: string, lang: Lang, notes: string[]): Promise<Scheme> {
  const file = typeof values['scheme-file'] === 'string' ? values['scheme-file'] : undefined;
  if (file !== undefined) {
    if (typeof values.scheme === 'string') throw new Refusal(cliText('schemeAndFile', lang));
    const path = resolve(cwd, file);
    const { text, note } = await readSchemeFile(path, lang);
    if (note !== undefined) notes.push(note);
    const parsed = parseScheme(text, lang);
    if (!parsed.ok) throw new Refusal(cliText('schemeFileBad', lang, { path, errors: parsed.errors.join(catalogue(lang).engine.words.listSep) }));
    return parsed.scheme;
  }
  const id = typeof values.scheme === 'string' ? values.scheme : DEFAULT_SCHEME_ID;
  const scheme = getScheme(id);
  if (!scheme) throw new Refusal(say('unknownScheme', lang, { id }));
  return scheme;
}

async function readOptions(argv: string[], io: CliIO, notes: string[]): Promise<Options> {
  let lang: Lang = langFromEnv(io.env);
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        scheme: { type: 'string' },
        'scheme-file': { type: 'string' },
        low: { type: 'string' },
        high: { type: 'string' },
        month: { type: 'string' },
        jobs: { type: 'string' },
        lang: { type: 'string' },
      },
    }));
  } catch (err) {
    throw new Refusal(`${(err instanceof Error ? err.message : String(err)).split(/\.\s/)[0]}. ${say('usage', lang)}`);
  }
  if (values.lang === 'zh' || values.lang === 'en') lang = values.lang;
  if (positionals.length === 0) throw new Refusal(say('usage', lang));
  const scheme = await loadScheme(values, io.cwd, lang, notes);
  const band = {
    low: typeof values.low === 'string' ? Number(values.low) : scheme.rateBand.low,
    high: typeof values.high === 'string' ? Number(values.high) : scheme.rateBand.high,
  };
  const bandErrors = validateBand(band, lang, 'band');
  if (bandErrors.length > 0) throw new Refusal(bandErrors.join(catalogue(lang).engine.words.listSep));
  const month = readMonth(typeof values.month === 'string' ? values.month : undefined, lang);
  if (typeof month === 'string') throw new Refusal(month);
  let jobs: number | undefined;
  if (typeof values.jobs === 'string') {
    const max = Math.max(availableParallelism(), 1) * 4;
    jobs = /^\d+$/.test(values.jobs.trim()) ? Number(values.jobs) : NaN;
    if (!(jobs >= 1 && jobs <= max)) throw new Refusal(say('badJobs', lang, { max, value: values.jobs }));
  }
  return {
    lang,
    json: values.json === true,
    out: typeof values.out === 'string' ? values.out : undefined,
    scheme,
    job: { scheme, band, lang, ...(month !== undefined ? { month } : {}) },
    jobs,
    positionals,
  };
}

function readableLines(result: Consolidation, o: Options, cwd: string): string[] {
  const pct = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(2)}%`);
  const lines = result.departments.map((d) =>
    say('line', o.lang, { name: d.name, files: d.files, projects: d.projects, flagged: d.flagged, budget: d.budget.toFixed(2), actual: d.actual.toFixed(2), rate: pct(d.usageRate) }),
  );
  for (const f of result.failures) lines.push(say('failed', o.lang, { file: relative(cwd, f.file) || f.file, message: f.message }));
  return lines;
}

async function writeWorkbook(result: Consolidation, o: Options, output: ReservedOutput, cwd: string): Promise<void> {
  const month = o.job.month;
  const views = consolidatedViews(result, {
    lang: o.lang,
    band: o.job.band,
    ...(month !== undefined ? { monitoring: { month, bands: monitoringBands(o.scheme) } } : {}),
    fileName: (file) => relative(cwd, file) || file,
  });
  await output.commit(await consolidatedWorkbook(views, { lang: o.lang, band: o.job.band, ...(month !== undefined ? { timeShare: timeShare(month) } : {}) }));
}

async function consolidateFiles(o: Options, io: CliIO, output: ReservedOutput | null): Promise<number> {
  const outPath = output?.path;
  const files = (await listWorkbooks(o.positionals.map((p) => resolve(io.cwd, p)))).filter((f) => outPath === undefined || resolve(f) !== outPath);
  if (files.length === 0) throw new Refusal(say('noFiles', o.lang, { list: o.positionals.join(', ') }));
  let lastStep = -1;
  const outcomes = await evaluateFiles(files, o.job, poolFor(o.jobs ?? defaultJobs(files.length), files.length), (done) => {
    const step = Math.floor((done / files.length) * 20);
    if (step === lastStep) return;
    lastStep = step;
    io.stderr(`${say('progress', o.lang, { done, total: files.length, pct: step * 5 })}\n`);
  });
  const entries: ConsolidatedEntry[] = [];
  const failures: { file: string; message: string }[] = [];
  for (const r of outcomes) {
    if (r.ok) entries.push(...r.entries);
    else failures.push({ file: r.file, message: r.message });
  }
  if (entries.length === 0) throw new Refusal(say('none', o.lang, { n: files.length }));
  const result = consolidate(entries, failures);
  if (output) await writeWorkbook(result, o, output, io.cwd);
  if (o.json) io.stdout(`${JSON.stringify(jsonReport(result, io.cwd), null, 2)}\n`);
  else io.stdout(`${readableLines(result, o, io.cwd).join('\n')}\n`);
  if (output) io.stderr(`${say('wrote', o.lang, { path: output.path })}\n`);
  return 0;
}

export async function runConsolidate(argv: string[], io: CliIO): Promise<number> {
  const notes: string[] = [];
  let output: ReservedOutput | null = null;
  try {
    const o = await readOptions(argv, io, notes);
    for (const note of notes) io.stderr(`${oneLine(note)}\n`);
    if (o.out !== undefined) output = await reserveOutput(resolve(io.cwd, o.positionals[0]), resolve(io.cwd, o.out), o.out, o.lang);
    return await consolidateFiles(o, io, output);
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    io.stderr(`${oneLine(err.message)}\n`);
    return 2;
  } finally {
    await output?.discard();
  }
}
