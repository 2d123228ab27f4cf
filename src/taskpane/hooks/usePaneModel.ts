// The table pane's state and actions for React: one PaneStore per port, read with useSyncExternalStore.
// The store (../paneStore.ts) holds the state, the runs and the rules; components stay pure.
import { useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { WorkbookPort } from '../../engine/workbookPort';
import type { Lang } from '../../engine/types';
import type { EngineRunner } from '../../engine/workflow';
import { PaneStore, type PaneActions, type PaneState } from '../paneStore';

export type { PaneActions, PaneNotice } from '../paneStore';

export interface PaneModel extends PaneState {
  actions: PaneActions;
}

export interface PaneModelOptions {
  lang: Lang;
  engine?: EngineRunner;
  refreshDelayMs?: number;
}

export function usePaneModel(port: WorkbookPort | null, options: PaneModelOptions): PaneModel {
  const create = () => new PaneStore({ port, lang: options.lang, engine: options.engine, refreshDelayMs: options.refreshDelayMs });
  const [held, setHeld] = useState(() => ({ port, store: create() }));
  let store = held.store;
  // Another workbook is another pane: nothing of the old one carries over.
  if (held.port !== port) {
    store = create();
    setHeld({ port, store });
  }
  const lang = options.lang;
  // Before any event handler of this render can start a run.
  useLayoutEffect(() => store.setLang(lang), [store, lang]);
  useEffect(() => {
    store.open();
    return () => store.close();
  }, [store]);
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return useMemo(() => ({ ...state, actions: store.actions }), [state, store]);
}
