// The bureau's consolidation over department workbooks of mixed layouts, with unreadable ones among them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runConsolidate } from '../../src/cli/consolidateRun';
import { addSheet, listFiles, makeTempDir, removeDir, save, sha256 } from './cliHarness';
import { SEED } from '../support/seed';

let dir: string;
beforeEach(() => (dir = makeTempDir()));
afterEach(() => removeDir(dir));

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runConsolidate(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { LANG: 'en_US.UTF-8' }, cwd: dir });
  return { code, stdout, stderr };
}

interface Report {
  departments: { name: string; files: number; projects: number; budget: number; actual: number; usageRate: number | null; flagged: number }[];
  projects: { name: string; department: string; file: string; sheet: string; row: number; monitoring: unknown }[];
  failures: { file: string; message: string }[];
  totals: { projects: number; budget: number; actual: number; usageRate: number | null; failed: number };
}

async function buildFolder(): Promise<void> {
  mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
  // Seed table with the department in a title row and the unit row before it.
  const seed = new ExcelJS.Workbook();
  addSheet(seed, '自评表', [
    ['项目支出绩效自评表（2018年度）'],
    ['单位：万元'],
    ['单位：某区安全生产监督管理局'],
    ['项目名称', '预算数', '执行数'],
    ...SEED.names.map((n, i) => [n, SEED.budgets[i], SEED.actuals[i]]),
  ]);
  await save(seed, join(dir, 'in', 'safety.xlsx'));
  // English table behind a cover sheet, department from 部门名称 in a sub-folder.
  const edu = new ExcelJS.Workbook();
  addSheet(edu, 'Cover', [['2023']]);
  addSheet(edu, 'Data', [['部门名称：某区教育局'], ['Project', 'Budget', 'Actual'], ['Books', 100, 95], ['Desks', 50, 20]]);
  await save(edu, join(dir, 'in', 'sub', 'edu.xlsx'));
  // No department line: the file name names it.
  const plain = new ExcelJS.Workbook();
  addSheet(plain, 'S', [['项目名称', '全年预算数', '全年执行数'], ['道路养护', 10, 9.5]]);
  await save(plain, join(dir, 'in', 'sub', '交通局.xlsx'));
  // Unreadable: a corrupt zip, an empty file, a text file named .xlsx; skipped: a lock file and our own output.
  writeFileSync(join(dir, 'in', 'corrupt.xlsx'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]));
  writeFileSync(join(dir, 'in', 'empty.xlsx'), '');
  writeFileSync(join(dir, 'in', 'notes.xlsx'), 'just some notes');
  writeFileSync(join(dir, 'in', '~$safety.xlsx'), 'lock');
  await save(plain, join(dir, 'in', 'safety.evaluated.xlsx'));
  writeFileSync(join(dir, 'in', 'readme.txt'), 'not a workbook');
}

it('consolidates a folder of mixed layouts, lists unreadable workbooks, and leaves the inputs untouched', async () => {
  await buildFolder();
  const before = listFiles(join(dir, 'in')).map((f) => (f === 'sub' ? f : `${f}:${sha256(join(dir, 'in', f))}`));
  const r = await run(['in', '--json', '--scheme', 'wuhan2018']);
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout) as Report;
  expect(report.departments.map((d) => [d.name, d.files, d.projects])).toEqual(
    expect.arrayContaining([
      ['某区安全生产监督管理局', 1, 7],
      ['某区教育局', 1, 2],
      ['交通局', 1, 1],
    ]),
  );
  expect(report.departments).toHaveLength(3);
  const safety = report.departments.find((d) => d.name === '某区安全生产监督管理局')!;
  // Fund-weighted: Σactual / Σbudget of the seed = 725.45 / 918.45.
  expect(safety.budget).toBeCloseTo(918.45, 9);
  expect(safety.actual).toBeCloseTo(725.45, 9);
  expect(safety.usageRate).toBeCloseTo(725.45 / 918.45, 12);
  const edu = report.departments.find((d) => d.name === '某区教育局')!;
  expect(edu.usageRate).toBeCloseTo(115 / 150, 12);
  expect(report.failures.map((f) => f.file).sort()).toEqual(['in/corrupt.xlsx', 'in/empty.xlsx', 'in/notes.xlsx']);
  expect(report.failures.find((f) => f.file === 'in/empty.xlsx')?.message).toBe('Not an Excel workbook (.xlsx)');
  const books = report.projects.find((p) => p.name === 'Books')!;
  expect(books).toMatchObject({ department: '某区教育局', file: 'in/sub/edu.xlsx', sheet: 'Data', row: 3, monitoring: null });
  expect(report.totals).toMatchObject({ projects: 10, failed: 3 });
  expect(report.totals.usageRate).toBeCloseTo((725.45 + 115 + 9.5) / (918.45 + 150 + 10), 12);
  expect(r.stderr).toMatch(/Processed 6\/6 \(100%\)/);
  const after = listFiles(join(dir, 'in')).map((f) => (f === 'sub' ? f : `${f}:${sha256(join(dir, 'in', f))}`));
  expect(after).toEqual(before);
});

it('passes --month through: every project gains its monitoring', async () => {
  await buildFolder();
  const r = await run(['in', '--json', '--month', '6']);
  const report = JSON.parse(r.stdout) as Report;
  const desks = report.projects.find((p) => p.name === 'Desks')!;
  // 20 / 50 = 40%, ÷ 0.5 = 80%: green.
  expect(desks.monitoring).toEqual({ month: 6, timeShare: 0.5, progress: expect.closeTo(0.8, 12), status: 'green' });
});

it('exits 2 with one line when no workbook could be evaluated', async () => {
  writeFileSync(join(dir, 'empty.xlsx'), '');
  const r = await run(['empty.xlsx', '--json']);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n').pop()).toBe('No workbook could be evaluated (1 files, none readable or evaluable)');
});

it('refuses a band given in percent, every mistake named in the officer\'s language and joined as that language joins a list', async () => {
  const zh = await run(['any.xlsx', '--low', '90', '--high', '120', '--lang', 'zh']);
  expect(zh.code).toBe(2);
  const line = zh.stderr.trim();
  expect(line.split('\n')).toHaveLength(1);
  const [low, high] = line.split('；');
  expect(low).toContain('band.low');
  expect(high).toContain('band.high');
  expect(line).not.toContain('; ');
  const en = await run(['any.xlsx', '--low', '90', '--high', '120', '--lang', 'en']);
  expect(en.stderr.trim()).toMatch(/"band\.low" is 90.*; "band\.high" is 120/);
});
