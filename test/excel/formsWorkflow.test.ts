import { withFakeExcel } from '../support/excelHost';
import type { FakeSeed, SeedSheet } from '../e2e/fakeHost/node';
import { nationalForm, NATIONAL_EXAMPLE, withChanges } from '../support/forms';
import { createExcelPort } from '../../src/excel/officePort';
import { RequestMeter } from '../../src/excel/requestMeter';
import { evaluateFormsInWorkbook } from '../../src/engine/forms/formsWorkflow';
import { getScheme } from '../../src/engine/schemes';
import { colLetter } from '../../src/engine/address';

const scheme = getScheme('mof2020')!;
// Indicator 0 states 20 where 236/300 × 20 = 15.7 is due, with no explanation: two cells to mark.
const FLAGGED = withChanges(NATIONAL_EXAMPLE, {}, { 0: { target: '≥300家次', score: 20, explanation: '' } });

function seedForms(count: number): FakeSeed {
  const sheets: SeedSheet[] = [{ name: '封面', rows: [['2020年度项目支出绩效自评']] }];
  for (let i = 0; i < count; i++) {
    const block = nationalForm({ ...FLAGGED, name: `项目${i + 1}` });
    sheets.push({
      name: `表${i + 1}`,
      rows: block.rows.map((r) => r.map((c) => c ?? '')),
      merges: block.merges.map((m) => `${colLetter(m.left + 1)}${m.top + 1}:${colLetter(m.right + 1)}${m.bottom + 1}`),
    });
  }
  return { sheets };
}

describe('forms over the Office.js port', () => {
  const run = (count: number) =>
    withFakeExcel(seedForms(count), async (controls) => {
      const meter = new RequestMeter();
      const result = await evaluateFormsInWorkbook(createExcelPort({ meter }), { scheme, marks: true });
      const rules = (sheet: string) => controls.rules(sheet);
      return { rules: Object.fromEntries(controls.sheetNames().map((name) => [name, rules(name)])), meter, result };
    });

  it('finds every form on every sheet and marks the stated score and the blank explanation on each', async () => {
    const { rules, result } = await run(3);
    expect(result.evaluation.projects.map((p) => p.name)).toEqual(['项目1', '项目2', '项目3']);
    expect(result.formSheets).toEqual(['表1', '表2', '表3']);
    const flagged = result.evaluation.projects[0].indicators[0];
    expect(flagged.flags).toEqual(expect.arrayContaining(['score_mismatch', 'missing_explanation']));
    for (const sheet of ['表1', '表2', '表3']) {
      const marked = rules[sheet].map((cf) => cf.address);
      expect(marked.sort()).toEqual([`${colLetter(flagged.cells!.statedScore!)}${flagged.row}`, `${colLetter(flagged.cells!.explanation!)}${flagged.row}`].sort());
    }
    expect(rules['封面']).toHaveLength(0);
  });

  it('takes as many round trips for twelve forms as for two (one read of all sheets, one replacement of marks)', async () => {
    const two = await run(2);
    const twelve = await run(12);
    expect(twelve.meter.count).toBe(two.meter.count);
    expect(twelve.meter.largestRequestBytes).toBeLessThan(4 * 1024 * 1024);
    expect(twelve.meter.largestResponseBytes).toBeLessThan(4 * 1024 * 1024);
  });
});
