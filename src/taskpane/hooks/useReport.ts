// The report actions of the pane: draft the self-evaluation report onto its sheet (and, where the host
// allows downloads, offer the same .docx), and check an officer's own report (.docx / .txt) against the
// workbook. The evaluation is the forms layout's when the pane shows forms, else the table's current one,
// or one made in memory from the source when there is none yet; nothing but the report sheet is written. Word rendering and reading load on first use.
import { useCallback, useRef, useState } from 'react';
import type { Settings, WorkbookPort } from '../../engine/workbookPort';
import { buildReport } from '../../engine/report/build';
import { checkReport } from '../../engine/report/check/check';
import { checkProjects } from '../../engine/report/check/fromEvaluation';
import type { ReportFinding } from '../../engine/report/check/types';
import { reportInputFromForms } from '../../engine/report/fromForms';
import { reportInputFromTable } from '../../engine/report/fromTable';
import type { ReportInput } from '../../engine/report/types';
import type { FormsEvaluation } from '../../engine/formTypes';
import { layoutReportSheet, REPORT_SHEET_NAME } from '../../engine/report/sheetLayout';
import type { ReportModel } from '../../engine/report/types';
import type { Lang, SheetData } from '../../engine/types';
import { resolveScheme, runEngineHere, type EngineRunner, type EvaluateOutcome } from '../../engine/workflow';
import { fileBytes, safeFileName, saveBlob } from '../fileBytes';

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

/** What the report is drafted from and checked against: the forms when the pane shows them, else the table. */
interface Basis {
  evaluation: EvaluateOutcome['evaluation'] | FormsEvaluation;
  input(lang: Lang): ReportInput;
  sourceSheet?: string;
}

export interface ReportOptions {
  lang: Lang;
  engine?: EngineRunner;
}

const CHECKABLE = /\.(docx|txt)$/i;

export function useReport(port: WorkbookPort | null, pane: ReportSource, options: ReportOptions): ReportState & { actions: ReportActions } {
  const [busy, setBusy] = useState<ReportState['busy']>(null);
  const [notice, setNotice] = useState<ReportNotice | null>(null);
  const [draft, setDraft] = useState<ReportModel | null>(null);
  const [check, setCheck] = useState<ReportCheck | null>(null);
  const paneRef = useRef(pane);
  paneRef.current = pane;
  const optionsRef = useRef(options);
  optionsRef.current = options;

  /** The pane's evaluation, else one made now from the source with the pane's settings. */
  const basis = useCallback(async (): Promise<Basis> => {
    const { outcome, source, settings, forms } = paneRef.current;
    if (forms) {
      const scheme = resolveScheme(settings);
      return { evaluation: forms, input: () => reportInputFromForms(forms, scheme) };
    }
    let current = outcome;
    if (!current) {
      if (!source) throw new Error('no source');
      const scheme = resolveScheme(settings);
      const engine = optionsRef.current.engine ?? runEngineHere;
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
  }, []);

  const run = useCallback(async (kind: NonNullable<ReportState['busy']>, body: () => Promise<void>) => {
    setBusy(kind);
    setNotice(null);
    try {
      await body();
    } catch (error) {
      setNotice({ kind: 'error', error });
    } finally {
      setBusy(null);
    }
  }, []);

  const actions: ReportActions = {
    draft: () => {
      if (!port?.writeReportSheet) return;
      void run('draft', async () => {
        const lang = optionsRef.current.lang;
        const from = await basis();
        const model = buildReport(from.input(lang), lang);
        const written = await port.writeReportSheet!(layoutReportSheet(model), REPORT_SHEET_NAME[lang], from.sourceSheet ? { sourceSheet: from.sourceSheet } : {});
        setDraft(model);
        setNotice({ kind: 'drafted', sheet: written.sheetName, keptSheets: written.keptSheets ?? [] });
      });
    },
    download: () => {
      const model = draft;
      if (!model) return;
      void run('download', async () => {
        const { documentBlob, reportDocument } = await import('../../docx/renderReport');
        saveBlob(await documentBlob(reportDocument(model)), `${safeFileName(model.title)}.docx`);
      });
    },
    checkFile: (file) => {
      if (!CHECKABLE.test(file.name)) {
        setCheck(null);
        setNotice({ kind: 'notSupported', file: file.name });
        return;
      }
      void run('check', async () => {
        const [{ DocxReadError, readDocxLines, readTextLines }, bytes] = await Promise.all([import('../../docx/readDocx'), fileBytes(file)]);
        let lines: string[];
        try {
          lines = /\.docx$/i.test(file.name) ? readDocxLines(bytes) : readTextLines(bytes);
        } catch (error) {
          if (!(error instanceof DocxReadError)) throw error;
          setCheck(null);
          setNotice({ kind: 'unreadable', file: file.name });
          return;
        }
        const { evaluation } = await basis();
        const findings = checkReport(lines, checkProjects(evaluation), { unit: evaluation.unit });
        setCheck({ file: file.name, findings });
      });
    },
    checkText: (text) => {
      void run('check', async () => {
        const { evaluation } = await basis();
        const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
        setCheck({ file: null, findings: checkReport(lines, checkProjects(evaluation), { unit: evaluation.unit }) });
      });
    },
    dismiss: () => setNotice(null),
  };

  return { busy, notice, draft, check, actions };
}
