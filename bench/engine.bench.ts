// Engine throughput: evaluateSheet (parse + evaluate) on synthetic sheets of 10k, 100k and 1M project rows.
// Targets: 100k rows in under 0.2 s; 1M rows at ≥ 1M rows/s wall, printed with the ratio to a bare loop over
// the same arrays in the same run, the CPU time (less disturbed by other work on the machine) and the heap
// the evaluation keeps per project.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { evaluateSheet } from '../src/engine/evaluateSheet';
import { getScheme } from '../src/engine/schemes';
import { blankProjectResult } from '../src/engine/score';
import type { CellValue, ProjectResult, SheetData } from '../src/engine/types';
import { measure, median, rate, type Sample } from './timing';

const HEADER = ['序号', '项目名称', '全年预算数', '全年执行数', '执行率', '产出指标(50分)', '效益指标(30分)', '满意度指标(10分)', '总分'];

/** Deterministic pseudo-random numbers, so every run measures the same sheet. */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function syntheticSheet(rows: number): SheetData {
  const next = generator(rows);
  const grid: CellValue[][] = [['项目支出绩效自评表'], ['单位：万元'], HEADER];
  for (let i = 0; i < rows; i++) {
    const budget = Math.round(next() * 100000) / 100;
    const actual = Math.round(budget * (0.5 + next() * 0.7) * 100) / 100;
    // Some cells typed as text, as real sheets have them.
    const budgetCell: CellValue = i % 10 === 0 ? `${budget.toLocaleString('en-US')}万元` : budget;
    const output = Math.round(next() * 50);
    const benefit = Math.round(next() * 30);
    const satisfaction = Math.round(next() * 10);
    grid.push([i + 1, `项目${i + 1}`, budgetCell, actual, budget > 0 ? actual / budget : null, output, benefit, satisfaction, output + benefit + satisfaction]);
  }
  grid.push([null, '合计', null, null]);
  return { name: 'Sheet1', grid, origin: { row: 1, col: 1 } };
}

/**
 * The floor for the same work: one pass over the same row arrays that reads the budget and actual cells,
 * takes numbers as they are and text through parseFloat, and sums the rates. What the engine does on top
 * (header detection, units, 合计 rows, flags, scores, grades, the summary model) is the ratio to this.
 */
function bareLoop(grid: CellValue[][]): number {
  let sum = 0;
  for (let i = 3; i < grid.length; i++) {
    const row = grid[i];
    const b = row[2];
    const a = row[3];
    const budget = typeof b === 'number' ? b : typeof b === 'string' ? parseFloat(b.replace(/,/g, '')) : NaN;
    const actual = typeof a === 'number' ? a : typeof a === 'string' ? parseFloat(a) : NaN;
    if (budget > 0 && Number.isFinite(actual)) sum += actual / budget;
  }
  return sum;
}

/**
 * What the result alone costs: the bare loop plus one ProjectResult (with its scores) per row, built as the
 * scorer builds it and kept in one array allocated once, as the evaluation keeps them. The engine cannot go below this
 * without a different result shape; on a million rows most of it is allocation, page faults and the
 * garbage collector moving the kept objects.
 */
function resultObjectsLoop(grid: CellValue[][]): ProjectResult[] {
  const out = new Array<ProjectResult>(grid.length - 3);
  let count = 0;
  for (let i = 3; i < grid.length; i++) {
    const row = grid[i];
    const b = row[2];
    const a = row[3];
    const budget = typeof b === 'number' ? b : typeof b === 'string' ? parseFloat(b.replace(/,/g, '')) : NaN;
    const actual = typeof a === 'number' ? a : NaN;
    const rate = budget > 0 ? actual / budget : null;
    const execution = rate === null ? null : Math.min(rate, 1) * 10;
    const p = blankProjectResult();
    p.row = i + 1;
    p.name = String(row[1]);
    p.budget = budget;
    p.actual = actual;
    p.usageRate = rate;
    p.statedRate = typeof row[4] === 'number' ? row[4] : null;
    p.scores.output = 0;
    p.scores.benefit = 0;
    p.scores.satisfaction = 0;
    p.scores.execution = execution;
    p.scores.total = execution;
    out[count++] = p;
  }
  out.length = count;
  return out;
}

/** A full collection, for heap figures; null when the runtime refuses the flag. */
function collector(): (() => void) | null {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('typeof gc === "function" ? gc : null') as (() => void) | null;
  return gc;
}

