// The workflow on the Office.js adapter and the fake host: the first run resolves what the selection
// points at, the settings keep it, and later runs (refresh, ribbon command) read the same block
// wherever the selection has gone, rows added to it included.
import { useFakeExcel } from '../support/excelHost';
import type { SeedCell } from '../e2e/fakeHost/node';
import { createExcelPort } from '../../src/excel/officePort';
import { runWorkflow } from '../../src/engine/workflow';
import type { Settings } from '../../src/engine/workbookPort';

const SETTINGS: Settings = { version: 1, schemeId: 'mof2020', band: { low: 0.9, high: 1 }, lang: 'zh' };
const HEADER: SeedCell[] = ['项目名称', '全年预算数', '全年执行数'];
const ROWS: SeedCell[][] = [
  ['甲项目', 100, 95],
  ['乙项目', 200, 120],
  ['丙项目', 50, 60],
];

describe('the source across runs on Excel', () => {
  const host = useFakeExcel(() => ({
    sheets: [
      {
        name: '自评表',
        // A second block beside the table whose numbers would change every rate if it were read.
        rows: [['说明：本表为样例']],
        blocks: [
          { origin: 'B2', rows: [HEADER, ...ROWS] },
          { origin: 'G2', rows: [['其他', '数'], ['x', 1]] },
        ],
        tables: [{ name: 'Projects', address: 'B2:D5' }],
      },
    ],
  }));

  it('evaluates the table the selection is in, saves it, and refreshes it with a row added after the selection moved', async () => {
    host.controls.select('自评表', 'C3');
    const port = createExcelPort();
    const first = await runWorkflow(port, SETTINGS, { summary: false });
    expect(first.evaluation.projects.map((p) => p.name)).toEqual(['甲项目', '乙项目', '丙项目']);
    expect(first.highlight).toMatchObject({ firstRow: 3, lastRow: 5, firstCol: 2, lastCol: 4, budgetCol: 3, actualCol: 4 });
    const saved = await port.loadSettings();
    expect(saved?.source).toEqual({ sheet: '自评表', kind: 'table', table: 'Projects' });

    // Typed right under the table: Excel takes the row into it.
    host.controls.edit('自评表', 'B6', [['丁项目', 80, 40]]);
    expect(host.controls.tables()).toEqual([expect.objectContaining({ name: 'Projects', address: 'B2:D6' })]);
    host.controls.select('自评表', 'G2:H3');
    const again = await runWorkflow(port, saved as Settings, { summary: false });
    expect(again.evaluation.projects.map((p) => p.name)).toEqual(['甲项目', '乙项目', '丙项目', '丁项目']);
    // 40 / 80
    expect(again.evaluation.projects[3].usageRate).toBeCloseTo(0.5, 10);
    expect(again.highlight).toMatchObject({ firstRow: 3, lastRow: 6, firstCol: 2, lastCol: 4 });
  });

  it('evaluates a selected range and keeps its columns when refreshed with a row added below', async () => {
    host.controls.convertTableToRange('Projects');
    host.controls.select('自评表', 'B2:D5');
    const port = createExcelPort();
    await runWorkflow(port, SETTINGS, { summary: false });
    const saved = (await port.loadSettings()) as Settings;
    expect(saved.source).toEqual({ sheet: '自评表', kind: 'selection', address: 'B2:D5' });
    host.controls.edit('自评表', 'B6', [['丁项目', 80, 40]]);
    host.controls.select('自评表', 'A1');
    const again = await runWorkflow(port, saved, { summary: false });
    expect(again.sheet.origin).toEqual({ row: 2, col: 2 });
    expect(again.evaluation.projects.map((p) => p.name)).toEqual(['甲项目', '乙项目', '丙项目', '丁项目']);
  });
});
