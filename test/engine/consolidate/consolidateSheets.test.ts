// "汇总各部门 / Consolidate sheets": a workbook with one sheet per department (tables) and a sheet of
// forms from two 主管部门, consolidated through a port, the departments view written as a summary.
import { consolidateSheets } from '../../../src/engine/consolidate/consolidateSheets';
import type { Settings, WorkbookPort } from '../../../src/engine/workbookPort';
import { getScheme } from '../../../src/engine/schemes';
import { REPORT_SHEET_NAME } from '../../../src/engine/report/sheetLayout';
import type { SummaryLayout } from '../../../src/engine/summary/summaryTypes';
import type { CellArea, Grid, SheetData } from '../../../src/engine/types';
import { runEngineHere, type EngineRunner } from '../../../src/engine/workflow';
import { SEED } from '../../support/seed';
import { NATIONAL_EXAMPLE, nationalForm, stackForms, withChanges } from '../../support/forms';

function area(a1: string): CellArea {
  const [from, to] = a1.split(':').map((ref) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { row: Number(m[2]), col };
  });
  return { rowStart: from.row, rowEnd: to.row, colStart: from.col, colEnd: to.col };
}

/** A port over sheets held in memory; writeSummary keeps what it is given. */
function memoryPort(sheets: SheetData[]): WorkbookPort & { written: { name: string; layout: SummaryLayout }[] } {
  const written: { name: string; layout: SummaryLayout }[] = [];
  const port = {
    written,
    listSheets: async () => sheets.map((s) => s.name),
    readSheets: async (request: { exclude?: string[] } = {}) => sheets.filter((s) => !(request.exclude ?? []).includes(s.name)),
    readSource: async (request: { sheet?: string }) => sheets.find((s) => s.name === request.sheet)!,
    writeSummary: async (layout: SummaryLayout, name: string) => {
      written.push({ name, layout });
      return { sheetName: name };
    },
  };
  return port as unknown as WorkbookPort & { written: typeof written };
}

function sheet(name: string, grid: Grid, merges: string[] = []): SheetData {
  return { name, grid, origin: { row: 1, col: 1 }, merges: merges.map(area) };
}

const scheme = getScheme('wuhan2018')!;
const settings: Settings = { version: 1, schemeId: scheme.id, band: { ...scheme.rateBand }, summarySheet: '评价汇总' };

function workbook(): SheetData[] {
  const forms = stackForms('自评表', [nationalForm(NATIONAL_EXAMPLE), nationalForm(withChanges(NATIONAL_EXAMPLE, { name: '学生资助', department: '某区教育局' }))]);
  return [
    sheet('安监', [['单位：某区安全生产监督管理局'], ['项目名称', '预算数', '执行数'], ...SEED.names.map((n, i) => [n, SEED.budgets[i], SEED.actuals[i]])]),
    sheet('教育', [['项目名称', '预算数', '执行数'], ['Books', 100, 95], ['Desks', 50, 20]]),
    sheet('说明', [['本工作簿按部门分表填报']]),
    sheet('空表', []),
    sheet('评价汇总', [['项目名称', '预算数', '执行数'], ['不应计入', 1, 1]]),
    sheet(forms.name, forms.cells as Grid, forms.merges),
  ];
}