/** Heap bytes the evaluation of `sheet` keeps, per project row (after full collections before and after). */
function keptBytesPerRow(sheet: SheetData, scheme: NonNullable<ReturnType<typeof getScheme>>, rows: number): number | null {
  const gc = collector();
  if (gc === null) return null;
  gc();
  const before = process.memoryUsage().heapUsed;
  const result = evaluateSheet(sheet, { scheme });
  gc();
  const after = process.memoryUsage().heapUsed;
  if (!result.ok) throw new Error(result.error.message);
  return (after - before) / rows;
}

/** Seconds with enough digits for a bare loop over 10k rows (a fraction of a millisecond). */
function secs(x: number): string {
  return x < 0.01 ? x.toFixed(5) : x.toFixed(3);
}

interface Figures {
  wall: number;
  cpu: number;
}

function medians(samples: Sample[]): Figures {
  return { wall: median(samples.map((x) => x.wall)), cpu: median(samples.map((x) => x.cpu)) };
}

/** Parse + evaluate of `rows` rows against the bare loop over the same arrays, alternating, in the same run. */
async function compare(
  scheme: NonNullable<ReturnType<typeof getScheme>>,
  rows: number,
  runs: number,
): Promise<{ engine: Figures; bare: Figures; objects: Figures; bytesPerRow: number | null }> {
  const sheet = syntheticSheet(rows);
  evaluateSheet(sheet, { scheme }); // warm-up
  bareLoop(sheet.grid);
  const engine: Sample[] = [];
  const bare: Sample[] = [];
  const objects: Sample[] = [];
  let sink = 0;
  for (let i = 0; i < runs; i++) {
    engine.push(
      await measure(() => {
        const result = evaluateSheet(sheet, { scheme });
        if (!result.ok) throw new Error(result.error.message);
        if (result.evaluation.projects.length !== rows) throw new Error(`expected ${rows} projects, got ${result.evaluation.projects.length}`);
      }),
    );
    bare.push(await measure(() => (sink += bareLoop(sheet.grid))));
    objects.push(await measure(() => (sink += resultObjectsLoop(sheet.grid).length)));
  }
  if (!Number.isFinite(sink)) throw new Error('bare loop produced no number');
  const bytesPerRow = keptBytesPerRow(sheet, scheme, rows);
  return { engine: medians(engine), bare: medians(bare), objects: medians(objects), bytesPerRow };
}

export async function run(): Promise<void> {
  const scheme = getScheme('mof2020');
  if (!scheme) throw new Error('mof2020 missing');
  for (const [label, rows, runs] of [
    ['10k', 10_000, 7],
    ['100k', 100_000, 7],
    ['1M', 1_000_000, 3],
  ] as const) {
    const { engine: e, bare: b, objects: o, bytesPerRow } = await compare(scheme, rows, runs);
    const met = (seconds: number): string => (rows / seconds >= 1e6 ? 'met' : 'MISSED');
    const target =
      rows === 100_000
        ? ` (target < 0.2 s: ${e.wall < 0.2 ? 'met' : 'MISSED'} wall, ${e.cpu < 0.2 ? 'met' : 'MISSED'} CPU)`
        : rows === 1_000_000
          ? ` (target ≥ 1M rows/s: ${met(e.wall)} wall, ${met(e.cpu)} CPU)`
          : '';
    console.log(
      `engine ${label} rows parse+evaluate: ${secs(e.wall)} s wall (${rate(rows, e.wall)} rows/s), ` +
        `${secs(e.cpu)} s CPU (${rate(rows, e.cpu)} rows/s)${target}`,
    );
    console.log(
      `  bare loop over the same arrays: ${secs(b.wall)} s wall, ${secs(b.cpu)} s CPU (${rate(rows, b.cpu)} rows/s); ` +
        `engine / bare loop: ${(e.cpu / b.cpu).toFixed(1)}× CPU, ${(e.wall / b.wall).toFixed(1)}× wall`,
    );
    console.log(
      `  result objects alone (bare loop + one ProjectResult per row): ${secs(o.wall)} s wall, ${secs(o.cpu)} s CPU ` +
        `(${rate(rows, o.cpu)} rows/s); engine / result objects: ${(e.cpu / o.cpu).toFixed(1)}× CPU, ${(e.wall / o.wall).toFixed(1)}× wall`,
    );
    if (bytesPerRow !== null) {
      console.log(`  heap kept by the evaluation: ${Math.round(bytesPerRow)} bytes per project (${((bytesPerRow * rows) / 2 ** 20).toFixed(0)} MB)`);
    }
  }
}
