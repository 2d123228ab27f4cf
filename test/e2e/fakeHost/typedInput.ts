// How Excel turns a string written to range.values (or typed by a user) into a cell: the reason the
// add-in must set numberFormat '@' before writing project names.
export type Scalar = string | number | boolean;

export interface ParsedInput {
  value: Scalar;
  formula: string | null;
  /** A number format Excel picks for the input (e.g. a percentage), when the cell's is General. */
  impliedFormat?: string;
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;
const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})( (\d{1,2}):(\d{2})(:(\d{2}))?)?$/;

function excelSerial(y: number, m: number, d: number, hh: number, mm: number, ss: number): number {
  const utc = Date.UTC(y, m - 1, d, hh, mm, ss);
  return utc / 86400000 + 25569;
}

/** Parses a string as Excel parses typed input into a cell whose number format is `numberFormat`. */
export function parseTyped(input: string, numberFormat: string): ParsedInput {
  if (numberFormat === '@') return { value: input, formula: null };
  if (input.startsWith("'")) return { value: input.slice(1), formula: null };
  const trimmed = input.trim();
  if (trimmed === '') return { value: '', formula: null };
  if (trimmed.startsWith('=') && trimmed.length > 1) return { value: '#NAME?', formula: trimmed };
  if (/^[+\-@]/.test(trimmed) && trimmed.length > 1) {
    const asNumber = numberOf(trimmed);
    if (asNumber !== null) return asNumber;
    return { value: '#NAME?', formula: trimmed.startsWith('=') ? trimmed : `=${trimmed.replace(/^@/, '')}` };
  }
  const asNumber = numberOf(trimmed);
  if (asNumber !== null) return asNumber;
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true', formula: null };
  const date = DATE.exec(trimmed);
  if (date) {
    const [, y, mo, d, , hh, mi, , ss] = date;
    const serial = excelSerial(Number(y), Number(mo), Number(d), Number(hh ?? 0), Number(mi ?? 0), Number(ss ?? 0));
    if (Number.isFinite(serial)) return { value: serial, formula: null, impliedFormat: hh ? 'yyyy/m/d h:mm' : 'yyyy/m/d' };
  }
  return { value: input, formula: null };
}

function numberOf(text: string): ParsedInput | null {
  const percent = text.endsWith('%');
  const body = percent ? text.slice(0, -1) : text;
  if (!NUMBER.test(body) || !/\d/.test(body)) return null;
  const n = Number(body.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  if (percent) return { value: n / 100, formula: null, impliedFormat: '0.00%' };
  return { value: n, formula: null, impliedFormat: body.includes(',') ? '#,##0.00' : undefined };
}

/** The displayed text of a value under a number format, for the formats the add-in uses. */
export function displayText(value: Scalar, numberFormat: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (numberFormat === '@') return String(value);
  const percent = /%$/.test(numberFormat);
  const decimals = /\.(0+)/.exec(numberFormat)?.[1].length ?? 0;
  const grouping = numberFormat.includes('#,##0');
  if (numberFormat === 'General' || numberFormat === '') {
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  }
  const scaled = percent ? value * 100 : value;
  let text = scaled.toFixed(decimals);
  if (grouping) {
    const [int, frac] = text.split('.');
    text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
  }
  return percent ? `${text}%` : text;
}

export function valueType(value: Scalar): 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error' {
  if (value === '') return 'Empty';
  if (typeof value === 'number') return 'Double';
  if (typeof value === 'boolean') return 'Boolean';
  return /^#(NAME\?|VALUE!|REF!|DIV\/0!|N\/A|NUM!|NULL!)$/.test(value) ? 'Error' : 'String';
}
