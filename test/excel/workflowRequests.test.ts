// evaluate + write, and an auto-refresh after one edit, through the real workflow on the fake Excel host
// (test/e2e/fakeHost, the one the browser tests load): the round trips do not grow with the number of
// rows where no payload limit applies, and stay under 5 MB each where it does.
import { installFakeExcelInNode, type FakeSeed, type SeedCell } from '../e2e/fakeHost/node';
import { createExcelPort } from '../../src/excel/officePort';
import { runWorkflow } from '../../src/engine/workflow';
import type { Settings } from '../../src/engine/workbookPort';

jest.setTimeout(120_000);

const SETTINGS: Settings = { version: 1, schemeId: 'mof2020', band: { low: 0.9, high: 1 }, lang: 'zh' };
const PAYLOAD_LIMIT = 5 * 1024 * 1024;

function seed(rows: number, excelApi: string, payloadLimit = Number.MAX_SAFE_INTEGER): FakeSeed {
  const grid: SeedCell[][] = [['部门预算项目支出绩效自评表'], ['单位：万元'], ['序号', '项目名称', '全年预算数', '全年执行数']];
  for (let i = 0; i < rows; i++) grid.push([i + 1, `项目${i + 1}`, 100, 80 + (i % 30)]);
  return {
    // The project rows are also an Excel table: without Range.getTables (1.9) the sheet's tables are
    // matched against the selection (A1, outside it).
    sheets: [{ name: '自评表', rows: grid, tables: [{ name: 'Projects', address: `A3:D${rows + 3}` }] }],
    activeSheet: '自评表',
    selection: 'A1',
    supportedSets: { ExcelApi: excelApi },
    payloadLimit,
  };
}

interface Run {
  /** sync() calls the host saw (the adapter's and the ones Excel.run makes for what is left queued). */
  syncs: number;
  /** sync() calls the adapter's request meter counted. */
  metered: number;
  largestRequest: number;
  largestResponse: number;
  eventsEnabled: boolean;
  summaryRows: number;
  rules: number;
}

async function evaluateAndWriteOnce(rows: number, excelApi: string, payloadLimit?: number): Promise<Run> {
  const fake = installFakeExcelInNode(seed(rows, excelApi, payloadLimit));
  try {
    const budget = payloadLimit === undefined ? 1e12 : undefined;
    const port = createExcelPort({ budget, directReadCells: budget ? Number.MAX_SAFE_INTEGER : undefined });
    const outcome = await runWorkflow(port, SETTINGS);
    expect(outcome.evaluation.projects).toHaveLength(rows);
    const state = fake.controls.state();
    expect(state.problems).toEqual([]);
    expect(state.syncs.filter((s) => s.error)).toEqual([]);
    return {
      syncs: state.syncs.length,
      metered: port.meter.count,
      largestRequest: Math.max(...state.syncs.map((s) => s.requestBytes)),
      largestResponse: Math.max(...state.syncs.map((s) => s.responseBytes)),
      eventsEnabled: state.eventsEnabled,
      summaryRows: fake.controls.values(outcome.summarySheet ?? '').length,
      rules: fake.controls.rules('自评表').length,
    };
  } finally {
    fake.uninstall();
  }
}

interface RefreshRequests {
  /** sync() calls the refresh made (read, summary, highlights, events switched back on), by the request meter. */
  refresh: number;
  /** Their labels, in order. */
  labels: string[];
  /** Sheet-name look-ups of the change events around it (the cache is kept 2 s; a burst shares one). */
  lookUps: number;
}

/** An auto-refresh after one edit: the edit's event arrives, then the saved settings are re-run. */
async function refreshAfterOneEdit(rows: number, excelApi: string): Promise<RefreshRequests> {
  const fake = installFakeExcelInNode(seed(rows, excelApi));
  try {
    const port = createExcelPort({ budget: 1e12, directReadCells: Number.MAX_SAFE_INTEGER });
    const first = await runWorkflow(port, SETTINGS);
    const changes: boolean[] = [];
    const stop = await port.onSourceChanged((change) => changes.push(change.own));
    port.meter.reset();
    fake.controls.edit('自评表', 'D5', 100);
    while (!changes.includes(false)) await new Promise((resolve) => setTimeout(resolve, 1));
    const lookUpsBefore = port.meter.requests.length;
    port.meter.reset();
    const again = await runWorkflow(port, first.settings);
    const labels = port.meter.requests.filter((r) => r.label !== 'events:sheet').map((r) => r.label);
    // The refresh's own writes raise events too (reported as own): let them arrive.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const lookUps = lookUpsBefore + port.meter.requests.filter((r) => r.label === 'events:sheet').length;
    expect(again.summarySheet).toBe(first.summarySheet);
    expect(again.evaluation.projects[1].actual).toBe(100);
    await stop();
    return { refresh: labels.length, labels, lookUps };
  } finally {
    fake.uninstall();
  }
}

