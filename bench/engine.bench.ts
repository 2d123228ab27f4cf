// Engine throughput: runEvaluation on synthetic sheets of 10k, 100k and 1M project rows.
// Target: 100k rows in under 0.2 s.
import { runEvaluation } from '../src/engine/pipeline';
import { getScheme } from '../src/engine/schemes';
import type { CellValue, SheetData } from '../src/engine/types';
import { medianSeconds, rate } from './timing';

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

export async function run(): Promise<void> {
  const scheme = getScheme('mof2020');
  if (!scheme) throw new Error('mof2020 missing');
  for (const [label, rows, runs] of [
    ['10k', 10_000, 7],
    ['100k', 100_000, 7],
    ['1M', 1_000_000, 3],
  ] as const) {
    const sheet = syntheticSheet(rows);
    let projects = 0;
    runEvaluation(sheet, { scheme }); // warm-up
    const seconds = await medianSeconds(runs, () => {
      const result = runEvaluation(sheet, { scheme });
      if (!result.ok) throw new Error(result.error.message);
      projects = result.evaluation.projects.length;
    });
    if (projects !== rows) throw new Error(`expected ${rows} projects, got ${projects}`);
    const target = rows === 100_000 ? ` (target < 0.2 s: ${seconds < 0.2 ? 'met' : 'MISSED'})` : '';
    console.log(`engine ${label} rows: ${seconds.toFixed(3)} s (${rate(rows, seconds)} rows/s)${target}`);
  }
}
