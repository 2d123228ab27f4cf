import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TASKPANE_BUDGET_BYTES, budgetLine, localScripts, taskpaneJsSize } from '../../scripts/bundleSize.cjs';

describe('the task pane bundle figure', () => {
  test('reads the local scripts of a page, quoted or minified, and skips the Office.js CDN', () => {
    const html =
      '<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script>' +
      '<script defer src=taskpane.1a2b.js></script><script src="./vendor.js?v=1"></script><script>inline()</script>';
    expect(localScripts(html)).toEqual(['taskpane.1a2b.js', 'vendor.js']);
  });

  test('counts the gzipped bytes of the pane page scripts only; lazy chunks apart; other pages not at all', () => {
    const dist = mkdtempSync(join(tmpdir(), 'bundle-'));
    try {
      writeFileSync(join(dist, 'taskpane.html'), '<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script><script defer src=taskpane.js></script>');
      writeFileSync(join(dist, 'commands.html'), '<script defer src=commands.js></script>');
      writeFileSync(join(dist, 'taskpane.js'), 'a'.repeat(200_000)); // compresses to well under 1 KB
      writeFileSync(join(dist, 'commands.js'), 'x'.repeat(50_000));
      // Random bytes do not compress: the lazy chunk's figure is close to its size.
      const noise = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919 + ((i * i) % 251)) % 256));
      writeFileSync(join(dist, 'worker.chunk.js'), noise);
      const size = taskpaneJsSize(dist);
      expect(size.files).toEqual(['taskpane.js']);
      expect(size.rawBytes).toBe(200_000);
      expect(size.gzipBytes).toBeGreaterThan(0);
      expect(size.gzipBytes).toBeLessThan(1024);
      expect(size.lazyGzipBytes).toBeGreaterThan(1024);
      expect(budgetLine(size)).toMatch(/^taskpane JS gzip: 0\.\d KB \(budget 400 KB\) within budget/);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  test('says when the budget is exceeded, and fails without a built page', () => {
    const over = { files: ['a.js'], rawBytes: 2_000_000, gzipBytes: TASKPANE_BUDGET_BYTES + 1, lazyGzipBytes: 0 };
    expect(budgetLine(over)).toContain('OVER BUDGET');
    expect(() => taskpaneJsSize(join(tmpdir(), 'no-such-dist'))).toThrow(/npm run build/);
  });
});