it('consolidates the sheets by department, forms by their 主管部门, and writes the departments view', async () => {
  // The add-in's own sheets from earlier runs (a departments view copied by the officer, the report draft) are not tables to count.
  const earlier = [
    sheet('部门汇总 (2)', [['部门', '预算数', '执行数'], ['某区教育局', 150, 115]]),
    sheet(REPORT_SHEET_NAME.zh, [['项目名称：安全生产责任经费'], ['预算数 305.5 执行数 271.46']]),
  ];
  const port = memoryPort([...workbook(), ...earlier]);
  const out = await consolidateSheets(port, settings, { lang: 'zh', now: () => new Date('2026-10-08T08:00:00Z') });
  const c = out.consolidation;
  expect(c.departments.map((d) => [d.name, d.files, d.projects])).toEqual([
    ['某区安全生产监督管理局', 1, 7],
    ['某区应急管理局', 1, 1],
    ['教育', 1, 2],
    ['某区教育局', 1, 1],
  ].sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'zh')));
  expect(c.failures).toEqual([{ file: '说明', message: expect.stringContaining('项目名称') }]);
  expect(out.summarySheet).toBe('部门汇总');
  const { layout } = port.written[0];
  expect(port.written[0].name).toBe('部门汇总');
  expect(layout.table.columns).toEqual(['序号', '部门', '项目数', '预算数', '执行数', '使用率', '对照区间', '需关注项目']);
  expect(layout.table.rowCount).toBe(4);
  const table = layout.blocks.find((b) => b.id === 'table')!;
  const safety = table.values.find((r) => r[1] === '某区安全生产监督管理局')!;
  expect(safety.slice(2, 7)).toEqual([7, 918.45, 725.45, expect.closeTo(725.45 / 918.45, 12), '低于区间']);
  expect(layout.chart.categories).toEqual(c.departments.map((d) => d.name));
  expect(layout.chart.band).toEqual({ low: 0.9, high: 1 });
});

it('shows the monitoring status of each department in monitoring mode', async () => {
  const port = memoryPort(workbook());
  await consolidateSheets(port, { ...settings, monitoringMonth: 9 }, { lang: 'en' });
  const { name, layout } = port.written[0];
  expect(name).toBe('Departments');
  expect(layout.sheetTitle).toMatch(/Jan–Sep/);
  expect(layout.table.columns).toEqual(['No.', 'Department', 'Projects', 'Budget', 'Actual', 'Usage rate', 'Progress vs time', 'Monitoring', 'Flagged']);
  const table = layout.blocks.find((b) => b.id === 'table')!;
  // 教育: 115 / 150 = 76.7% of the budget by September (75% of the year): progress 1.02, green.
  const edu = table.values.find((r) => r[1] === '教育')!;
  expect(edu[6]).toBeCloseTo(115 / 150 / 0.75, 12);
  expect(edu[7]).toBe('Green');
  expect(layout.chart.band).toEqual({ low: expect.closeTo(0.45, 12), high: expect.closeTo(0.6, 12) });
});

it('refuses a workbook without any project table or form', async () => {
  const port = memoryPort([sheet('说明', [['只有说明']])]);
  await expect(consolidateSheets(port, settings, { lang: 'zh' })).rejects.toMatchObject({ code: 'missing_columns' });
  expect(port.written).toEqual([]);
});

it("evaluates each department's table with the engine runner it is given, and passes the signal on", async () => {
  const calls: { sheet: string; hasSignal: boolean }[] = [];
  const signal = new AbortController().signal;
  const engine: EngineRunner = async (request, s) => {
    calls.push({ sheet: request.sheet.name, hasSignal: s === signal });
    return runEngineHere(request, s);
  };
  const here = await consolidateSheets(memoryPort(workbook()), settings, { lang: 'zh' });
  const elsewhere = await consolidateSheets(memoryPort(workbook()), settings, { lang: 'zh', engine, signal });
  // The tables go to the runner (the forms sheet is evaluated as forms; 说明 is read and refused).
  expect(calls).toEqual([
    { sheet: '安监', hasSignal: true },
    { sheet: '教育', hasSignal: true },
    { sheet: '说明', hasSignal: true },
  ]);
  expect(elsewhere.consolidation).toEqual(here.consolidation);
});

it('a failure of the engine runner stops the consolidation with that error', async () => {
  const engine: EngineRunner = async () => {
    throw new Error('worker gone');
  };
  await expect(consolidateSheets(memoryPort(workbook()), settings, { lang: 'zh', engine })).rejects.toThrow('worker gone');
});
