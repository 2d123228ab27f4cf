// The pane's report actions in a host-free, React-free store: draft the self-evaluation report onto its
// sheet (and keep it for the .docx where the host allows downloads), and check an officer's own report
// (.docx / .txt, or pasted text) against the workbook. The evaluation is the forms layout's when the pane
// shows forms, else the table's current one, or one made in memory from the source when there is none
// yet; nothing but the report sheet is written. React reads it with useSyncExternalStore
// (../hooks/useReport.ts), which injects the pane, the Word writer and reader (loaded on first use) and the
// browser's file means; the tests drive it directly with an in-memory port.
//
// One action at a time: while one is busy, another is refused (the pane disables its buttons anyway), so
// two actions never race for the notice and a download saves the draft last written, never an older one.
// Once the store is closed (the pane unmounted, another workbook), an action under way writes, saves and
// shows nothing more; opened again (useLayoutStore opens and closes it with the pane), it starts afresh.
import type { Settings, WorkbookPort } from '../../engine/workbookPort';
import { buildReport } from '../../engine/report/build';
import { checkReport } from '../../engine/report/check/check';
import { checkProjects } from '../../engine/report/check/fromEvaluation';
import type { ReportFinding } from '../../engine/report/check/types';
import { reportInputFromForms } from '../../engine/report/fromForms';
import { reportInputFromTable } from '../../engine/report/fromTable';
import type { ReportInput, ReportModel } from '../../engine/report/types';
import type { FormsEvaluation } from '../../engine/forms/formTypes';
import { layoutReportSheet, REPORT_SHEET_NAME } from '../../engine/report/sheetLayout';
import type { Lang, SheetData } from '../../engine/types';
import { resolveScheme, runEngineHere, type EngineRunner, type EvaluateOutcome } from '../../engine/workflow';
import { Observable } from './observable';

export type ReportNotice =
  | { kind: 'drafted'; sheet: string; keptSheets: string[] }
  | { kind: 'unreadable'; file: string }
  | { kind: 'notSupported'; file: string }
  | { kind: 'error'; error: unknown };

export interface ReportCheck {
  /** The file checked; null for pasted text. */
  file: string | null;
  findings: ReportFinding[];
}

export interface ReportState {
  busy: 'draft' | 'check' | 'download' | null;
  notice: ReportNotice | null;
  /** The last draft, kept for the download. */
  draft: ReportModel | null;
  check: ReportCheck | null;
}

export interface ReportActions {
  draft(): void;
  download(): void;
  checkFile(file: File): void;
  /** Checks a report pasted as text (one paragraph per line). */
  checkText(text: string): void;
  dismiss(): void;
}

export interface ReportSource {
  outcome: EvaluateOutcome | null;
  source: SheetData | null;
  settings: Settings;
  /** The forms layout's evaluation when the pane shows forms: the report is then drafted from it. */
  forms?: FormsEvaluation | null;
}

/** src/docx/renderReport as the store uses it. */
export interface WordWriter<D = unknown> {
  reportDocument(model: ReportModel): D;
  documentBlob(document: D): Promise<Blob>;
}

/** src/docx/readDocx as the store uses it: a DocxReadError means the file is no Word document it can read. */
export interface WordReader {
  DocxReadError: abstract new (...args: never[]) => Error;
  readDocxLines(bytes: Uint8Array): string[];
  readTextLines(bytes: Uint8Array): string[];
}

export interface ReportStoreOptions {
  port: WorkbookPort | null;
  /** The pane as it is now, and its language; read when an action starts. */
  current(): { pane: ReportSource; lang: Lang };
  engine?: EngineRunner;
  loadWordWriter(): Promise<WordWriter>;
  loadWordReader(): Promise<WordReader>;
  saveBlob(blob: Blob, fileName: string): void;
  fileBytes(file: Blob): Promise<Uint8Array>;
}

/** What the report is drafted from and checked against: the forms when the pane shows them, else the table. */
interface Basis {
  evaluation: EvaluateOutcome['evaluation'] | FormsEvaluation;
  input(lang: Lang): ReportInput;
  sourceSheet?: string;
}

const CHECKABLE = /\.(docx|txt)$/i;

/** A file name without the characters Windows refuses (\ / : * ? " < > | and control characters). */
export function safeFileName(name: string): string {
  const cleaned = [...name].map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('');
  return cleaned.trim() || 'report';
}

export class ReportStore {
  readonly actions: ReportActions;
  private readonly observed = new Observable<ReportState>({ busy: null, notice: null, draft: null, check: null });
  /** Counted up by close: an action started in an earlier session writes, saves and shows nothing. */
  private session = 0;
  private closed = false;

  constructor(private readonly options: ReportStoreOptions) {
    this.actions = this.createActions();
  }

  getSnapshot = (): ReportState => this.observed.get();

