// A1-style addresses for the fake Excel host: parsing "Sheet1!$A$1:C5", "A:C", "3:5" and formatting back.
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function columnLetters(col0: number): string {
  let n = col0 + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Splits "'My sheet'!A1:B2" into sheet and local address. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** Parses a local address; null when it is not one. */
export function parseLocal(local: string): Rect | null {
  const parts = local.trim().split(':');
  if (parts.length < 1 || parts.length > 2) return null;
  const [a, b = parts[0]] = parts;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const r0 = Number(ca[2]) - 1;
    const r1 = Number(cb[2]) - 1;
    const c0 = columnIndex(ca[1]);
    const c1 = columnIndex(cb[1]);
    return normalise({ r0, c0, r1, c1 });
  }
  const cola = COL.exec(a);
  const colb = COL.exec(b);
  if (parts.length === 2 && cola && colb) {
    return normalise({ r0: 0, r1: MAX_ROWS - 1, c0: columnIndex(cola[1]), c1: columnIndex(colb[1]) });
  }
  const rowa = ROW.exec(a);
  const rowb = ROW.exec(b);
  if (parts.length === 2 && rowa && rowb) {
    return normalise({ r0: Number(rowa[1]) - 1, r1: Number(rowb[1]) - 1, c0: 0, c1: MAX_COLS - 1 });
  }
  return null;
}

function normalise(r: Rect): Rect | null {
  const rect = { r0: Math.min(r.r0, r.r1), r1: Math.max(r.r0, r.r1), c0: Math.min(r.c0, r.c1), c1: Math.max(r.c0, r.c1) };
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS) return null;
  return rect;
}

export function formatLocal(rect: Rect): string {
  const wholeCols = rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
  const wholeRows = rect.c0 === 0 && rect.c1 === MAX_COLS - 1;
  if (wholeCols && !wholeRows) return `${columnLetters(rect.c0)}:${columnLetters(rect.c1)}`;
  if (wholeRows) return `${rect.r0 + 1}:${rect.r1 + 1}`;
  const a = `${columnLetters(rect.c0)}${rect.r0 + 1}`;
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return a;
  return `${a}:${columnLetters(rect.c1)}${rect.r1 + 1}`;
}

/** Excel quotes a sheet name in an address when it is not a plain identifier. */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function formatAddress(sheet: string, rect: Rect): string {
  return `${quoteSheet(sheet)}!${formatLocal(rect)}`;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
  return r.r0 <= r.r1 && r.c0 <= r.c1 ? r : null;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1;
}

export function rows(rect: Rect): number {
  return rect.r1 - rect.r0 + 1;
}

export function cols(rect: Rect): number {
  return rect.c1 - rect.c0 + 1;
}
