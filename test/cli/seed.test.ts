// The batch command on the seed report's seven projects (numbers copied from the seed, not read from it).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ValueType } from 'exceljs';
import { buildSeedWorkbook } from '../support/seedWorkbook';
import type { JsonReport } from '../../src/cli/report';
import { SEED } from '../support/seed';
import { cellMap, findCells, listFiles, load, makeTempDir, removeDir, runInProcess, save, sha256 } from './cliHarness';

const { names: NAMES, budgets: BUDGETS, actuals: ACTUALS, output: OUTPUT, benefit: BENEFIT, totals: TOTALS } = SEED;

let dir: string;
let input: string;

beforeEach(async () => {
  dir = makeTempDir();
  input = await save(buildSeedWorkbook(), join(dir, 'seed.xlsx'));
});
afterEach(() => removeDir(dir));

describe('seed workbook, --json, wuhan2018', () => {
  let report: JsonReport;
  let stdout: string;
  let code: number;

  beforeEach(async () => {
    const run = await runInProcess(['seed.xlsx', '--scheme', 'wuhan2018', '--json'], dir);
    code = run.code;
    stdout = run.stdout;
    report = JSON.parse(run.stdout) as JsonReport;
  });

  it('exits 0 and prints only the JSON report on stdout', () => {
    expect(code).toBe(0);
    expect(stdout.trim().startsWith('{')).toBe(true);
    expect(stdout.trim().endsWith('}')).toBe(true);
    expect(Object.keys(report)).toEqual(['layout', 'sheet', 'headerRow', 'unit', 'scheme', 'projects', 'totals', 'grades', 'checks']);
  });

  it('reports the sheet, the header row under the title and unit rows, the unit and the scheme', () => {
    expect(report.sheet).toBe('Sheet1');
    expect(report.headerRow).toBe(3);
    expect(report.unit).toBe('万元');
    expect(report.scheme).toBe('wuhan2018');
  });

  it('lists the seven projects with their rows, amounts and rates (305.5万元 read as text)', () => {
    expect(report.projects.map((p) => p.name)).toEqual(NAMES);
    expect(report.projects.map((p) => p.row)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    report.projects.forEach((p, i) => {
      expect(p.budget).toBeCloseTo(BUDGETS[i], 10);
      expect(p.actual).toBeCloseTo(ACTUALS[i], 10);
      expect(p.usageRate).toBeCloseTo(ACTUALS[i] / BUDGETS[i], 12);
      expect(Object.keys(p)).toEqual(['row', 'name', 'budget', 'actual', 'usageRate', 'scores', 'grade', 'flags', 'monitoring']);
      expect(p.monitoring).toBeNull();
    });
  });

  it('computes totals from the components, with no execution or satisfaction score', () => {
    report.projects.forEach((p, i) => {
      expect(p.scores).toEqual({ output: OUTPUT[i], benefit: BENEFIT[i], satisfaction: null, execution: null, total: TOTALS[i] });
    });
  });

  it('grades 5 excellent, 1 good, 1 fair and flags six projects', () => {
    expect(report.grades).toEqual({ excellent: 5, good: 1, fair: 1, poor: 0 });
    expect(report.projects.map((p) => p.grade)).toEqual(['excellent', 'excellent', 'excellent', 'good', 'excellent', 'fair', 'excellent']);
    expect(report.totals.flagged).toBe(6);
    expect(report.projects[4].flags).toEqual([]);
  });

  it('flags the 88% stated for project 3 (35.5/40 = 88.75%) and the rates outside 90%–100%', () => {
    expect(report.projects[2].flags).toEqual(expect.arrayContaining(['under_execution', 'rate_mismatch']));
    expect(report.projects[0].flags).toEqual(['under_execution']);
    expect(report.projects[1].flags).toEqual(['over_budget']);
    expect(report.projects[5].flags).toEqual(['under_execution']);
    expect(report.projects[6].flags).toEqual(['over_budget']);
  });

  it('totals the portfolio fund-weighted and reports the hand-made 合计 of 918.4', () => {
    const budget = BUDGETS.reduce((a, b) => a + b, 0);
    const actual = ACTUALS.reduce((a, b) => a + b, 0);
    expect(report.totals.projects).toBe(7);
    expect(report.totals.budget).toBeCloseTo(918.45, 9);
    expect(report.totals.actual).toBeCloseTo(725.45, 9);
    expect(report.totals.usageRate).toBeCloseTo(actual / budget, 12);
    expect(report.checks).toHaveLength(1);
    expect(report.checks[0]).toMatchObject({ code: 'sum_mismatch', row: 11, column: 'budget', stated: 918.4 });
    expect(report.checks[0].computed).toBeCloseTo(918.45, 9);
  });
});

describe('seed workbook, the evaluated copy', () => {
  it('leaves the input byte-for-byte unchanged and writes book.evaluated.xlsx beside it', async () => {
    const before = sha256(input);
    const run = await runInProcess([input, '--scheme', 'wuhan2018'], '/');
    expect(run.code).toBe(0);
    expect(sha256(input)).toBe(before);
    expect(listFiles(dir)).toEqual(['seed.evaluated.xlsx', 'seed.xlsx']);
    expect(run.stdout).toContain(join(dir, 'seed.evaluated.xlsx'));
  });

  it('keeps every input sheet with its values and adds the summary sheet', async () => {
    const out = join(dir, 'copy.xlsx');
    expect((await runInProcess(['seed.xlsx', '--out', out], dir)).code).toBe(0);
    const source = await load(input);
    const copy = await load(out);
    expect(copy.worksheets.map((w) => w.name)).toEqual(['Sheet1', '绩效自评汇总']);
    expect(cellMap(copy.getWorksheet('Sheet1')!)).toEqual(cellMap(source.getWorksheet('Sheet1')!));
  });

  it('stores every project name in the summary as a text cell with exactly the name', async () => {
    const out = join(dir, 'copy.xlsx');
    await runInProcess(['seed.xlsx', '--out', out], dir);
    const summary = (await load(out)).getWorksheet('绩效自评汇总')!;
    for (const name of NAMES) {
      const cells = findCells(summary, name);
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) expect(cell.type).toBe(ValueType.String);
    }
  });

  it('formats amounts 0.00 and rates 0.00%, freezes the header and makes the projects a table', async () => {
    const out = join(dir, 'copy.xlsx');
    await runInProcess(['seed.xlsx', '--out', out], dir);
    const summary = (await load(out)).getWorksheet('绩效自评汇总')!;
    const nameCell = findCells(summary, NAMES[0])[0];
    const row = summary.getRow(Number(nameCell.row));
    const cells: { value: unknown; numFmt: string }[] = [];
    row.eachCell((c) => cells.push({ value: c.value, numFmt: c.numFmt }));
    expect(cells).toEqual(expect.arrayContaining([{ value: 305.5, numFmt: '0.00' }, { value: 271.46, numFmt: '0.00' }]));
    const rate = cells.find((c) => typeof c.value === 'number' && Math.abs(c.value - 271.46 / 305.5) < 1e-12);
    expect(rate?.numFmt).toBe('0.00%');
    const view = summary.views[0] as { state?: string; ySplit?: number };
    expect(view.state).toBe('frozen');
    expect(view.ySplit).toBeGreaterThanOrEqual(Number(nameCell.row) - 1);
    const tables = (summary as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables;
    expect(Object.keys(tables)).toHaveLength(1);
  });

  it('prints a readable table and where it wrote the copy', async () => {
    const run = await runInProcess(['seed.xlsx', '--scheme', 'wuhan2018', '--lang', 'en'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    for (const name of NAMES) expect(run.stdout).toContain(name);
    expect(run.stdout).toContain('88.86%');
    expect(run.stdout).toContain('104.00%');
    expect(run.stdout).toContain('Over budget');
    expect(run.stdout).toContain(join(dir, 'seed.evaluated.xlsx'));
    expect(existsSync(join(dir, 'seed.evaluated.xlsx'))).toBe(true);
  });

  it('speaks Chinese with --lang zh', async () => {
    const run = await runInProcess(['seed.xlsx', '--scheme', 'wuhan2018', '--lang', 'zh'], dir);
    expect(run.stdout).toContain('超预算');
    expect(run.stdout).toContain('已写出评价副本');
  });
});

describe('seed workbook, mof2020 chosen over the weights its headers state', () => {
  it('adds the capped execution score and flags benefit scores above the weight 30', async () => {
    const run = await runInProcess(['seed.xlsx', '--json', '--scheme', 'mof2020'], dir);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.scheme).toBe('mof2020');
    report.projects.forEach((p, i) => {
      const rate = ACTUALS[i] / BUDGETS[i];
      expect(p.scores.execution).toBeCloseTo(Math.min(Math.max(rate, 0), 1) * 10, 9);
      expect(p.scores.satisfaction).toBeNull();
      // Benefit scores of 45–50 are above mof2020's weight of 30; project 6's 30 is not.
      if (BENEFIT[i] > 30) expect(p.flags).toContain('score_over_weight');
      else expect(p.flags).not.toContain('score_over_weight');
    });
    expect(report.projects[6].scores.execution).toBe(10);
  });

  it('moves the band with --low and --high', async () => {
    const run = await runInProcess(['seed.xlsx', '--scheme', 'wuhan2018', '--low', '0.8', '--high', '1.05', '--json'], dir);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.projects[0].flags).toEqual([]);
    expect(report.projects[3].flags).toEqual(['under_execution']);
    expect(report.projects[6].flags).toEqual([]);
  });
});
