// The report actions of the pane: draft the self-evaluation report onto its sheet (and, where the host
// allows downloads, offer the same .docx), and check an officer's own report (.docx / .txt) against the
// workbook. The evaluation is the pane's current one, or made in memory from the source when there is
// none yet; nothing but the report sheet is written. Word rendering and reading load on first use.
import { useCallback, useRef, useState } from 'react';
import type { Settings, WorkbookPort } from '../../engine/port';
import { buildReport } from '../../engine/report/build';
import { checkReport } from '../../engine/report/check/check';
import { checkProjects } from '../../engine/report/check/fromEvaluation';
import type { ReportFinding } from '../../engine/report/check/types';
import { reportInputFromTable } from '../../engine/report/fromTable';
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
  file: string;
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
  dismiss(): void;
}

export interface ReportSource {
  outcome: EvaluateOutcome | null;
  source: SheetData | null;
  settings: Settings;
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
  const evaluation = useCallback(async (): Promise<EvaluateOutcome> => {
    const { outcome, source, settings } = paneRef.current;
    if (outcome) return outcome;
    if (!source) throw new Error('no source');
    const scheme = resolveScheme(settings);
    const engine = optionsRef.current.engine ?? runEngineHere;
    const result = await engine({ sheet: source, scheme, band: settings.band, override: settings.override });
    if (!result.ok) throw result.error;
    return { sheet: source, detection: result.detection, evaluation: result.evaluation, scheme };
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
        const outcome = await evaluation();
        const input = reportInputFromTable({ evaluation: outcome.evaluation, scheme: outcome.scheme, sheet: outcome.sheet, detection: outcome.detection }, lang);
        const model = buildReport(input, lang);
        const written = await port.writeReportSheet!(layoutReportSheet(model), REPORT_SHEET_NAME[lang], { sourceSheet: outcome.sheet.name });
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
        const outcome = await evaluation();
        const findings = checkReport(lines, checkProjects(outcome.evaluation), { unit: outcome.evaluation.unit });
        setCheck({ file: file.name, findings });
      });
    },
    dismiss: () => setNotice(null),
  };

  return { busy, notice, draft, check, actions };
}
