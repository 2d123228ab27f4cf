// The summary sheet's print setup through the real workflow on the browser's fake host (test/e2e/fakeHost):
// set once when the add-in creates the sheet, in the request that writes it; not sent again by an
// auto-refresh; left out below ExcelApi 1.9 without any failed request.
import { installFakeExcelInNode, type FakeSeed, type SeedCell } from '../e2e/fakeHost/node';
import { createExcelPort } from '../../src/excel/officePort';
import { runWorkflow } from '../../src/engine/workflow';
import type { Settings } from '../../src/engine/workbookPort';

const SETTINGS: Settings = { version: 1, schemeId: 'mof2020', band: { low: 0.9, high: 1 }, lang: 'zh' };

function seed(excelApi: string): FakeSeed {
  const grid: SeedCell[][] = [['部门预算项目支出绩效自评表'], ['单位：万元'], ['序号', '项目名称', '全年预算数', '全年执行数']];
  for (let i = 0; i < 30; i++) grid.push([i + 1, `项目${i + 1}`, 100, 80 + i]);
  return { sheets: [{ name: '自评表', rows: grid }], activeSheet: '自评表', selection: 'A1', supportedSets: { ExcelApi: excelApi } };
}

async function twoRuns(excelApi: string) {
  const fake = installFakeExcelInNode(seed(excelApi));
  try {
    const port = createExcelPort();
    const first = await runWorkflow(port, SETTINGS);
    const sheet = first.summarySheet ?? '';
    const printLog = () => fake.controls.formatLog(sheet).filter((e) => e.address === 'pageLayout');
    const afterCreate = printLog();
    const labels = port.meter.requests.map((r) => r.label);
    fake.controls.edit('自评表', 'D5', 100);
    await runWorkflow(port, first.settings);
    const state = fake.controls.state();
    return { afterCreate, afterRefresh: printLog(), labels, failed: state.syncs.filter((s) => s.error), problems: state.problems };
  } finally {
    fake.uninstall();
  }
}

describe('summary sheet print setup on the Office host', () => {
  it('is set once on creation (landscape A4, 1 page wide, header row repeated, page numbers) and not by a refresh', async () => {
    const run = await twoRuns('1.14');
    expect(run.afterCreate.map((e) => [e.path, e.value])).toEqual([
      ['pageLayout.orientation', 'Landscape'],
      ['pageLayout.paperSize', 'A4'],
      ['pageLayout.headersFooters.defaultForAllPages.centerFooter', '&P / &N'],
      ['pageLayout.setPrintTitleRows()', [expect.stringMatching(/^\$\d+:\$\d+$/)]],
      ['pageLayout.zoom', { horizontalFitToPages: 1, verticalFitToPages: 0 }],
    ]);
    // No request of its own: it travels with the sheet's write.
    expect(run.labels.filter((l) => /print/.test(l))).toEqual([]);
    expect(run.afterRefresh).toEqual(run.afterCreate);
    expect(run.failed).toEqual([]);
    expect(run.problems).toEqual([]);
  });

  it('is left out below ExcelApi 1.9 (Excel 2019: 1.8), and nothing fails', async () => {
    const run = await twoRuns('1.8');
    expect(run.afterCreate).toEqual([]);
    expect(run.afterRefresh).toEqual([]);
    expect(run.failed).toEqual([]);
    expect(run.problems).toEqual([]);
  });
});
