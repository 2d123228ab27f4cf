// evaluate + write through the real workflow on the fake host: the round trips do not grow with
// the number of rows where no payload limit applies, and stay under 5 MB each where it does.
import { FakeWorkbook, PAYLOAD_LIMIT, type FakeValue } from '../support/fakeExcel';
import { createExcelPort } from '../../src/excel/officePort';
import { evaluateAndWrite } from '../../src/engine/workflow';
import type { Settings } from '../../src/engine/port';

jest.setTimeout(60_000);

const SETTINGS: Settings = { version: 1, schemeId: 'mof2020', band: { low: 0.9, high: 1 }, lang: 'zh' };

function workbook(rows: number, limit: number, apiVersion = '1.14'): FakeWorkbook {
  const wb = new FakeWorkbook({ apiVersion });
  wb.limit = limit;
  wb.addSheet('自评表');
  const grid: FakeValue[][] = [['部门预算项目支出绩效自评表'], ['单位：万元'], ['序号', '项目名称', '全年预算数', '全年执行数']];
  for (let i = 0; i < rows; i++) grid.push([i + 1, `项目${i + 1}`, 100, 80 + (i % 30)]);
  wb.seed('自评表', 'A1', grid);
  // The project rows are also an Excel table: without Range.getTables (1.8) the sheet's tables are
  // matched against the selection (A1, outside it).
  wb.addTable('自评表', 'Projects', `A3:D${rows + 3}`);
  wb.select('自评表', 'A1');
  return wb;
}

async function evaluateAndWriteSyncs(rows: number, limit: number, budget?: number, apiVersion?: string): Promise<FakeWorkbook> {
  const wb = workbook(rows, limit, apiVersion);
  const uninstall = wb.install();
  try {
    const outcome = await evaluateAndWrite(createExcelPort({ budget, directReadCells: budget ? Number.MAX_SAFE_INTEGER : undefined }), SETTINGS);
    expect(outcome.evaluation.projects).toHaveLength(rows);
    return wb;
  } finally {
    uninstall();
  }
}

describe('requests of evaluate + write', () => {
  it('makes the same number of syncs for 1,000 and 50,000 rows (no payload limit, as on desktop)', async () => {
    const small = await evaluateAndWriteSyncs(1000, Infinity, 1e12);
    const large = await evaluateAndWriteSyncs(50_000, Infinity, 1e12);
    expect(large.requests.length).toBe(small.requests.length);
    expect(small.requests.length).toBeLessThanOrEqual(6);
  });

  it('on ExcelApi 1.8 (Excel 2019) too: constant syncs, one more to list the tables, one to switch events back on', async () => {
    const small = await evaluateAndWriteSyncs(1000, Infinity, 1e12, '1.8');
    const large = await evaluateAndWriteSyncs(50_000, Infinity, 1e12, '1.8');
    expect(large.requests.length).toBe(small.requests.length);
    const withAllApis = await evaluateAndWriteSyncs(1000, Infinity, 1e12, '1.14');
    expect(small.requests.length).toBe(withAllApis.requests.length + 2);
    expect(large.enableEvents).toBe(true);
  });

  it('keeps every request and response of a 50,000-row run under 5 MB on Excel on the web', async () => {
    const wb = await evaluateAndWriteSyncs(50_000, PAYLOAD_LIMIT);
    expect(wb.largestRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(wb.largestResponseBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(wb.sheet('绩效自评汇总').usedRect()?.rows).toBeGreaterThan(50_000);
    expect(wb.sheet('自评表').cfs).toHaveLength(3);
  });
});
