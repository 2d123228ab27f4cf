// Where the suite finds the served build and writes what a reviewer looks at.
import { mkdirSync, appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic, type StaticServer } from './server';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const OUTPUT = join(ROOT, 'test-output');
export const SCREENSHOTS = join(OUTPUT, 'screenshots');
export const FIGURES = join(OUTPUT, 'e2e-figures.txt');

/** The base URL of the served dist/: the runner's server, or one of this process's own. */
export async function baseUrl(): Promise<{ url: string; close(): Promise<void> }> {
  const given = process.env.E2E_BASE_URL;
  if (given) return { url: given, close: async () => undefined };
  const server: StaticServer = await serveStatic(join(ROOT, 'dist'));
  return server;
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

/** A figure for the closing report (printed by the runner after the test summary). */
export function recordFigure(line: string): void {
  mkdirSync(OUTPUT, { recursive: true });
  appendFileSync(FIGURES, `${line}\n`);
  console.log(line);
}
