// The consolidated workbook (--out), forms' 主管部门 as the department, --scheme-file, and worker threads
// giving the same result as the in-process run.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { listWorkbooks, runConsolidate } from '../../src/cli/consolidateRun';
import { evaluateFiles } from '../../src/cli/consolidatePool';
import { getScheme } from '../../src/engine/schemes';
import { readZipTexts } from '../../src/xlsx/zipPatch';
import { addSheet, makeTempDir, removeDir, save } from './cliHarness';
import { SEED } from '../support/seed';
import { NATIONAL_EXAMPLE, SICHUAN_EXAMPLE, formsWorkbook, nationalForm, sichuanForm, stackForms, withChanges } from '../support/forms';

const TABLE_PART = /^xl\/tables\/\w+\.xml$/;

let dir: string;
beforeEach(() => (dir = makeTempDir()));
afterEach(() => removeDir(dir));

async function run(argv: string[], lang = 'en_US.UTF-8'): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runConsolidate(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { LANG: lang }, cwd: dir });
  return { code, stdout, stderr };
}

interface Report {
  departments: { name: string; files: number; projects: number; budget: number; actual: number; usageRate: number | null; flagged: number; checks: number }[];
  projects: { name: string; department: string; file: string; sheet: string; row: number; layout: string; flags: string[]; monitoring: { status: string } | null }[];
  failures: { file: string; message: string }[];
  totals: { projects: number; files: number; failed: number };
}

/** A seed table, an English table, a forms workbook with two 主管部门 (one indicator mis-scored), a corrupt file. */
async function buildFolder(): Promise<void> {
  mkdirSync(join(dir, 'in'), { recursive: true });
  const seed = new ExcelJS.Workbook();
  addSheet(seed, '自评表', [['单位：万元'], ['单位：某区安全生产监督管理局'], ['项目名称', '预算数', '执行数'], ...SEED.names.map((n, i) => [n, SEED.budgets[i], SEED.actuals[i]])]);
  await save(seed, join(dir, 'in', 'safety.xlsx'));
  const edu = new ExcelJS.Workbook();
  addSheet(edu, 'Data', [['部门名称：某区教育局'], ['Project', 'Budget', 'Actual'], ['Books', 100, 95], ['Desks', 50, 20]]);
  await save(edu, join(dir, 'in', 'edu.xlsx'));
  // 巡查企业数 achieved 150 of ≥200 but stated full marks: score_mismatch on the indicator.
  const misScored = withChanges(NATIONAL_EXAMPLE, { name: '协管员巡查' }, { 0: { actual: '150家次' } });
  const forms = formsWorkbook([
    stackForms('国家表', [nationalForm(misScored)]),
    stackForms('四川表', [sichuanForm(SICHUAN_EXAMPLE), sichuanForm(withChanges(SICHUAN_EXAMPLE, { name: '应急物资储备', department: '' }))]),
  ]);
  await save(forms, join(dir, 'in', '应急口自评表.xlsx'));
  writeFileSync(join(dir, 'in', 'corrupt.xlsx'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]));
}

it('takes the department of a form from its 主管部门, else the file name, and counts its flags', async () => {
  await buildFolder();
  const r = await run(['in', '--json', '--scheme', 'wuhan2018']);
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout) as Report;
  expect(report.departments.map((d) => [d.name, d.files, d.projects]).sort()).toEqual(
    [
      ['某区安全生产监督管理局', 1, 7],
      ['某区应急管理局', 1, 1],
      ['某区教育局', 1, 2],
      ['某县应急管理局', 1, 1],
      ['应急口自评表', 1, 1],
    ].sort(),
  );
  const national = report.projects.find((p) => p.name === '协管员巡查')!;
  expect(national).toMatchObject({ department: '某区应急管理局', layout: 'forms', sheet: '国家表', file: 'in/应急口自评表.xlsx' });
  expect(national.flags).toContain('indicator_flags');
  expect(report.departments.find((d) => d.name === '某区应急管理局')!.flagged).toBe(1);
  expect(report.projects.find((p) => p.name === '应急物资储备')).toMatchObject({ department: '应急口自评表', sheet: '四川表' });
  expect(report.projects.find((p) => p.name === 'Books')).toMatchObject({ layout: 'table' });
  expect(report.failures.map((f) => f.file)).toEqual(['in/corrupt.xlsx']);
});

