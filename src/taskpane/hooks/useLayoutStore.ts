// Owns one store (PaneStore, FormsStore, ReportStore) per workbook port, opens it while mounted and reads its
// snapshot with useSyncExternalStore, the store's actions beside it.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { WorkbookPort } from '../../engine/workbookPort';

interface LayoutStoreLike<S, A> {
  readonly actions: A;
  getSnapshot(): S;
  subscribe(listener: () => void): () => void;
  open(): void;
  close(): void;
}

export function useLayoutStore<S, A, T extends LayoutStoreLike<S, A>>(port: WorkbookPort | null, create: () => T): { store: T; model: S & { actions: A } } {
  const [held, setHeld] = useState(() => ({ port, store: create() }));
  let store = held.store;
  // Another workbook is another pane: nothing of the old one carries over.
  if (held.port !== port) {
    store = create();
    setHeld({ port, store });
  }
  useEffect(() => {
    store.open();
    return () => store.close();
  }, [store]);
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const model = useMemo(() => ({ ...state, actions: store.actions }), [state, store]);
  return { store, model };
}
