// Bundles the fake office.js (test/e2e/fakeHost) once per process with esbuild (already installed with tsx).
import { build } from 'esbuild';
import { join } from 'node:path';

let cached: Promise<string> | null = null;

export function fakeOfficeScript(): Promise<string> {
  cached ??= build({
    entryPoints: [join(__dirname, '..', 'fakeHost', 'index.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0].text);
  return cached;
}
