// "汇总各部门 / Consolidate sheets" for the pane: runs the engine's consolidation through the port and
// keeps its outcome (or its error) for the panel to show.
import { useCallback, useRef, useState } from 'react';
import { consolidateSheets, type ConsolidateSheetsOutcome } from '../../engine/consolidate/consolidateSheets';
import type { Settings, WorkbookPort } from '../../engine/workbookPort';
import type { Lang } from '../../engine/types';
import type { EngineRunner } from '../../engine/workflow';

export interface ConsolidateState {
  running: boolean;
  outcome: ConsolidateSheetsOutcome | null;
  error: unknown;
  run(settings: Settings): void;
  dismiss(): void;
}

/** `engine`: where each table is evaluated (the pane's worker runner for large sheets). */
export function useConsolidateSheets(port: WorkbookPort | null, lang: Lang, engine?: EngineRunner): ConsolidateState {
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<ConsolidateSheetsOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);
  const run = useCallback(
    (settings: Settings) => {
      if (!port) return;
      const mine = ++seq.current;
      setRunning(true);
      setOutcome(null);
      setError(null);
      consolidateSheets(port, settings, { lang, engine }).then(
        (result) => {
          if (mine !== seq.current) return;
          setOutcome(result);
          setRunning(false);
        },
        (err: unknown) => {
          if (mine !== seq.current) return;
          setError(err);
          setRunning(false);
        },
      );
    },
    [port, lang, engine],
  );
  const dismiss = useCallback(() => {
    setOutcome(null);
    setError(null);
  }, []);
  return { running, outcome, error, run, dismiss };
}
