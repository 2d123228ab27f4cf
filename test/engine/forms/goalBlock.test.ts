import { evaluateForms } from '../../../src/engine/forms/evaluateForms';
import { BUILTIN_SCHEMES } from '../../../src/engine/schemes';
import type { FormSheet } from '../../../src/engine/forms/formTypes';
import { NATIONAL_EXAMPLE, SICHUAN_EXAMPLE, nationalForm, sichuanForm, stackForms } from '../../support/forms';

const goals = (sheets: FormSheet[]) => evaluateForms(sheets, { scheme: BUILTIN_SCHEMES.mof2020 }).projects.map((p) => p.goal);

/** A national form whose goal rows are replaced by `rows` (A..I), merges given as A1 ranges. */
function withGoalRows(rows: (string | null)[][], merges: string[]): FormSheet {
  const base = stackForms('表', [nationalForm({ ...NATIONAL_EXAMPLE, goal: undefined })]);
  // Rows 1–9: title, year, name, department, funds header, total, three sources; the goal goes after them.
  const cells = [...base.cells.slice(0, 9), ...rows, ...base.cells.slice(9)];
  const shift = rows.length;
  const moved = base.merges.map((m) =>
    m.replace(/([A-Z]+)(\d+)/g, (_all, col: string, row: string) => `${col}${Number(row) > 9 ? Number(row) + shift : Number(row)}`),
  );
  return { name: '表', cells, merges: [...moved, ...merges] };
}

describe('年度总体目标 (goal: expected / achieved)', () => {
  it('reads both texts below their labels on the national and the Sichuan form, stacked', () => {
    const sheet = stackForms('表', [nationalForm(NATIONAL_EXAMPLE), sichuanForm(SICHUAN_EXAMPLE)]);
    expect(goals([sheet])).toEqual([
      { expected: '聘用协管员开展安全生产巡查', achieved: '全年完成巡查任务' },
      { expected: '开展安全生产宣传培训', achieved: '完成全年培训计划' },
    ]);
  });

  it('is null for a form without a goal row', () => {
    expect(goals([stackForms('表', [nationalForm({ ...NATIONAL_EXAMPLE, goal: undefined })])])).toEqual([null]);
  });

  it('reads texts beside their labels (预期目标 | text | 实际完成情况 | text)', () => {
    const sheet = withGoalRows([['年度总体目标', '预期目标', '巡查全区企业', null, null, '实际完成情况', '巡查 236 家次']], ['C10:E10', 'G10:I10']);
    expect(goals([sheet])).toEqual([{ expected: '巡查全区企业', achieved: '巡查 236 家次' }]);
  });

  it('takes a single text beside the goal label as the expected goal', () => {
    const sheet = withGoalRows([['年度总体目标', '完成全年巡查任务']], ['B10:I10']);
    expect(goals([sheet])).toEqual([{ expected: '完成全年巡查任务', achieved: null }]);
  });

  it('leaves blank or dash texts null, never a neighbouring label', () => {
    const sheet = withGoalRows(
      [
        ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
        [null, '—', null, null, null, null],
      ],
      ['A10:A11', 'B10:E10', 'F10:I10', 'B11:E11', 'F11:I11'],
    );
    expect(goals([sheet])).toEqual([{ expected: null, achieved: null }]);
  });
});
