// Office.js adapter on the fake host (test/support/fakeExcel.ts, which enforces Excel on the web's
// 5 MB limit): round trips and largest request/response for reading a source sheet and writing its
// summary at 1k, 50k and 200k project rows, and the time from the last change event of a burst to
// the summary written (debounce delay excluded: the refresh starts as soon as the burst settles).
import { performance } from 'node:perf_hooks';
import { FakeWorkbook, type FakeValue } from '../test/support/fakeExcel';
import { createExcelPort } from '../src/excel/officePort';
import { evaluateAndWrite } from '../src/engine/workflow';
import type { Settings } from '../src/engine/port';

const HEADER: FakeValue[] = ['序号', '项目名称', '全年预算数', '全年执行数', '产出指标(50分)', '效益指标(30分)', '满意度指标(10分)'];

function seedSource(wb: FakeWorkbook, rows: number): void {
  wb.addSheet('自评表');
  const grid: FakeValue[][] = [['部门预算项目支出绩效自评表（2023年度）'], ['单位：万元'], HEADER];
  for (let i = 0; i < rows; i++) {
    const budget = 50 + (i % 400) * 0.75;
    const actual = Math.round(budget * (0.6 + (i % 9) * 0.06) * 100) / 100;
    grid.push([i + 1, `项目${i + 1}-专项业务经费`, budget, actual, 40 + (i % 11), 20 + (i % 9), 8 + (i % 3)]);
  }
  wb.seed('自评表', 'A1', grid);
  wb.select('自评表', 'A1');
}

const SETTINGS: Settings = { version: 1, schemeId: 'mof2020', band: { low: 0.9, high: 1 }, lang: 'zh' };
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function largest(wb: FakeWorkbook, from: number, to: number): { request: number; response: number } {
  const slice = wb.requests.slice(from, to);
  return {
    request: Math.max(0, ...slice.map((r) => r.requestBytes)),
    response: Math.max(0, ...slice.map((r) => r.responseBytes)),
  };
}

async function measure(rows: number): Promise<void> {
  const wb = new FakeWorkbook({ apiVersion: '1.14' });
  seedSource(wb, rows);
  const uninstall = wb.install();
  try {
    const port = createExcelPort();
    const t0 = performance.now();
    await port.readSource({ scope: 'auto' });
    const readEnd = wb.requests.length;
    const read = largest(wb, 0, readEnd);
    const t1 = performance.now();
    const labels = new Map<string, number>();
    port.meter.reset();
    await evaluateAndWrite(port, SETTINGS);
    const t2 = performance.now();
    for (const r of port.meter.requests) {
      const stage = r.label.split(':')[0];
      labels.set(stage, (labels.get(stage) ?? 0) + 1);
    }
    const all = largest(wb, readEnd, wb.requests.length);
    console.log(
      `${String(rows).padStart(7)} rows  read: ${readEnd} requests, largest response ${mb(read.response)} (${((t1 - t0) / 1000).toFixed(2)} s)` +
        `  | evaluate+write: ${wb.requests.length - readEnd} requests (${[...labels].map(([k, v]) => `${k} ${v}`).join(', ')}),` +
        ` largest request ${mb(all.request)}, largest response ${mb(all.response)} (${((t2 - t1) / 1000).toFixed(2)} s)`,
    );
  } finally {
    uninstall();
  }
}

async function changeToSummary(rows: number): Promise<void> {
  const wb = new FakeWorkbook({ apiVersion: '1.14' });
  seedSource(wb, rows);
  const uninstall = wb.install();
  try {
    const port = createExcelPort();
    await evaluateAndWrite(port, SETTINGS);
    let lastEvent = 0;
    let userEvents = 0;
    await port.onSourceChanged((change) => {
      if (change.own) return;
      userEvents++;
      lastEvent = performance.now();
    });
    // A burst: 20 edits of actual spend.
    for (let i = 0; i < 20; i++) wb.userEdit('自评表', `D${4 + i}`, [[100 + i]]);
    await wb.settle();
    await evaluateAndWrite(port, SETTINGS);
    const ms = performance.now() - lastEvent;
    console.log(`${String(rows).padStart(7)} rows  last change event → summary written: ${ms.toFixed(0)} ms (${userEvents} user events, own writes filtered)`);
  } finally {
    uninstall();
  }
}

export async function run(): Promise<void> {
  for (const rows of [1000, 50_000, 200_000]) await measure(rows);
  for (const rows of [1000, 50_000]) await changeToSummary(rows);
}
