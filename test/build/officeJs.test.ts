import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OFFICE_JS_CDN, LOCAL_SRC, officeJsPackageDir, officeJsSource, rewriteOfficeJs } from '../../scripts/officeJs.cjs';

describe('where the built pages load office.js from', () => {
  test('the CDN by default and for OFFICE_JS=cdn; the local copy for OFFICE_JS=local; anything else refused', () => {
    expect(officeJsSource({})).toEqual({ mode: 'cdn', src: OFFICE_JS_CDN });
    expect(officeJsSource({ OFFICE_JS: ' CDN ' }).mode).toBe('cdn');
    expect(officeJsSource({ OFFICE_JS: 'local' })).toEqual({ mode: 'local', src: LOCAL_SRC });
    expect(() => officeJsSource({ OFFICE_JS: 'intranet' })).toThrow(/OFFICE_JS must be "cdn" or "local"/);
  });

  test('rewrites the CDN script of a page, quoted or minified, and leaves the other scripts alone', () => {
    const page = `<head><script src="${OFFICE_JS_CDN}"></script><script defer src="taskpane.js"></script></head>`;
    expect(rewriteOfficeJs(page, LOCAL_SRC)).toBe(`<head><script src="${LOCAL_SRC}"></script><script defer src="taskpane.js"></script></head>`);
    expect(rewriteOfficeJs(`<script src=${OFFICE_JS_CDN}></script>`, LOCAL_SRC)).toBe(`<script src=${LOCAL_SRC}></script>`);
    expect(() => rewriteOfficeJs('<script src="taskpane.js"></script>', LOCAL_SRC)).toThrow(/no office.js script/);
  });

  test('every page template loads office.js from the CDN, so the local build can rewrite each', () => {
    for (const page of ['src/taskpane/taskpane.html', 'src/commands/commands.html', 'src/commands/commands-result.html']) {
      const html = readFileSync(join(__dirname, '..', '..', page), 'utf8');
      expect(rewriteOfficeJs(html, LOCAL_SRC)).toContain(`src="${LOCAL_SRC}"`);
    }
  });

  test('the local build copies a package that holds office.js and the Excel host files it loads', () => {
    const dir = officeJsPackageDir();
    for (const f of ['office.js', 'excel-web-16.00.js', 'excel-win32-16.01.js']) expect(existsSync(join(dir, f))).toBe(true);
  });
});
