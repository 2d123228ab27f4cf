// Flattens ExcelJS cell values into the engine's primitive CellValue.
import type { CellValue as ExcelCellValue } from 'exceljs';
import type { CellValue } from '../engine/types';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** A date as the officer typed it: "2018-12-31", or with the time when it has one. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/**
 * rich text → its plain text, formula → its cached result, hyperlink → its text, date → ISO text,
 * error (#DIV/0! …) → null. Never returns NaN or Infinity.
 */
export function flattenCellValue(value: ExcelCellValue | unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateText(value);
  if (!isRecord(value)) return null;
  if ('error' in value) return null;
  if (Array.isArray(value.richText)) {
    return value.richText.map((part: unknown) => (isRecord(part) && typeof part.text === 'string' ? part.text : '')).join('');
  }
  if ('formula' in value || 'sharedFormula' in value) return flattenCellValue(value.result);
  if ('hyperlink' in value || 'text' in value) return flattenCellValue(value.text);
  return null;
}
