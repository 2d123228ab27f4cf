// Number, rate and column-letter formatting for the pane (locale-aware, never NaN/Infinity on screen).
import type { SheetData } from '../engine/types';
import type { SourceRange } from './stores/refreshController';

const NUMBER_STYLES = {
  amount: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  rate: { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 },
  score: { maximumFractionDigits: 1 },
} satisfies Record<string, Intl.NumberFormatOptions>;

// Making an Intl.NumberFormat costs some 25 times what formatting with one does, and the project
// list formats two numbers for each of up to 200 projects on every render.
const formatters = new Map<string, Intl.NumberFormat>();

function formatNumber(style: keyof typeof NUMBER_STYLES, value: number | null, locale: string, empty: string): string {
  if (value === null || !Number.isFinite(value)) return empty;
  const key = `${style}|${locale}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, NUMBER_STYLES[style]);
    formatters.set(key, formatter);
  }
  return formatter.format(value);
}

export function formatAmount(value: number | null, locale: string, empty: string): string {
  return formatNumber('amount', value, locale, empty);
}

export function formatRate(value: number | null, locale: string, empty: string): string {
  return formatNumber('rate', value, locale, empty);
}

export function formatScore(value: number | null, locale: string, empty: string): string {
  return formatNumber('score', value, locale, empty);
}

export function formatTime(time: Date, locale: string): string {
  return time.toLocaleString(locale, { dateStyle: 'short', timeStyle: 'medium' });
}

/** The block a read returned, in sheet coordinates: what auto-refresh watches. */
export function rangeOf(sheet: SheetData): SourceRange {
  let width = 0;
  for (const row of sheet.grid) if (row.length > width) width = row.length;
  return {
    sheet: sheet.name,
    rowStart: sheet.origin.row,
    rowEnd: sheet.origin.row + Math.max(sheet.grid.length, 1) - 1,
    colStart: sheet.origin.col,
    colEnd: sheet.origin.col + Math.max(width, 1) - 1,
  };
}
