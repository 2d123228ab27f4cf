// The workbook runs of one pane layout as the officer sees them: at most one run at a time (a run asked
// for later wins, an edit or Cancel aborts the one under way and nothing of it is shown), the mode each run
// was asked for, its progress, and the notice it leaves. The table pane (PaneStore) and the forms layout
// (FormsStore) both run through it, so a run, a cancel and a failure read the same in both; LayoutStore
// is what the two stores share around it (one snapshot, subscribe, the pane's language).
// Host-free and React-free: the port comes in as an argument, timers can be injected.
import type { Progress, Settings, WorkbookPort } from '../../engine/workbookPort';
import type { Lang } from '../../engine/types';
import { RefreshController, type RefreshState, type Timers } from './refreshController';
import { Observable } from './observable';

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

/** `summarySheet`: the summary sheet a run wrote, null when it wrote none. */
export type RunResult = { summarySheet: string | null };

export class RunSession<T extends RunResult, N extends { kind: string } = never> {
  readonly controller: RefreshController<Finished<T>, RunMode>;
  private readonly observed: Observable<RunState<N>>;

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
        const written = result.summarySheet;
        let notice = this.getState().notice;
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
    this.observed = new Observable<RunState<N>>({ progress: null, notice: null, refresh: this.controller.getState() });
    this.controller.subscribe(() => this.set({ refresh: this.controller.getState() }));
  }

  getState = (): RunState<N> => this.observed.get();

  subscribe = (listener: () => void): (() => void) => this.observed.subscribe(listener);

  /**
   * Picks up where the workbook's saved settings left off: auto-refresh as the officer set it (on by
   * default once a summary exists) and the time of the last refresh.
   */
  resume(saved: Pick<Settings, 'autoRefresh' | 'summarySheet' | 'lastRefreshed'>): void {
    this.controller.setAutoRefresh(saved.autoRefresh ?? Boolean(saved.summarySheet));
    const time = saved.lastRefreshed ? new Date(saved.lastRefreshed) : null;
    this.controller.setLastRefreshed(time && Number.isFinite(time.getTime()) ? time : null);
  }

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
    this.observed.patch(patch);
  }
}

export interface LayoutStoreOptions {
  /** The pane's language: the summary follows what the officer reads. */
  lang: Lang;
  /** Quiet time after the last edit before an automatic refresh. */
  refreshDelayMs?: number;
  timers?: Timers;
  now?: () => Date;
}

/**
 * A pane layout's store (PaneStore, FormsStore): its own state beside its runs' progress, notice and
 * refresh state, read as one snapshot (useSyncExternalStore).
 */
export abstract class LayoutStore<Own extends object, T extends RunResult, N extends { kind: string } = never> {
  protected readonly runs: RunSession<T, N>;
  protected lang: Lang;
  protected own: Own;
  private readonly snapshot: Observable<Own & RunState<N>>;

  constructor(own: Own, options: LayoutStoreOptions) {
    this.own = own;
    this.lang = options.lang;
    this.runs = new RunSession<T, N>({
      execute: (mode, signal, onProgress) => this.execute(mode, signal, onProgress),
      adopt: (result) => this.adoptRun(result),
      settings: () => this.settings(),
      delayMs: options.refreshDelayMs,
      timers: options.timers,
      now: options.now,
    });
    this.snapshot = new Observable<Own & RunState<N>>({ ...own, ...this.runs.getState() });
    this.runs.subscribe(() => this.emit());
  }

  getSnapshot = (): Own & RunState<N> => this.snapshot.get();

  subscribe = (listener: () => void): (() => void) => this.snapshot.subscribe(listener);

  /** Read by each run when it starts. */
  setLang(lang: Lang): void {
    this.lang = lang;
  }

  /** One run: read, evaluate and write what the mode asks for. */
  protected abstract execute(mode: RunMode, signal: AbortSignal, onProgress: (progress: Progress) => void): Promise<T>;

  /** Takes in the result of a run that is still current. */
  protected abstract adoptRun(result: T): void;

  /** The layout's settings as they are now. */
  protected abstract settings(): Settings;

  /** Fields that follow from others (the table pane's detection follows its source and mapping). */
  protected derive(next: Own, _previous: Own): Own {
    return next;
  }

  protected update(patch: Partial<Own>): void {
    this.own = this.derive({ ...this.own, ...patch }, this.own);
    this.emit();
  }

  private emit(): void {
    this.snapshot.replace({ ...this.own, ...this.runs.getState() });
  }
}
