// The forms layout over the Office.js port against the fake host the browser suite loads (its Node
// entry): merged areas as Range.getMergedAreasOrNullObject lists them, the marks as conditional formats,
// the summary, the settings.
import { installFakeExcelInNode, type InstalledFakeExcel } from '../e2e/fakeHost/node';
import { formsSeed } from '../e2e/support/formsWorkbook';
import { createExcelPort } from '../../src/excel/officePort';
import { evaluateFormsAndWrite } from '../../src/engine/forms/formsWorkflow';
import type { Settings } from '../../src/engine/workbookPort';
import { RequestMeter } from '../../src/excel/requestMeter';
import { FLAGGED_NATIONAL } from '../e2e/support/formsWorkbook';
import { nationalForm, stackForms } from '../support/forms';
import type { FakeSeed } from '../e2e/fakeHost/node';

const SETTINGS: Settings = { version: 1, schemeId: 'mof2020', band: { low: 0.9, high: 1 } };

let fake: InstalledFakeExcel;
afterEach(() => fake.uninstall());

async function mergedAddress(sheet: string, address: string): Promise<string | null> {
  return Excel.run(async (context) => {
    const areas = context.workbook.worksheets.getItem(sheet).getRange(address).getMergedAreasOrNullObject();
    areas.load('address');
    await context.sync();
    return areas.isNullObject ? null : areas.address;
  });
}

describe('merged areas in the fake host (Range.getMergedAreasOrNullObject, ExcelApi 1.13)', () => {
  beforeEach(() => {
    fake = installFakeExcelInNode({ sheets: [{ name: 'My Sheet', rows: [['a', '', 'b']], merges: ['A1:B1', 'C1:C3', 'A5:D6'] }] });
  });

  it('lists the areas whose top-left cell is in the range, at their full extent', async () => {
    expect(await mergedAddress('My Sheet', 'A1:D6')).toBe("'My Sheet'!A1:B1, 'My Sheet'!C1:C3, 'My Sheet'!A5:D6");
    // C1:C3 overlaps C2:D3 but starts outside it: Excel does not list it (office-js issue #3611).
    expect(await mergedAddress('My Sheet', 'C2:D3')).toBeNull();
    expect(await mergedAddress('My Sheet', 'B5:D6')).toBeNull();
  });

  it('is not there below ExcelApi 1.13', async () => {
    fake.uninstall();
    fake = installFakeExcelInNode({ sheets: [{ name: 'S', rows: [['a']], merges: ['A1:B1'] }], supportedSets: { ExcelApi: '1.12' } });
    await expect(mergedAddress('S', 'A1:B2')).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('fails for more than 512 areas, as Excel does', async () => {
    fake.uninstall();
    const merges = Array.from({ length: 513 }, (_v, i) => `A${2 * i + 1}:B${2 * i + 1}`);
    fake = installFakeExcelInNode({ sheets: [{ name: 'S', rows: [['a']], merges }] });
    await expect(mergedAddress('S', 'A1:B1026')).rejects.toMatchObject({ code: 'GeneralException' });
    expect(await mergedAddress('S', 'A1:B10')).toBe('S!A1:B1, S!A3:B3, S!A5:B5, S!A7:B7, S!A9:B9');
  });
});

describe('forms through the Office.js port on the fake host', () => {
  beforeEach(() => {
    fake = installFakeExcelInNode(formsSeed());
  });

  it('reads the forms with their merges, writes the summary and the marks, saves the settings', async () => {
    const port = createExcelPort();
    const out = await evaluateFormsAndWrite(port, SETTINGS, { summary: true, marks: true, save: true, lang: 'zh' });
    expect(out.evaluation.projects.map((p) => [p.sheet, p.row, p.name])).toEqual([
      ['表1', 3, '安全生产监察协管员劳务费'],
      ['表2', 3, '项目乙'],
      ['表2', 23, '51092324T000010263357-2023年安全生产宣传培训项目'],
    ]);
    // The group labels are merged down their rows: read through the merges, the groups add up.
    expect(out.evaluation.projects[1].scores).toEqual({ output: 50, benefit: 29, satisfaction: 10, execution: 9.85, total: 98.85 });
    const rules = (sheet: string) => fake.controls.rules(sheet).map((r) => [r.address, r.fill]);
    expect(rules('表1')).toEqual(expect.arrayContaining([['H13', expect.any(String)], ['I13', expect.any(String)]]));
    expect(rules('表1')).toHaveLength(2);
    expect(rules('表2').map(([a]) => a)).toEqual(['K36']);
    expect(rules('封面')).toEqual([]);
    expect(out.summarySheet).toBe('绩效自评汇总');
    expect(fake.controls.sheetNames()).toContain('绩效自评汇总');
    expect(JSON.stringify(fake.controls.values('绩效自评汇总'))).toContain('巡查企业数');
    expect(out.settings.summarySheet).toBe('绩效自评汇总');
  });

  it('a second run replaces its own marks and keeps the officer’s rules', async () => {
    fake.uninstall();
    const seed = formsSeed();
    seed.sheets[1].userRules = [{ address: 'H13:H18', formula: '=H13>=15', fill: '#C6EFCE' }];
    fake = installFakeExcelInNode(seed);
    const port = createExcelPort();
    await evaluateFormsAndWrite(port, SETTINGS, { marks: true, save: true });
    fake.controls.edit('表1', 'H13', 15.73);
    const second = await evaluateFormsAndWrite(port, SETTINGS, { marks: true, save: true });
    expect(second.marks.filter((m) => m.sheet === '表1').map((m) => m.kind)).toEqual(['explanation']);
    expect(fake.controls.rules('表1').map((r) => [r.address, r.fill])).toEqual(
      expect.arrayContaining([['I13', expect.any(String)], ['H13:H18', '#C6EFCE']]),
    );
    expect(fake.controls.rules('表1')).toHaveLength(2);
  });
});

describe('round trips of a pane refresh on forms', () => {
  /** A cover sheet and `n` sheets of one flagged national form each. */
  function seed(n: number): FakeSeed {
    const sheets = Array.from({ length: n }, (_v, i) => {
      const sheet = stackForms(`表${i + 1}`, [nationalForm({ ...FLAGGED_NATIONAL, name: `项目${i + 1}` })]);
      return { name: sheet.name, rows: sheet.cells.map((row) => row.map((c) => c ?? '')), merges: [...sheet.merges] };
    });
    return { sheets: [{ name: '封面', rows: [['2020年度项目支出绩效自评']] }, ...sheets] };
  }

  async function refresh(n: number): Promise<RequestMeter> {
    fake = installFakeExcelInNode(seed(n));
    const port = createExcelPort({ meter: new RequestMeter() });
    const settings = (await evaluateFormsAndWrite(port, SETTINGS, { summary: true, marks: true, save: true })).settings;
    const meter = new RequestMeter();
    const measured = createExcelPort({ meter });
    const out = await evaluateFormsAndWrite(measured, settings, { summary: true, marks: true, save: true });
    expect(out.evaluation.projects).toHaveLength(n);
    expect(out.marks).toHaveLength(2 * n);
    return meter;
  }

  it('takes as many round trips for twelve forms as for two, each request and response under 4 MB', async () => {
    const two = await refresh(2);
    fake.uninstall();
    const twelve = await refresh(12);
    expect(twelve.count).toBe(two.count);
    expect(twelve.largestRequestBytes).toBeLessThan(4 * 1024 * 1024);
    expect(twelve.largestResponseBytes).toBeLessThan(4 * 1024 * 1024);
  });
});
