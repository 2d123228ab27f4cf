// The pane's state and actions: settings, the source read, the detected mapping, results, progress
// and notices. All workbook access goes through the port and the workflow; components stay pure.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Progress, Settings, WorkbookPort } from '../../engine/workbookPort';
import type { HeaderDetection, Lang, MappingOverride, RateBand, Scheme, SheetData } from '../../engine/types';
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
import { rangeOf } from '../format';
import type { RefreshState } from '../refreshController';
import { useRefreshController } from './useRefreshController';
import { isReportSheetName } from '../../engine/report/sheetLayout';

export type PaneNotice =
  | { kind: 'error'; error: unknown }
  | { kind: 'summaryWritten'; sheet: string }
  | { kind: 'highlightsCleared' }
  | { kind: 'cancelled' };

type RunMode = 'evaluate' | 'summary' | 'refresh';

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

export interface PaneModel {
  loading: boolean;
  settings: Settings;
  source: SheetData | null;
  /** Sheets the source can be read from (the add-in's summary sheet left out). */
  sheets: string[];
  detection: HeaderDetection | null;
  outcome: EvaluateOutcome | null;
  /** The results shown come from settings changed in the pane and are not yet in the workbook. */
  notApplied: boolean;
  progress: Progress | null;
  notice: PaneNotice | null;
  refresh: RefreshState;
  actions: PaneActions;
}

function detectSafely(source: SheetData | null, override: MappingOverride | undefined): HeaderDetection | null {
  if (!source || source.grid.length === 0) return null;
  try {
    return detectHeader(source.grid, override);
  } catch {
    return null;
  }
}

export interface PaneModelOptions {
  lang: Lang;
  engine?: EngineRunner;
  refreshDelayMs?: number;
}

