// Owns one RefreshController for the pane's lifetime and feeds it the workbook's change events.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { WorkbookPort } from '../../engine/workbookPort';
import { RefreshController, type RefreshState } from '../refreshController';

export interface RefreshCallbacks<T> {
  run(signal: AbortSignal): Promise<T>;
  onResult(result: T): void;
  onError(error: unknown): void;
}

export function useRefreshController<T>(
  port: WorkbookPort | null,
  callbacks: RefreshCallbacks<T>,
  delayMs?: number,
): { controller: RefreshController<T>; state: RefreshState } {
  // The controller lives as long as the pane; it calls whatever callbacks the last render gave.
  const latest = useRef(callbacks);
  latest.current = callbacks;
  const [controller] = useState(
    () =>
      new RefreshController<T>({
        run: (signal) => latest.current.run(signal),
        onResult: (result) => latest.current.onResult(result),
        onError: (error) => latest.current.onError(error),
        delayMs,
      }),
  );
  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);

  useEffect(() => {
    if (!port) return;
    let stop: (() => Promise<void>) | null = null;
    let unmounted = false;
    port
      .onSourceChanged((change) => {
        controller.handleChange(change);
      })
      .then((stopListening) => {
        if (unmounted) void stopListening().catch(() => undefined);
        else stop = stopListening;
      })
      .catch((error: unknown) => latest.current.onError(error));
    return () => {
      unmounted = true;
      controller.cancel();
      if (stop) void stop().catch(() => undefined);
    };
  }, [port, controller]);

  return { controller, state };
}
