import { EngineError } from '../../../src/engine/errors';
import { getScheme } from '../../../src/engine/schemes';
import type { Grid } from '../../../src/engine/types';
import { runEngine, WorkflowCancelled, type EngineRequest } from '../../../src/engine/workflow';
import { createEngineRunner, type WorkerLike } from '../../../src/taskpane/worker/engineClient';
import { ArrayAssembler, splitLargeArrays, type FromWorker, type ToWorker } from '../../../src/taskpane/worker/engineProtocol';
import { createWorkerHandler } from '../../../src/taskpane/worker/engineWorkerCore';
import { seedGrid } from '../fakePort';

/** A worker that runs the real handler in this process, with cloned messages delivered asynchronously. */
class InProcessWorker implements WorkerLike {
  posted: ToWorker[] = [];
  received: FromWorker[] = [];
  terminated = false;
  private readonly messageListeners = new Set<(event: MessageEvent<FromWorker>) => void>();
  private readonly errorListeners = new Set<(event: Event) => void>();
  private readonly handle = createWorkerHandler((message) => {
    this.received.push(message);
    const copy = structuredClone(message);
    setTimeout(() => {
      if (this.terminated) return;
      for (const listener of [...this.messageListeners]) listener({ data: copy } as MessageEvent<FromWorker>);
    }, 0);
  }, 4);
  /** Set to make the worker hold messages (simulates a long computation). */
  hold = false;
  private held: ToWorker[] = [];

  postMessage(message: ToWorker): void {
    this.posted.push(message);
    const copy = structuredClone(message);
    setTimeout(() => {
      if (this.terminated) return;
      if (this.hold) this.held.push(copy);
      else this.handle(copy);
    }, 0);
  }
  addEventListener(type: 'message' | 'error', listener: never): void {
    (type === 'message' ? this.messageListeners : this.errorListeners).add(listener);
  }
  removeEventListener(type: 'message' | 'error', listener: never): void {
    (type === 'message' ? this.messageListeners : this.errorListeners).delete(listener);
  }
  terminate(): void {
    this.terminated = true;
  }
  crash(): void {
    for (const listener of [...this.errorListeners]) listener(new Event('error'));
  }
}

function request(grid: Grid = seedGrid(), summary = true): EngineRequest {
  return {
    sheet: { name: '自评表', grid, origin: { row: 1, col: 1 } },
    scheme: getScheme('wuhan2018')!,
    band: { low: 0.9, high: 1 },
    summary: summary ? { lang: 'zh', time: new Date('2026-03-02T09:30:00Z') } : undefined,
  };
}

const immediate = () => Promise.resolve();

describe('splitLargeArrays / ArrayAssembler', () => {
  it('round-trips nested values, slicing only the long arrays', () => {
    const value = { a: [1, 2, 3, 4, 5, 6, 7], b: { c: [[1, 2], [3]], d: 'x', e: null, t: new Date(0) }, f: [{ g: [9, 8, 7, 6, 5] }] };
    const { skeleton, parts } = splitLargeArrays(value, 3);
    expect(parts.map((p) => [p.ref, p.start, p.items.length])).toEqual([
      [0, 0, 3],
      [0, 3, 3],
      [0, 6, 1],
      [1, 0, 3],
      [1, 3, 2],
    ]);
    expect(JSON.stringify(skeleton)).not.toContain('9,8,7');
    const assembler = new ArrayAssembler();
    for (const part of [...parts].reverse()) assembler.add(structuredClone(part));
    expect(assembler.assemble(structuredClone(skeleton))).toEqual(value);
  });

  it('refuses to assemble when a slice is missing', () => {
    const { skeleton, parts } = splitLargeArrays({ a: [1, 2, 3, 4] }, 2);
    const assembler = new ArrayAssembler();
    assembler.add(parts[0]);
    expect(() => assembler.assemble(skeleton)).toThrow(/incomplete/);
  });
});

describe('createEngineRunner', () => {
  it('runs small sheets on this thread without making a worker', async () => {
    const createWorker = jest.fn(() => new InProcessWorker());
    const run = createEngineRunner({ createWorker, threshold: 1000 });
    const result = await run(request());
    expect(result.ok).toBe(true);
    expect(createWorker).not.toHaveBeenCalled();
  });

  it('sends large sheets to the worker in slices and rebuilds the same result', async () => {
    const worker = new InProcessWorker();
    const run = createEngineRunner({ createWorker: () => worker, threshold: 5, sliceRows: 3, yieldToUi: immediate });
    const viaWorker = await run(request());
    const here = runEngine(request());
    expect(viaWorker).toEqual(here);
    // 11 grid rows in slices of 3, then the run message.
    expect(worker.posted.map((m) => m.type)).toEqual(['rows', 'rows', 'rows', 'rows', 'run']);
    expect(worker.posted.every((m) => m.type !== 'rows' || m.rows.length <= 3)).toBe(true);
    expect(worker.received.filter((m) => m.type === 'part').length).toBeGreaterThan(1);
    if (!viaWorker.ok) throw viaWorker.error;
    expect(viaWorker.evaluation.projects).toHaveLength(7);
    expect(viaWorker.layout?.table.rowCount).toBe(7);
  });

  it('brings an engine error back as an EngineError', async () => {
    const worker = new InProcessWorker();
    const run = createEngineRunner({ createWorker: () => worker, threshold: 5, yieldToUi: immediate });
    const grid = seedGrid().map((row) => row.filter((_cell, i) => i !== 4));
    const result = await run(request(grid));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(EngineError);
    expect(result.error.code).toBe('missing_columns');
    expect(result.error.details.missing).toEqual(['actual']);
  });

  it('terminates the worker on cancel and makes a new one next time', async () => {
    const workers: InProcessWorker[] = [];
    const run = createEngineRunner({
      createWorker: () => {
        const w = new InProcessWorker();
        workers.push(w);
        return w;
      },
      threshold: 5,
      yieldToUi: immediate,
    });
    const controller = new AbortController();
    const pending = run(request(), controller.signal);
    workers[0].hold = true;
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(WorkflowCancelled);
    expect(workers[0].terminated).toBe(true);
    const again = await run(request());
    expect(again.ok).toBe(true);
    expect(workers).toHaveLength(2);
  });

  it('falls back to this thread when the worker fails to load', async () => {
    const worker = new InProcessWorker();
    worker.hold = true;
    const run = createEngineRunner({ createWorker: () => worker, threshold: 5, yieldToUi: immediate });
    const pending = run(request());
    await new Promise((resolve) => setTimeout(resolve, 5));
    worker.crash();
    const result = await pending;
    expect(result.ok).toBe(true);
    expect(worker.terminated).toBe(true);
  });

  it('falls back to this thread when no worker can be made', async () => {
    const run = createEngineRunner({
      createWorker: () => {
        throw new Error('Worker is not defined');
      },
      threshold: 5,
    });
    expect((await run(request())).ok).toBe(true);
  });
});
