// Office.js adapter on the fake Excel host (test/e2e/fakeHost through its Node entry; it enforces Excel on
// the web's 5 MB limit): round trips and largest request/response for reading a source sheet and writing
// its summary at 1k, 50k and 200k project rows; the sync() calls of evaluate + write and of an auto-refresh
// after one edit on ExcelApi 1.14 and 1.8; and the time from the last change event of a burst to the
// summary written (debounce delay excluded: the refresh starts as soon as the burst settles).
import { performance } from 'node:perf_hooks';
import { installFakeExcelInNode, type FakeSeed, type SeedCell } from '../test/e2e/fakeHost/node';
import { createExcelPort } from '../src/excel/officePort';
import { runWorkflow } from '../src/engine/workflow';
import type { Settings } from '../src/engine/workbookPort';

const HEADER: SeedCell[] = ['序号', '项目名称', '全年预算数', '全年执行数', '产出指标(50分)', '效益指标(30分)', '满意度指标(10分)'];

function seed(rows: number, excelApi = '1.14'): FakeSeed {
  const grid: SeedCell[][] = [['部门预算项目支出绩效自评表（2023年度）'], ['单位：万元'], HEADER];
  for (let i = 0; i < rows; i++) {
    const budget = 50 + (i % 400) * 0.75;
    const actual = Math.round(budget * (0.6 + (i % 9) * 0.06) * 100) / 100;
    grid.push([i + 1, `项目${i + 1}-专项业务经费`, budget, actual, 40 + (i % 11), 20 + (i % 9), 8 + (i % 3)]);
  }
  return { sheets: [{ name: '自评表', rows: grid }], activeSheet: '自评表', selection: 'A1', supportedSets: { ExcelApi: excelApi } };
}

const SETTINGS: Settings = { version: 1, schemeId: 'mof2020', band: { low: 0.9, high: 1 }, lang: 'zh' };
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

interface Sync {
  requestBytes: number;
  responseBytes: number;
}

function largest(syncs: Sync[]): { request: number; response: number } {
  return { request: Math.max(0, ...syncs.map((r) => r.requestBytes)), response: Math.max(0, ...syncs.map((r) => r.responseBytes)) };
}

async function measure(rows: number): Promise<void> {
  const fake = installFakeExcelInNode(seed(rows));
  try {
    const port = createExcelPort();
    const t0 = performance.now();
    await port.readSource({ scope: 'auto' });
    const afterRead = fake.controls.state().syncs;
    const read = largest(afterRead);
    const t1 = performance.now();
    const labels = new Map<string, number>();
    port.meter.reset();
    await runWorkflow(port, SETTINGS);
    const t2 = performance.now();
    for (const r of port.meter.requests) {
      const stage = r.label.split(':')[0];
      labels.set(stage, (labels.get(stage) ?? 0) + 1);
    }
    const written = fake.controls.state().syncs.slice(afterRead.length);
    const all = largest(written);
    console.log(
      `${String(rows).padStart(7)} rows  read: ${afterRead.length} requests, largest response ${mb(read.response)} (${((t1 - t0) / 1000).toFixed(2)} s)` +
        `  | evaluate+write: ${written.length} requests (${[...labels].map(([k, v]) => `${k} ${v}`).join(', ')}),` +
        ` largest request ${mb(all.request)}, largest response ${mb(all.response)} (${((t2 - t1) / 1000).toFixed(2)} s)`,
    );
  } finally {
    fake.uninstall();
  }
}

/** sync() calls of a first evaluate + write, and of the refresh after one edit, as the host counts them. */
async function roundTrips(rows: number, excelApi: string): Promise<void> {
  const fake = installFakeExcelInNode(seed(rows, excelApi));
  try {
    const port = createExcelPort();
    const first = await runWorkflow(port, SETTINGS);
    const afterFirst = fake.controls.state().syncs.length;
    const stop = await port.onSourceChanged(() => undefined);
    const before = fake.controls.state().syncs.length;
    port.meter.reset();
    fake.controls.edit('自评表', 'D5', 100);
    await runWorkflow(port, first.settings);
    const refresh = fake.controls.state().syncs.length - before;
    console.log(
      `${String(rows).padStart(7)} rows  ExcelApi ${excelApi}: evaluate+write ${afterFirst} sync() calls; ` +
        `auto-refresh after one edit ${refresh} (${port.meter.requests.map((r) => r.label).join(', ')}) + settings.saveAsync`,
    );
    await stop();
  } finally {
    fake.uninstall();
  }
}

async function changeToSummary(rows: number): Promise<void> {
  const fake = installFakeExcelInNode(seed(rows));
  try {
    const port = createExcelPort();
    await runWorkflow(port, SETTINGS);
    let lastEvent = 0;
    let userEvents = 0;
    await port.onSourceChanged((change) => {
      if (change.own) return;
      userEvents++;
      lastEvent = performance.now();
    });
    // A burst: 20 edits of actual spend.
    for (let i = 0; i < 20; i++) fake.controls.edit('自评表', `D${4 + i}`, 100 + i);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await runWorkflow(port, SETTINGS);
    const ms = performance.now() - lastEvent;
    console.log(`${String(rows).padStart(7)} rows  last change event → summary written: ${ms.toFixed(0)} ms (${userEvents} user events, own writes filtered)`);
  } finally {
    fake.uninstall();
  }
}

export async function run(): Promise<void> {
  for (const rows of [1000, 50_000, 200_000]) await measure(rows);
  for (const rows of [1000, 50_000]) for (const api of ['1.14', '1.8']) await roundTrips(rows, api);
  for (const rows of [1000, 50_000]) await changeToSummary(rows);
}
