// `npm run consolidate -- <folder | files…> [--json] [--scheme …] [--low …] [--high …] [--month N] [--lang zh|en]`:
// evaluates every department workbook with the same engine and prints the bureau's consolidated view.
// One unreadable workbook never stops the run; exit 0 when at least one workbook was evaluated, 2 when none.
// Inputs are only read, never written.
import { promises as fs } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { consolidate, departmentFromTitle, type ConsolidatedEntry, type Consolidation } from '../engine/consolidate';
import { errorMessage } from '../engine/messages';
import { runEvaluation, detectsRequiredColumns } from '../engine/pipeline';
import { DEFAULT_SCHEME_ID, getScheme, validateBand } from '../engine/schemes';
import type { Lang } from '../engine/types';
import { XlsxError } from '../xlsx/errors';
import { XlsxWorkbook } from '../xlsx/xlsxWorkbook';
import { langFromEnv, readMonth } from './args';
import type { CliIO } from './run';
import { toJsonReport } from './report';

const T = {
  usage: {
    zh: '用法：npm run consolidate -- <文件夹|工作簿.xlsx…> [--json] [--scheme mof2020|wuhan2018] [--low 0.9] [--high 1.0] [--month 1-12] [--lang zh|en]',
    en: 'Usage: npm run consolidate -- <folder|workbook.xlsx…> [--json] [--scheme mof2020|wuhan2018] [--low 0.9] [--high 1.0] [--month 1-12] [--lang zh|en]',
  },
  none: { zh: '没有可评价的工作簿（共 {n} 个文件，均无法读取或评价）', en: 'No workbook could be evaluated ({n} files, none readable or evaluable)' },
  noFiles: { zh: '在给出的路径下没有找到 .xlsx 工作簿：{list}', en: 'No .xlsx workbook found under: {list}' },
  progress: { zh: '已处理 {done}/{total}（{pct}%）', en: 'Processed {done}/{total} ({pct}%)' },
  notWorkbook: { zh: '不是有效的 Excel 工作簿（.xlsx）', en: 'Not an Excel workbook (.xlsx)' },
  broken: { zh: '无法读取该工作簿：{reason}', en: 'Cannot read the workbook: {reason}' },
  noSheet: { zh: '没有同时含项目名称、预算数和执行数列的工作表', en: 'No sheet has project, budget and actual-spend columns' },
  unknownScheme: { zh: '未知的评分方案“{id}”', en: 'Unknown scoring scheme "{id}"' },
  line: {
    zh: '{name}：{files}个文件，{projects}个项目，预算 {budget}，执行 {actual}，使用率 {rate}，需关注 {flagged}',
    en: '{name}: {files} files, {projects} projects, budget {budget}, actual {actual}, rate {rate}, {flagged} flagged',
  },
  failed: { zh: '无法读取：{file}：{message}', en: 'Unreadable: {file}: {message}' },
} as const;

function say(key: keyof typeof T, lang: Lang, values: Record<string, string | number> = {}): string {
  return T[key][lang].replace(/\{(\w+)\}/g, (all, k: string) => (k in values ? String(values[k]) : all));
}

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
      return { ...json, department: p.department, file: relative(cwd, p.file) || p.file, sheet: p.sheet };
    }),
    failures: c.failures.map((f) => ({ file: relative(cwd, f.file) || f.file, message: f.message })),
    totals: c.totals,
  };
}

export async function runConsolidate(argv: string[], io: CliIO): Promise<number> {
  let lang: Lang = langFromEnv(io.env);
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        scheme: { type: 'string' },
        low: { type: 'string' },
        high: { type: 'string' },
        month: { type: 'string' },
        lang: { type: 'string' },
      },
    }));
  } catch (err) {
    io.stderr(`${(err instanceof Error ? err.message : String(err)).split(/\.\s/)[0]}. ${say('usage', lang)}\n`);
    return 2;
  }
  if (values.lang === 'zh' || values.lang === 'en') lang = values.lang;
  if (positionals.length === 0) {
    io.stderr(`${say('usage', lang)}\n`);
    return 2;
  }
  const schemeId = typeof values.scheme === 'string' ? values.scheme : DEFAULT_SCHEME_ID;
  const scheme = getScheme(schemeId);
  if (!scheme) {
    io.stderr(`${say('unknownScheme', lang, { id: schemeId })}\n`);
    return 2;
  }
  const band = {
    low: typeof values.low === 'string' ? Number(values.low) : scheme.rateBand.low,
    high: typeof values.high === 'string' ? Number(values.high) : scheme.rateBand.high,
  };
  const bandErrors = validateBand(band, lang, 'band');
  if (bandErrors.length > 0) {
    io.stderr(`${bandErrors.join('; ')}\n`);
    return 2;
  }
  const month = readMonth(typeof values.month === 'string' ? values.month : undefined, lang);
  if (typeof month === 'string') {
    io.stderr(`${month}\n`);
    return 2;
  }

  const files = await listWorkbooks(positionals.map((p) => resolve(io.cwd, p)));
  if (files.length === 0) {
    io.stderr(`${say('noFiles', lang, { list: positionals.join(', ') })}\n`);
    return 2;
  }
  const entries: ConsolidatedEntry[] = [];
  const failures: { file: string; message: string }[] = [];
  let lastStep = -1;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    try {
      const book = await XlsxWorkbook.fromFile(file);
      let done = false;
      let lastError: string | null = null;
      for (const sheet of await book.listSheets()) {
        const data = await book.readSource({ sheet, scope: 'sheet' });
        if (!detectsRequiredColumns(data.grid)) continue;
        const result = runEvaluation(data, { scheme, band, month });
        if (!result.ok) {
          lastError = errorMessage(result.error, lang);
          continue;
        }
        const department = departmentFromTitle(data.grid, result.detection.headerStart) ?? basename(file, extname(file));
        entries.push({ file, department, evaluation: result.evaluation });
        done = true;
        break;
      }
      if (!done) failures.push({ file, message: lastError ?? say('noSheet', lang) });
    } catch (err) {
      const message =
        err instanceof XlsxError
          ? err.code === 'broken_workbook'
            ? say('broken', lang, { reason: err.details.reason ?? '' })
            : say('notWorkbook', lang)
          : err instanceof Error
            ? err.message
            : String(err);
      failures.push({ file, message: message.replace(/\s*[\r\n]+\s*/g, ' ') });
    }
    const step = Math.floor(((i + 1) / files.length) * 20);
    if (step !== lastStep) {
      lastStep = step;
      io.stderr(`${say('progress', lang, { done: i + 1, total: files.length, pct: step * 5 })}\n`);
    }
  }
  if (entries.length === 0) {
    io.stderr(`${say('none', lang, { n: files.length })}\n`);
    return 2;
  }
  const result = consolidate(entries, failures);
  if (values.json === true) {
    io.stdout(`${JSON.stringify(jsonReport(result, io.cwd), null, 2)}\n`);
  } else {
    const pct = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(2)}%`);
    const lines = result.departments.map((d) =>
      say('line', lang, { name: d.name, files: d.files, projects: d.projects, flagged: d.flagged, budget: d.budget.toFixed(2), actual: d.actual.toFixed(2), rate: pct(d.usageRate) }),
    );
    for (const f of result.failures) lines.push(say('failed', lang, { file: relative(io.cwd, f.file) || f.file, message: f.message }));
    io.stdout(`${lines.join('\n')}\n`);
  }
  return 0;
}
