// Gzipped size of the JavaScript the task pane page loads: the local <script src> of
// dist/taskpane.html (office.js comes from Microsoft's CDN and is not ours to budget).
'use strict';
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');

const TASKPANE_BUDGET_BYTES = 400 * 1024;

function localScripts(html) {
  const out = [];
  // Minified pages drop the quotes around attribute values.
  for (const m of html.matchAll(/<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const src = m[1] ?? m[2] ?? m[3];
    const file = src.replace(/^\.?\//, '').split(/[?#]/)[0];
    // office.js is Office's, from the CDN or (OFFICE_JS=local) from office-js/: not the pane's budget.
    if (!/^(https?:)?\/\//i.test(src) && !file.startsWith('office-js/')) out.push(file);
  }
  return out;
}

function gzipBytesOf(file) {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** Pages other than the pane whose scripts are not the pane's. */
const OTHER_PAGES = ['commands.html', 'commands-result.html'];

/**
 * { files, rawBytes, gzipBytes } for the scripts taskpane.html loads at start, and lazyGzipBytes for
 * the other chunks it may load later (the engine worker for large sheets).
 */
function taskpaneJsSize(distDir) {
  const page = join(distDir, 'taskpane.html');
  if (!existsSync(page)) throw new Error(`${page} does not exist; run npm run build`);
  const files = localScripts(readFileSync(page, 'utf8'));
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    rawBytes += readFileSync(join(distDir, file)).length;
    gzipBytes += gzipBytesOf(join(distDir, file));
  }
  const others = new Set(files);
  for (const other of OTHER_PAGES) {
    if (existsSync(join(distDir, other))) localScripts(readFileSync(join(distDir, other), 'utf8')).forEach((f) => others.add(f));
  }
  let lazyGzipBytes = 0;
  for (const file of readdirSync(distDir)) {
    if (file.endsWith('.js') && !others.has(file)) lazyGzipBytes += gzipBytesOf(join(distDir, file));
  }
  return { files, rawBytes, gzipBytes, lazyGzipBytes };
}

function formatKb(bytes) {
  return (bytes / 1024).toFixed(1);
}

function budgetLine(size) {
  const verdict = size.gzipBytes <= TASKPANE_BUDGET_BYTES ? 'within budget' : 'OVER BUDGET';
  const lazy = size.lazyGzipBytes > 0 ? `; lazy chunks ${formatKb(size.lazyGzipBytes)} KB gzip, not counted` : '';
  return `taskpane JS gzip: ${formatKb(size.gzipBytes)} KB (budget ${TASKPANE_BUDGET_BYTES / 1024} KB) ${verdict} [${formatKb(size.rawBytes)} KB raw, ${size.files.length} file(s)${lazy}]`;
}

module.exports = { TASKPANE_BUDGET_BYTES, localScripts, taskpaneJsSize, budgetLine };
