// A workbook of self-evaluation forms for the fake host: a cover sheet, a national form on 表1 (one
// indicator stating 20 where 236 / 300 × 20 = 15.73 is due, without explanation: H13 and I13), and on
// 表2 a clean national form stacked over a Sichuan form (人均培训成本 below full marks without
// explanation: K36). Built with the test fixtures of the forms engine, merged cells included.
import type { FakeSeed, SeedSheet } from '../fakeHost/seedTypes';
import { NATIONAL_EXAMPLE, SICHUAN_EXAMPLE, nationalForm, sichuanForm, stackForms, withChanges } from '../../support/forms';

export const FLAGGED_NATIONAL = withChanges(NATIONAL_EXAMPLE, {}, { 0: { target: '≥300家次', score: 20, explanation: '' } });

function seedSheet(sheet: { name: string; cells: (string | number | null)[][]; merges: readonly string[] }): SeedSheet {
  return { name: sheet.name, rows: sheet.cells.map((row) => row.map((c) => c ?? '')), merges: [...sheet.merges] };
}

export function formsSeed(extra: Partial<FakeSeed> = {}): FakeSeed {
  return {
    sheets: [
      { name: '封面', rows: [['2020年度项目支出绩效自评'], ['某区应急管理局']] },
      seedSheet(stackForms('表1', [nationalForm(FLAGGED_NATIONAL)])),
      seedSheet(stackForms('表2', [nationalForm({ ...NATIONAL_EXAMPLE, name: '项目乙' }), sichuanForm(SICHUAN_EXAMPLE)])),
    ],
    activeSheet: '封面',
    selection: 'A1',
    displayLanguage: 'zh-CN',
    ...extra,
  };
}
