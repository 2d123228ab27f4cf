// The worker's message handling, apart from the worker global so tests can drive it in-process.
import { runEngine } from '../../engine/workflow';
import type { Grid } from '../../engine/types';
import { splitLargeArrays, type FromWorker, type ToWorker } from './engineProtocol';

export function createWorkerHandler(post: (message: FromWorker) => void, sliceItems?: number): (message: ToWorker) => void {
  const pendingRows = new Map<number, Grid>();
  return (message) => {
    if (message.type === 'rows') {
      const rows = pendingRows.get(message.id) ?? [];
      for (const row of message.rows) rows.push(row);
      pendingRows.set(message.id, rows);
      return;
    }
    const { id } = message;
    const grid = pendingRows.get(id) ?? [];
    pendingRows.delete(id);
    try {
      const result = runEngine({ ...message.request, sheet: { ...message.request.sheet, grid } });
      if (!result.ok) {
        const { code, details, message: text } = result.error;
        post({ id, type: 'failure', error: { code, details, message: text } });
        return;
      }
      const { skeleton, parts } = splitLargeArrays(
        { detection: result.detection, evaluation: result.evaluation, layout: result.layout },
        sliceItems,
      );
      for (const part of parts) post({ id, type: 'part', ...part });
      post({ id, type: 'result', skeleton });
    } catch (error) {
      post({ id, type: 'crash', message: error instanceof Error ? error.message : String(error) });
    }
  };
}
