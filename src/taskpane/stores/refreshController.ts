// Auto-refresh: turns the workbook's change events into at most one running refresh at a time.
// Host-free and React-free so it can be tested with fake timers.
import type { SourceChange } from '../../engine/workbookPort';
import { Observable } from './observable';

/** The mapped source block, 1-based and inclusive, in sheet coordinates. */
export interface SourceRange {
  sheet: string;
  rowStart: number;
  rowEnd: number;
  colStart: number;
  colEnd: number;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** 'waiting': an edit was seen and the debounce delay is running; 'running': a refresh is in flight. */
export type RefreshPhase = 'idle' | 'waiting' | 'running';

export interface RefreshState {
  phase: RefreshPhase;
  /** The source was edited after the last completed refresh and no refresh is coming by itself. */
  stale: boolean;
  autoRefresh: boolean;
  lastRefreshed: Date | null;
  /** The last refresh's failure, cleared by the next success. */
  error: unknown;
}

/**
 * `R` is what a manual refresh asks for (the pane: evaluate, write the summary, refresh); runs started by
 * edits get `undefined`.
 */
export interface RefreshControllerOptions<T, R = void> {
  /** One refresh (evaluate and write). Must honour the signal: an aborted run must not write. */
  run(signal: AbortSignal, request: R | undefined): Promise<T>;
  /** Called with the result of a run that is still current (no edit came after it started). */
  onResult?(result: T): void;
  onError?(error: unknown): void;
  /** Quiet time after the last edit before a refresh starts. */
  delayMs?: number;
  /** Rows below the mapped block that still count as inside (new rows typed under the table). */
  rowMargin?: number;
  autoRefresh?: boolean;
  lastRefreshed?: Date | null;
  range?: SourceRange | null;
  timers?: Timers;
  now?: () => Date;
}

const DEFAULT_DELAY_MS = 800;
const DEFAULT_ROW_MARGIN = 20;

// Looked up at call time so that timers faked after this module was loaded are honoured.
const globalTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function isInsideRange(change: SourceChange, range: SourceRange, rowMargin: number): boolean {
  // Excel sheet names are case-insensitive.
  if (change.sheet.toLowerCase() !== range.sheet.toLowerCase()) return false;
  const rowsOverlap = change.rowStart <= range.rowEnd + rowMargin && change.rowEnd >= range.rowStart;
  const colsOverlap = change.colStart <= range.colEnd && change.colEnd >= range.colStart;
  return rowsOverlap && colsOverlap;
}

interface ActiveRun {
  controller: AbortController;
  done: Promise<void>;
}

export class RefreshController<T, R = void> {
  private readonly options: RefreshControllerOptions<T, R>;
  private readonly timers: Timers;
  private readonly now: () => Date;
  private readonly delayMs: number;
  private readonly rowMargin: number;
  /** The blocks followed: the mapped source, or every form sheet (forms layout). */
  private ranges: SourceRange[];
  private readonly observed: Observable<RefreshState>;
  private timer: unknown = null;
  private active: ActiveRun | null = null;
  /**
   * An edit in the range came after the last successful refresh began. Every such edit aborts the
   * active run, so a run that ends unaborted has seen them all.
   */
  private unrefreshedEdit = false;
  private disposed = false;

  constructor(options: RefreshControllerOptions<T, R>) {
    this.options = options;
    this.timers = options.timers ?? globalTimers;
    this.now = options.now ?? (() => new Date());
    this.delayMs = options.delayMs ?? DEFAULT_DELAY_MS;
    this.rowMargin = options.rowMargin ?? DEFAULT_ROW_MARGIN;
    this.ranges = options.range ? [options.range] : [];
    this.observed = new Observable<RefreshState>({
      phase: 'idle',
      stale: false,
      autoRefresh: options.autoRefresh ?? false,
      lastRefreshed: options.lastRefreshed ?? null,
      error: null,
    });
  }

  getState = (): RefreshState => this.observed.get();

  subscribe = (listener: () => void): (() => void) => this.observed.subscribe(listener);

  setRange(range: SourceRange | null): void {
    this.ranges = range ? [range] : [];
  }

  /** Follows edits in any of these blocks (the forms layout: each form sheet's used range). */
  setRanges(ranges: readonly SourceRange[]): void {
    this.ranges = [...ranges];
  }

  /** Restores the time saved in the workbook by an earlier session. */
  setLastRefreshed(time: Date | null): void {
    this.update({ lastRefreshed: time });
  }

  setAutoRefresh(on: boolean): void {
    if (this.getState().autoRefresh === on) return;
    this.update({ autoRefresh: on });
    // Turning it on while stale catches up at once instead of waiting for the next edit.
    if (on && this.getState().stale) this.schedule();
    if (!on && this.timer !== null) {
      this.clearTimer();
      this.update({ phase: this.active ? 'running' : 'idle', stale: true });
    }
  }

  /** Feed every change event here. Returns true when the change concerns the mapped source. */
  handleChange(change: SourceChange): boolean {
    if (this.disposed || change.own || this.ranges.length === 0) return false;
    if (!this.ranges.some((range) => isInsideRange(change, range, this.rowMargin))) return false;
    this.unrefreshedEdit = true;
    // Whatever is running now reads data that is already out of date.
    this.abortActive();
    if (this.getState().autoRefresh) {
      this.schedule();
    } else {
      this.update({ stale: true });
    }
    return true;
  }

  /** Manual refresh: runs now, replacing any pending or running one. */
  refreshNow(request?: R): Promise<void> {
    this.clearTimer();
    return this.start(request);
  }

  /** Stops a pending or running refresh. The results stay stale if edits were not processed. */
  cancel(): void {
    this.clearTimer();
    this.abortActive();
    this.update({ phase: 'idle', stale: this.unrefreshedEdit || this.getState().stale });
  }

  dispose(): void {
    this.cancel();
    this.disposed = true;
    this.observed.clear();
  }

  private schedule(): void {
    this.clearTimer();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.start();
    }, this.delayMs);
    if (!this.active) this.update({ phase: 'waiting' });
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      this.timers.clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private abortActive(): void {
    this.active?.controller.abort();
  }

  private start(request?: R): Promise<void> {
    if (this.disposed) return Promise.resolve();
    const previous = this.active;
    previous?.controller.abort();
    const controller = new AbortController();
    // Active before run() is called, so an edit arriving at any moment of the run aborts it.
    const active: ActiveRun = { controller, done: Promise.resolve() };
    this.active = active;
    active.done = (async () => {
      // Never let two runs write at the same time: the aborted one settles first.
      if (previous) await previous.done;
      try {
        if (controller.signal.aborted) return;
        this.update({ phase: 'running' });
        const result = await this.options.run(controller.signal, request);
        if (controller.signal.aborted) return;
        this.unrefreshedEdit = false;
        this.update({ lastRefreshed: this.now(), stale: false, error: null });
        this.options.onResult?.(result);
      } catch (error) {
        if (controller.signal.aborted) return;
        this.update({ error });
        this.options.onError?.(error);
      } finally {
        // Also for a run aborted while it waited: a run that never started must not stay active.
        if (this.active === active) {
          this.active = null;
          this.update({ phase: this.timer !== null ? 'waiting' : 'idle' });
        }
      }
    })();
    return active.done;
  }

  private update(patch: Partial<RefreshState>): void {
    if (!this.disposed) this.observed.patch(patch);
  }
}
