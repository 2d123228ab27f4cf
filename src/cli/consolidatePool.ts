// Evaluates the consolidation's files on worker threads and on this thread, one workbook at a time per
// thread, so no more than a thread's count of workbooks are held at once. This thread takes files from
// the same queue while the workers start (a worker loads the engine and SheetJS anew: seconds on a busy
// machine), so `--jobs 2` on two cores is this thread and one worker. Outcomes come back in file order
// whatever the order they finish in, so a run on workers reports what a run on one thread does.
// Under tsx (npm run consolidate) and jest the worker is TypeScript: it is started through tsx's
// require hook, so it runs wherever this file runs.
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { evaluateWorkbookFile, type FileJob, type FileOutcome } from './consolidateFile';

/** Below this many files per thread a worker's start-up costs more than it saves. */
export const MIN_FILES_PER_THREAD = 8;

/** Threads to evaluate on, this one included: one per core, one per MIN_FILES_PER_THREAD files at most. */
export function defaultJobs(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / MIN_FILES_PER_THREAD)));
}

function startWorker(job: FileJob): Worker {
  const ext = extname(__filename);
  const script = join(__dirname, `consolidateWorker${ext}`);
  if (ext === '.ts') {
    const boot = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(script)});`;
    return new Worker(boot, { eval: true, workerData: job });
  }
  return new Worker(script, { workerData: job });
}

export interface PoolOptions {
  /** Worker threads to start. */
  workers: number;
  /** Whether this thread evaluates files too (false: the workers do all of them). */
  mainThread: boolean;
}

/** `jobs` threads: this one and jobs − 1 workers. */
export function poolFor(jobs: number, files: number): PoolOptions {
  return { workers: Math.max(0, Math.min(jobs, files) - 1), mainThread: true };
}

export async function evaluateFiles(files: readonly string[], job: FileJob, pool: PoolOptions, onDone: (done: number) => void): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array<FileOutcome>(files.length);
  let done = 0;
  let next = 0;
  const finish = (index: number, outcome: FileOutcome): void => {
    outcomes[index] = outcome;
    onDone(++done);
  };
  const workers = Array.from({ length: pool.workers }, () => startWorker(job));
  /** Per worker: releases it when it holds no file (this thread found the queue empty first). */
  const releases: (() => void)[] = [];
  // A worker asks for files once it has loaded the engine ('ready'), so none waits in a loading worker
  // while this thread could evaluate it. A worker that dies (out of memory on one huge workbook …) fails
  // the file it held; the others go on.
  const onWorkers = workers.map(
    (worker) =>
      new Promise<void>((resolveWorker) => {
        let held: number | null = null;
        let over = false;
        const stop = (): void => {
          over = true;
          resolveWorker();
        };
        const send = (): void => {
          if (over) return;
          if (next >= files.length) {
            held = null;
            worker.postMessage(null);
            stop();
            return;
          }
          held = next++;
          worker.postMessage({ index: held, file: files[held] });
        };
        const died = (reason: string): void => {
          if (held !== null) finish(held, { file: files[held], ok: false, message: reason });
          held = null;
          stop();
        };
        releases.push(() => {
          if (held === null) stop();
        });
        worker.on('message', (msg: { index: number; outcome: FileOutcome } | { ready: true }) => {
          if ('outcome' in msg) {
            held = null;
            finish(msg.index, msg.outcome);
          }
          send();
        });
        worker.on('error', (err) => died(err instanceof Error ? err.message : String(err)));
        worker.on('exit', (code) => died(`worker stopped (exit ${code})`));
      }),
  );
  try {
    if (pool.mainThread || workers.length === 0) {
      while (next < files.length) {
        const index = next++;
        finish(index, await evaluateWorkbookFile(files[index], job));
      }
      for (const release of releases) release();
    }
    await Promise.all(onWorkers);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  for (let i = 0; i < files.length; i++) outcomes[i] ??= { file: files[i], ok: false, message: 'not evaluated: the worker threads stopped' };
  return outcomes;
}
