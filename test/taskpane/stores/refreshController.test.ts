import type { SourceChange } from '../../../src/engine/workbookPort';
import type { SheetData } from '../../../src/engine/types';
import { rangeOf } from '../../../src/taskpane/format';
import { RefreshController, isInsideRange, type SourceRange } from '../../../src/taskpane/stores/refreshController';

const RANGE: SourceRange = { sheet: 'Sheet1', rowStart: 3, rowEnd: 10, colStart: 2, colEnd: 9 };

function change(row: number, col: number, extra: Partial<SourceChange> = {}): SourceChange {
  return { sheet: 'Sheet1', rowStart: row, rowEnd: row, colStart: col, colEnd: col, own: false, ...extra };
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A run whose completion the test controls; records each call's signal. */
function controlledRuns() {
  const calls: { signal: AbortSignal; done: Deferred<string> }[] = [];
  const run = jest.fn((signal: AbortSignal) => {
    const done = deferred<string>();
    calls.push({ signal, done });
    return done.promise;
  });
  return { run, calls };
}

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('isInsideRange', () => {
  it('accepts the block, rows just below it, and overlapping columns', () => {
    expect(isInsideRange(change(3, 2), RANGE, 20)).toBe(true);
    expect(isInsideRange(change(10, 9), RANGE, 20)).toBe(true);
    expect(isInsideRange(change(11, 5), RANGE, 20)).toBe(true);
    expect(isInsideRange(change(30, 5), RANGE, 20)).toBe(true);
    expect(isInsideRange(change(1, 1, { rowEnd: 500, colEnd: 16384 }), RANGE, 20)).toBe(true);
    expect(isInsideRange(change(5, 5, { sheet: 'sheet1' }), RANGE, 20)).toBe(true);
  });

  it('rejects other sheets, rows far below or above, and columns beside the block', () => {
    expect(isInsideRange(change(5, 5, { sheet: 'Other' }), RANGE, 20)).toBe(false);
    expect(isInsideRange(change(31, 5), RANGE, 20)).toBe(false);
    expect(isInsideRange(change(2, 5), RANGE, 20)).toBe(false);
    expect(isInsideRange(change(5, 1), RANGE, 20)).toBe(false);
    expect(isInsideRange(change(5, 10), RANGE, 20)).toBe(false);
  });

  it('watches the block an Excel table at B2 covers: the read block, from its origin and size', () => {
    // Table "Projects" on B2:D9 (header + 7 projects), as the adapter reads it.
    const grid = [['项目名称', '全年预算数', '全年执行数'], ...Array.from({ length: 7 }, (_, i) => [`项目${i + 1}`, 100, 90])];
    const table: SheetData = { name: 'Sheet1', origin: { row: 2, col: 2 }, grid, source: { sheet: 'Sheet1', kind: 'table', table: 'Projects' } };
    const range = rangeOf(table);
    expect(range).toEqual({ sheet: 'Sheet1', rowStart: 2, rowEnd: 9, colStart: 2, colEnd: 4 });
    expect(isInsideRange(change(5, 3), range, 20)).toBe(true);
    expect(isInsideRange(change(2, 2), range, 20)).toBe(true);
    // A project typed in the row right under the table, in its columns.
    expect(isInsideRange(change(10, 2), range, 20)).toBe(true);
    // Beside the table (column A, column E) or above it (the note in row 1).
    expect(isInsideRange(change(5, 1), range, 20)).toBe(false);
    expect(isInsideRange(change(5, 5), range, 20)).toBe(false);
    expect(isInsideRange(change(1, 2), range, 20)).toBe(false);
  });
});

describe('RefreshController', () => {
  it('turns a burst of edits into one refresh after the quiet delay', async () => {
    const { run, calls } = controlledRuns();
    const onResult = jest.fn();
    const controller = new RefreshController({ run, onResult, autoRefresh: true, range: RANGE, delayMs: 800 });
    for (let i = 0; i < 5; i++) {
      expect(controller.handleChange(change(4 + i, 3))).toBe(true);
      await jest.advanceTimersByTimeAsync(300);
    }
    expect(run).not.toHaveBeenCalled();
    expect(controller.getState().phase).toBe('waiting');
    await jest.advanceTimersByTimeAsync(800);
    expect(run).toHaveBeenCalledTimes(1);
    expect(controller.getState().phase).toBe('running');
    calls[0].done.resolve('r1');
    await jest.advanceTimersByTimeAsync(0);
    expect(onResult).toHaveBeenCalledWith('r1');
    expect(controller.getState().phase).toBe('idle');
    await jest.advanceTimersByTimeAsync(5000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('ignores the add-in’s own changes', async () => {
    const { run } = controlledRuns();
    const controller = new RefreshController({ run, autoRefresh: true, range: RANGE });
    expect(controller.handleChange(change(5, 5, { own: true }))).toBe(false);
    await jest.advanceTimersByTimeAsync(5000);
    expect(run).not.toHaveBeenCalled();
    expect(controller.getState()).toMatchObject({ phase: 'idle', stale: false });
  });

  it('ignores edits outside the mapped range and before a range is known', async () => {
    const { run } = controlledRuns();
    const controller = new RefreshController({ run, autoRefresh: true });
    expect(controller.handleChange(change(5, 5))).toBe(false);
    controller.setRange(RANGE);
    expect(controller.handleChange(change(5, 12))).toBe(false);
    expect(controller.handleChange(change(5, 5, { sheet: '绩效自评汇总' }))).toBe(false);
    expect(controller.handleChange(change(100, 5))).toBe(false);
    await jest.advanceTimersByTimeAsync(5000);
    expect(run).not.toHaveBeenCalled();
  });

  it('picks up a row typed just below the table', async () => {
    const { run } = controlledRuns();
    const controller = new RefreshController({ run, autoRefresh: true, range: RANGE, delayMs: 100 });
    expect(controller.handleChange(change(11, 2))).toBe(true);
    await jest.advanceTimersByTimeAsync(100);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('drops a stale run’s result, aborts it, and writes the newer one', async () => {
    const { run, calls } = controlledRuns();
    const onResult = jest.fn();
    const controller = new RefreshController({ run, onResult, autoRefresh: true, range: RANGE, delayMs: 100 });
    controller.handleChange(change(5, 5));
    await jest.advanceTimersByTimeAsync(100);
    expect(run).toHaveBeenCalledTimes(1);
    // The sheet changes while the first run is still reading.
    controller.handleChange(change(6, 5));
    expect(calls[0].signal.aborted).toBe(true);
    await jest.advanceTimersByTimeAsync(100);
    // The second run waits for the first to settle, so two runs never write at once.
    expect(run).toHaveBeenCalledTimes(1);
    calls[0].done.resolve('stale');
    await jest.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
    expect(calls[1].signal.aborted).toBe(false);
    calls[1].done.resolve('fresh');
    await jest.advanceTimersByTimeAsync(0);
    expect(onResult).toHaveBeenCalledTimes(1);
    expect(onResult).toHaveBeenCalledWith('fresh');
  });

  it('drops the result of a run that ignored its signal', async () => {
    const onResult = jest.fn();
    const results = ['old', 'new'];
    const gates = [deferred<void>(), deferred<void>()];
    let index = 0;
    const run = jest.fn(async () => {
      const mine = index++;
      await gates[mine].promise;
      return results[mine];
    });
    const controller = new RefreshController({ run, onResult, autoRefresh: true, range: RANGE, delayMs: 50 });
    controller.handleChange(change(5, 5));
    await jest.advanceTimersByTimeAsync(50);
    controller.handleChange(change(5, 6));
    await jest.advanceTimersByTimeAsync(50);
    gates[0].resolve();
    await jest.advanceTimersByTimeAsync(0);
    expect(onResult).not.toHaveBeenCalled();
    gates[1].resolve();
    await jest.advanceTimersByTimeAsync(0);
    expect(onResult.mock.calls).toEqual([['new']]);
  });

  it('drops the result of a run when the edit arrives while the run is starting', async () => {
    const onResult = jest.fn();
    let calls = 0;
    const run = jest.fn(async (signal: AbortSignal) => {
      // The host reports an edit before the first read has even been sent.
      if (calls++ === 0) controller.handleChange(change(5, 5));
      return signal.aborted ? 'aborted' : `run ${calls}`;
    });
    const controller = new RefreshController({ run, onResult, autoRefresh: true, range: RANGE, delayMs: 50 });
    await controller.refreshNow();
    expect(onResult).not.toHaveBeenCalled();
    expect(controller.getState()).toMatchObject({ phase: 'waiting', lastRefreshed: null });
    await jest.advanceTimersByTimeAsync(50);
    expect(onResult.mock.calls).toEqual([['run 2']]);
    expect(controller.getState()).toMatchObject({ phase: 'idle', stale: false });
  });

  it('a run superseded while it waited for the one before does not stay running', async () => {
    const { run, calls } = controlledRuns();
    const controller = new RefreshController({ run, autoRefresh: true, range: RANGE, delayMs: 100 });
    controller.handleChange(change(5, 5));
    await jest.advanceTimersByTimeAsync(100);
    // Edit during the first run; the second waits for the first to settle, and is aborted by a third edit.
    controller.handleChange(change(6, 5));
    await jest.advanceTimersByTimeAsync(100);
    controller.handleChange(change(7, 5));
    calls[0].done.resolve('stale');
    await jest.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
    expect(controller.getState().phase).toBe('waiting');
    controller.setAutoRefresh(false);
    expect(controller.getState()).toMatchObject({ phase: 'idle', stale: true });
    await jest.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('marks results stale when auto-refresh is off, and a manual refresh clears it', async () => {
    const { run, calls } = controlledRuns();
    const now = new Date('2026-03-01T08:00:00Z');
    const controller = new RefreshController({ run, autoRefresh: false, range: RANGE, now: () => now });
    const seen: boolean[] = [];
    controller.subscribe(() => seen.push(controller.getState().stale));
    expect(controller.handleChange(change(5, 5))).toBe(true);
    await jest.advanceTimersByTimeAsync(5000);
    expect(run).not.toHaveBeenCalled();
    expect(controller.getState()).toMatchObject({ stale: true, phase: 'idle', lastRefreshed: null });
    const refreshed = controller.refreshNow();
    calls[0].done.resolve('ok');
    await refreshed;
    expect(controller.getState()).toMatchObject({ stale: false, phase: 'idle', lastRefreshed: now });
    expect(seen[0]).toBe(true);
  });

  it('catches up when auto-refresh is switched on while stale', async () => {
    const { run } = controlledRuns();
    const controller = new RefreshController({ run, autoRefresh: false, range: RANGE, delayMs: 200 });
    controller.handleChange(change(5, 5));
    controller.setAutoRefresh(true);
    await jest.advanceTimersByTimeAsync(200);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('switching auto-refresh off drops a pending refresh and leaves the results stale', async () => {
    const { run } = controlledRuns();
    const controller = new RefreshController({ run, autoRefresh: true, range: RANGE, delayMs: 200 });
    controller.handleChange(change(5, 5));
    controller.setAutoRefresh(false);
    await jest.advanceTimersByTimeAsync(1000);
    expect(run).not.toHaveBeenCalled();
    expect(controller.getState()).toMatchObject({ stale: true, phase: 'idle' });
  });

  it('reports a failed refresh and clears the error on the next success', async () => {
    const { run, calls } = controlledRuns();
    const onError = jest.fn();
    const controller = new RefreshController({ run, onError, range: RANGE });
    const first = controller.refreshNow();
    calls[0].done.reject(new Error('sheet protected'));
    await first;
    expect(onError).toHaveBeenCalledWith(new Error('sheet protected'));
    expect((controller.getState().error as Error).message).toBe('sheet protected');
    const second = controller.refreshNow();
    calls[1].done.resolve('ok');
    await second;
    expect(controller.getState().error).toBeNull();
  });

  it('cancel aborts the running refresh, reports nothing, and leaves edits stale', async () => {
    const { run, calls } = controlledRuns();
    const onResult = jest.fn();
    const onError = jest.fn();
    const controller = new RefreshController({ run, onResult, onError, autoRefresh: true, range: RANGE, delayMs: 10 });
    controller.handleChange(change(5, 5));
    await jest.advanceTimersByTimeAsync(10);
    controller.cancel();
    expect(calls[0].signal.aborted).toBe(true);
    calls[0].done.reject(new Error('aborted'));
    await jest.advanceTimersByTimeAsync(0);
    expect(onResult).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
    expect(controller.getState()).toMatchObject({ phase: 'idle', stale: true });
  });

  it('does nothing after dispose', async () => {
    const { run } = controlledRuns();
    const controller = new RefreshController({ run, autoRefresh: true, range: RANGE, delayMs: 10 });
    controller.dispose();
    expect(controller.handleChange(change(5, 5))).toBe(false);
    await jest.advanceTimersByTimeAsync(100);
    expect(run).not.toHaveBeenCalled();
  });
});

describe('several ranges (the forms layout: every form sheet)', () => {
  it('follows edits in any of the ranges and none elsewhere', async () => {
    const { run } = controlledRuns();
    const controller = new RefreshController<string>({ run, delayMs: 100, autoRefresh: true });
    controller.setRanges([
      { sheet: '表1', rowStart: 1, rowEnd: 30, colStart: 1, colEnd: 9 },
      { sheet: '表2', rowStart: 1, rowEnd: 60, colStart: 1, colEnd: 11 },
    ]);
    expect(controller.handleChange(change(5, 2, { sheet: '封面' }))).toBe(false);
    expect(controller.handleChange(change(45, 11, { sheet: '表2' }))).toBe(true);
    expect(controller.handleChange(change(13, 8, { sheet: '表1' }))).toBe(true);
    expect(controller.handleChange(change(13, 10, { sheet: '表1' }))).toBe(false);
    jest.advanceTimersByTime(100);
    await Promise.resolve();
    expect(run).toHaveBeenCalledTimes(1);
    controller.setRanges([]);
    expect(controller.handleChange(change(13, 8, { sheet: '表1' }))).toBe(false);
  });
});
