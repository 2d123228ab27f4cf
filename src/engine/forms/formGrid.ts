// A sheet's cells with its merged areas: a merged cell reads as its area's top-left value.
import type { FormSheet } from './formTypes';
import type { CellValue } from '../types';

export interface Area {
  /** 0-based grid rows / columns, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const A1_RANGE = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/;

/** "Sheet1!A4:A8" → 1-based sheet area; null when it is not an A1 range. */
export function parseArea(address: string): { top: number; left: number; bottom: number; right: number } | null {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const m = A1_RANGE.exec(local.trim());
  if (!m) return null;
  const top = Number(m[2]);
  const left = colNumber(m[1]);
  const bottom = m[4] ? Number(m[4]) : top;
  const right = m[3] ? colNumber(m[3]) : left;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

export class FormGrid {
  readonly name: string;
  readonly origin: { row: number; col: number };
  readonly rows: number;
  readonly cols: number;
  private readonly cells: CellValue[][];
  /** "r,c" of a covered (not top-left) cell → its area. */
  private readonly covered = new Map<string, Area>();

  constructor(sheet: FormSheet) {
    this.name = sheet.name;
    this.cells = sheet.cells;
    this.origin = sheet.origin ?? { row: 1, col: 1 };
    this.rows = sheet.cells.length;
    this.cols = sheet.cells.reduce((m, r) => Math.max(m, r?.length ?? 0), 0);
    for (const entry of sheet.merges ?? []) {
      for (const part of entry.split(',')) {
        const a = parseArea(part);
        if (!a) continue;
        const area: Area = {
          top: a.top - this.origin.row,
          left: a.left - this.origin.col,
          bottom: a.bottom - this.origin.row,
          right: a.right - this.origin.col,
        };
        // Areas are small (labels, group cells); a sheet-wide merge would be a mistake worth ignoring.
        if ((area.bottom - area.top + 1) * (area.right - area.left + 1) > 10_000) continue;
        for (let r = Math.max(area.top, 0); r <= area.bottom; r++) {
          for (let c = Math.max(area.left, 0); c <= area.right; c++) {
            if (r !== area.top || c !== area.left) this.covered.set(`${r},${c}`, area);
          }
        }
      }
    }
  }

  /** The cell as written (a covered cell of a merged area is empty). */
  raw(r: number, c: number): CellValue {
    return this.cells[r]?.[c] ?? null;
  }

  /** The area covering (r, c) when it is not its top-left cell. */
  areaOf(r: number, c: number): Area | undefined {
    return this.covered.get(`${r},${c}`);
  }

  /** The value shown at (r, c): a merged area's value in each of its cells. */
  value(r: number, c: number): CellValue {
    const area = this.covered.get(`${r},${c}`);
    return area ? this.raw(area.top, area.left) : this.raw(r, c);
  }

  /** The shown value as trimmed text ('' when blank). */
  text(r: number, c: number): string {
    const v = this.value(r, c);
    if (v === null || v === undefined) return '';
    return String(v).trim();
  }

  /** The 1-based sheet row of grid row r. */
  sheetRow(r: number): number {
    return this.origin.row + r;
  }

  sheetCol(c: number): number {
    return this.origin.col + c;
  }

  /** The first non-blank cell right of (r, c) that is not part of the same merged area. */
  rightOf(r: number, c: number): { col: number; value: CellValue } | null {
    const own = this.covered.get(`${r},${c}`) ?? { top: r, left: c, bottom: r, right: c };
    for (let k = c + 1; k < this.cols; k++) {
      const area = this.covered.get(`${r},${k}`);
      if (area && area.top === own.top && area.left === own.left) continue;
      if (area) continue; // covered cells repeat a value already seen at the area's top-left
      const v = this.raw(r, k);
      if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) return { col: k, value: v };
    }
    return null;
  }
}
