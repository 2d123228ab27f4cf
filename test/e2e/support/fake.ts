// The test's handle on the fake workbook inside the page (window.__fakeExcel), and a retrying assertion.
import type { Page } from 'playwright-core';
import type { FakeExcelControls } from '../fakeHost/index';

declare global {
  interface Window {
    __fakeExcel: FakeExcelControls;
  }
}

type Controls = FakeExcelControls;

/** Calls a control of the fake host in the page: `await fake(page).values('Sheet1')`. */
export function fake(page: Page): { [K in keyof Controls]: (...args: Parameters<Controls[K]>) => Promise<ReturnType<Controls[K]>> } {
  return new Proxy({} as never, {
    get: (_t, name: string) => (...args: unknown[]) =>
      page.evaluate(
        ([n, a]) => (window.__fakeExcel as unknown as Record<string, (...x: unknown[]) => unknown>)[n as string](...(a as unknown[])),
        [name, args] as const,
      ),
  });
}

/** Retries an assertion until it passes or the time is up (the pane and the fake host are asynchronous). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 5000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw last;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
