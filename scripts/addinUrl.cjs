// Where the add-in is hosted, and how the repo manifest is rewritten for that place.
// CommonJS so that webpack.config.js (plain Node) and the TypeScript checker/tests share one copy.
'use strict';
const { existsSync, readFileSync } = require('node:fs');

/** The origin every URL in the repo manifest uses; the dev server listens here. */
const PLACEHOLDER_ORIGIN = 'https://localhost:3000';

/**
 * Validates a hosting URL ("https://host[:port][/path]") and returns it without a trailing slash.
 * Office loads add-ins only over https, and a query or fragment would break the appended paths.
 */
function normalizeAddinUrl(raw) {
  let url;
  try {
    url = new URL(String(raw).trim());
  } catch {
    throw new Error(`Add-in URL "${raw}" is not a URL (expected e.g. https://finance.example.gov.cn/addin)`);
  }
  if (url.protocol !== 'https:') throw new Error(`Add-in URL "${raw}" must use https (Office refuses http add-ins)`);
  if (url.search || url.hash) throw new Error(`Add-in URL "${raw}" must not carry a query or fragment`);
  if (url.username || url.password) throw new Error(`Add-in URL "${raw}" must not carry credentials`);
  return (url.origin + url.pathname).replace(/\/+$/, '');
}

/**
 * The hosting URL for a build: ADDIN_URL wins, then addin.config.json's "url", else the placeholder.
 * Returns where the value came from so the build can say it.
 */
function resolveAddinUrl(env, configPath) {
  const fromEnv = env.ADDIN_URL;
  if (fromEnv && fromEnv.trim() !== '') return { url: normalizeAddinUrl(fromEnv), source: 'ADDIN_URL' };
  if (configPath && existsSync(configPath)) {
    const parsed = JSON.parse(readFileSync(configPath, 'utf8'));
    if (!parsed || typeof parsed.url !== 'string') throw new Error(`${configPath} needs a string "url" field`);
    return { url: normalizeAddinUrl(parsed.url), source: configPath };
  }
  return { url: PLACEHOLDER_ORIGIN, source: 'placeholder' };
}

function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Rewrites the repo manifest for a hosting URL: AppDomain entries get the bare origin (a domain,
 * not a path), every other placeholder URL gets the full base so paths below it keep working.
 */
function rewriteManifest(xml, addinUrl) {
  const base = normalizeAddinUrl(addinUrl);
  const origin = new URL(base).origin;
  return xml
    .split(`<AppDomain>${PLACEHOLDER_ORIGIN}</AppDomain>`)
    .join(`<AppDomain>${escapeXml(origin)}</AppDomain>`)
    .split(PLACEHOLDER_ORIGIN)
    .join(escapeXml(base));
}

module.exports = { PLACEHOLDER_ORIGIN, normalizeAddinUrl, resolveAddinUrl, rewriteManifest };
