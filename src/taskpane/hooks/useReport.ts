// The report actions for React: the store (../stores/reportStore.ts) holds the state and the rules; this hook
// gives it the pane as it is now, the Word writer and reader (loaded on first use) and the browser's file means.
import { useLayoutEffect, useRef } from 'react';
import type { WorkbookPort } from '../../engine/workbookPort';
import type { Lang } from '../../engine/types';
import type { EngineRunner } from '../../engine/workflow';
import { fileBytes, saveBlob } from '../fileBytes';
import { ReportStore, type ReportActions, type ReportSource, type ReportState } from '../stores/reportStore';
import { useLayoutStore } from './useLayoutStore';

export type { ReportActions, ReportCheck, ReportNotice, ReportSource, ReportState } from '../stores/reportStore';

export interface ReportOptions {
  lang: Lang;
  engine?: EngineRunner;
}

export function useReport(port: WorkbookPort | null, pane: ReportSource, options: ReportOptions): ReportState & { actions: ReportActions } {
  const { lang, engine } = options;
  const current = useRef({ pane, lang });
  // Before any event handler of this render can start an action.
  useLayoutEffect(() => {
    current.current = { pane, lang };
  });
  const { model } = useLayoutStore<ReportState, ReportActions, ReportStore>(
    port,
    () =>
      new ReportStore({
        port,
        current: () => current.current,
        engine,
        loadWordWriter: () => import('../../docx/renderReport'),
        loadWordReader: () => import('../../docx/readDocx'),
        saveBlob,
        fileBytes,
      }),
  );
  return model;
}
