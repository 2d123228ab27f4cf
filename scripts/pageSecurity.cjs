// The Content-Security-Policy every built page carries, and the check the build runs on each page.
// Scripts come from the add-in's own origin and Office's CDN only (OFFICE_JS=local: own origin only);
// no inline script, no eval, no inline event handler; fetch/XHR to the own origin only (office.js
// talks to Excel through postMessage, which CSP does not govern; Office's optional telemetry upload
// is not needed and stays blocked). Styles may be inline: Fluent UI (Griffel) inserts <style> elements
// and office.js sets inline styles. A <meta> CSP cannot set frame-ancestors; Office frames the pages.
'use strict';

const OFFICE_CDN_ORIGIN = 'https://appsforoffice.microsoft.com';

/** @param {'cdn' | 'local'} mode where office.js is loaded from */
function contentSecurityPolicy(mode) {
  const scripts = mode === 'local' ? "'self'" : `'self' ${OFFICE_CDN_ORIGIN}`;
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

function cspMeta(policy) {
  return `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
}

/** Puts the policy first in <head>, right after <meta charset> (before any script it governs). */
function addContentSecurityPolicy(html, policy) {
  const charset = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(html);
  if (charset) return html.slice(0, charset.index + charset[0].length) + cspMeta(policy) + html.slice(charset.index + charset[0].length);
  const head = /<head[^>]*>/i.exec(html);
  if (!head) throw new Error('page has no <head> to put the Content-Security-Policy in');
  return html.slice(0, head.index + head[0].length) + cspMeta(policy) + html.slice(head.index + head[0].length);
}

function attribute(tag, name) {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[2] ?? m[3] ?? m[4]) : null;
}

/** What is wrong with a built page against `policy`: an empty list when nothing. */
function pageProblems(html, policy) {
  const problems = [];
  const metas = [...html.matchAll(/<meta\b[^>]*>/gi)].filter((m) => /http-equiv\s*=\s*["']?content-security-policy/i.test(m[0]));
  if (metas.length !== 1) problems.push(`${metas.length} Content-Security-Policy <meta> (want 1)`);
  else if (attribute(metas[0][0], 'content') !== policy) problems.push(`Content-Security-Policy is "${attribute(metas[0][0], 'content')}"`);
  const scriptSources = /script-src ([^;]*)/.exec(policy)[1].split(' ');
  const firstScript = html.search(/<script\b/i);
  if (metas.length > 0 && firstScript >= 0 && firstScript < metas[0].index) problems.push('a script comes before the Content-Security-Policy');
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const src = attribute(`<script ${m[1]}>`, 'src');
    if (src === null) problems.push('inline <script> without src');
    if (m[2].trim() !== '') problems.push(`inline script body: ${m[2].trim().slice(0, 60)}`);
    if (src !== null && /^[a-z][a-z0-9+.-]*:/i.test(src)) {
      const origin = /^https:\/\/[^/]+/i.exec(src);
      if (!origin || !scriptSources.includes(origin[0])) problems.push(`script from ${src} is not allowed by script-src`);
    }
  }
  for (const m of html.matchAll(/<[a-z][^>]*\s(on[a-z]+)\s*=/gi)) problems.push(`inline event handler ${m[1]}`);
  if (/\bjavascript:/i.test(html)) problems.push('javascript: URL');
  return problems;
}

module.exports = { OFFICE_CDN_ORIGIN, contentSecurityPolicy, addContentSecurityPolicy, pageProblems };
