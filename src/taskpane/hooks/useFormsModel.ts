// The forms layout for React, told what the table pane has read and which scheme it shows. The store
// (../formsStore.ts) holds the state and the runs.
import { useEffect, useLayoutEffect } from 'react';
import type { WorkbookPort } from '../../engine/workbookPort';
import type { Lang } from '../../engine/types';
import { FormsStore, type FormsActions, type FormsState } from '../stores/formsStore';
import { useLayoutStore } from './useLayoutStore';
import type { PaneModel } from './usePaneModel';

export type { FormsActions, FormsMode, FormsNotice } from '../stores/formsStore';

export interface FormsModel extends FormsState {
  actions: FormsActions;
}

export interface FormsModelOptions {
  lang: Lang;
  /** The table model: its first read decides, its settings (scheme, band) are the pane's. */
  pane: Pick<PaneModel, 'loading' | 'source' | 'settings'> & { actions: Pick<PaneModel['actions'], 'suspend'> };
  refreshDelayMs?: number;
}

export function useFormsModel(port: WorkbookPort | null, options: FormsModelOptions): FormsModel {
  const { pane, lang } = options;
  const { settings } = pane;
  const { suspend } = pane.actions;
  const { store, model } = useLayoutStore<FormsState, FormsActions, FormsStore>(
    port,
    () => new FormsStore({ port, lang, pane: { settings, suspend }, refreshDelayMs: options.refreshDelayMs }),
  );
  // Before the look below and before any event handler of this render can start a run.
  useLayoutEffect(() => {
    store.setLang(lang);
    store.setPane({ settings, suspend });
  }, [store, lang, settings, suspend]);
  // Decide once the table model has read its sheet, and again when the officer picks another sheet.
  const { loading, source } = pane;
  useEffect(() => {
    if (!loading) store.look(source);
  }, [store, loading, source]);
  return model;
}
