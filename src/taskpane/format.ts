// Number, rate and column-letter formatting for the pane (locale-aware, never NaN/Infinity on screen).
import type { SheetData } from '../engine/types';
import type { SourceRange } from './refreshController';

export function formatAmount(value: number | null, locale: string, empty: string): string {
  if (value === null || !Number.isFinite(value)) return empty;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

export function formatRate(value: number | null, locale: string, empty: string): string {
  if (value === null || !Number.isFinite(value)) return empty;
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

export function formatScore(value: number | null, locale: string, empty: string): string {
  if (value === null || !Number.isFinite(value)) return empty;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
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
