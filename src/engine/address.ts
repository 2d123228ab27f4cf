// A1-style addresses, shared by both hosts and the pane.

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function colLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1 || col > 16384) throw new RangeError(`column out of range: ${col}`);
  let n = col;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

// A1 addresses as the workbook ports report them ("Sheet1!C5:D7", "C5", "C:C", "5:5"), parsed to 1-based
// inclusive bounds.
export interface CellRect {
  rowStart: number;
  rowEnd: number;
  colStart: number;
  colEnd: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface Corner {
  row: number | null;
  col: number | null;
}

function parseCorner(text: string): Corner | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text);
  if (!m || (m[1] === '' && m[2] === '')) return null;
  return { col: m[1] ? columnNumber(m[1]) : null, row: m[2] ? Number(m[2]) : null };
}

/** Parses an address; null when it is not a single rectangle. */
export function parseAddress(address: string): CellRect | null {
  const bang = address.lastIndexOf('!');
  const local = (bang >= 0 ? address.slice(bang + 1) : address).trim();
  if (local === '' || local.includes(',')) return null;
  const [first, second = first] = local.split(':');
  const a = parseCorner(first);
  const b = parseCorner(second);
  if (!a || !b) return null;
  const rect: CellRect = {
    rowStart: a.row ?? 1,
    rowEnd: b.row ?? MAX_ROWS,
    colStart: a.col ?? 1,
    colEnd: b.col ?? MAX_COLS,
  };
  if (rect.rowStart > rect.rowEnd || rect.colStart > rect.colEnd) return null;
  return rect;
}

/** "B2:H20" for a rectangle (a single cell still as "B2:B2", which parseAddress reads back). */
export function formatAddress(rect: CellRect): string {
  return `${colLetter(rect.colStart)}${rect.rowStart}:${colLetter(rect.colEnd)}${rect.rowEnd}`;
}
