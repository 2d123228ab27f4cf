import { FakeWorkbook } from '../support/fakeExcel';
import { nationalForm, NATIONAL_EXAMPLE, withChanges } from '../support/forms';
import { createExcelPort } from '../../src/excel/officePort';
import { RequestMeter } from '../../src/excel/requestMeter';
import { evaluateFormsInWorkbook } from '../../src/engine/formsWorkflow';
import { getScheme } from '../../src/engine/schemes';
import { colLetter } from '../../src/engine/address';

const scheme = getScheme('mof2020')!;
// Indicator 0 states 20 where 236/300 × 20 = 15.7 is due, with no explanation: two cells to mark.
const FLAGGED = withChanges(NATIONAL_EXAMPLE, {}, { 0: { target: '≥300家次', score: 20, explanation: '' } });

function seedForms(wb: FakeWorkbook, count: number): void {
  wb.addSheet('封面');
  wb.seed('封面', 'A1', [['2020年度项目支出绩效自评']]);
  for (let i = 0; i < count; i++) {
    const name = `表${i + 1}`;
    wb.addSheet(name);
    const block = nationalForm({ ...FLAGGED, name: `项目${i + 1}` });
    wb.seed(name, 'A1', block.rows.map((r) => r.map((c) => c ?? '')));
    for (const m of block.merges) wb.merge(name, `${colLetter(m.left + 1)}${m.top + 1}:${colLetter(m.right + 1)}${m.bottom + 1}`);
  }
}

describe('forms over the Office.js port', () => {
  const run = async (count: number) => {
    const wb = new FakeWorkbook();
    const off = wb.install();
    try {
      seedForms(wb, count);
      const meter = new RequestMeter();
      const result = await evaluateFormsInWorkbook(createExcelPort({ meter }), { scheme, marks: true });
      return { wb, meter, result };
    } finally {
      off();
    }
  };

  it('finds every form on every sheet and marks the stated score and the blank explanation on each', async () => {
    const { wb, result } = await run(3);
    expect(result.evaluation.projects.map((p) => p.name)).toEqual(['项目1', '项目2', '项目3']);
    expect(result.formSheets).toEqual(['表1', '表2', '表3']);
    const flagged = result.evaluation.projects[0].indicators[0];
    expect(flagged.flags).toEqual(expect.arrayContaining(['score_mismatch', 'missing_explanation']));
    for (const sheet of ['表1', '表2', '表3']) {
      const cfs = wb.sheet(sheet).cfs;
      expect(cfs.map((cf) => cf.rect.r + 1)).toEqual([flagged.row, flagged.row]);
      expect(cfs.map((cf) => cf.rect.c + 1).sort()).toEqual([flagged.cells!.statedScore, flagged.cells!.explanation].sort());
    }
    expect(wb.sheet('封面').cfs).toHaveLength(0);
  });

  it('takes as many round trips for twelve forms as for two (one read of all sheets, one replacement of marks)', async () => {
    const two = await run(2);
    const twelve = await run(12);
    expect(twelve.meter.count).toBe(two.meter.count);
    expect(twelve.meter.largestRequestBytes).toBeLessThan(4 * 1024 * 1024);
    expect(twelve.meter.largestResponseBytes).toBeLessThan(4 * 1024 * 1024);
  });
});
