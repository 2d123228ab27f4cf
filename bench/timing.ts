// Timing helpers shared by the benches: median of a few runs.
import { performance } from 'node:perf_hooks';

export async function medianSeconds(runs: number, work: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push((performance.now() - start) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function rate(count: number, seconds: number): string {
  const perSecond = count / seconds;
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)}M`;
  return `${Math.round(perSecond / 1000)}k`;
}
