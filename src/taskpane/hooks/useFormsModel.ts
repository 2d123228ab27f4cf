// The pane's forms layout (项目支出绩效自评表): once the table model's first read shows a form, or no
// table, every sheet is read and the workbook's forms are listed; Evaluate marks the cells that need the
// officer, Write summary writes the summary with its indicator to-do block, edits on the form sheets
// refresh. All workbook access goes through the port and the host-free workflow.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Progress, Settings, WorkbookPort } from '../../engine/workbookPort';
import type { FormProject, FormSheet, FormsEvaluation, IndicatorResult } from '../../engine/formTypes';
import type { Lang } from '../../engine/types';
import { evaluateFormsAndWrite, scoreFormSheets, type FormsOutcome } from '../../engine/formsWorkflow';
import { resolveScheme } from '../../engine/workflow';
import { formArea, indicatorCell, shouldLookForForms } from '../formsPane';
import { rangeOf } from '../format';
import type { RefreshState } from '../refreshController';
import type { PaneModel, PaneNotice } from './usePaneModel';
import { useRefreshController } from './useRefreshController';

export type FormsNotice = PaneNotice | { kind: 'marksCleared' };

/** 'unknown' until the table model's read is in; 'looking' while every sheet is read. */
export type FormsMode = 'unknown' | 'looking' | 'table' | 'forms';

type RunMode = 'evaluate' | 'summary' | 'refresh';

export interface FormsActions {
  evaluate(): void;
  writeSummary(): void;
  refresh(): void;
  clearMarks(): void;
  cancel(): void;
  setAutoRefresh(on: boolean): void;
  selectForm(project: FormProject): void;
  selectIndicator(project: FormProject, indicator: IndicatorResult): void;
  dismissNotice(): void;
}

export interface FormsModel {
  mode: FormsMode;
  evaluation: FormsEvaluation | null;
  /** Cells marked by the last run that wrote marks; null before any. */
  marked: number | null;
  /** The shown results come from a scheme or band changed in the pane, not yet in the workbook. */
  notApplied: boolean;
  progress: Progress | null;
  notice: FormsNotice | null;
  refresh: RefreshState;
  actions: FormsActions;
}

export interface FormsModelOptions {
  lang: Lang;
  /** The table model: its first read decides, its settings (scheme, band) are the pane's. */
  pane: Pick<PaneModel, 'loading' | 'source' | 'settings'> & { actions: Pick<PaneModel['actions'], 'suspend'> };
  refreshDelayMs?: number;
}

/** What a forms run changes in the settings (the scheme and band stay the table model's). */
type SettingsPatch = Partial<Pick<Settings, 'summarySheet' | 'lastRefreshed' | 'highlights' | 'autoRefresh' | 'lang'>>;