it('writes the consolidated workbook: a table per view with frozen headers, print titles and the departments chart', async () => {
  await buildFolder();
  const r = await run(['in', '--out', 'out/consolidated.xlsx', '--scheme', 'wuhan2018', '--lang', 'zh'].slice(0, 2).concat([]), 'zh_CN.UTF-8').catch(() => null);
  // The output folder must exist: the command refuses a missing one rather than creating it.
  expect(r?.code).toBe(2);
  mkdirSync(join(dir, 'out'));
  const ok = await run(['in', '--out', 'out/consolidated.xlsx', '--scheme', 'wuhan2018'], 'zh_CN.UTF-8');
  expect(ok.code).toBe(0);
  expect(ok.stderr).toContain('已写入汇总工作簿');
  const path = join(dir, 'out', 'consolidated.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['部门汇总', '项目明细', '指标问题', '无法读取']);
  const deps = wb.getWorksheet('部门汇总')!;
  expect(deps.getCell('A1').value).toBe('各部门项目支出绩效自评汇总');
  expect(deps.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  expect(deps.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '3:3' });
  expect(deps.getRow(3).values).toEqual(expect.arrayContaining(['部门', '项目数', '预算数', '执行数', '预算执行率', '对照区间']));
  const names = (deps.getColumn(1).values as unknown[]).slice(4);
  expect(names).toEqual(['交通局'].filter(() => false).concat(['某区安全生产监督管理局', '某区教育局', '某区应急管理局', '某县应急管理局', '应急口自评表'].sort((a, b) => a.localeCompare(b, 'zh'))));
  const eduRow = names.indexOf('某区教育局') + 4;
  expect(deps.getCell(eduRow, 6).value).toBeCloseTo(115 / 150, 12);
  expect(deps.getCell(eduRow, 6).numFmt).toBe('0.00%');
  expect(deps.getCell(eduRow, 7).value).toBe('低于区间');
  expect(deps.getColumn(1).width).toBeGreaterThanOrEqual(20);

  // Tables with filter buttons, read from the package itself.
  const parts = await readZipTexts(readFileSync(path), (n) => /^xl\/(tables|charts|drawings)\/|^xl\/worksheets\/(_rels\/)?sheet1\.xml|\[Content_Types\]/.test(n));
  const tables = [...parts].filter(([n]) => TABLE_PART.test(n)).map(([, t]) => /displayName="(\w+)"/.exec(t)?.[1]);
  expect(tables.sort()).toEqual(['Departments', 'FlaggedIndicators', 'Projects', 'Unreadable']);
  for (const [n, t] of parts) if (TABLE_PART.test(n)) expect([n, t]).toEqual([n, expect.stringContaining('<autoFilter')]);
  const chart = parts.get('xl/charts/chart1.xml')!;
  expect(chart).toContain('<c:barChart>');
  expect(chart).toContain("<c:f>'部门汇总'!$F$4:$F$8</c:f>");
  expect(chart).toMatch(/区间下限.*<c:v>0\.9<\/c:v>.*区间上限.*<c:v>1<\/c:v>/s);
  expect(parts.get('xl/drawings/_rels/drawing1.xml.rels')).toContain('../charts/chart1.xml');
  expect(parts.get('xl/worksheets/sheet1.xml')).toMatch(/<drawing r:id="rId\w+"\/><tableParts/);
  expect(parts.get('[Content_Types].xml')).toContain('/xl/charts/chart1.xml');

  // Every project with its source; the mis-scored indicator; the unreadable workbook.
  const book = XLSX.read(readFileSync(path));
  const projects = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['项目明细'], { range: 2 });
  expect(projects).toHaveLength(12);
  expect(projects.find((p) => p['项目名称'] === 'Desks')).toMatchObject({ 部门: '某区教育局', 来源文件: 'in/edu.xlsx', 工作表: 'Data', 行: 4 });
  const indicators = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['指标问题'], { range: 2 });
  expect(indicators.filter((i) => i['工作表'] === '国家表')).toEqual([expect.objectContaining({ 部门: '某区应急管理局', 三级指标: '巡查企业数', 实际完成值: '150家次', 计算得分: 15, 问题: '得分与计算不符；未满分且缺少偏差原因' })]);
  // Only flagged indicators: the Sichuan form's below-full-marks rows without a reason.
  expect(indicators.filter((i) => i['工作表'] === '四川表').every((i) => i['问题'] === '未满分且缺少偏差原因')).toBe(true);
  const failures = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['无法读取'], { range: 2 });
  expect(failures).toEqual([expect.objectContaining({ 来源文件: 'in/corrupt.xlsx' })]);

  // The output is not read back as an input on the next run.
  const again = await run(['in', 'out', '--json', '--out', 'out/consolidated.xlsx'], 'zh_CN.UTF-8');
  expect((JSON.parse(again.stdout) as Report).totals.files).toBe(3);
});

