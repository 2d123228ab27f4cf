import { useFakeExcel, withFakeExcel } from '../support/excelHost';
import type { FakeExcelControls } from '../e2e/fakeHost/node';
import { createExcelPort } from '../../src/excel/officePort';
import { isOwnMark, MARK_SIGNATURE, MARKS_KEY } from '../../src/excel/cellMarks';
import { RequestMeter } from '../../src/excel/requestMeter';
import { FORM_MARK_COLOURS } from '../../src/engine/forms/formMarks';
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
  const host = useFakeExcel(() => ({ sheets: [{ name: '表1', rows: [['项目名称', '甲']], userRules: [USER_RULE] }, { name: '表2', rows: [] }] }));

  const own = (sheet: string, controls: FakeExcelControls = host.controls) => controls.rules(sheet).filter((cf) => cf.formula !== USER_RULE.formula);
  const sheetIdsRecorded = (): string[] => (JSON.parse(String(host.controls.savedSettings()[MARKS_KEY])) as { sheetIds: string[] }).sheetIds;

  it('adds one rule on each marked cell, signed, with its colours, and records the sheets', async () => {
    await createExcelPort().applyCellMarks!([mark('表1', 12, 8), mark('表2', 7, 7, '=NOT(AND(ISNUMBER(G7),ABS(G7-0.8886)<=0.005))')], ['表1', '表2']);
    const [a] = own('表1');
    expect(a.address).toBe('H12');
    expect(a.formula).toBe(`=AND(LEN(TRIM(H12&""))=0,${MARK_SIGNATURE})`);
    expect(a.fill?.toUpperCase()).toBe(FORM_MARK_COLOURS.explanation.fill.toUpperCase());
    expect(a.fontColor?.toUpperCase()).toBe(FORM_MARK_COLOURS.explanation.fontColor.toUpperCase());
    expect(own('表2')[0].formula).toContain('ABS(G7-0.8886)');
    expect(sheetIdsRecorded().sort()).toEqual([host.controls.sheetId('表1'), host.controls.sheetId('表2')].sort());
  });

  it('replaces its marks on re-run, clears a sheet with none left, and never touches the user rule', async () => {
    const port = createExcelPort();
    await port.applyCellMarks!([mark('表1', 12, 8), mark('表1', 13, 8), mark('表2', 5, 8)], ['表1', '表2']);
    await port.applyCellMarks!([mark('表1', 20, 8)], ['表1', '表2']);
    expect(own('表1').map((cf) => cf.address)).toEqual(['H20']);
    expect(own('表2')).toHaveLength(0);
    expect(host.controls.rules('表1').filter((cf) => cf.formula === USER_RULE.formula)).toEqual([expect.objectContaining({ address: USER_RULE.address, fill: USER_RULE.fill })]);
    expect(sheetIdsRecorded()).toEqual([host.controls.sheetId('表1')]);
  });

  it('leaves alone a rule that looks like a mark on a sheet it never marked', async () => {
    // Copied from a marked workbook into a sheet the record does not list: not this workbook's mark.
    host.controls.addRule('表2', 'H9', `=AND(LEN(TRIM(H9&""))=0,${MARK_SIGNATURE})`, FORM_MARK_COLOURS.explanation.fill);
    await createExcelPort().clearCellMarks!(['表2']);
    expect(host.controls.rules('表2')).toHaveLength(1);
  });

  it('clears only its own marks, and a clear of a sheet without marks lists nothing', async () => {
    const meter = new RequestMeter();
    const port = createExcelPort({ meter });
    await port.clearCellMarks!(['表1']);
    expect(meter.requests.map((r) => r.label)).toEqual(['marks:sheets']);
    await port.applyCellMarks!([mark('表1', 12, 8)], ['表1']);
    await port.clearCellMarks!(['表1', '表2']);
    expect(host.controls.rules('表1')).toHaveLength(1);
    expect(host.controls.rules('表1')[0].formula).toBe(USER_RULE.formula);
  });

  it('keeps the round trips constant in the number of forms and each request under the budget', async () => {
    const countFor = (n: number, budget?: number): Promise<{ count: number; largestAdd: number }> => {
      const sheets = Array.from({ length: n }, (_, i) => `表${i + 1}`);
      return withFakeExcel({ sheets: sheets.map((name) => ({ name, rows: [] })) }, async (controls) => {
        const marks = sheets.flatMap((s) => [mark(s, 12, 8), mark(s, 14, 8)]);
        const meter = new RequestMeter();
        const port = createExcelPort({ budget, meter });
        await port.applyCellMarks!(marks, sheets);
        meter.reset();
        await port.applyCellMarks!(marks, sheets);
        expect(sheets.reduce((sum, s) => sum + controls.rules(s).length, 0)).toBe(2 * n);
        const adds = meter.requests.filter((r) => r.label === 'marks:add').map((r) => r.requestBytes);
        return { count: meter.count, largestAdd: Math.max(...adds) };
      });
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
    expect(own('表2')).toHaveLength(1);
  });

  it('tells its rules by signature and fill', () => {
    expect(isOwnMark(`=AND(A1>0, ${MARK_SIGNATURE})`, '#fff4ce')).toBe(true);
    expect(isOwnMark(`=AND(A1>0,${MARK_SIGNATURE})`, '#FFC7CE')).toBe(false);
    expect(isOwnMark('=A1>0', FORM_MARK_COLOURS.score.fill)).toBe(false);
  });
});

describe('selectRange', () => {
  it('activates the form sheet and selects the form', async () => {
    await withFakeExcel({ sheets: [{ name: '封面', rows: [] }, { name: '表2', rows: [] }] }, async (controls) => {
      await createExcelPort().selectRange!('表2', { rowStart: 10, rowEnd: 38, colStart: 1, colEnd: 8 });
      expect(controls.activeSheet()).toBe('表2');
      expect(controls.selection()).toEqual({ sheet: '表2', address: 'A10:H38' });
    });
  });
});
