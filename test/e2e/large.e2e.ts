// A large sheet in the real browser: evaluated and summarised in requests each under Excel on the web's
// 5 MB (the fake host refuses bigger ones, as Excel does), with progress shown; the longest task on the
// page's main thread is printed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPane, type OpenedPane } from './support/browser';
import { baseUrl, recordFigure } from './support/env';
import { describeSize, loadedScripts } from './support/bundle';
import { eventually, fake } from './support/fake';
import { button, messageBarText, strings, waitInteractive } from './support/pane';
import { largeWorkbook } from './support/workbooks';
import { DEFAULT_SUMMARY_SHEET } from '../../src/engine/workflow';

const ROWS = Number(process.env.E2E_LARGE_ROWS ?? 60000);
const LIMIT = 5 * 1024 * 1024;

describe(`a sheet of ${ROWS} projects`, () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  let pane: OpenedPane;

  before(async () => {
    server = await baseUrl();
    browser = await launchBrowser();
  });
  after(async () => {
    await pane?.close();
    await browser?.close();
    await server?.close();
  });

  it('writes its summary in requests under 5 MB, with progress, and stays responsive', async () => {
    const s = strings('zh');
    pane = await openPane(browser, server.url, { ...largeWorkbook(ROWS), payloadLimit: LIMIT });
    const { page } = pane;
    await page.evaluate(() => {
      const w = window as unknown as { __longest: number; __sawProgress: boolean };
      w.__longest = 0;
      w.__sawProgress = false;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: true });
      new MutationObserver(() => {
        if (document.querySelector('[role="progressbar"]')) w.__sawProgress = true;
      }).observe(document.body, { subtree: true, childList: true });
    });
    await waitInteractive(page, s, 60000);
    const syncsBefore = (await fake(page).state()).syncs.length;
    const started = Date.now();
    await button(page, s.writeSummary).click();
    await eventually(async () => {
      const text = await messageBarText(page);
      assert.ok(!text.includes(s.errorTitle), text);
      assert.ok(text.includes(s.summaryWritten(DEFAULT_SUMMARY_SHEET.zh)), text);
    }, 120000, 200);
    const elapsed = Date.now() - started;
    const state = await fake(page).state();
    const syncs = state.syncs.slice(syncsBefore);
    assert.deepEqual(syncs.filter((x) => x.error), [], 'no request refused');
    const largest = Math.max(...syncs.map((x) => Math.max(x.requestBytes, x.responseBytes)));
    assert.ok(largest <= LIMIT, `largest request ${largest} bytes`);
    const table = (await fake(page).tables()).find((t) => t.sheet === DEFAULT_SUMMARY_SHEET.zh);
    assert.ok(table, 'summary table written');
    const rows = (table.address.match(/\d+/g) ?? []).map(Number);
    assert.ok(rows.length === 2 && rows[1] - rows[0] >= ROWS, `table ${table.address} holds ${ROWS} projects`);
    const { longest, sawProgress } = await page.evaluate(() => {
      const w = window as unknown as { __longest: number; __sawProgress: boolean };
      return { longest: w.__longest, sawProgress: w.__sawProgress };
    });
    assert.ok(sawProgress, 'a ProgressBar was shown');
    recordFigure(
      `${ROWS} rows, Write summary: ${elapsed} ms, ${syncs.length} requests, largest ${(largest / 1024 / 1024).toFixed(2)} MB, longest main-thread task ${Math.round(longest)} ms (includes the fake host's own work)`,
    );
    recordFigure(`JS loaded for a large sheet (engine Web Worker included): ${describeSize(await loadedScripts(page, server.url))}`);
    assert.deepEqual(state.unimplemented, []);
    assert.deepEqual(state.problems, []);
  });
});
