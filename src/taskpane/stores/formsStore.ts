// The pane's forms layout (项目支出绩效自评表) in a host-free, React-free store. Once the table pane's first
// read shows a form, or no table, every sheet is read and the workbook's forms are listed; Evaluate marks
// the cells that need the officer, Write summary writes the summary with its indicator to-do block, edits
// on the form sheets refresh. Runs go through a RunSession as the table pane's do (PaneStore): the mode
// is the run's argument, a run asked for later wins, Cancel shows and writes nothing of the run.
// The scheme and band are the table pane's settings; a run's own changes (summary sheet, time, marks
// cleared, auto-refresh) are kept here on top of them.
import type { Progress, Settings, WorkbookPort } from '../../engine/workbookPort';
import type { FormProject, FormSheet, FormsEvaluation, IndicatorResult } from '../../engine/forms/formTypes';
import type { SheetData } from '../../engine/types';
import { evaluateFormsAndWrite, scoreFormSheets, type FormsOutcome } from '../../engine/forms/formsWorkflow';
import { resolveScheme } from '../../engine/workflow';
import { formArea, indicatorCell, shouldLookForForms } from '../formsPane';
import { rangeOf } from '../format';
import type { PaneNotice } from './paneStore';
import type { RefreshState } from './refreshController';
import { LayoutStore, type LayoutStoreOptions, type RunMode } from './runSession';

export type FormsNotice = PaneNotice | { kind: 'marksCleared' };

/** 'unknown' until the table pane's read is in; 'looking' while every sheet is read. */
export type FormsMode = 'unknown' | 'looking' | 'table' | 'forms';

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

export interface FormsState {
  mode: FormsMode;
  evaluation: FormsEvaluation | null;
  /** Cells marked by the last run that wrote marks; null before any. */
  marked: number | null;
  /** The shown results come from a scheme or band changed in the pane, not yet in the workbook. */
  notApplied: boolean;
  progress: Progress | null;
  notice: FormsNotice | null;
  refresh: RefreshState;
}

/** The table pane as the forms layout sees it. */
export interface FormsPaneLink {
  settings: Settings;
  /** Called once, when the forms take the pane over: the table pane stops following its source. */
  suspend(): void;
}

export interface FormsStoreOptions extends LayoutStoreOptions {
  port: WorkbookPort | null;
  pane: FormsPaneLink;
  /** Read every sheet, score the forms and (for runs) write; the engine's forms workflow by default. */
  workflow?: typeof evaluateFormsAndWrite;
}

/** What a forms run changes in the settings (the scheme and band stay the table pane's). */
type SettingsPatch = Partial<Pick<Settings, 'summarySheet' | 'lastRefreshed' | 'highlights' | 'autoRefresh' | 'lang'>>;

type OwnState = Pick<FormsState, 'mode' | 'evaluation' | 'marked' | 'notApplied'>;

export class FormsStore extends LayoutStore<OwnState, FormsOutcome, { kind: 'highlightsCleared' } | { kind: 'marksCleared' }> {
  readonly actions: FormsActions;
  private readonly port: WorkbookPort | null;
  private readonly workflow: typeof evaluateFormsAndWrite;
  private pane: FormsPaneLink;
  private patch: SettingsPatch = {};
  /** Every sheet as the forms engine read it last: scheme changes re-score these in memory. */
  private sheets: FormSheet[] = [];
  /** Raised by every look for forms and by close: a look that a later one superseded decides nothing. */
  private lookGeneration = 0;
  private stopListening: (() => void) | null = null;

  constructor(options: FormsStoreOptions) {
    super({ mode: 'unknown', evaluation: null, marked: null, notApplied: false }, options);
    this.port = options.port;
    this.pane = options.pane;
    this.workflow = options.workflow ?? evaluateFormsAndWrite;
    this.actions = this.createActions();
  }

  /** The table pane's settings changed: a scheme or band changed re-scores the forms read last, in memory. */
  setPane(pane: FormsPaneLink): void {
    const previous = this.pane.settings;
    this.pane = pane;
    const next = pane.settings;
    if (next.schemeId !== previous.schemeId || next.customScheme !== previous.customScheme || next.band !== previous.band) this.rescore();
  }