export function useFormsModel(port: WorkbookPort | null, options: FormsModelOptions): FormsModel {
  const { pane } = options;
  const [mode, setMode] = useState<FormsMode>('unknown');
  const [evaluation, setEvaluation] = useState<FormsEvaluation | null>(null);
  const [marked, setMarked] = useState<number | null>(null);
  const [notApplied, setNotApplied] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [notice, setNotice] = useState<FormsNotice | null>(null);

  const patchRef = useRef<SettingsPatch>({});
  const paneSettingsRef = useRef(pane.settings);
  paneSettingsRef.current = pane.settings;
  const currentSettings = useCallback((): Settings => ({ ...paneSettingsRef.current, ...patchRef.current }), []);
  const sheetsRef = useRef<FormSheet[]>([]);
  const evaluationRef = useRef<FormsEvaluation | null>(null);
  const modeRef = useRef<RunMode>('refresh');
  const langRef = useRef(options.lang);
  langRef.current = options.lang;
  const suspendRef = useRef(pane.actions.suspend);
  suspendRef.current = pane.actions.suspend;

  const show = useCallback((outcome: FormsOutcome) => {
    sheetsRef.current = outcome.sheets;
    evaluationRef.current = outcome.evaluation;
    setEvaluation(outcome.evaluation);
    setNotApplied(false);
  }, []);

  // Edits are followed only once the forms layout has the pane: a table pane registers nothing more.
  const { controller, state: refresh } = useRefreshController<{ outcome: FormsOutcome; mode: RunMode }>(
    mode === 'forms' ? port : null,
    {
      run: async (signal) => {
        if (!port) throw new Error('no workbook');
        const runMode = modeRef.current;
        modeRef.current = 'refresh';
        const current = currentSettings();
        const outcome = await evaluateFormsAndWrite(port, current, {
          signal,
          onProgress: setProgress,
          lang: langRef.current,
          // Once a summary exists every run keeps it current; before that only "Write summary" makes one.
          summary: runMode === 'summary' || Boolean(current.summarySheet),
          marks: true,
          save: true,
        });
        return { outcome, mode: runMode };
      },
      onResult: ({ outcome, mode: runMode }) => {
        const hadSummary = Boolean(currentSettings().summarySheet);
        const saved = outcome.settings;
        patchRef.current = { ...patchRef.current, summarySheet: saved.summarySheet, lastRefreshed: saved.lastRefreshed, lang: saved.lang };
        show(outcome);
        setMarked(saved.highlights === false ? null : outcome.marks.length);
        setProgress(null);
        controller.setRanges(outcome.watched.map(rangeOf));
        if (runMode === 'summary' && outcome.summarySheet) setNotice({ kind: 'summaryWritten', sheet: outcome.summarySheet });
        else if (runMode !== 'refresh') setNotice(null);
        else setNotice((previous) => (previous?.kind === 'error' ? null : previous));
        if (!hadSummary && outcome.summarySheet && currentSettings().autoRefresh === undefined) controller.setAutoRefresh(true);
      },
      onError: (error) => {
        setProgress(null);
        setNotice({ kind: 'error', error });
      },
    },
    options.refreshDelayMs,
  );

  // Decide once the table model has read its sheet, and again when the officer picks another sheet.
  // A later look supersedes an earlier one still under way.
  const lookSeq = useRef(0);
  const formsRef = useRef(false);
  const source = pane.source;
  useEffect(() => {
    if (!port?.readSheets || pane.loading || formsRef.current) return;
    const seq = ++lookSeq.current;
    if (!shouldLookForForms(source)) {
      setMode('table');
      return;
    }
    setMode('looking');
    const settings = currentSettings();
    evaluateFormsAndWrite(port, settings, { lang: langRef.current })
      .then((outcome) => {
        if (seq !== lookSeq.current) return;
        if (outcome.evaluation.projects.length === 0) {
          setMode('table');
          return;
        }
        formsRef.current = true;
        suspendRef.current();
        show(outcome);
        controller.setRanges(outcome.watched.map(rangeOf));
        controller.setAutoRefresh(settings.autoRefresh ?? Boolean(settings.summarySheet));
        const time = settings.lastRefreshed ? new Date(settings.lastRefreshed) : null;
        controller.setLastRefreshed(time && Number.isFinite(time.getTime()) ? time : null);
        setMode('forms');
      })
      .catch(() => {
        // The table pane shows what it read, with its own notices.
        if (seq === lookSeq.current) setMode('table');
      });
  }, [port, pane.loading, source, controller, currentSettings, show]);

  useEffect(
    () => () => {
      lookSeq.current += 1;
    },
    [],
  );

  // A scheme or band changed in the pane: the forms read last are scored again in memory.
  const { schemeId, customScheme, band } = pane.settings;
  useEffect(() => {
    if (mode !== 'forms' || !evaluationRef.current || sheetsRef.current.length === 0) return;
    const settings = currentSettings();
    let next: FormsEvaluation;
    try {
      next = scoreFormSheets(sheetsRef.current, resolveScheme(settings), settings.band).evaluation;
    } catch (error) {
      setNotice({ kind: 'error', error });
      return;
    }
    if (next.scheme === evaluationRef.current.scheme && next.band.low === evaluationRef.current.band.low && next.band.high === evaluationRef.current.band.high) return;
    evaluationRef.current = next;
    setEvaluation(next);
    setNotApplied(true);
  }, [mode, schemeId, customScheme, band, currentSettings]);

  const runWith = useCallback(
    (runMode: RunMode) => {
      setNotice(null);
      modeRef.current = runMode;
      void controller.refreshNow();
    },
    [controller],
  );

  const select = (sheet: string, area: Parameters<NonNullable<WorkbookPort['selectRange']>>[1]) => {
    if (!port) return;
    const done = port.selectRange ? port.selectRange(sheet, area) : port.selectRow?.(sheet, area.rowStart);
    done?.catch((error: unknown) => setNotice({ kind: 'error', error }));
  };

  const actions: FormsActions = {
    evaluate: () => {
      // Evaluate is the explicit way back to marks after "Clear highlights".
      if (currentSettings().highlights === false) patchRef.current = { ...patchRef.current, highlights: true };
      runWith('evaluate');
    },
    writeSummary: () => runWith('summary'),
    refresh: () => runWith('refresh'),
    clearMarks: () => {
      const evaluationNow = evaluationRef.current;
      if (!port?.clearCellMarks || !evaluationNow) return;
      patchRef.current = { ...patchRef.current, highlights: false };
      const sheets = [...new Set(evaluationNow.projects.map((p) => p.sheet))];
      port
        .clearCellMarks(sheets)
        .then(() => port.saveSettings(currentSettings()))
        .then(
          () => {
            setMarked(null);
            setNotice({ kind: 'marksCleared' });
          },
          (error: unknown) => setNotice({ kind: 'error', error }),
        );
    },
    cancel: () => {
      controller.cancel();
      setProgress(null);
      setNotice({ kind: 'cancelled' });
    },
    setAutoRefresh: (on) => {
      patchRef.current = { ...patchRef.current, autoRefresh: on };
      controller.setAutoRefresh(on);
    },
    selectForm: (project) => {
      const evaluationNow = evaluationRef.current;
      if (!evaluationNow) return;
      select(project.sheet, formArea(project, evaluationNow.projects, sheetsRef.current));
    },
    selectIndicator: (project, indicator) => {
      const cell = indicatorCell(indicator) ?? { rowStart: indicator.row, rowEnd: indicator.row, colStart: 1, colEnd: 1 };
      select(project.sheet, cell);
    },
    dismissNotice: () => setNotice(null),
  };

  return { mode, evaluation, marked, notApplied, progress, notice, refresh, actions };
}
