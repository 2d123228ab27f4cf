// Timing helpers shared by the benches: median of a few runs, printed as seconds.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A full collection before each timed run, so one run does not pay for the garbage of the previous one or of the input's generation. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return typeof gc === 'function' ? gc : () => undefined;
}
const collect = collector();

export async function medianSeconds(runs: number, work: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
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
