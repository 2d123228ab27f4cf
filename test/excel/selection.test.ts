// Clicking a project selects its source row: the sheet is activated and the whole row selected,
// in one round trip that the meter counts like every other. On the fake Excel host (test/e2e/fakeHost).
import { useFakeExcel } from '../support/excelHost';
import { createExcelPort } from '../../src/excel/officePort';

describe('selectRow', () => {
  const fake = useFakeExcel(() => ({ sheets: [{ name: '说明', rows: [['说明']] }, { name: '自评表', rows: [['项目名称']] }], activeSheet: '说明', selection: 'A1' }));

  it('activates the sheet and selects row 7 in one metered round trip', async () => {
    const port = createExcelPort();
    await port.selectRow?.('自评表', 7);
    expect(fake.controls.activeSheet()).toBe('自评表');
    expect(fake.controls.selection()).toEqual({ sheet: '自评表', address: '7:7' });
    expect(fake.controls.state().syncs).toHaveLength(1);
    expect(port.meter.requests.map((r) => r.label)).toEqual(['select']);
  });

  it('does nothing for a row that is not a positive whole number', async () => {
    const port = createExcelPort();
    for (const row of [0, -3, 2.5, Number.NaN]) await port.selectRow?.('自评表', row);
    expect(fake.controls.state().syncs).toHaveLength(0);
    expect(fake.controls.selection()).toEqual({ sheet: '说明', address: 'A1' });
  });
});