it('titles the views and the chart by the monitoring month', async () => {
  await buildFolder();
  const r = await run(['in', '--out', 'c.xlsx', '--month', '9'], 'zh_CN.UTF-8');
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'c.xlsx'));
  const deps = wb.getWorksheet('部门汇总')!;
  expect(String(deps.getCell('A1').value)).toMatch(/^1–9月 运行监控/);
  expect(deps.getRow(3).values).toEqual(expect.arrayContaining(['序时进度比', '监控状态', '绿', '黄', '红']));
  const parts = await readZipTexts(readFileSync(join(dir, 'c.xlsx')), (n) => n === 'xl/charts/chart1.xml');
  expect(parts.get('xl/charts/chart1.xml')).toMatch(/序时进度.*<c:v>0\.75<\/c:v>/s);
});

it('reads the scheme from --scheme-file and refuses it beside --scheme', async () => {
  await buildFolder();
  const scheme = JSON.stringify({ id: 'strict', name: { zh: '严', en: 'Strict' }, weights: { output: 50, benefit: 30, satisfaction: 10 }, execution: { rule: 'linear', weight: 10 }, grades: { excellent: 90, good: 80, fair: 60 }, rateBand: { low: 0.5, high: 1 } });
  writeFileSync(join(dir, 'strict.json'), scheme);
  const r = await run(['in', '--json', '--scheme-file', 'strict.json', '--out', 'c.xlsx']);
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout) as Report;
  // Desks at 40% is under the 0.5 band edge; Books at 95% is not.
  const flags = (name: string): string[] => report.projects.find((p) => p.name === name)!.flags;
  expect(flags('Desks')).toContain('under_execution');
  expect(flags('Books')).not.toContain('under_execution');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'c.xlsx'));
  const parts = await readZipTexts(readFileSync(join(dir, 'c.xlsx')), (n) => n === 'xl/charts/chart1.xml');
  expect(parts.get('xl/charts/chart1.xml')).toMatch(/Band low.*<c:v>0\.5<\/c:v>/s);
  const both = await run(['in', '--scheme', 'mof2020', '--scheme-file', 'strict.json']);
  expect(both.code).toBe(2);
  expect(both.stderr).toMatch(/either --scheme or --scheme-file/);
  writeFileSync(join(dir, 'bad.json'), '{"id": 3}');
  const bad = await run(['in', '--scheme-file', 'bad.json']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/bad\.json/);
});

it('gives the same outcomes on worker threads alone as on this thread, and the same report with --jobs 2', async () => {
  await buildFolder();
  const files = await listWorkbooks([join(dir, 'in')]);
  const scheme = getScheme('wuhan2018')!;
  const job = { scheme, band: scheme.rateBand, lang: 'en' as const, month: 6 };
  const here = await evaluateFiles(files, job, { workers: 0, mainThread: true }, () => undefined);
  let done = 0;
  const onWorkers = await evaluateFiles(files, job, { workers: 2, mainThread: false }, (n) => (done = n));
  expect(done).toBe(4);
  expect(onWorkers).toEqual(here);
  expect(here.map((o) => o.ok)).toEqual([false, true, true, true]);
  const one = await run(['in', '--json', '--jobs', '1', '--month', '6']);
  const two = await run(['in', '--json', '--jobs', '2', '--month', '6']);
  expect(one.code).toBe(0);
  expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));
  expect(two.stderr).toMatch(/Processed 4\/4 \(100%\)/);
  const bad = await run(['in', '--jobs', '0']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/--jobs must be a whole number/);
}, 60_000);
