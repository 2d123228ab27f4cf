// A blank page with only the fake office.js loaded: for checking the fake host itself.
import type { Browser, Page } from 'playwright-core';
import { fakeOfficeScript } from './fakeHostBundle';
import type { FakeSeed } from '../fakeHost/seedTypes';

export async function fakeOnlyPage(browser: Browser, seed: FakeSeed): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext();
  const script = await fakeOfficeScript();
  await context.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: script }));
  await context.route('http://fake.test/', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>' }),
  );
  await context.addInitScript((s) => ((window as unknown as { __fakeExcelSeed: unknown }).__fakeExcelSeed = s), seed);
  const page = await context.newPage();
  await page.goto('http://fake.test/');
  await page.evaluate(() => Office.onReady());
  return { page, close: () => context.close() };
}
