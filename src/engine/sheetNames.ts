// Names the add-in gives to the summary sheet and its table, the same on both hosts. Excel sheet names
// are at most 31 characters, hold none of : \ / ? * [ ], and are unique without regard to case.
const INVALID_SHEET_CHARS = /[:\\/?*[\]]/g;
export const MAX_SHEET_NAME = 31;

/** The name with Excel's refused characters replaced and surrounding quotes and spaces removed. */
export function cleanSheetName(name: string): string {
  return name.replace(INVALID_SHEET_CHARS, '_').replace(/^'+|'+$/g, '').trim();
}

/** A valid sheet name for the preferred one, numbered "name (2)" when it is taken (case-insensitive). */
export function freeSheetName(preferred: string, taken: readonly string[]): string {
  const base = (cleanSheetName(preferred) || 'Summary').slice(0, MAX_SHEET_NAME);
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** A table name not yet used in the workbook (table names are workbook-wide and case-insensitive). */
export function freeTableName(taken: readonly string[], base = 'PerfSummary'): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!lower.has(`${base}${n}`.toLowerCase())) return `${base}${n}`;
}
