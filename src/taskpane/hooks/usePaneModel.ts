// The table pane's state and actions for React. The store (../paneStore.ts) holds the state, the runs
// and the rules; components stay pure.
import { useLayoutEffect } from 'react';
import type { WorkbookPort } from '../../engine/workbookPort';
import type { Lang } from '../../engine/types';
import type { EngineRunner } from '../../engine/workflow';
import { PaneStore, type PaneActions, type PaneState } from '../stores/paneStore';
import { useLayoutStore } from './useLayoutStore';

export type { PaneActions, PaneNotice } from '../stores/paneStore';

export interface PaneModel extends PaneState {
  actions: PaneActions;
}

export interface PaneModelOptions {
  lang: Lang;
  engine?: EngineRunner;
  refreshDelayMs?: number;
}

export function usePaneModel(port: WorkbookPort | null, options: PaneModelOptions): PaneModel {
  const { lang } = options;
  const { store, model } = useLayoutStore<PaneState, PaneActions, PaneStore>(
    port,
    () => new PaneStore({ port, lang, engine: options.engine, refreshDelayMs: options.refreshDelayMs }),
  );
  // Before any event handler of this render can start a run.
  useLayoutEffect(() => store.setLang(lang), [store, lang]);
  return model;
}
