// Chooses where the engine runs: this thread for ordinary sheets, a Web Worker for large ones so the
// pane stays responsive. Falls back to this thread when no worker can be made (jsdom, old hosts).
import { EngineError } from '../../engine/errors';
import type { SummaryLayout } from '../../engine/summary/summaryTypes';
import type { Evaluation, HeaderDetection } from '../../engine/types';
import { runEngine, WorkflowCancelled, type EngineResult, type EngineRunner } from '../../engine/workflow';
import { ArrayAssembler, SLICE_ITEMS, type FromWorker, type ToWorker } from './engineProtocol';

/** At about 20k rows the engine takes some 70 ms here; above that the worker keeps the pane responsive. */
const WORKER_ROW_THRESHOLD = 20_000;

/** The part of a Worker the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  removeEventListener(type: 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface EngineClientOptions {
  createWorker?: () => WorkerLike;
  /** Sheets with at least this many rows go to the worker. */
  threshold?: number;
  sliceRows?: number;
  /** Lets the pane paint between slices. */
  yieldToUi?: () => Promise<void>;
}

const yieldWithTimeout = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function createEngineRunner(options: EngineClientOptions = {}): EngineRunner {
  const threshold = options.threshold ?? WORKER_ROW_THRESHOLD;
  const sliceRows = Math.max(1, options.sliceRows ?? SLICE_ITEMS);
  const yieldToUi = options.yieldToUi ?? yieldWithTimeout;
  let worker: WorkerLike | null = null;
  let workerUnavailable = !options.createWorker;
  let nextId = 1;

  const obtainWorker = (): WorkerLike | null => {
    if (workerUnavailable || !options.createWorker) return null;
    if (worker) return worker;
    try {
      worker = options.createWorker();
      return worker;
    } catch {
      workerUnavailable = true;
      return null;
    }
  };

  return async (request, signal) => {
    if (signal?.aborted) throw new WorkflowCancelled();
    const current = request.sheet.grid.length >= threshold ? obtainWorker() : null;
    if (!current) return runEngine(request);
    const id = nextId++;

    return new Promise<EngineResult>((resolve, reject) => {
      let settled = false;
      const assembler = new ArrayAssembler();
      const finish = (): boolean => {
        if (settled) return false;
        settled = true;
        current.removeEventListener('message', onMessage);
        current.removeEventListener('error', onError);
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const dropWorker = (): void => {
        current.terminate();
        if (worker === current) worker = null;
      };
      function onMessage(event: MessageEvent<FromWorker>): void {
        const data = event.data;
        if (data.id !== id || settled) return;
        if (data.type === 'part') {
          assembler.add(data);
          return;
        }
        finish();
        if (data.type === 'result') {
          try {
            const value = assembler.assemble(data.skeleton) as {
              detection: HeaderDetection;
              evaluation: Evaluation;
              layout?: SummaryLayout;
            };
            resolve({ ok: true, detection: value.detection, evaluation: value.evaluation, layout: value.layout });
          } catch (error) {
            reject(error);
          }
        } else if (data.type === 'failure') {
          resolve({ ok: false, error: new EngineError(data.error.code, data.error.details, data.error.message) });
        } else {
          reject(new Error(data.message));
        }
      }
      function onError(): void {
        if (!finish()) return;
        // The worker script could not load or died: do the work here rather than fail the officer.
        dropWorker();
        workerUnavailable = true;
        try {
          resolve(runEngine(request));
        } catch (error) {
          reject(error);
        }
      }
      function onAbort(): void {
        if (!finish()) return;
        // Terminating is the only way to stop a synchronous computation in the worker.
        dropWorker();
        reject(new WorkflowCancelled());
      }
      current.addEventListener('message', onMessage);
      current.addEventListener('error', onError);
      signal?.addEventListener('abort', onAbort);

      const { grid, ...sheetRest } = request.sheet;
      void (async () => {
        for (let start = 0; start < grid.length; start += sliceRows) {
          if (settled) return;
          current.postMessage({ id, type: 'rows', rows: grid.slice(start, start + sliceRows) });
          await yieldToUi();
        }
        if (settled) return;
        current.postMessage({ id, type: 'run', request: { ...request, sheet: sheetRest } });
      })();
    });
  };
}
