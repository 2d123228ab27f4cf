// Reads a workbook's values with SheetJS (the @e965/xlsx republish of SheetJS CE 0.20.3; why: README,
// "Reading workbooks"): .xlsx/.xlsm from any producer, .xls and .ods. Only after container.ts passed the
// file. Cells are read sparse: time and memory follow the cells holding data, never a sheet's declared
// dimension, its merged ranges or its data validations.
import * as XLSX from '@e965/xlsx';
import type { CellValue, SheetData } from '../engine/types';
import type { PackageKind } from './container';
import { XlsxError } from './errors';
import { SUMMARY_MARKER_NAME, SUMMARY_MARKER_VALUE } from '../engine/summary/summaryOwnership';
import { gridOf, SparseSheet } from './sheetGrid';

/** Excel's last row; a row index beyond it comes from a crafted file and is read sparsely. */
const EXCEL_ROWS = 1_048_576;

const READ_OPTIONS: XLSX.ParsingOptions = {
  type: 'buffer',
  dense: true,
  cellDates: true,
  UTC: true,
  cellFormula: false,
  cellHTML: false,
  cellText: false,
  cellStyles: false,
  cellNF: false,
  sheetStubs: false,
  bookVBA: false,
  bookDeps: false,
  bookFiles: false,
  WTF: false,
};

/** A date as the officer typed it: "2018-12-31", or with the time when it has one. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** A SheetJS cell as the engine's value: an error (#DIV/0! …) and NaN are no value. */
export function cellValue(cell: XLSX.CellObject | undefined): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' && Number.isFinite(cell.v) ? cell.v : null;
    case 's':
      return typeof cell.v === 'string' ? cell.v : cell.v == null ? null : String(cell.v);
    case 'b':
      return Boolean(cell.v);
    case 'd':
      return cell.v instanceof Date ? dateText(cell.v) : typeof cell.v === 'string' ? cell.v : null;
    default:
      return null;
  }
}

type DenseRows = XLSX.CellObject[][];

/** Row indexes present in the dense array, ascending, without walking a crafted length cell by cell. */
function rowIndexes(data: DenseRows): number[] {
  if (data.length <= EXCEL_ROWS) {
    const present: number[] = [];
    data.forEach((_row, r) => present.push(r));
    return present;
  }
  return Object.keys(data)
    .map(Number)
    .filter((r) => Number.isInteger(r) && r >= 0)
    .sort((a, b) => a - b);
}

/**
 * Takes the values out of the cells a merged range covers, so the range holds its value only in its
 * top-left cell, as Excel hands it over. Visits at most `budget` positions: ranges of a valid sheet do
 * not overlap, so only a crafted file with overlapping ranges runs out, and its remaining ranges are left as read.
 */
function clearMergedCells(data: DenseRows, merges: XLSX.Range[], budget: number): void {
  let left = budget;
  for (const m of merges) {
    const lastRow = Math.min(m.e.r, data.length - 1);
    for (let r = m.s.r; r <= lastRow; r++) {
      if (--left < 0) return;
      const row = data[r];
      if (!row) continue;
      const lastCol = Math.min(m.e.c, row.length - 1);
      for (let c = m.s.c; c <= lastCol; c++) {
        if (--left < 0) return;
        if ((r !== m.s.r || c !== m.s.c) && row[c]) delete row[c];
      }
    }
  }
}

function sheetData(name: string, sheet: XLSX.WorkSheet): SheetData {
  const data = ((sheet as XLSX.DenseWorkSheet)['!data'] ?? []) as DenseRows;
  const merges = sheet['!merges'] ?? [];
  const rows = rowIndexes(data);
  if (merges.length > 0) {
    let present = 0;
    for (const r of rows) present += data[r]?.length ?? 0;
    clearMergedCells(data, merges, present + merges.length);
  }
  const sparse = new SparseSheet();
  for (const r of rows) {
    const row = data[r];
    if (!row) continue;
    const cells: CellValue[] = [];
    row.forEach((cell, c) => {
      cells[c + 1] = cellValue(cell);
    });
    sparse.add(r + 1, cells);
  }
  return gridOf(name, sparse);
}

/** The values of a workbook's sheets, in workbook order; each sheet is checked when it is read. */
export class WorkbookValues {
  private constructor(
    readonly kind: PackageKind,
    private readonly book: XLSX.WorkBook,
  ) {}

  /** Every sheet's name, whatever its length (LibreOffice writes names over Excel's 31 characters). */
  get sheetNames(): string[] {
    return this.book.SheetNames.filter((n) => this.book.Sheets[n] !== undefined);
  }

  /**
   * Sheets carrying the add-in's summary marker (a sheet-scoped name, engine/summary/summaryOwnership.ts): its
   * own summaries in an evaluated copy. A sheet named like a summary without the marker is the user's.
   */
  ownSummaries(): string[] {
    const names = this.book.Workbook?.Names ?? [];
    const sheets = this.book.SheetNames;
    return names
      .filter((n) => n.Name === SUMMARY_MARKER_NAME && typeof n.Sheet === 'number' && n.Ref === `"${SUMMARY_MARKER_VALUE}"`)
      .map((n) => sheets[n.Sheet as number])
      .filter((name): name is string => name !== undefined);
  }

  has(name: string): boolean {
    return this.book.Sheets[name] !== undefined;
  }

  /** The sheet's block of cells holding data; XlsxError sheet_too_large above MAX_SHEET_CELLS. */
  read(name: string): SheetData {
    const sheet = this.book.Sheets[name];
    if (!sheet) throw new XlsxError('unknown_sheet', { sheet: name, sheets: this.sheetNames });
    return sheetData(name, sheet);
  }

  /** The sheet's merged areas as A1 ranges ("A3:B3"), for the forms engine. */
  merges(name: string): string[] {
    return (this.book.Sheets[name]?.['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m));
  }

  /** Parses bytes that passed container.ts's checks. */
  static read(bytes: Buffer, kind: PackageKind, path = ''): WorkbookValues {
    let book: XLSX.WorkBook;
    try {
      book = XLSX.read(bytes, READ_OPTIONS);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (/password|encrypt/i.test(reason)) throw new XlsxError('encrypted', { path });
      if (/unsupported zip file/i.test(reason)) throw new XlsxError('not_workbook', { path });
      throw new XlsxError('broken_workbook', { path, reason });
    }
    const values = new WorkbookValues(kind, book);
    if (values.sheetNames.length === 0) throw new XlsxError('not_workbook', { path });
    return values;
  }
}
