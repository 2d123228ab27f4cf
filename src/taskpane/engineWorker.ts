// Worker script: runs the engine off the UI thread for large sheets. Bundled by webpack through
// createEngineWorker.ts; never imported by the pane's own code.
import { runEngine } from '../engine/workflow';
import type { Grid } from '../engine/types';
import type { FromWorker, ToWorker } from './engineProtocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
const pendingRows = new Map<number, Grid>();

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'rows') {
    const rows = pendingRows.get(message.id) ?? [];
    for (const row of message.rows) rows.push(row);
    pendingRows.set(message.id, rows);
    return;
  }
  const grid = pendingRows.get(message.id) ?? [];
  pendingRows.delete(message.id);
  try {
    const result = runEngine({ ...message.request, sheet: { ...message.request.sheet, grid } });
    if (result.ok) {
      scope.postMessage({ id: message.id, ok: true, detection: result.detection, evaluation: result.evaluation, layout: result.layout });
    } else {
      const { code, details, message: text } = result.error;
      scope.postMessage({ id: message.id, ok: false, error: { code, details, message: text } });
    }
  } catch (error) {
    scope.postMessage({ id: message.id, ok: false, crash: error instanceof Error ? error.message : String(error) });
  }
};
