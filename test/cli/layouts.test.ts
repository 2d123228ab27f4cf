// The batch command on sheets laid out the way officers lay them out, built here with ExcelJS.
import { join } from 'node:path';
import ExcelJS, { ValueType } from 'exceljs';
import type { JsonReport } from '../../src/cli/report';
import { addSheet, cellMap, findCells, load, makeTempDir, removeDir, runInProcess, save } from './cliHarness';

let dir: string;
beforeEach(() => (dir = makeTempDir()));
afterEach(() => removeDir(dir));

async function evaluate(wb: ExcelJS.Workbook, extra: string[] = []): Promise<{ report: JsonReport; out: string; stderr: string }> {
  await save(wb, join(dir, 'book.xlsx'));
  const run = await runInProcess(['book.xlsx', '--json', '--scheme', 'wuhan2018', ...extra], dir);
  expect(run.stderr).not.toMatch(/Error|at .*\.ts/);
  expect(run.code).toBe(0);
  return { report: JSON.parse(run.stdout) as JsonReport, out: join(dir, 'book.evaluated.xlsx'), stderr: run.stderr };
}

it('reads a two-row header with a merged group cell and uses 全年预算数 over 年初预算数', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = addSheet(wb, '自评表', [
    ['部门预算项目支出绩效自评表（2023年度）'],
    ['单位：万元'],
    ['项目名称', '项目资金（万元）', null, null, '执行率'],
    [null, '年初预算数', '全年预算数', '全年执行数', null],
    ['信息化运维', 80, 100, 95, 0.95],
    ['培训经费', 50, 40, 20, 0.5],
  ]);
  ws.mergeCells('A1:E1');
  ws.mergeCells('B3:D3');
  ws.mergeCells('A3:A4');
  ws.mergeCells('E3:E4');
  const { report } = await evaluate(wb);
  expect(report.sheet).toBe('自评表');
  expect(report.headerRow).toBe(4);
  expect(report.unit).toBe('万元');
  expect(report.projects.map((p) => [p.row, p.name, p.budget, p.actual])).toEqual([
    [5, '信息化运维', 100, 95],
    [6, '培训经费', 40, 20],
  ]);
  expect(report.projects[1].usageRate).toBeCloseTo(0.5, 12);
  expect(report.projects[1].flags).toContain('under_execution');
  expect(report.projects[0].scores.total).toBeNull();
  expect(report.projects[0].grade).toBeNull();
});

it('skips a cover sheet and reads an Excel table at B2 on the second sheet', async () => {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, '封面', [['2023年度部门绩效自评材料'], ['编报单位：某区应急管理局']]);
  const ws = wb.addWorksheet('明细');
  ws.addTable({
    name: 'Projects',
    ref: 'B2',
    headerRow: true,
    columns: [{ name: 'Project' }, { name: 'Budget' }, { name: 'Actual' }, { name: 'Output' }, { name: 'Benefit' }],
    rows: [
      ['Road safety campaign', 120, 114, 48, 45],
      ['Inspection vehicles', 60, 66, 40, 38],
      ['Training', 30, 12, 30, 20],
    ],
  });
  const { report, out } = await evaluate(wb);
  expect(report.sheet).toBe('明细');
  expect(report.headerRow).toBe(2);
  expect(report.unit).toBeNull();
  expect(report.projects.map((p) => p.row)).toEqual([3, 4, 5]);
  expect(report.projects.map((p) => p.scores.total)).toEqual([93, 78, 50]);
  expect(report.projects.map((p) => p.grade)).toEqual(['excellent', 'fair', 'poor']);
  expect(report.projects[1].flags).toContain('over_budget');
  expect(report.projects[2].flags).toEqual(expect.arrayContaining(['under_execution', 'low_score']));
  const copy = await load(out);
  expect(copy.worksheets.map((w) => w.name)).toEqual(['封面', '明细', '绩效自评汇总']);
  expect(cellMap(copy.getWorksheet('明细')!)).toEqual(cellMap(ws));
});

