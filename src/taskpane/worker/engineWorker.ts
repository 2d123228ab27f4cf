// Worker script: runs the engine off the UI thread for large sheets. Loaded through createEngineWorker.ts.
import type { FromWorker, ToWorker } from './engineProtocol';
import { createWorkerHandler } from './engineWorkerCore';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
const handle = createWorkerHandler((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
