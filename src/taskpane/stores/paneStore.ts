// The table pane's state and actions in one host-free, React-free store: the settings, the source read,
// the detected mapping, the results, progress and the notice. React reads it with useSyncExternalStore
// (hooks/usePaneModel.ts); the tests drive it directly with an in-memory port.
//
// - The port, the engine and the workflow are injected; nothing here reaches a host.
// - Workbook runs go through a RunSession (runSession.ts, through LayoutStore): the mode is an argument of the run, a run asked for later
//   wins, Cancel or an edit in the source aborts the one under way and nothing of it is written or shown.
// - In-memory previews (a scheme, band, mapping or month changed in the pane) carry a generation: a
//   preview that a later preview, a finished run or another sheet made out of date shows nothing.
//
// Beside it the pane keeps two more layouts' state:
// - The forms layout (FormsStore, formsStore.ts) is a LayoutStore too, with its own RunSession, so its
//   runs, Cancel and failures are handled exactly as here; it reads this store's settings (scheme, band)
//   and calls `suspend` when the forms take the pane over.
// - The report (ReportStore, reportStore.ts) is a one-shot action (draft, download, check) rather than a
//   watched run: it keeps its own busy flag and notice and reads `outcome`, `source` and `settings` from here.
import type { Progress, Settings, WorkbookPort } from '../../engine/workbookPort';
import type { HeaderDetection, MappingOverride, RateBand, Scheme, SheetData } from '../../engine/types';
import { EngineError } from '../../engine/errors';
import { detectHeader } from '../../engine/headers';
import { isEmptyGrid } from '../../engine/evaluateSheet';
import { getScheme } from '../../engine/schemes';
import { defaultSettings, normalizeSettings } from '../../engine/settings';
import {
  runWorkflow,
  readRequestFor,
  resolveScheme,
  runEngineHere,
  settingsAfterRead,
  type EngineRunner,
  type EvaluateOutcome,
  type WriteOutcome,
} from '../../engine/workflow';
import { settingsWithStatedScheme } from '../../engine/statedScheme';
import { isOwnSheetName } from '../../engine/summary/summaryOwnership';
import { rangeOf } from '../format';
import type { RefreshState } from './refreshController';
import { LayoutStore, type LayoutStoreOptions, type RunMode, type RunNotice } from './runSession';

type PaneExtraNotice = { kind: 'highlightsCleared' };

export type PaneNotice = RunNotice | PaneExtraNotice;

export interface PaneActions {
  setOverride(override: MappingOverride): void;
  setScheme(schemeId: string): void;
  setCustomScheme(scheme: Scheme): void;
  setBand(band: RateBand): void;
  /** In-year monitoring month (1–12); null: the year-end evaluation. */
  setMonitoringMonth(month: number | null): void;
  evaluate(): void;
  writeSummary(): void;
  refresh(): void;
  clearHighlights(): void;
  cancel(): void;
  setAutoRefresh(on: boolean): void;
  selectProject(row: number): void;
  setSourceSheet(sheet: string): void;
  dismissNotice(): void;
  /** The forms layout took over the pane: edits of the table source no longer start runs. */
  suspend(): void;
}

export interface PaneState {
  loading: boolean;
  settings: Settings;
  source: SheetData | null;
  /** Sheets the source can be read from (the add-in's summary and report sheets left out). */
  sheets: string[];
  detection: HeaderDetection | null;
  outcome: EvaluateOutcome | null;
  /** The results shown come from settings changed in the pane and are not yet in the workbook. */
  notApplied: boolean;
  progress: Progress | null;
  notice: PaneNotice | null;
  refresh: RefreshState;
}

/** The part of the state the store keeps itself; progress, notice and refresh are the run session's. */
type TableState = Omit<PaneState, 'progress' | 'notice' | 'refresh'>;

export interface PaneStoreOptions extends LayoutStoreOptions {
  /** null outside Excel: the store stays empty and its actions do nothing. */
  port: WorkbookPort | null;
  /** Where the engine runs (the pane: a worker); this thread by default. */
  engine?: EngineRunner;
  /** Read, evaluate and write; the engine's workflow by default. */
  workflow?: typeof runWorkflow;
}

function detectSafely(source: SheetData | null, override: MappingOverride | undefined): HeaderDetection | null {
  if (!source || source.grid.length === 0) return null;
  try {
    return detectHeader(source.grid, override);
  } catch {
    return null;
  }
}