it('reads messy values and leaves out headings, notes, subtotals and totals', async () => {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, 'Sheet1', [
    ['项目名称', '预算数', '实际支出', '偏差原因'],
    ['一、专项业务费', null, null, null],
    ['执法装备', '1,234.50', '1,000', ''],
    ['宣传经费', '２６．１５', '２６．１５', null],
    ['退回资金', '(12.5)', 10, '已说明'],
    ['应急演练', '—', 8, null],
    ['总计划编制', 10, 9.5, null],
    ['小计', 1260.65, 1053.65, null],
    ['合计：', 1260.65, 1053.65, null],
    ['注：金额单位为万元', null, null, null],
  ]);
  const { report } = await evaluate(wb);
  expect(report.projects.map((p) => p.name)).toEqual(['执法装备', '宣传经费', '退回资金', '应急演练', '总计划编制']);
  const [equipment, publicity, refund, drill, plan] = report.projects;
  expect(equipment.budget).toBeCloseTo(1234.5, 10);
  expect(equipment.actual).toBe(1000);
  expect(equipment.flags).toEqual(expect.arrayContaining(['under_execution', 'missing_explanation']));
  expect(publicity.budget).toBeCloseTo(26.15, 10);
  expect(publicity.usageRate).toBeCloseTo(1, 12);
  expect(publicity.flags).toEqual([]);
  expect(refund.budget).toBe(-12.5);
  expect(refund.usageRate).toBeNull();
  expect(refund.flags).toContain('negative_value');
  expect(drill.budget).toBeNull();
  expect(drill.usageRate).toBeNull();
  expect(drill.flags).toContain('missing_value');
  expect(plan.usageRate).toBeCloseTo(0.95, 12);
  expect(report.totals.projects).toBe(5);
  expect(report.totals.budget).toBeCloseTo(1234.5 + 26.15 - 12.5 + 10, 9);
  for (const p of report.projects) {
    for (const v of [p.budget, p.actual, p.usageRate]) if (v !== null) expect(Number.isFinite(v)).toBe(true);
  }
});

it('keeps names beginning with = + - @ as text cells holding exactly the name', async () => {
  const names = ['=SUM(A1:A9)', '+86 热线', '-专项补助', '@会务费', '=1+1'];
  const wb = new ExcelJS.Workbook();
  addSheet(wb, 'Sheet1', [['项目名称', '全年预算数', '全年执行数'], ...names.map((n, i) => [n, 10 + i, 9 + i])]);
  const { report, out } = await evaluate(wb);
  expect(report.projects.map((p) => p.name)).toEqual(names);
  const summary = (await load(out)).getWorksheet('绩效自评汇总')!;
  for (const name of names) {
    const cells = findCells(summary, name);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      expect(cell.type).toBe(ValueType.String);
      expect(cell.value).toBe(name);
      expect(cell.formula).toBeUndefined();
    }
  }
});

it('never overwrites a sheet the user already named like the summary', async () => {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, 'Sheet1', [['项目名称', '全年预算数', '全年执行数'], ['甲项目', 10, 9.5]]);
  const mine = addSheet(wb, '绩效自评汇总', [['我的备注'], ['不要覆盖']]);
  const { out, stderr } = await evaluate(wb);
  const copy = await load(out);
  expect(copy.worksheets.map((w) => w.name)).toEqual(['Sheet1', '绩效自评汇总', '绩效自评汇总 (2)']);
  expect(cellMap(copy.getWorksheet('绩效自评汇总')!)).toEqual(cellMap(mine));
  expect(stderr).toContain('绩效自评汇总 (2)');
});

it('evaluates the sheet named by --sheet even when an earlier one qualifies', async () => {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, '2022', [['项目名称', '全年预算数', '全年执行数'], ['旧项目', 10, 10]]);
  addSheet(wb, '2023', [['项目名称', '全年预算数', '全年执行数'], ['新项目', 20, 15]]);
  expect((await evaluate(wb)).report.sheet).toBe('2022');
  const { report } = await evaluate(wb, ['--sheet', '2023']);
  expect(report.sheet).toBe('2023');
  expect(report.projects.map((p) => p.name)).toEqual(['新项目']);
});

