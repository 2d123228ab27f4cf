// The Content-Security-Policy of the built pages: the real webpack configuration builds every page
// (with stub scripts in place of the bundles, so it takes seconds) for office.js from the CDN and
// from the add-in's own origin (OFFICE_JS=local); each page carries the policy first in <head> and
// has no inline script, no event-handler attribute and no script from another origin.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import webpack from 'webpack';
import { contentSecurityPolicy, pageProblems, addContentSecurityPolicy } from '../../scripts/pageSecurity.cjs';

const ROOT = resolve(__dirname, '../..');
type ConfigFactory = (env: unknown, argv: { mode: string }) => webpack.Configuration;

async function buildPages(officeJs: 'cdn' | 'local'): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), `pages-${officeJs}-`));
  const before = process.env.OFFICE_JS;
  process.env.OFFICE_JS = officeJs;
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const stub = join(dir, 'stub.js');
    writeFileSync(stub, 'document.title = document.title;\n');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(join(ROOT, 'webpack.config.js')) as ConfigFactory;
    const config = makeConfig({}, { mode: 'production' });
    const plugins = (config.plugins ?? []).filter((p) => !['CopyWebpackPlugin', 'TaskpaneBudgetPlugin'].includes(p?.constructor.name ?? ''));
    const out = join(dir, 'dist');
    // The pages as production builds them (minified HTML); the stub scripts need no minifier.
    const compiler = webpack({
      ...config,
      context: ROOT,
      entry: { taskpane: stub, commands: stub, result: stub },
      output: { ...config.output, path: out },
      optimization: { ...config.optimization, minimize: false },
      plugins,
    });
    const stats = await new Promise<webpack.Stats>((done, fail) => compiler.run((err, s) => (err || !s ? fail(err) : done(s))));
    await new Promise<void>((done) => compiler.close(() => done()));
    expect(stats.compilation.errors.map((e) => e.message)).toEqual([]);
    const pages: Record<string, string> = {};
    for (const f of readdirSync(out).filter((f) => f.endsWith('.html'))) pages[f] = readFileSync(join(out, f), 'utf8');
    return pages;
  } finally {
    log.mockRestore();
    warn.mockRestore();
    if (before === undefined) delete process.env.OFFICE_JS;
    else process.env.OFFICE_JS = before;
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the built pages’ Content-Security-Policy', () => {
  test.each(['cdn', 'local'] as const)('OFFICE_JS=%s: every page has the policy and no inline script', async (mode) => {
    const pages = await buildPages(mode);
    expect(Object.keys(pages).sort()).toEqual(['commands-result.html', 'commands.html', 'support.html', 'taskpane.html']);
    const policy = contentSecurityPolicy(mode);
    for (const [name, html] of Object.entries(pages)) {
      expect({ name, problems: pageProblems(html, policy) }).toEqual({ name, problems: [] });
      expect(html).toMatch(/<head><meta charset="?UTF-8"?\s*\/?><meta http-equiv="?Content-Security-Policy"?\s/i);
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        expect(m[1]).toMatch(/\ssrc=/);
        expect(m[2]).toBe('');
      }
    }
    const taskpaneScripts = [...pages['taskpane.html'].matchAll(/<script\b[^>]*\ssrc="?([^"\s>]+)/gi)].map((m) => m[1]);
    if (mode === 'cdn') {
      expect(policy).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
      expect(taskpaneScripts[0]).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    } else {
      // Intranet build: office.js from the add-in's own origin, and no other origin is allowed.
      expect(policy).toContain("script-src 'self';");
      expect(policy).not.toContain('microsoft.com');
      expect(taskpaneScripts[0]).toBe('office-js/office.js');
    }
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  }, 60_000);
});

describe('the page check', () => {
  const policy = contentSecurityPolicy('cdn');
  const page = (head: string, body = ''): string => addContentSecurityPolicy(`<html><head><meta charset="UTF-8">${head}</head><body>${body}</body></html>`, policy);

  test('passes a page with the policy and scripts from self and the CDN', () => {
    expect(pageProblems(page('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script><script defer src="a.js"></script>'), policy)).toEqual([]);
  });

  test('names inline scripts, handlers, foreign scripts, a missing or second policy', () => {
    expect(pageProblems(page('<script>alert(1)</script>'), policy)).toEqual(['inline <script> without src', 'inline script body: alert(1)']);
    expect(pageProblems(page('', '<button onclick="x()">x</button>'), policy)).toEqual(['inline event handler onclick']);
    expect(pageProblems(page('<script src="https://cdn.example.com/x.js"></script>'), policy)).toEqual([
      'script from https://cdn.example.com/x.js is not allowed by script-src',
    ]);
    expect(pageProblems('<head><script src="a.js"></script></head>', policy)).toEqual(['0 Content-Security-Policy <meta> (want 1)']);
    expect(pageProblems(addContentSecurityPolicy(page(''), policy), policy)).toEqual(['2 Content-Security-Policy <meta> (want 1)']);
    expect(pageProblems(page('', '<a href="javascript:void 0">x</a>'), policy)).toEqual(['javascript: URL']);
  });
});
