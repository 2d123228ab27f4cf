// Debian's Chromium through playwright-core, and a page of the task pane wired to the fake host.
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { baseUrl } from './env';
import { fakeOfficeScript } from './fakeHostBundle';
import type { FakeSeed } from '../fakeHost/seedTypes';

export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/**';
/** The task pane's width in Excel on the web and on Windows, and a laptop's height. */
export const PANE = { width: 340, height: 900 };

export function launchBrowser(): Promise<Browser> {
  // playwright-core gives each launch a fresh temporary profile (user-data-dir).
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface PaneOptions {
  /** 'fake': office.js is the fake host; 'blocked': office.js cannot be fetched at all. */
  office?: 'fake' | 'blocked';
  locale?: string;
  colorScheme?: 'light' | 'dark';
}

export interface OpenedPane {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen on the page. */
  errors: string[];
  /** Milliseconds from navigation start to the page's load event (performance timing). */
  navigationStart: number;
  close(): Promise<void>;
}

export async function openPane(browser: Browser, baseUrl: string, seed: FakeSeed | null, options: PaneOptions = {}): Promise<OpenedPane> {
  const context = await browser.newContext({
    viewport: PANE,
    deviceScaleFactor: 1,
    locale: options.locale ?? 'zh-CN',
    colorScheme: options.colorScheme ?? 'light',
  });
  const script = await fakeOfficeScript();
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl)) return route.continue();
    if (url.startsWith('https://appsforoffice.microsoft.com/') && options.office !== 'blocked') {
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: script });
    }
    return route.abort('internetdisconnected');
  });
  if (seed) await context.addInitScript((s) => ((window as unknown as { __fakeExcelSeed: unknown }).__fakeExcelSeed = s), seed);
  const page = await context.newPage();
  // A control that never becomes clickable fails the test in 10 s, not Playwright's default 30 s.
  page.setDefaultTimeout(10000);
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  const navigationStart = Date.now();
  await page.goto(`${baseUrl}/taskpane.html`, { waitUntil: 'load' });
  return { context, page, errors, navigationStart, close: () => context.close() };
}

export interface PaneSession {
  /** The served build's address; there once the suite's before hook has run. */
  readonly url: string;
  open(seed: FakeSeed | null, options?: PaneOptions): Promise<OpenedPane>;
}

/** One server and one browser for the calling describe block; every pane opened through it is closed after it. */
export function paneSession(): PaneSession {
  let browser: Browser | undefined;
  let server: { url: string; close(): Promise<void> } | undefined;
  const opened: OpenedPane[] = [];
  before(async () => {
    server = await baseUrl();
    browser = await launchBrowser();
  });
  after(async () => {
    for (const pane of opened) await pane.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });
  const started = () => {
    if (!browser || !server) throw new Error('paneSession used before its before hook ran');
    return { browser, server };
  };
  return {
    get url() {
      return started().server.url;
    },
    async open(seed, options) {
      const { browser: b, server: s } = started();
      const pane = await openPane(b, s.url, seed, options);
      opened.push(pane);
      return pane;
    },
  };
}
