// The fake Excel host's Node entry (test/e2e/fakeHost/node.ts), the one the browser tests load as office.js:
// the rules where the project's two former fakes disagreed, as Microsoft documents them.
import { installFakeExcelInNode, type InstalledFakeExcel } from '../e2e/fakeHost/node';

let fake: InstalledFakeExcel;
beforeEach(() => {
  fake = installFakeExcelInNode({ sheets: [{ name: 'S', rows: [] }] });
});
afterEach(() => fake.uninstall());

async function write(address: string, values: unknown[][], numberFormat?: string): Promise<void> {
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem('S').getRange(address);
    if (numberFormat) range.numberFormat = values.map((row) => row.map(() => numberFormat));
    range.values = values;
    await context.sync();
  });
}

test('a string starting with + or - written to values is a formula (Excel.Range.values), unless the cell is text', async () => {
  await write('A1:C1', [['-5', '+5', '-项目']]);
  expect(fake.controls.cells('S', 'A1:C1')[0].map((c) => [c.v, c.f])).toEqual([
    [-5, '=-5'],
    [5, '=+5'],
    ['#NAME?', '=-项目'],
  ]);
  await write('A2:B2', [['-5', '=1+1']], '@');
  expect(fake.controls.cells('S', 'A2:B2')[0].map((c) => [c.v, c.f])).toEqual([
    ['-5', null],
    ['=1+1', null],
  ]);
});

test("an officer typing -5 in the grid gets the number, no formula", () => {
  fake.controls.edit('S', 'A1', '-5');
  expect(fake.controls.cells('S', 'A1')[0][0]).toEqual({ v: -5, f: null, nf: 'General' });
});

test('an unloaded property throws PropertyNotLoaded; uninstall removes the globals', async () => {
  await expect(
    Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1');
      return range.values;
    }),
  ).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
  fake.uninstall();
  expect(typeof (globalThis as Record<string, unknown>).Excel).toBe('undefined');
  fake = installFakeExcelInNode({ sheets: [{ name: 'S', rows: [] }] });
});
