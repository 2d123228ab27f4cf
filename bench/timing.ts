// Timing helpers shared by the benches: median of a few runs, wall clock and CPU time.
import { performance } from 'node:perf_hooks';

export interface Sample {
  /** Wall-clock seconds. */
  wall: number;
  /** CPU seconds of this process (user + system): less disturbed by other work on a busy machine. */
  cpu: number;
}

export async function measure(work: () => unknown | Promise<unknown>): Promise<Sample> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await work();
  const wall = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1e6 };
}

export function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function medianSeconds(runs: number, work: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await measure(work)).wall);
  return median(times);
}

export function rate(count: number, seconds: number): string {
  const perSecond = count / seconds;
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)}M`;
  return `${Math.round(perSecond / 1000)}k`;
}
