// Clicking a project selects its source row: the sheet is activated and the whole row selected,
// in one round trip that the meter counts like every other.
import { FakeWorkbook } from '../support/fakeExcel';
import { createExcelPort } from '../../src/excel/officePort';

describe('selectRow', () => {
  let wb: FakeWorkbook;
  let uninstall: () => void;
  beforeEach(() => {
    wb = new FakeWorkbook();
    wb.addSheet('说明');
    wb.addSheet('自评表');
    wb.select('说明', 'A1');
    uninstall = wb.install();
  });
  afterEach(() => uninstall());

  it('activates the sheet and selects row 7 in one metered round trip', async () => {
    const port = createExcelPort();
    await port.selectRow?.('自评表', 7);
    expect(wb.activeSheetId).toBe(wb.sheet('自评表').id);
    expect(wb.selection).toMatchObject({ sheetId: wb.sheet('自评表').id, rect: { r: 6, rows: 1 } });
    expect(wb.requests).toHaveLength(1);
    expect(port.meter.requests.map((r) => r.label)).toEqual(['select']);
  });

  it('does nothing for a row that is not a positive whole number', async () => {
    const port = createExcelPort();
    for (const row of [0, -3, 2.5, Number.NaN]) await port.selectRow?.('自评表', row);
    expect(wb.requests).toHaveLength(0);
    expect(wb.selection).toMatchObject({ sheetId: wb.sheet('说明').id });
  });
});