/**
 * Round trips of an auto-refresh on ExcelApi 1.14: read 2 (size, values), summary 2 (the sheets, the
 * source's rules and the recorded summary sheet's marker, tables and charts; then the write with the new
 * rules: the highlights travel with the summary).
 */
const REFRESH_SYNCS_1_14 = 4;

describe('requests of an auto-refresh after one edit', () => {
  it('do not grow with the rows (1,000 and 50,000), and ExcelApi 1.8 needs at most 2 more than 1.14', async () => {
    const small = await refreshAfterOneEdit(1000, '1.14');
    const large = await refreshAfterOneEdit(50_000, '1.14');
    expect(large.refresh).toBe(small.refresh);
    expect(small.refresh).toBeLessThanOrEqual(REFRESH_SYNCS_1_14);
    expect(small.labels).toEqual(['read:meta', 'read:values', 'write:meta', 'write:all']);
    const older = await refreshAfterOneEdit(1000, '1.8');
    expect(older.refresh).toBeLessThanOrEqual(small.refresh + 2);
    expect((await refreshAfterOneEdit(50_000, '1.8')).refresh).toBe(older.refresh);
    // The summary sheet's name is known from its creation: writing 50,000 rows in chunks raises several
    // events, which share at most one look-up, as the user's edit does.
    expect(large.lookUps).toBeLessThanOrEqual(2);
  });
});

describe('a refresh after the officer deleted the summary sheet', () => {
  it('writes a new summary: the listing is asked again without the recorded sheet, and the record is pruned', async () => {
    const fake = installFakeExcelInNode(seed(200, '1.14'));
    try {
      const port = createExcelPort();
      const first = await runWorkflow(port, SETTINGS);
      const name = first.summarySheet ?? '';
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem(name).delete();
        await context.sync();
      });
      expect(fake.controls.sheetNames()).not.toContain(name);
      port.meter.reset();
      const again = await runWorkflow(port, first.settings);
      expect(again.summarySheet).toBe(name);
      expect(fake.controls.values(name).length).toBeGreaterThan(200);
      // Excel refused the first listing (the recorded sheet is gone); the meter counts the requests that succeeded.
      expect(fake.controls.state().syncs.filter((s) => s.error).map((s) => s.error)).toEqual([expect.stringContaining('ItemNotFound')]);
      expect(port.meter.requests.map((r) => r.label)).toEqual(['read:meta', 'read:values', 'write:meta', 'write:all']);
      expect(fake.controls.state().problems).toEqual([]);
      // Pruned: the next refresh lists and inspects in one request again.
      port.meter.reset();
      await runWorkflow(port, again.settings);
      expect(port.meter.requests.map((r) => r.label)).toEqual(['read:meta', 'read:values', 'write:meta', 'write:all']);
    } finally {
      fake.uninstall();
    }
  });
});

describe('requests of evaluate + write', () => {
  it('makes the same number of syncs for 1,000 and 50,000 rows (no payload limit, as on desktop)', async () => {
    const small = await evaluateAndWriteOnce(1000, '1.14');
    const large = await evaluateAndWriteOnce(50_000, '1.14');
    expect(large.syncs).toBe(small.syncs);
    // read 2 (size, values), write 2 (the sheets with the source's rules; the sheet, its print setup and the rules).
    expect(small.syncs).toBeLessThanOrEqual(4);
    expect(small.metered).toBeLessThanOrEqual(small.syncs);
  });

  it('on ExcelApi 1.8 (Excel 2019) too: constant syncs, at most two more than on 1.14, events back on', async () => {
    const small = await evaluateAndWriteOnce(1000, '1.8');
    const large = await evaluateAndWriteOnce(50_000, '1.8');
    expect(large.syncs).toBe(small.syncs);
    const withAllApis = await evaluateAndWriteOnce(1000, '1.14');
    expect(small.syncs).toBeLessThanOrEqual(withAllApis.syncs + 2);
    expect(large.eventsEnabled).toBe(true);
  });

  it('keeps every request and response of a 50,000-row run under 5 MB on Excel on the web', async () => {
    const run = await evaluateAndWriteOnce(50_000, '1.14', PAYLOAD_LIMIT);
    expect(run.largestRequest).toBeLessThan(PAYLOAD_LIMIT);
    expect(run.largestResponse).toBeLessThan(PAYLOAD_LIMIT);
    expect(run.summaryRows).toBeGreaterThan(50_000);
    expect(run.rules).toBe(3);
  });
});
