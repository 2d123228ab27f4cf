// The only file that names the worker's URL (import.meta is webpack's; jest never imports this file).
export function createEngineWorker(): Worker {
  return new Worker(new URL('./engineWorker.ts', import.meta.url));
}
