// The JavaScript a page loaded from the served build, and its size gzipped (level 9).
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export interface ScriptSize {
  files: string[];
  raw: number;
  gzip: number;
}

export async function loadedScripts(page: Page, origin: string): Promise<ScriptSize> {
  const urls = await page.evaluate(
    (o) => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.startsWith(o) && n.endsWith('.js')),
    origin,
  );
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { files: urls.map((u) => u.slice(origin.length + 1)), raw, gzip };
}

export function describeSize(size: ScriptSize): string {
  return `${size.files.length} file(s) [${size.files.join(', ')}], ${(size.raw / 1024).toFixed(1)} KB raw, ${(size.gzip / 1024).toFixed(1)} KB gzipped`;
}
