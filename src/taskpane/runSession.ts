// The workbook runs of one pane layout as the officer sees them: at most one run at a time (a run asked
// for later wins, an edit or Cancel aborts the one under way and nothing of it is shown), the mode each run
// was asked for, its progress, and the notice it leaves. The table pane (PaneStore) and the forms layout
// (FormsStore) both run through it, so a run, a cancel and a failure read the same in both.
// Host-free and React-free: the port comes in as an argument, timers can be injected.
import type { Progress, Settings, WorkbookPort } from '../engine/workbookPort';
import { RefreshController, type RefreshState, type Timers } from './refreshController';

/** What the officer asked for; runs started by edits in the watched blocks are 'refresh'. */
export type RunMode = 'evaluate' | 'summary' | 'refresh';

export type RunNotice =
  | { kind: 'error'; error: unknown }
  | { kind: 'summaryWritten'; sheet: string }
  | { kind: 'cancelled' };

/** `N`: the notices a layout adds of its own (highlights cleared, marks cleared). */
export interface RunState<N extends { kind: string } = never> {
  progress: Progress | null;
  notice: RunNotice | N | null;
  refresh: RefreshState;
}

export interface RunSessionOptions<T> {
  /** One run. Must honour the signal: an aborted run must not write. */
  execute(mode: RunMode, signal: AbortSignal, onProgress: (progress: Progress) => void): Promise<T>;
  /** Takes in the result of a run that is still current (settings, results shown, blocks watched). */
  adopt(result: T, mode: RunMode): void;
  /** The summary sheet the run wrote; null when it wrote none. */
  summarySheet(result: T): string | null;
  /** The layout's settings as they are now. */
  settings(): Pick<Settings, 'summarySheet' | 'autoRefresh'>;
  delayMs?: number;
  timers?: Timers;
  now?: () => Date;
}

interface Finished<T> {
  result: T;
  mode: RunMode;
}

export class RunSession<T, N extends { kind: string } = never> {
  readonly controller: RefreshController<Finished<T>, RunMode>;
  private state: RunState<N>;
  private readonly listeners = new Set<() => void>();

  constructor(options: RunSessionOptions<T>) {
    this.controller = new RefreshController<Finished<T>, RunMode>({
      run: async (signal, requested) => {
        const mode = requested ?? 'refresh';
        // An aborted run may still be reading; what it reports after Cancel is not shown.
        const result = await options.execute(mode, signal, (progress) => {
          if (!signal.aborted) this.set({ progress });
        });
        return { result, mode };
      },
      onResult: ({ result, mode }) => {
        const hadSummary = Boolean(options.settings().summarySheet);
        options.adopt(result, mode);
        const written = options.summarySheet(result);
        let notice = this.state.notice;
        if (mode === 'summary' && written) notice = { kind: 'summaryWritten', sheet: written };
        else if (mode !== 'refresh') notice = null;
        // A later automatic refresh that succeeds makes an earlier failure moot.
        else if (notice?.kind === 'error') notice = null;
        this.set({ progress: null, notice });
        // Once a summary exists every run keeps it current, so the first one turns auto-refresh on
        // unless the officer has chosen either way.
        if (!hadSummary && written && options.settings().autoRefresh === undefined) this.controller.setAutoRefresh(true);
      },
      onError: (error) => this.set({ progress: null, notice: { kind: 'error', error } }),
      delayMs: options.delayMs,
      timers: options.timers,
      now: options.now,
    });
    this.state = { progress: null, notice: null, refresh: this.controller.getState() };
    this.controller.subscribe(() => this.set({ refresh: this.controller.getState() }));
  }

  getState = (): RunState<N> => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Starts a run now, replacing any pending or running one. */
  start(mode: RunMode): void {
    this.set({ notice: null });
    void this.controller.refreshNow(mode);
  }

  /** Stops a pending or running run; nothing of it is written or shown. */
  cancel(): void {
    this.controller.cancel();
    this.set({ progress: null, notice: { kind: 'cancelled' } });
  }

  setNotice(notice: RunNotice | N | null): void {
    this.set({ notice });
  }

  fail(error: unknown): void {
    this.set({ notice: { kind: 'error', error } });
  }

  /** A workbook call outside a run (clear highlights, select a row): its failure is the pane's notice. */
  settle(task: Promise<unknown>, done?: () => RunNotice | N | null): void {
    task.then(
      () => {
        if (done) this.setNotice(done());
      },
      (error: unknown) => this.fail(error),
    );
  }

  /** Feeds the workbook's change events to the controller until the returned stop is called. */
  listen(port: WorkbookPort): () => void {
    let stop: (() => Promise<void>) | null = null;
    let stopped = false;
    port
      .onSourceChanged((change) => {
        this.controller.handleChange(change);
      })
      .then((stopListening) => {
        if (stopped) void stopListening().catch(() => undefined);
        else stop = stopListening;
      })
      .catch((error: unknown) => this.fail(error));
    return () => {
      stopped = true;
      this.controller.cancel();
      if (stop) void stop().catch(() => undefined);
    };
  }

  private set(patch: Partial<RunState<N>>): void {
    const next = { ...this.state, ...patch };
    const changed = (Object.keys(patch) as (keyof RunState<N>)[]).some((key) => next[key] !== this.state[key]);
    if (!changed) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
