// The pane's look in Office: dark when Office is dark, fits the task pane's width, and what it costs to
// load (gzipped JavaScript, printed with the start-up time by the flow test).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { paneSession, PANE } from './support/browser';
import { recordFigure, screenshotPath } from './support/env';
import { describeSize, loadedScripts } from './support/bundle';
import { eventually } from './support/fake';
import { button, strings, waitInteractive } from './support/pane';
import { sampleWorkbook } from './support/workbooks';

const BUDGET_GZIP_BYTES = 400 * 1024;

function luminance([r, g, b]: number[]): number {
  const lin = (c: number): number => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function pixel(png: PNG, x: number, y: number): number[] {
  const i = (png.width * y + x) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
}

describe('look and cost', () => {
  const session = paneSession();

  it('follows a dark Office theme: the pane background is dark, text light', async () => {
    const s = strings('zh');
    const pane = await session.open(sampleWorkbook({ theme: 'dark' }));
    await waitInteractive(pane.page, s);
    await button(pane.page, s.evaluate).click();
    await eventually(async () => assert.ok((await pane.page.locator('[data-testid="project"]').count()) > 0), 10000);
    const file = screenshotPath('zh-dark-results.png');
    const png = PNG.sync.read(await pane.page.screenshot({ path: file }));
    // The pane's side margins hold no content: every pixel there is the background.
    const edges = [2, 300, 600, PANE.height - 3].flatMap((y) => [[2, y], [PANE.width - 3, y]]);
    for (const [x, y] of edges) {
      const lum = luminance(pixel(png, x, y));
      assert.ok(lum < 0.1, `background at (${x}, ${y}) is dark (luminance ${lum.toFixed(3)})`);
    }
    const text = await pane.page.locator('h1').evaluate((h) => getComputedStyle(h).color);
    const rgb = (text.match(/\d+/g) ?? []).slice(0, 3).map(Number);
    assert.ok(luminance(rgb) > 0.6, `heading text is light (${text})`);
  });

  it('is light when Office is light', async () => {
    const s = strings('zh');
    const pane = await session.open(sampleWorkbook({ theme: 'light' }));
    await waitInteractive(pane.page, s);
    const png = PNG.sync.read(await pane.page.screenshot());
    assert.ok(luminance(pixel(png, 2, 2)) > 0.9);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`fits the task pane's ${PANE.width} px width without horizontal scrolling (${lang})`, async () => {
      const s = strings(lang);
      const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
      const pane = await session.open(sampleWorkbook({ displayLanguage: locale }), { locale });
      await waitInteractive(pane.page, s);
      const overflow = async (page: Page): Promise<{ width: number; culprits: string[] }> =>
        page.evaluate((limit) => {
          const culprits = [...document.querySelectorAll<HTMLElement>('main *')]
            .filter((el) => el.getBoundingClientRect().right > limit + 0.5 && el.getBoundingClientRect().width > 0)
            .filter((el) => !(el.parentElement && el.parentElement.getBoundingClientRect().right > limit + 0.5))
            .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')} "${(el.innerText ?? '').trim().slice(0, 30)}" right=${Math.round(el.getBoundingClientRect().right)}`);
          return { width: document.documentElement.scrollWidth, culprits };
        }, PANE.width);
      const result = await overflow(pane.page);
      assert.ok(result.width <= PANE.width, `page is ${result.width} px wide in a ${PANE.width} px pane; overflowing: ${result.culprits.join('; ')}`);
    });
  }

  it('loads under 400 KB of gzipped JavaScript (printed)', async () => {
    const s = strings('zh');
    const pane = await session.open(sampleWorkbook());
    await waitInteractive(pane.page, s);
    await button(pane.page, s.evaluate).click();
    await eventually(async () => assert.ok((await pane.page.locator('[data-testid="project"]').count()) > 0), 10000);
    const size = await loadedScripts(pane.page, session.url);
    recordFigure(`taskpane JS loaded (open + evaluate, sample sheet): ${describeSize(size)} (budget 400 KB)`);
    assert.ok(size.files.length > 0);
    const gz = size.gzip;
    assert.ok(gz < BUDGET_GZIP_BYTES, `gzipped JS ${gz} bytes over the 400 KB budget`);
  });
});
