// The in-memory port with several sheets, for the pane's forms layout: reads every sheet with its merged
// areas, records marks, selections of areas and the sheets read, and fires edits on any sheet.
import type { CellMark, SheetsRequest, SourceChange } from '../../src/engine/workbookPort';
import type { CellArea, Grid, SheetData } from '../../src/engine/types';
import { parseArea } from '../../src/engine/forms/formGrid';
import { FakePort } from './fakePort';
import { NATIONAL_EXAMPLE, SICHUAN_EXAMPLE, nationalForm, sichuanForm, stackForms, withChanges } from '../support/forms';

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

// 表1: a national form stating 20 for 巡查企业数 where 236 / 300 × 20 = 15.73 is due, no explanation
// (row 13: stated score H13, explanation I13). 表2: a clean national form, then a Sichuan form whose
// 人均培训成本 (780 元 against ≤ 600 元) is below full marks without explanation (row 36, K36).
export const FLAGGED = withChanges(NATIONAL_EXAMPLE, {}, { 0: { target: '≥300家次', score: 20, explanation: '' } });

/** A cover sheet and three forms on two sheets, one flagged indicator on each form sheet. */
export function flaggedFormsBook(): FakeSheet[] {
  return [
    { name: '封面', cells: [['2020年度项目支出绩效自评'], ['某区应急管理局']] },
    stackForms('表1', [nationalForm(FLAGGED)]),
    stackForms('表2', [nationalForm({ ...NATIONAL_EXAMPLE, name: '项目乙' }), sichuanForm(SICHUAN_EXAMPLE)]),
  ];
}