export function usePaneModel(port: WorkbookPort | null, options: PaneModelOptions): PaneModel {
  const engine = options.engine ?? runEngineHere;
  const [loading, setLoading] = useState(port !== null);
  const [settings, setSettingsState] = useState<Settings>(defaultSettings);
  const [source, setSource] = useState<SheetData | null>(null);
  const [sheets, setSheets] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<EvaluateOutcome | null>(null);
  const [notApplied, setNotApplied] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [notice, setNotice] = useState<PaneNotice | null>(null);

  // Refs hold what asynchronous callbacks must read at the time they run, not at render time.
  const settingsRef = useRef(settings);
  const sourceRef = useRef(source);
  const outcomeRef = useRef(outcome);
  const modeRef = useRef<RunMode>('refresh');
  const previewSeq = useRef(0);
  const suspendedRef = useRef(false);
  const langRef = useRef(options.lang);
  langRef.current = options.lang;

  const setSettings = useCallback((next: Settings) => {
    settingsRef.current = next;
    setSettingsState(next);
  }, []);

  const { controller, state: refresh } = useRefreshController<{ result: WriteOutcome; mode: RunMode }>(
    port,
    {
      run: async (signal) => {
        if (!port) throw new Error('no workbook');
        const mode = modeRef.current;
        modeRef.current = 'refresh';
        const current = settingsRef.current;
        // Once a summary exists every run keeps it current; before that only "Write summary" makes one.
        const summary = mode === 'summary' || Boolean(current.summarySheet);
        const result = await runWorkflow(port, current, {
          signal,
          onProgress: setProgress,
          engine,
          // The pane's language wins: the summary follows what the officer reads.
          lang: langRef.current,
          summary,
        });
        return { result, mode };
      },
      onResult: ({ result, mode }) => {
        const hadSummary = Boolean(settingsRef.current.summarySheet);
        setSettings({
          ...settingsRef.current,
          sheet: result.settings.sheet,
          source: result.settings.source,
          // Choices made in the pane meanwhile stay, unless they belonged to a block that is gone.
          ...(result.mappingReset ? { override: result.settings.override } : {}),
          summarySheet: result.settings.summarySheet,
          lastRefreshed: result.settings.lastRefreshed,
        });
        sourceRef.current = result.sheet;
        outcomeRef.current = result;
        previewSeq.current += 1;
        setSource(result.sheet);
        setOutcome(result);
        setNotApplied(false);
        setProgress(null);
        controller.setRange(rangeOf(result.sheet));
        if (mode === 'summary' && result.summarySheet) setNotice({ kind: 'summaryWritten', sheet: result.summarySheet });
        else if (mode !== 'refresh') setNotice(null);
        // A later automatic refresh that succeeds makes an earlier failure moot.
        else setNotice((previous) => (previous?.kind === 'error' ? null : previous));
        if (!hadSummary && result.summarySheet && settingsRef.current.autoRefresh === undefined) {
          controller.setAutoRefresh(true);
        }
      },
      onError: (error) => {
        setProgress(null);
        setNotice({ kind: 'error', error });
      },
    },
    options.refreshDelayMs,
  );

  /** A read of the source (on opening, or another sheet picked) is shown, watched, and read again next time. */
  const adoptRead = useCallback(
    (sheet: SheetData) => {
      // Rule 9: weights stated in the headers (产出指标(50分) …) pick the scheme unless the officer chose one.
      setSettings(settingsWithStatedScheme(settingsAfterRead(settingsRef.current, sheet), sheet.grid));
      sourceRef.current = sheet;
      setSource(sheet);
      controller.setRange(suspendedRef.current ? null : rangeOf(sheet));
      if (isEmptyGrid(sheet.grid)) setNotice({ kind: 'error', error: new EngineError('empty_sheet', { sheet: sheet.name }) });
    },
    [controller, setSettings],
  );

  useEffect(() => {
    if (!port) return;
    let active = true;
    (async () => {
      try {
        const saved = normalizeSettings(await port.loadSettings());
        if (!active) return;
        setSettings(saved);
        controller.setAutoRefresh(saved.autoRefresh ?? Boolean(saved.summarySheet));
        const time = saved.lastRefreshed ? new Date(saved.lastRefreshed) : null;
        controller.setLastRefreshed(time && Number.isFinite(time.getTime()) ? time : null);
        const names = await port.listSheets().catch(() => [] as string[]);
        if (!active) return;
        setSheets(names.filter((name) => name !== saved.summarySheet && !isReportSheetName(name)));
        // The saved source; without one, what the selection points at (a table, a range) or the sheet.
        const sheet = await port.readSource(readRequestFor(saved));
        if (!active) return;
        // From now on the pane reads this block, whichever sheet or cell the officer selects in Excel.
        adoptRead(sheet);
      } catch (error) {
        if (active) setNotice({ kind: 'error', error });
      } finally {
        if (active) setLoading(false);
      }
    })();
    return () => {
      active = false;
    };
  }, [port, controller, setSettings, adoptRead]);

  const detection = useMemo(() => detectSafely(source, settings.override), [source, settings.override]);

  /** Settings changed in the pane: recompute shown results in memory; the workbook waits for Evaluate. */
  const applySettings = useCallback(
    (next: Settings) => {
      setSettings(next);
      const sheet = sourceRef.current;
      if (!outcomeRef.current || !sheet) return;
      const seq = ++previewSeq.current;
      const show = (value: EvaluateOutcome | null, error?: unknown) => {
        if (seq !== previewSeq.current) return;
        outcomeRef.current = value;
        setOutcome(value);
        setNotApplied(value !== null);
        setNotice(error === undefined ? null : { kind: 'error', error });
      };
      let scheme: Scheme;
      try {
        scheme = resolveScheme(next);
      } catch (error) {
        show(null, error);
        return;
      }
      const month = next.monitoringMonth ?? undefined;
      engine({ sheet, scheme, band: next.band, override: next.override, ...(month !== undefined ? { month } : {}) }).then(
        (result) => {
          if (result.ok) show({ sheet, detection: result.detection, evaluation: result.evaluation, scheme });
          else show(null, result.error);
        },
        (error: unknown) => show(null, error),
      );
    },
    [engine, setSettings],
  );

  const runWith = useCallback(
    (mode: RunMode) => {
      setNotice(null);
      modeRef.current = mode;
      void controller.refreshNow();
    },
    [controller],
  );

  const actions: PaneActions = {
    setOverride: (override) => applySettings({ ...settingsRef.current, override }),
    setScheme: (schemeId) => {
      const current = settingsRef.current;
      const scheme = current.customScheme?.id === schemeId ? current.customScheme : getScheme(schemeId);
      applySettings({ ...current, schemeId, schemeChosen: true, band: scheme ? { ...scheme.rateBand } : current.band });
    },
    setCustomScheme: (scheme) =>
      applySettings({ ...settingsRef.current, customScheme: scheme, schemeId: scheme.id, schemeChosen: true, band: { ...scheme.rateBand } }),
    setBand: (band) => applySettings({ ...settingsRef.current, band }),
    setMonitoringMonth: (month) => applySettings({ ...settingsRef.current, monitoringMonth: month }),
    evaluate: () => {
      // Evaluate is the explicit way back to highlights after "Clear highlights".
      if (settingsRef.current.highlights === false) setSettings({ ...settingsRef.current, highlights: true });
      runWith('evaluate');
    },
    writeSummary: () => runWith('summary'),
    refresh: () => runWith('refresh'),
    clearHighlights: () => {
      const sheetName = sourceRef.current?.name ?? settingsRef.current.sheet;
      if (!port || !sheetName) return;
      // Refreshes (automatic, Refresh, the ribbon) leave them off until the next Evaluate.
      const next: Settings = { ...settingsRef.current, highlights: false };
      setSettings(next);
      port
        .clearHighlights(sheetName)
        .then(() => port.saveSettings(next))
        .then(
          () => setNotice({ kind: 'highlightsCleared' }),
          (error: unknown) => setNotice({ kind: 'error', error }),
        );
    },
    cancel: () => {
      controller.cancel();
      setProgress(null);
      setNotice({ kind: 'cancelled' });
    },
    setAutoRefresh: (on) => {
      setSettings({ ...settingsRef.current, autoRefresh: on });
      controller.setAutoRefresh(on);
    },
    selectProject: (row) => {
      const sheetName = sourceRef.current?.name;
      if (!port?.selectRow || !sheetName) return;
      port.selectRow(sheetName, row).catch((error: unknown) => setNotice({ kind: 'error', error }));
    },
    setSourceSheet: (sheetName) => {
      if (!port) return;
      controller.cancel();
      // Column choices belong to the old sheet's layout.
      const next: Settings = { ...settingsRef.current, sheet: sheetName, source: undefined, override: undefined };
      setSettings(next);
      previewSeq.current += 1;
      outcomeRef.current = null;
      setOutcome(null);
      setNotApplied(false);
      setNotice(null);
      // On the sheet the officer has active, the table or range selected there counts, as on opening.
      port.readSource({ sheet: sheetName, scope: 'auto' }).then(
        (sheet) => {
          if (settingsRef.current.sheet === sheetName) adoptRead(sheet);
        },
        (error: unknown) => setNotice({ kind: 'error', error }),
      );
    },
    dismissNotice: () => setNotice(null),
    suspend: () => {
      suspendedRef.current = true;
      controller.cancel();
      controller.setRange(null);
      setNotice(null);
    },
  };

  return { loading, settings, source, sheets, detection, outcome, notApplied, progress, notice, refresh, actions };
}
