// Issue 4: the pane stays responsive at 200,000 rows. Builds bench/paneWorker.page.ts with webpack (the
// engine goes to a Web Worker as in the pane), runs it in Debian's Chromium and prints the worker's round
// trip, the longest main-thread task during it (PerformanceObserver 'longtask', over 50 ms only), and
// what the same engine run costs when done on the main thread instead.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webpack from 'webpack';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { chromium } from 'playwright-core';
import { serveStatic } from '../test/e2e/support/server';

const ROOT = join(__dirname, '..');
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

function build(outDir: string): Promise<void> {
  const compiler = webpack({
    mode: 'production',
    entry: { page: join(__dirname, 'paneWorker.page.ts') },
    output: { path: outDir },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } }],
    },
    plugins: [new HtmlWebpackPlugin({ filename: 'index.html' })],
    context: ROOT,
  });
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    }),
  );
}

export async function run(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`pane worker: skipped, no Chromium at ${CHROMIUM}`);
    return;
  }
  const outDir = mkdtempSync(join(tmpdir(), 'pane-worker-'));
  try {
    await build(outDir);
    const server = await serveStatic(outDir);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/index.html`);
      await page.waitForFunction(() => {
        const w = window as unknown as { __paneWorker?: unknown; __paneWorkerError?: string };
        return w.__paneWorker !== undefined || w.__paneWorkerError !== undefined;
      }, null, { timeout: 180_000 });
      const outcome = await page.evaluate(() => {
        const w = window as unknown as { __paneWorker?: unknown; __paneWorkerError?: string };
        return { figures: w.__paneWorker, error: w.__paneWorkerError };
      });
      if (outcome.error) throw new Error(outcome.error);
      const f = outcome.figures as {
        rows: number;
        workerRoundTripMs: number;
        longestMainThreadTaskMs: number;
        longTasks: number;
        mainThreadSteps: Record<string, number>;
        sameEngineOnMainThreadMs: number;
      };
      console.log(`pane engine at ${f.rows} rows, in a Web Worker: ${f.workerRoundTripMs} ms round trip`);
      console.log(`  longest main-thread task meanwhile: ${f.longestMainThreadTaskMs} ms (${f.longTasks} task(s) over 50 ms)`);
      console.log(`  the same engine run on the main thread: ${f.sameEngineOnMainThreadMs} ms in one task`);
      for (const [step, ms] of Object.entries(f.mainThreadSteps)) console.log(`  main thread, ${step}: ${ms} ms`);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