it('reads a custom scheme file (the bundled Sichuan 2023 example)', async () => {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, 'Sheet1', [['项目名称', '全年预算数', '全年执行数', '产出指标', '效益指标'], ['甲项目', 100, 80, 55, 28]]);
  await save(wb, join(dir, 'book.xlsx'));
  const schemeFile = join(__dirname, '../../samples/scheme-sichuan2023.json');
  const run = await runInProcess(['book.xlsx', '--json', '--scheme-file', schemeFile], dir);
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as JsonReport;
  expect(report.scheme).toBe('sichuan2023');
  expect(report.projects[0].scores.execution).toBeCloseTo(8, 9);
  expect(report.projects[0].scores.total).toBeCloseTo(55 + 28 + 8, 9);
  expect(report.projects[0].grade).toBe('excellent');
});

it('writes a summary of 1,500 projects (the large-sheet path) with every name as text and the table over every row', async () => {
  const wb = new ExcelJS.Workbook();
  const rows: (string | number | null)[][] = [['项目支出绩效自评表'], ['项目名称', '全年预算数', '全年执行数', '产出指标', '效益指标']];
  for (let i = 0; i < 1500; i++) rows.push([i % 4 === 0 ? `=项目${i}` : `项目${i}`, 100 + i, 80 + i, 40, 25]);
  const source = addSheet(wb, 'Sheet1', rows);
  const { report, out } = await evaluate(wb, ['--scheme', 'mof2020']);
  expect(report.projects).toHaveLength(1500);
  const copy = await load(out);
  expect(cellMap(copy.getWorksheet('Sheet1')!)).toEqual(cellMap(source));
  const summary = copy.getWorksheet('绩效自评汇总')!;
  const tables = (summary as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables;
  const ref = Object.values(tables)[0].table.tableRef;
  const [from, to] = ref.split(':').map((a) => Number(a.replace(/[A-Z]+/, '')));
  expect(to - from).toBe(1500);
  for (const i of [0, 1, 4, 777, 1496, 1499]) {
    const name = i % 4 === 0 ? `=项目${i}` : `项目${i}`;
    const cell = summary.getCell(from + 1 + i, 2);
    expect(cell.value).toBe(name);
    expect(cell.type).toBe(ValueType.String);
    expect(cell.numFmt).toBe('@');
    const budget = summary.getCell(from + 1 + i, 3);
    expect(budget.value).toBe(100 + i);
    expect(budget.numFmt).toBe('0.00');
  }
});

it('--month 9 reports each project monitoring and prints the monitoring title; a bad month is refused', async () => {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, '监控', [
    ['项目名称', '全年预算数', '全年执行数'],
    ['按进度', 100, 70],
    ['偏慢', 100, 50],
    ['滞后', 100, 30],
    ['无预算', 0, 5],
  ]);
  const { report } = await evaluate(wb, ['--month', '9']);
  expect(report.projects.map((p) => p.monitoring)).toEqual([
    { month: 9, timeShare: 0.75, progress: expect.closeTo(0.7 / 0.75, 12), status: 'green' },
    { month: 9, timeShare: 0.75, progress: expect.closeTo(0.5 / 0.75, 12), status: 'yellow' },
    { month: 9, timeShare: 0.75, progress: expect.closeTo(0.4, 12), status: 'red' },
    null,
  ]);
  expect(report.projects[2].flags).toContain('monitoring_red');
  expect(report.projects[0].flags).not.toContain('under_execution');
  const text = await runInProcess(['book.xlsx', '--scheme', 'wuhan2018', '--month', '9', '--out', 'plain.xlsx'], dir);
  expect(text.code).toBe(0);
  expect(text.stdout).toContain('Jan–Sep in-year monitoring');
  expect(text.stdout).toMatch(/Monitoring: green 1, yellow 1, red 1/);
  const summary = (await load(join(dir, 'plain.xlsx'))).getWorksheet('绩效自评汇总');
  expect(summary?.getCell('A1').value).toMatch(/^1–9月 运行监控/);
  const bad = await runInProcess(['book.xlsx', '--month', '13'], dir);
  expect(bad.code).toBe(2);
  expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  expect(bad.stderr).toContain('--month must be a whole month from 1 to 12, got "13"');
});