export class PaneStore extends LayoutStore<TableState, WriteOutcome, PaneExtraNotice> {
  readonly actions: PaneActions;
  private readonly port: WorkbookPort | null;
  private readonly engine: EngineRunner;
  private readonly workflow: typeof runWorkflow;
  /** Raised by every change that makes an in-memory preview under way out of date. */
  private previewGeneration = 0;
  /** Raised by open and close: what an earlier opening started writes nothing. */
  private openGeneration = 0;
  private stopListening: (() => void) | null = null;
  private suspended = false;

  constructor(options: PaneStoreOptions) {
    super(
      {
        loading: options.port !== null,
        settings: defaultSettings(),
        source: null,
        sheets: [],
        detection: null,
        outcome: null,
        notApplied: false,
      },
      options,
    );
    this.port = options.port;
    this.engine = options.engine ?? runEngineHere;
    this.workflow = options.workflow ?? runWorkflow;
    this.actions = this.createActions();
  }

  /**
   * Loads the saved settings, lists the sheets, reads the source and follows edits in it. `close` undoes
   * it; opening again (React's strict mode mounts twice) starts over and the earlier opening writes nothing.
   */
  open(): void {
    const port = this.port;
    if (!port) return;
    const generation = ++this.openGeneration;
    const current = () => generation === this.openGeneration;
    this.stopListening?.();
    this.stopListening = this.runs.listen(port);
    void (async () => {
      try {
        const saved = normalizeSettings(await port.loadSettings());
        if (!current()) return;
        this.update({ settings: saved });
        this.runs.resume(saved);
        const names = await port.listSheets().catch(() => [] as string[]);
        if (!current()) return;
        this.update({ sheets: names.filter((name) => !isOwnSheetName(name, saved.summarySheet)) });
        // The saved source; without one, what the selection points at (a table, a range) or the sheet.
        const sheet = await port.readSource(readRequestFor(saved));
        if (!current()) return;
        // From now on the pane reads this block, whichever sheet or cell the officer selects in Excel.
        this.adoptRead(sheet);
      } catch (error) {
        if (current()) this.runs.fail(error);
      } finally {
        if (current()) this.update({ loading: false });
      }
    })();
  }

  /** Stops following edits and the run under way. */
  close(): void {
    this.openGeneration += 1;
    this.stopListening?.();
    this.stopListening = null;
  }

  protected settings(): Settings {
    return this.own.settings;
  }

  protected execute(mode: RunMode, signal: AbortSignal, onProgress: (progress: Progress) => void): Promise<WriteOutcome> {
    if (!this.port) return Promise.reject(new Error('no workbook'));
    const settings = this.own.settings;
    return this.workflow(this.port, settings, {
      signal,
      onProgress,
      engine: this.engine,
      lang: this.lang,
      // Once a summary exists every run keeps it current; before that only "Write summary" makes one.
      summary: mode === 'summary' || Boolean(settings.summarySheet),
    });
  }

  protected adoptRun(result: WriteOutcome): void {
    this.previewGeneration += 1;
    this.update({
      settings: {
        ...this.own.settings,
        sheet: result.settings.sheet,
        source: result.settings.source,
        // Choices made in the pane meanwhile stay, unless they belonged to a block that is gone.
        ...(result.mappingReset ? { override: result.settings.override } : {}),
        summarySheet: result.settings.summarySheet,
        lastRefreshed: result.settings.lastRefreshed,
      },
      source: result.sheet,
      outcome: result,
      notApplied: false,
    });
    this.runs.controller.setRange(rangeOf(result.sheet));
  }

  /** A read of the source (on opening, or another sheet picked) is shown, watched, and read again next time. */
  private adoptRead(sheet: SheetData): void {
    // Rule 9: weights stated in the headers (产出指标(50分) …) pick the scheme unless the officer chose one.
    this.update({ settings: settingsWithStatedScheme(settingsAfterRead(this.own.settings, sheet), sheet.grid), source: sheet });
    this.runs.controller.setRange(this.suspended ? null : rangeOf(sheet));
    if (isEmptyGrid(sheet.grid)) this.runs.fail(new EngineError('empty_sheet', { sheet: sheet.name }));
  }