  subscribe = (listener: () => void): (() => void) => this.observed.subscribe(listener);

  /** The pane shows the store (again): an action abandoned by close no longer counts as busy. */
  open(): void {
    if (!this.closed) return;
    this.closed = false;
    this.set({ busy: null });
  }

  /** The pane is gone: actions are refused and what one under way brings back is dropped. */
  close(): void {
    this.closed = true;
    this.session += 1;
  }

  /**
   * Starts one action unless one is busy. `body` returns what the state becomes when it ends, in one
   * change with busy back to null; a failure becomes the error notice. `live()` says whether the store is
   * still open in the session the action started in: the body asks it before writing or saving.
   */
  private run(kind: NonNullable<ReportState['busy']>, body: (live: () => boolean) => Promise<Partial<ReportState>>): void {
    if (!this.idle()) return;
    const session = this.session;
    const live = (): boolean => !this.closed && session === this.session;
    this.set({ busy: kind, notice: null });
    body(live).then(
      (patch) => {
        if (live()) this.set({ ...patch, busy: null });
      },
      (error: unknown) => {
        if (live()) this.set({ busy: null, notice: { kind: 'error', error } });
      },
    );
  }

  private idle(): boolean {
    return !this.closed && this.getSnapshot().busy === null;
  }

  /** The pane's evaluation, else one made now from the source with the pane's settings. */
  private async basis({ outcome, source, settings, forms }: ReportSource): Promise<Basis> {
    if (forms) {
      const scheme = resolveScheme(settings);
      return { evaluation: forms, input: () => reportInputFromForms(forms, scheme) };
    }
    let current = outcome;
    if (!current) {
      if (!source) throw new Error('no source');
      const scheme = resolveScheme(settings);
      const engine = this.options.engine ?? runEngineHere;
      const result = await engine({ sheet: source, scheme, band: settings.band, override: settings.override });
      if (!result.ok) throw result.error;
      current = { sheet: source, detection: result.detection, evaluation: result.evaluation, scheme };
    }
    const table = current;
    return {
      evaluation: table.evaluation,
      input: (lang) => reportInputFromTable({ evaluation: table.evaluation, scheme: table.scheme, sheet: table.sheet, detection: table.detection }, lang),
      sourceSheet: table.sheet.name,
    };
  }

  private async findings(pane: ReportSource, lines: string[]): Promise<ReportFinding[]> {
    const { evaluation } = await this.basis(pane);
    return checkReport(lines, checkProjects(evaluation), { unit: evaluation.unit });
  }

  private createActions(): ReportActions {
    const { port, loadWordWriter, loadWordReader, saveBlob, fileBytes } = this.options;
    return {
      draft: () => {
        const write = port?.writeReportSheet?.bind(port);
        if (!write) return;
        const { pane, lang } = this.options.current();
        this.run('draft', async (live) => {
          const from = await this.basis(pane);
          const model = buildReport(from.input(lang), lang);
          if (!live()) return {};
          const written = await write(layoutReportSheet(model), REPORT_SHEET_NAME[lang], from.sourceSheet ? { sourceSheet: from.sourceSheet } : {});
          return { draft: model, notice: { kind: 'drafted', sheet: written.sheetName, keptSheets: written.keptSheets ?? [] } };
        });
      },
      download: () => {
        const model = this.getSnapshot().draft;
        if (!model) return;
        this.run('download', async (live) => {
          const writer = await loadWordWriter();
          const blob = await writer.documentBlob(writer.reportDocument(model));
          if (live()) saveBlob(blob, `${safeFileName(model.title)}.docx`);
          return {};
        });
      },
      checkFile: (file) => {
        if (!this.idle()) return;
        if (!CHECKABLE.test(file.name)) {
          this.set({ check: null, notice: { kind: 'notSupported', file: file.name } });
          return;
        }
        const { pane } = this.options.current();
        this.run('check', async () => {
          const [reader, bytes] = await Promise.all([loadWordReader(), fileBytes(file)]);
          let lines: string[];
          try {
            lines = /\.docx$/i.test(file.name) ? reader.readDocxLines(bytes) : reader.readTextLines(bytes);
          } catch (error) {
            if (!(error instanceof reader.DocxReadError)) throw error;
            return { check: null, notice: { kind: 'unreadable', file: file.name } };
          }
          return { check: { file: file.name, findings: await this.findings(pane, lines) } };
        });
      },
      checkText: (text) => {
        const { pane } = this.options.current();
        this.run('check', async () => {
          const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
          return { check: { file: null, findings: await this.findings(pane, lines) } };
        });
      },
      dismiss: () => this.set({ notice: null }),
    };
  }

  private set(patch: Partial<ReportState>): void {
    if (!this.closed) this.observed.patch(patch);
  }
}
