// Evaluates the consolidation's files on `jobs` worker threads (both cores of a small machine), one
// workbook at a time per worker, so no more than `jobs` workbooks are held at once; jobs = 1 runs in
// this thread. Outcomes come back in file order whatever the order they finish in.
// Under tsx (npm run consolidate) and jest the worker is TypeScript: it is started through tsx's
// require hook, so it runs wherever this file runs.
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { evaluateWorkbookFile, type FileJob, type FileOutcome } from './consolidateFile';

/** Below this many files a worker's start-up costs more than it saves. */
export const MIN_FILES_PER_WORKER = 8;

export function defaultJobs(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / MIN_FILES_PER_WORKER)));
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

export async function evaluateFiles(files: readonly string[], job: FileJob, jobs: number, onDone: (done: number) => void): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array<FileOutcome>(files.length);
  let done = 0;
  if (jobs <= 1 || files.length <= 1) {
    for (let i = 0; i < files.length; i++) {
      outcomes[i] = await evaluateWorkbookFile(files[i], job);
      onDone(++done);
    }
    return outcomes;
  }
  let next = 0;
  const workers = Array.from({ length: Math.min(jobs, files.length) }, () => startWorker(job));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolveWorker, reject) => {
            const send = (): void => {
              if (next >= files.length) {
                worker.postMessage(null);
                resolveWorker();
                return;
              }
              const index = next++;
              worker.postMessage({ index, file: files[index] });
            };
            worker.on('message', (msg: { index: number; outcome: FileOutcome }) => {
              outcomes[msg.index] = msg.outcome;
              onDone(++done);
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (next < files.length || code !== 0 ? reject(new Error(`consolidation worker stopped (exit ${code})`)) : undefined));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes;
}
