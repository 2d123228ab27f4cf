// A worker thread of the consolidation: evaluates the files the pool sends, one at a time, and posts
// each outcome back (consolidatePool.ts); it says it is ready once its modules are loaded. workerData
// holds the job (scheme, band, month, language).
import { parentPort, workerData } from 'node:worker_threads';
import { evaluateWorkbookFile, type FileJob } from './consolidateFile';

const job = workerData as FileJob;
const port = parentPort;
if (port) {
  port.on('message', (msg: { index: number; file: string } | null) => {
    if (msg === null) {
      port.close();
      return;
    }
    void evaluateWorkbookFile(msg.file, job).then((outcome) => port.postMessage({ index: msg.index, outcome }));
  });
  // The engine and SheetJS are loaded: files may come.
  port.postMessage({ ready: true });
}
