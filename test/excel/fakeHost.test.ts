// The fake Excel host's Node entry (test/e2e/fakeHost/node.ts), the one the browser tests load as office.js:
// the rules an add-in could trip over, as Microsoft documents them, taken at their stricter reading.
import { installFakeExcelInNode, type FakeSeed, type InstalledFakeExcel } from '../e2e/fakeHost/node';

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

/** The running test's host replaced by one built from `seed`. */
function reinstall(seed: FakeSeed): InstalledFakeExcel {
  fake.uninstall();
  return installFakeExcelInNode(seed);
}

async function sync(batch: (context: Excel.RequestContext) => void): Promise<void> {
  await Excel.run(async (context) => {
    batch(context);
    await context.sync();
  });
}

describe('what Excel refuses or changes on its own', () => {
  it('keeps only the top-left value of a merged area, seeded or merged through the API', async () => {
    fake = reinstall({ sheets: [{ name: 'S', rows: [['a', 'b', 'c'], ['d', 'e', 'f']], merges: ['A1:B1'] }] });
    expect(fake.controls.values('S', 'A1:C1')).toEqual([['a', '', 'c']]);
    await sync((context) => context.workbook.worksheets.getItem('S').getRange('A2:C2').merge());
    expect(fake.controls.values('S', 'A2:C2')).toEqual([['d', '', '']]);
  });

  it('refuses the add-in’s edits of a protected sheet with AccessDenied, and lets it read', async () => {
    fake.controls.edit('S', 'A1', 'x');
    fake.controls.protect('S');
    const sheet = (context: Excel.RequestContext) => context.workbook.worksheets.getItem('S');
    await expect(sync((context) => (sheet(context).getRange('A1').values = [['y']]))).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(sync((context) => (sheet(context).getRange('A1').format.font.bold = true))).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(sync((context) => sheet(context).getRange('A1:B2').conditionalFormats.add(Excel.ConditionalFormatType.custom))).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(sync((context) => sheet(context).getRange('A1').clear())).rejects.toMatchObject({ code: 'AccessDenied' });
    const read = await Excel.run(async (context) => {
      const range = sheet(context).getRange('A1').load('values');
      await context.sync();
      return range.values;
    });
    expect(read).toEqual([['x']]);
  });

  it('fails getSelectedRange for a selection of several areas (InvalidSelection)', async () => {
    fake.controls.select('S', 'B3:C4,E6');
    const selected = Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange().load('address');
      await context.sync();
      return range.address;
    });
    await expect(selected).rejects.toMatchObject({ code: 'InvalidSelection' });
    fake.controls.select('S', 'B3:C4');
    await expect(Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange().load('address');
      await context.sync();
      return range.address;
    })).resolves.toBe('S!B3:C4');
  });

  it('does not grow a table by an API write under it, nor by typing below a row that is not empty', async () => {
    fake = reinstall({ sheets: [{ name: 'S', rows: [['名称', '数'], ['甲', 1]], tables: [{ name: 'T', address: 'A1:B2' }] }] });
    const address = () => fake.controls.tables()[0].address;
    await write('A3:B3', [['乙', 2]]);
    expect(address()).toBe('A1:B2');
    fake.controls.edit('S', 'A5', '丁');
    expect(address()).toBe('A1:B2');
    fake.controls.edit('S', 'A4', [['丙', 3]]);
    expect(address()).toBe('A1:B2');
    fake.controls.convertTableToRange('T');
    expect(fake.controls.tables()).toEqual([]);
    expect(fake.controls.values('S', 'A1:A2')).toEqual([['名称'], ['甲']]);
  });

  it('takes a row typed into the empty row under a table into it', () => {
    fake = reinstall({ sheets: [{ name: 'S', rows: [['名称', '数'], ['甲', 1]], tables: [{ name: 'T', address: 'A1:B2' }] }] });
    fake.controls.edit('S', 'A3', [['乙', 2]]);
    expect(fake.controls.tables()[0].address).toBe('A1:B3');
  });

  it('refuses page-layout values outside Excel’s types, and a fit of 0 pages only where the seed asks', async () => {
    const layout = (context: Excel.RequestContext) => context.workbook.worksheets.getItem('S').pageLayout;
    await expect(sync((context) => (layout(context).orientation = 'Sideways' as Excel.PageOrientation))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(sync((context) => (layout(context).zoom = { scale: 5 }))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await sync((context) => (layout(context).zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 }));
    expect(fake.controls.pageLayout('S')).toEqual({ zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    fake = reinstall({ sheets: [{ name: 'S', rows: [] }], refuseZeroFitToPages: true });
    await expect(sync((context) => (layout(context).zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 }))).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(fake.controls.pageLayout('S')).toEqual({});
  });

  it('knows a chart’s series: one per column after the categories', async () => {
    fake.controls.edit('S', 'A1', [['项目', '率', '下限'], ['甲', 0.8, 0.9]]);
    const addChart = (series: number) =>
      sync((context) => {
        const sheet = context.workbook.worksheets.getItem('S');
        const chart = sheet.charts.add(Excel.ChartType.columnClustered, sheet.getRange('A1:C2'), Excel.ChartSeriesBy.columns);
        chart.series.getItemAt(series).chartType = Excel.ChartType.line;
      });
    await addChart(1);
    await expect(addChart(2)).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('stops a request at the command failNext names, keeping what ran before it', async () => {
    fake.controls.failNext('AccessDenied', { atCommand: 'Range.values' });
    const failed = sync((context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A1').numberFormat = [['@']];
      sheet.getRange('A1').values = [['x']];
      sheet.getRange('B1').values = [['y']];
    });
    await expect(failed).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(fake.controls.cells('S', 'A1:B1')[0]).toEqual([
      { v: '', f: null, nf: '@' },
      { v: '', f: null, nf: 'General' },
    ]);
  });
});
