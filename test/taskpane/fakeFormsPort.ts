// The in-memory port with several sheets, for the pane's forms layout: reads every sheet with its merged
// areas, records marks, selections of areas and the sheets read, and fires edits on any sheet.
import type { CellMark, SheetsRequest, SourceChange } from '../../src/engine/workbookPort';
import type { CellArea, Grid, SheetData } from '../../src/engine/types';
import { parseArea } from '../../src/engine/forms/formGrid';
import { FakePort } from './fakePort';

export interface FakeSheet {
  name: string;
  cells: (string | number | null)[][];
  merges?: readonly string[];
}

export class FakeFormsPort extends FakePort {
  book: FakeSheet[];
  marks: { marks: CellMark[]; sheets: string[] }[] = [];
  clearedMarks: string[][] = [];
  ranges: { sheet: string; area: CellArea }[] = [];
  sheetReads: SheetsRequest[] = [];

  /** `active` is the sheet the pane opens on (Excel: the active sheet). */
  constructor(book: FakeSheet[], active = book[0].name) {
    super([]);
    this.book = book;
    this.sheetName = active;
    this.syncGrids();
  }

  /** FakePort reads `grid` for the active sheet and `otherSheets` for the rest. */
  private syncGrids(): void {
    const gridOf = (s: FakeSheet): Grid => s.cells.map((row) => [...row]);
    const active = this.book.find((s) => s.name === this.sheetName);
    this.grid = active ? gridOf(active) : [];
    this.otherSheets = Object.fromEntries(this.book.filter((s) => s.name !== this.sheetName).map((s) => [s.name, gridOf(s)]));
  }

  async readSheets(request: SheetsRequest = {}): Promise<SheetData[]> {
    this.enter('readSheets');
    this.sheetReads.push(request);
    const excluded = new Set((request.exclude ?? []).map((n) => n.toLowerCase()));
    return this.book
      .filter((s) => !excluded.has(s.name.toLowerCase()))
      .map((s) => ({
        name: s.name,
        origin: { row: 1, col: 1 },
        grid: s.cells.map((row) => [...row]),
        source: { sheet: s.name, kind: 'sheet' as const },
        merges: (s.merges ?? []).map((a) => {
          const area = parseArea(a);
          if (!area) throw new Error(`bad merge ${a}`);
          return { rowStart: area.top, rowEnd: area.bottom, colStart: area.left, colEnd: area.right };
        }),
      }));
  }

  async applyCellMarks(marks: CellMark[], sheets: string[]): Promise<void> {
    this.enter('applyCellMarks');
    this.marks.push({ marks, sheets });
  }

  async clearCellMarks(sheets: string[]): Promise<void> {
    this.enter('clearCellMarks');
    this.clearedMarks.push(sheets);
  }

  async selectRange(sheet: string, area: CellArea): Promise<void> {
    this.enter('selectRange');
    this.ranges.push({ sheet, area });
  }

  /** An edit on any sheet (1-based): the cell changes and the change event fires. */
  editCell(sheet: string, row: number, col: number, value: string | number): void {
    const target = this.book.find((s) => s.name === sheet);
    if (!target) throw new Error(`no sheet ${sheet}`);
    while (target.cells.length < row) target.cells.push([]);
    const line = target.cells[row - 1];
    while (line.length < col) line.push(null);
    line[col - 1] = value;
    this.syncGrids();
    const change: SourceChange = { sheet, rowStart: row, rowEnd: row, colStart: col, colEnd: col, own: false };
    for (const listener of this.listeners) listener(change);
  }
}
