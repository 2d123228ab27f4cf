// Page script for paneWorker.bench.ts (built by that bench, run in Chromium): evaluates a 200,000-row
// sheet through the pane's engine client (Web Worker) and records the main thread's long tasks.
import { createEngineRunner } from '../src/taskpane/worker/engineClient';
import { createEngineWorker } from '../src/taskpane/worker/createEngineWorker';
import { highlightSpecFor, runEngine } from '../src/engine/workflow';
import { getScheme } from '../src/engine/schemes';
import { orderProjects } from '../src/taskpane/components/ProjectList';
import { rangeOf } from '../src/taskpane/format';
import type { Grid } from '../src/engine/types';

interface BenchWindow {
  __paneWorker?: unknown;
  __paneWorkerError?: string;
}

const ROWS = 200_000;

async function main(): Promise<unknown> {
  const grid: Grid = [['部门预算项目支出绩效自评表'], ['序号', '项目名称', '全年预算数', '全年执行数', '产出指标(50分)', '效益指标(30分)', '满意度指标(10分)']];
  for (let i = 0; i < ROWS; i++) {
    grid.push([i + 1, `项目${i + 1}-专项业务经费`, 50 + (i % 400) * 0.75, 40 + (i % 300) * 0.7, 40 + (i % 11), 20 + (i % 9), 8 + (i % 3)]);
  }
  const sheet = { name: '自评表', grid, origin: { row: 1, col: 1 } };
  const scheme = getScheme('mof2020');
  if (!scheme) throw new Error('no scheme');
  const request = { sheet, scheme, band: { low: 0.9, high: 1 }, summary: { lang: 'zh' as const, time: new Date() } };
  await new Promise((resolve) => setTimeout(resolve, 300));

  const longTasks: { start: number; duration: number }[] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask' });
  const runner = createEngineRunner({ createWorker: createEngineWorker });
  const t0 = performance.now();
  const result = await runner(request);
  const t1 = performance.now();
  if (!result.ok) throw result.error;
  const steps: Record<string, number> = {};
  const time = (name: string, work: () => unknown) => {
    const start = performance.now();
    work();
    steps[name] = Math.round(performance.now() - start);
  };
  time('order projects (flagged first)', () => orderProjects(result.evaluation.projects));
  time('highlight spec', () => highlightSpecFor(sheet, result.detection, result.evaluation));
  time('watched range', () => rangeOf(sheet));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const during = longTasks.filter((t) => t.start >= t0 - 1 && t.start <= t1);
  const start = performance.now();
  runEngine(request);
  return {
    rows: ROWS,
    workerRoundTripMs: Math.round(t1 - t0),
    longestMainThreadTaskMs: Math.max(0, ...during.map((t) => Math.round(t.duration))),
    longTasks: during.length,
    mainThreadSteps: steps,
    sameEngineOnMainThreadMs: Math.round(performance.now() - start),
  };
}

const w = window as unknown as BenchWindow;
main().then(
  (figures) => (w.__paneWorker = figures),
  (error: unknown) => (w.__paneWorkerError = error instanceof Error ? (error.stack ?? error.message) : String(error)),
);