  /** Settings changed in the pane: the shown results are recomputed in memory; the workbook waits for Evaluate. */
  private applySettings(next: Settings): void {
    this.update({ settings: next });
    const sheet = this.own.source;
    if (!this.own.outcome || !sheet) return;
    const generation = ++this.previewGeneration;
    const show = (outcome: EvaluateOutcome | null, error?: unknown) => {
      if (generation !== this.previewGeneration) return;
      this.update({ outcome, notApplied: outcome !== null });
      this.runs.setNotice(error === undefined ? null : { kind: 'error', error });
    };
    let scheme: Scheme;
    try {
      scheme = resolveScheme(next);
    } catch (error) {
      show(null, error);
      return;
    }
    const month = next.monitoringMonth ?? undefined;
    this.engine({ sheet, scheme, band: next.band, override: next.override, ...(month !== undefined ? { month } : {}) }).then(
      (result) => {
        if (result.ok) show({ sheet, detection: result.detection, evaluation: result.evaluation, scheme });
        else show(null, result.error);
      },
      (error: unknown) => show(null, error),
    );
  }

  private createActions(): PaneActions {
    const port = this.port;
    const runs = this.runs;
    const settings = () => this.own.settings;
    return {
      setOverride: (override) => this.applySettings({ ...settings(), override }),
      setScheme: (schemeId) => {
        const current = settings();
        const scheme = current.customScheme?.id === schemeId ? current.customScheme : getScheme(schemeId);
        this.applySettings({ ...current, schemeId, schemeChosen: true, band: scheme ? { ...scheme.rateBand } : current.band });
      },
      setCustomScheme: (scheme) =>
        this.applySettings({ ...settings(), customScheme: scheme, schemeId: scheme.id, schemeChosen: true, band: { ...scheme.rateBand } }),
      setBand: (band) => this.applySettings({ ...settings(), band }),
      setMonitoringMonth: (month) => this.applySettings({ ...settings(), monitoringMonth: month }),
      evaluate: () => {
        // Evaluate is the explicit way back to highlights after "Clear highlights".
        if (settings().highlights === false) this.update({ settings: { ...settings(), highlights: true } });
        runs.start('evaluate');
      },
      writeSummary: () => runs.start('summary'),
      refresh: () => runs.start('refresh'),
      clearHighlights: () => {
        const sheetName = this.own.source?.name ?? settings().sheet;
        if (!port || !sheetName) return;
        // Refreshes (automatic, Refresh, the ribbon) leave them off until the next Evaluate.
        const next: Settings = { ...settings(), highlights: false };
        this.update({ settings: next });
        runs.settle(
          port.clearHighlights(sheetName).then(() => port.saveSettings(next)),
          () => ({ kind: 'highlightsCleared' }),
        );
      },
      cancel: () => runs.cancel(),
      setAutoRefresh: (on) => {
        this.update({ settings: { ...settings(), autoRefresh: on } });
        runs.controller.setAutoRefresh(on);
      },
      selectProject: (row) => {
        const sheetName = this.own.source?.name;
        if (!port?.selectRow || !sheetName) return;
        runs.settle(port.selectRow(sheetName, row));
      },
      setSourceSheet: (sheetName) => {
        if (!port) return;
        runs.controller.cancel();
        this.previewGeneration += 1;
        // Column choices belong to the old sheet's layout.
        this.update({ settings: { ...settings(), sheet: sheetName, source: undefined, override: undefined }, outcome: null, notApplied: false });
        runs.setNotice(null);
        // On the sheet the officer has active, the table or range selected there counts, as on opening.
        // A sheet picked later wins over this read.
        port.readSource({ sheet: sheetName, scope: 'auto' }).then(
          (sheet) => {
            if (settings().sheet === sheetName) this.adoptRead(sheet);
          },
          (error: unknown) => {
            if (settings().sheet === sheetName) runs.fail(error);
          },
        );
      },
      dismissNotice: () => runs.setNotice(null),
      suspend: () => {
        this.suspended = true;
        runs.controller.cancel();
        runs.controller.setRange(null);
        runs.setNotice(null);
      },
    };
  }

  protected override derive(next: TableState, previous: TableState): TableState {
    if (next.source === previous.source && next.settings.override === previous.settings.override) return next;
    return { ...next, detection: detectSafely(next.source, next.settings.override) };
  }
}
