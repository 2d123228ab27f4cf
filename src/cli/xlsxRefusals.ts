// The values that fill a workbook refusal's message (messages.ts): sizes in MB, counts grouped.
import type { Lang } from '../engine/types';
import type { XlsxError } from '../xlsx/errors';
import { cliText } from './messages';

function bytesText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1024 ? `${(mb / 1024).toFixed(mb % 1024 === 0 ? 0 : 1)} GB` : `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}

const BYTE_CODES = new Set(['file_too_large', 'inflated_too_large']);

export function xlsxRefusalValues(err: XlsxError, lang: Lang, path: string): Record<string, string> {
  const d = err.details;
  const amount = (n: number | undefined): string => (n === undefined ? '' : BYTE_CODES.has(err.code) ? bytesText(n) : n.toLocaleString('en-US'));
  const entry = d.entry === undefined ? '' : cliText('part', lang, { entry: d.entry });
  return {
    path,
    reason: d.reason ?? '',
    sheet: d.sheet ?? '',
    entry: entry || cliText('allParts', lang),
    limit: amount(d.limit),
    found: amount(d.found),
    range: d.range ?? '',
    far: d.far ?? '',
  };
}
