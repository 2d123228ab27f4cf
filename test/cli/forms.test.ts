// The batch command on self-evaluation forms, built in the test as .xlsx workbooks.
import { join } from 'node:path';
import type { JsonFormsReport } from '../../src/cli/formsReport';
import { findCells, load, makeTempDir, removeDir, runInProcess, save } from './cliHarness';
import { NATIONAL_EXAMPLE, SICHUAN_EXAMPLE, formsWorkbook, nationalForm, sichuanForm, stackForms, withChanges } from '../support/forms';

let dir: string;
beforeEach(() => (dir = makeTempDir()));
afterEach(() => removeDir(dir));

function workbook(withTable: boolean) {
  const cover = { name: '封面', cells: [['2020年度项目支出绩效自评材料'], ['编报单位：某区应急管理局']] };
  const a = stackForms('表1', [nationalForm(NATIONAL_EXAMPLE)]);
  const b = stackForms('表2', [
    sichuanForm(SICHUAN_EXAMPLE),
    nationalForm(withChanges(NATIONAL_EXAMPLE, { name: '社区安全协管员补助经费', funds: { start: 175, budget: 175, actual: 182, weight: 10, rate: '104%', score: 10 } }, { 1: { actual: '90%', explanation: '' } })),
  ]);
  const sheets = [cover, a, b];
  if (withTable) {
    sheets.push({
      name: '汇总',
      cells: [
        ['项目名称', '全年预算数', '全年执行数', '总分'],
        ['安全生产监察协管员劳务费', 150, 140, 98.85],
        ['2023年安全生产宣传培训项目', 92.3, 89.974, 93.25],
      ],
    } as never);
  }
  return formsWorkbook(sheets);
}

it('evaluates every form of the workbook and reports them as JSON (layout forms)', async () => {
  await save(workbook(false), join(dir, 'forms.xlsx'));
  const run = await runInProcess(['forms.xlsx', '--json'], dir);
  expect(run.stderr).not.toMatch(/Error|at .*\.ts/);
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as JsonFormsReport;
  expect(report.layout).toBe('forms');
  expect(report.projects.map((p) => [p.sheet, p.row, p.name, p.department])).toEqual([
    ['表1', 3, NATIONAL_EXAMPLE.name, '某区应急管理局'],
    ['表2', 2, SICHUAN_EXAMPLE.name, '某县应急管理局'],
    ['表2', expect.any(Number), '社区安全协管员补助经费', '某区应急管理局'],
  ]);
  const [first, , third] = report.projects;
  expect(first.scores).toEqual({ output: 50, benefit: 29, satisfaction: 10, execution: 9.85, total: 98.85 });
  expect(first.budgetStart).toBe(150);
  expect(first.indicators[0]).toEqual({
    row: 13, level1: '产出指标(50分)', level2: '数量指标', name: '巡查企业数', direction: '≥', target: '≥200家次', actual: '236家次',
    targetValue: 200, actualValue: 236, unit: '家次', weight: 20, statedScore: 20, score: 20, explanation: '', flags: [],
  });
  expect(third.flags).toEqual(expect.arrayContaining(['over_budget', 'indicator_flags', 'total_mismatch']));
  expect(third.scores.execution).toBe(10);

  const copy = await load(join(dir, 'forms.evaluated.xlsx'));
  const summary = copy.getWorksheet('绩效自评汇总')!;
  expect(summary).toBeDefined();
  expect(findCells(summary, '需核实的指标')).toHaveLength(1);
  expect(findCells(summary, '人均培训成本')).toHaveLength(1); // the Sichuan form's flagged indicator
  expect(findCells(summary, '隐患整改率')).toHaveLength(1); // the third form's flagged indicator
  expect(findCells(summary, '某县应急管理局')).toHaveLength(1);
});

it('matches a portfolio table beside the forms and reports differences as checks', async () => {
  await save(workbook(true), join(dir, 'both.xlsx'));
  const run = await runInProcess(['both.xlsx', '--json'], dir);
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as JsonFormsReport;
  expect(report.checks).toEqual([
    { code: 'form_table_mismatch', sheet: '表1', row: 3, project: NATIONAL_EXAMPLE.name, field: 'actual', form: 147.75, table: { sheet: '汇总', row: 2, value: 140 } },
  ]);
});

it('--layout table keeps the table behaviour; --layout forms refuses a workbook without forms (exit 2)', async () => {
  await save(workbook(true), join(dir, 'both.xlsx'));
  const table = await runInProcess(['both.xlsx', '--json', '--layout', 'table', '--sheet', '汇总', '--out', 'table.xlsx'], dir);
  expect(table.code).toBe(0);
  expect(JSON.parse(table.stdout)).toMatchObject({ layout: 'table', sheet: '汇总' });
  const plain = formsWorkbook([{ name: 'T', cells: [['项目名称', '预算数', '执行数'], ['甲', 10, 9]] }]);
  await save(plain, join(dir, 'plain.xlsx'));
  const refused = await runInProcess(['plain.xlsx', '--layout', 'forms'], dir);
  expect(refused.code).toBe(2);
  expect(refused.stdout).toBe('');
  expect(refused.stderr.trim().split('\n')).toHaveLength(1);
  const bad = await runInProcess(['plain.xlsx', '--layout', 'grid'], dir);
  expect(bad.code).toBe(2);
});

it('prints the forms and the number of indicators to check without --json', async () => {
  await save(workbook(false), join(dir, 'forms.xlsx'));
  const run = await runInProcess(['forms.xlsx'], dir, { LANG: 'zh_CN.UTF-8' });
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('3 张自评表（表1、表2）');
  expect(run.stdout).toMatch(/需核实的指标：2 项/);
  expect(run.stdout).toContain('社区安全协管员补助经费');
});

it('a table whose headers state 产出指标(50分) / 效益指标(50分) is scored with those weights unless --scheme says otherwise', async () => {
  const wb = formsWorkbook([
    {
      name: 'T',
      cells: [
        ['项目名称', '预算数', '实际支出', '产出指标(50分)', '效益指标(50分)', '总分'],
        ['安全生产责任经费', 305.5, 271.46, 45, 45, 90],
      ],
    },
  ]);
  await save(wb, join(dir, 't.xlsx'));
  const auto = JSON.parse((await runInProcess(['t.xlsx', '--json'], dir)).stdout);
  expect(auto.scheme).toBe('wuhan2018');
  expect(auto.projects[0].flags).not.toContain('score_over_weight');
  expect(auto.projects[0].scores.total).toBe(90);
  const chosen = JSON.parse((await runInProcess(['t.xlsx', '--json', '--scheme', 'mof2020', '--out', 'm.xlsx'], dir)).stdout);
  expect(chosen.scheme).toBe('mof2020');
  expect(chosen.projects[0].flags).toContain('score_over_weight');
});
