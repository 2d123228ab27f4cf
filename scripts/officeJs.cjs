// Where the built pages load office.js from. Default: Microsoft's CDN (the supported source, always
// current). OFFICE_JS=local: the copy in @microsoft/office-js, served beside the pages under
// office-js/, for government intranets that cannot reach the CDN.
'use strict';
const path = require('node:path');

const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const LOCAL_DIR = 'office-js';
const LOCAL_SRC = `${LOCAL_DIR}/office.js`;

/** @returns {{ mode: 'cdn' | 'local', src: string }} */
function officeJsSource(env) {
  const raw = String(env.OFFICE_JS ?? 'cdn').trim().toLowerCase();
  if (raw === '' || raw === 'cdn') return { mode: 'cdn', src: OFFICE_JS_CDN };
  if (raw === 'local') return { mode: 'local', src: LOCAL_SRC };
  throw new Error(`OFFICE_JS must be "cdn" or "local", not "${env.OFFICE_JS}"`);
}

/** Points every page's office.js script at `src`; a page without the CDN script is an error. */
function rewriteOfficeJs(html, src) {
  const tag = /(<script\b[^>]*\bsrc\s*=\s*["']?)https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js(["']?)/gi;
  if (!tag.test(html)) throw new Error('page has no office.js script from the CDN to rewrite');
  return html.replace(tag, (_m, before, after) => `${before}${src}${after}`);
}

/** The folder of the npm package's files (office.js loads its host- and locale-specific files beside it). */
function officeJsPackageDir() {
  return path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
}

module.exports = { OFFICE_JS_CDN, LOCAL_DIR, LOCAL_SRC, officeJsSource, rewriteOfficeJs, officeJsPackageDir };