  /**
   * The table pane has read its source (on opening, or another sheet picked): decide whether the
   * workbook holds forms. A later look supersedes an earlier one still under way; once the forms have
   * the pane, nothing more is decided.
   */
  look(source: SheetData | null): void {
    const port = this.port;
    if (!port?.readSheets || this.own.mode === 'forms') return;
    const generation = ++this.lookGeneration;
    if (!shouldLookForForms(source)) {
      this.update({ mode: 'table' });
      return;
    }
    this.update({ mode: 'looking' });
    const settings = this.settings();
    this.workflow(port, settings, { lang: this.lang })
      .then((outcome) => {
        if (generation !== this.lookGeneration) return;
        if (outcome.evaluation.projects.length === 0) {
          this.update({ mode: 'table' });
          return;
        }
        this.pane.suspend();
        this.show(outcome);
        this.runs.controller.setRanges(outcome.watched.map(rangeOf));
        this.runs.resume(settings);
        this.update({ mode: 'forms' });
        this.open();
        // The table pane's scheme may have changed while every sheet was read.
        this.rescore();
      })
      .catch(() => {
        // The table pane shows what it read, with its own notices.
        if (generation === this.lookGeneration) this.update({ mode: 'table' });
      });
  }

  /** Follows edits on the form sheets, once the forms have the pane. */
  open(): void {
    if (!this.port || this.own.mode !== 'forms' || this.stopListening) return;
    this.stopListening = this.runs.listen(this.port);
  }

  /** Stops following edits, the run under way and any look for forms. */
  close(): void {
    this.lookGeneration += 1;
    this.stopListening?.();
    this.stopListening = null;
  }

  protected settings(): Settings {
    return { ...this.pane.settings, ...this.patch };
  }

  private show(outcome: FormsOutcome): void {
    this.sheets = outcome.sheets;
    this.update({ evaluation: outcome.evaluation, notApplied: false });
  }

  private rescore(): void {
    const current = this.own.evaluation;
    if (this.own.mode !== 'forms' || !current || this.sheets.length === 0) return;
    const settings = this.settings();
    let next: FormsEvaluation;
    try {
      next = scoreFormSheets(this.sheets, resolveScheme(settings), settings.band).evaluation;
    } catch (error) {
      this.runs.fail(error);
      return;
    }
    if (next.scheme === current.scheme && next.band.low === current.band.low && next.band.high === current.band.high) return;
    this.update({ evaluation: next, notApplied: true });
  }

  protected execute(mode: RunMode, signal: AbortSignal, onProgress: (progress: Progress) => void): Promise<FormsOutcome> {
    if (!this.port) return Promise.reject(new Error('no workbook'));
    const settings = this.settings();
    return this.workflow(this.port, settings, {
      signal,
      onProgress,
      lang: this.lang,
      // Once a summary exists every run keeps it current; before that only "Write summary" makes one.
      summary: mode === 'summary' || Boolean(settings.summarySheet),
      marks: true,
      save: true,
    });
  }

  protected adoptRun(outcome: FormsOutcome): void {
    const saved = outcome.settings;
    this.patch = { ...this.patch, summarySheet: saved.summarySheet, lastRefreshed: saved.lastRefreshed, lang: saved.lang };
    this.sheets = outcome.sheets;
    this.update({ evaluation: outcome.evaluation, notApplied: false, marked: saved.highlights === false ? null : outcome.marks.length });
    this.runs.controller.setRanges(outcome.watched.map(rangeOf));
  }

  private createActions(): FormsActions {
    const port = this.port;
    const runs = this.runs;
    const select = (sheet: string, area: Parameters<NonNullable<WorkbookPort['selectRange']>>[1]) => {
      if (!port) return;
      const done = port.selectRange ? port.selectRange(sheet, area) : port.selectRow?.(sheet, area.rowStart);
      if (done) runs.settle(done);
    };
    return {
      evaluate: () => {
        // Evaluate is the explicit way back to marks after "Clear highlights".
        if (this.settings().highlights === false) this.patch = { ...this.patch, highlights: true };
        runs.start('evaluate');
      },
      writeSummary: () => runs.start('summary'),
      refresh: () => runs.start('refresh'),
      clearMarks: () => {
        const evaluation = this.own.evaluation;
        if (!port?.clearCellMarks || !evaluation) return;
        this.patch = { ...this.patch, highlights: false };
        const sheets = [...new Set(evaluation.projects.map((p) => p.sheet))];
        runs.settle(
          port.clearCellMarks(sheets).then(() => port.saveSettings(this.settings())),
          () => {
            this.update({ marked: null });
            return { kind: 'marksCleared' };
          },
        );
      },
      cancel: () => runs.cancel(),
      setAutoRefresh: (on) => {
        this.patch = { ...this.patch, autoRefresh: on };
        runs.controller.setAutoRefresh(on);
      },
      selectForm: (project) => {
        const evaluation = this.own.evaluation;
        if (!evaluation) return;
        select(project.sheet, formArea(project, evaluation.projects, this.sheets));
      },
      selectIndicator: (project, indicator) => {
        const cell = indicatorCell(indicator) ?? { rowStart: indicator.row, rowEnd: indicator.row, colStart: 1, colEnd: 1 };
        select(project.sheet, cell);
      },
      dismissNotice: () => runs.setNotice(null),
    };
  }
}
