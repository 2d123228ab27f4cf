import { FakeWorkbook } from '../support/fakeExcel';
import { createExcelPort } from '../../src/excel/officePort';
import { isOwnMark, MARK_SIGNATURE, MARKS_KEY } from '../../src/excel/cellMarks';
import { RequestMeter } from '../../src/excel/requestMeter';
import { FORM_MARK_COLOURS } from '../../src/engine/formMarks';
import type { CellMark } from '../../src/engine/workbookPort';

const mark = (sheet: string, row: number, col: number, formula = `=LEN(TRIM(H${row}&""))=0`): CellMark => ({
  sheet,
  row,
  col,
  formula,
  ...FORM_MARK_COLOURS.explanation,
});

// The officer's own rule on a form sheet, with the same yellow the add-in uses.
const USER_RULE = { address: 'G5:G30', formula: '=$G5<$F5', fill: FORM_MARK_COLOURS.explanation.fill };

describe('cell marks on forms', () => {
  let wb: FakeWorkbook;
  let uninstall: () => void;
  beforeEach(() => {
    wb = new FakeWorkbook();
    wb.addSheet('表1');
    wb.addSheet('表2');
    wb.seed('表1', 'A1', [['项目名称', '甲']]);
    wb.addRule('表1', USER_RULE.address, USER_RULE.formula, USER_RULE.fill);
    uninstall = wb.install();
  });
  afterEach(() => uninstall());

  const own = (sheet: string) => wb.sheet(sheet).cfs.filter((cf) => cf.formula !== USER_RULE.formula);

  it('adds one rule on each marked cell, signed, with its colours, and records the sheets', async () => {
    await createExcelPort().applyCellMarks!([mark('表1', 12, 8), mark('表2', 7, 7, '=NOT(AND(ISNUMBER(G7),ABS(G7-0.8886)<=0.005))')], ['表1', '表2']);
    const [a] = own('表1');
    expect(a.rect).toEqual({ r: 11, c: 7, rows: 1, cols: 1 });
    expect(a.formula).toBe(`=AND(LEN(TRIM(H12&""))=0,${MARK_SIGNATURE})`);
    expect(a.fill).toBe(FORM_MARK_COLOURS.explanation.fill.toUpperCase());
    expect(a.font).toBe(FORM_MARK_COLOURS.explanation.fontColor.toUpperCase());
    expect(own('表2')[0].formula).toContain('ABS(G7-0.8886)');
    const record = JSON.parse(String(wb.savedSettings.get(MARKS_KEY))) as { sheetIds: string[] };
    expect(record.sheetIds.sort()).toEqual([wb.sheet('表1').id, wb.sheet('表2').id].sort());
  });

  it('replaces its marks on re-run, clears a sheet with none left, and never touches the user rule', async () => {
    const port = createExcelPort();
    await port.applyCellMarks!([mark('表1', 12, 8), mark('表1', 13, 8), mark('表2', 5, 8)], ['表1', '表2']);
    await port.applyCellMarks!([mark('表1', 20, 8)], ['表1', '表2']);
    expect(own('表1').map((cf) => cf.rect.r)).toEqual([19]);
    expect(own('表2')).toHaveLength(0);
    expect(wb.sheet('表1').cfs[0]).toMatchObject({ formula: USER_RULE.formula, fill: USER_RULE.fill.toUpperCase() });
    const record = JSON.parse(String(wb.savedSettings.get(MARKS_KEY))) as { sheetIds: string[] };
    expect(record.sheetIds).toEqual([wb.sheet('表1').id]);
  });

  it('leaves alone a rule that looks like a mark on a sheet it never marked', async () => {
    // Copied from a marked workbook into a sheet the record does not list: not this workbook's mark.
    wb.addRule('表2', 'H9', `=AND(LEN(TRIM(H9&""))=0,${MARK_SIGNATURE})`, FORM_MARK_COLOURS.explanation.fill);
    await createExcelPort().clearCellMarks!(['表2']);
    expect(wb.sheet('表2').cfs).toHaveLength(1);
  });

  it('clears only its own marks, and a clear of a sheet without marks lists nothing', async () => {
    const meter = new RequestMeter();
    const port = createExcelPort({ meter });
    await port.clearCellMarks!(['表1']);
    expect(meter.requests.map((r) => r.label)).toEqual(['marks:sheets']);
    await port.applyCellMarks!([mark('表1', 12, 8)], ['表1']);
    await port.clearCellMarks!(['表1', '表2']);
    expect(wb.sheet('表1').cfs).toHaveLength(1);
    expect(wb.sheet('表1').cfs[0].formula).toBe(USER_RULE.formula);
  });

  it('keeps the round trips constant in the number of forms and each request under the budget', async () => {
    const countFor = async (n: number, budget?: number): Promise<{ count: number; largestAdd: number }> => {
      const book = new FakeWorkbook();
      const off = book.install();
      try {
        const sheets = Array.from({ length: n }, (_, i) => book.addSheet(`表${i + 1}`).name);
        const marks = sheets.flatMap((s) => [mark(s, 12, 8), mark(s, 14, 8)]);
        const meter = new RequestMeter();
        const port = createExcelPort({ budget, meter });
        await port.applyCellMarks!(marks, sheets);
        meter.reset();
        await port.applyCellMarks!(marks, sheets);
        expect(book.sheets.reduce((sum, s) => sum + s.cfs.length, 0)).toBe(2 * n);
        const adds = meter.requests.filter((r) => r.label === 'marks:add').map((r) => r.requestBytes);
        return { count: meter.count, largestAdd: Math.max(...adds) };
      } finally {
        off();
      }
    };
    const few = await countFor(3);
    const many = await countFor(60);
    expect(many.count).toBe(few.count);
    expect(few.count).toBe(4);
    const tight = await countFor(60, 8 * 1024);
    expect(tight.largestAdd).toBeLessThanOrEqual(8 * 1024);
    expect(tight.count).toBeGreaterThan(few.count);
  });

  it('skips a sheet that is gone instead of failing the others', async () => {
    await createExcelPort().applyCellMarks!([mark('已删除', 3, 3), mark('表2', 3, 3)], []);
    expect(wb.sheet('表2').cfs).toHaveLength(1);
  });

  it('tells its rules by signature and fill', () => {
    expect(isOwnMark(`=AND(A1>0, ${MARK_SIGNATURE})`, '#fff4ce')).toBe(true);
    expect(isOwnMark(`=AND(A1>0,${MARK_SIGNATURE})`, '#FFC7CE')).toBe(false);
    expect(isOwnMark('=A1>0', FORM_MARK_COLOURS.score.fill)).toBe(false);
  });
});

describe('selectRange', () => {
  it('activates the form sheet and selects the form', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('封面');
    wb.addSheet('表2');
    const off = wb.install();
    try {
      await createExcelPort().selectRange!('表2', { rowStart: 10, rowEnd: 38, colStart: 1, colEnd: 8 });
      expect(wb.activeSheetId).toBe(wb.sheet('表2').id);
      expect(wb.selection).toEqual({ sheetId: wb.sheet('表2').id, rect: { r: 9, c: 0, rows: 29, cols: 8 } });
    } finally {
      off();
    }
  });
});
