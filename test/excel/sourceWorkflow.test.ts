// The workflow on the Office.js adapter and the fake host: the first run resolves what the selection
// points at, the settings keep it, and later runs (refresh, ribbon command) read the same block
// wherever the selection has gone, rows added to it included.
import { FakeWorkbook, type FakeValue } from '../support/fakeExcel';
import { createExcelPort } from '../../src/excel/officePort';
import { runWorkflow } from '../../src/engine/workflow';
import type { Settings } from '../../src/engine/workbookPort';

const SETTINGS: Settings = { version: 1, schemeId: 'mof2020', band: { low: 0.9, high: 1 }, lang: 'zh' };
const HEADER: FakeValue[] = ['项目名称', '全年预算数', '全年执行数'];
const ROWS: FakeValue[][] = [
  ['甲项目', 100, 95],
  ['乙项目', 200, 120],
  ['丙项目', 50, 60],
];

describe('the source across runs on Excel', () => {
  let wb: FakeWorkbook;
  let uninstall: () => void;
  beforeEach(() => {
    wb = new FakeWorkbook();
    wb.addSheet('自评表');
    // A second block beside the table whose numbers would change every rate if it were read.
    wb.seed('自评表', 'A1', [['说明：本表为样例']]);
    wb.seed('自评表', 'B2', [HEADER, ...ROWS]);
    wb.seed('自评表', 'G2', [['其他', '数'], ['x', 1]]);
    wb.addTable('自评表', 'Projects', 'B2:D5');
    uninstall = wb.install();
  });
  afterEach(() => uninstall());

  it('evaluates the table the selection is in, saves it, and refreshes it with a row added after the selection moved', async () => {
    wb.select('自评表', 'C3');
    const port = createExcelPort();
    const first = await runWorkflow(port, SETTINGS, { summary: false });
    expect(first.evaluation.projects.map((p) => p.name)).toEqual(['甲项目', '乙项目', '丙项目']);
    expect(first.highlight).toMatchObject({ firstRow: 3, lastRow: 5, firstCol: 2, lastCol: 4, budgetCol: 3, actualCol: 4 });
    const saved = await port.loadSettings();
    expect(saved?.source).toEqual({ sheet: '自评表', kind: 'table', table: 'Projects' });

    wb.seed('自评表', 'B6', [['丁项目', 80, 40]]);
    wb.resizeTable('Projects', 'B2:D6');
    wb.select('自评表', 'G2:H3');
    const again = await runWorkflow(port, saved as Settings, { summary: false });
    expect(again.evaluation.projects.map((p) => p.name)).toEqual(['甲项目', '乙项目', '丙项目', '丁项目']);
    // 40 / 80
    expect(again.evaluation.projects[3].usageRate).toBeCloseTo(0.5, 10);
    expect(again.highlight).toMatchObject({ firstRow: 3, lastRow: 6, firstCol: 2, lastCol: 4 });
  });

  it('evaluates a selected range and keeps its columns when refreshed with a row added below', async () => {
    wb.removeTable('Projects');
    wb.select('自评表', 'B2:D5');
    const port = createExcelPort();
    await runWorkflow(port, SETTINGS, { summary: false });
    const saved = (await port.loadSettings()) as Settings;
    expect(saved.source).toEqual({ sheet: '自评表', kind: 'selection', address: 'B2:D5' });
    wb.seed('自评表', 'B6', [['丁项目', 80, 40]]);
    wb.select('自评表', 'A1');
    const again = await runWorkflow(port, saved, { summary: false });
    expect(again.sheet.origin).toEqual({ row: 2, col: 2 });
    expect(again.evaluation.projects.map((p) => p.name)).toEqual(['甲项目', '乙项目', '丙项目', '丁项目']);
  });
});
