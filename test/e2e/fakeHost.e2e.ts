// The fake host behaves like Office.js where the add-in could get it wrong: values before sync, typed
// strings becoming formulas, null cells left alone, own writes' events, enableEvents, failures, API sets.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { fakeOnlyPage } from './support/fakePage';
import type { FakeSeed } from './fakeHost/seedTypes';
import type { FakeExcelControls } from './fakeHost/index';

declare global {
  interface Window {
    __fakeExcel: FakeExcelControls;
  }
}

const seed: FakeSeed = {
  sheets: [
    { name: 'Sheet1', rows: [['项目', '预算'], ['甲', 10], ['乙', 20]], userRules: [{ address: 'A2:B3', formula: '=$B2>15', fill: '#FFFF00' }] },
    { name: 'Other', rows: [] },
  ],
  supportedSets: { ExcelApi: '1.14' },
};

describe('fake Office host', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('makes loaded values readable only after sync, and reads the used range', async () => {
    const { page, close } = await fakeOnlyPage(browser, seed);
    const result = await page.evaluate(() =>
      Excel.run(async (context) => {
        const range = context.workbook.worksheets.getActiveWorksheet().getUsedRange();
        range.load('values,address,rowCount');
        let before = 'readable';
        try {
          void range.values;
        } catch (e) {
          before = (e as { code: string }).code;
        }
        await context.sync();
        return { before, values: range.values, address: range.address, rows: range.rowCount };
      }),
    );
    await close();
    assert.equal(result.before, 'PropertyNotLoaded');
    assert.deepEqual(result.values, [['项目', '预算'], ['甲', 10], ['乙', 20]]);
    assert.equal(result.address, 'Sheet1!A1:B3');
    assert.equal(result.rows, 3);
  });

  it('turns strings beginning with = into formulas unless the cell is text, and leaves null cells alone', async () => {
    const { page, close } = await fakeOnlyPage(browser, seed);
    await page.evaluate(() =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Other');
        sheet.getRange('A1:A2').values = [['=HYPERLINK("x","y")'], ['1,234']];
        const text = sheet.getRange('B1:B2');
        text.numberFormat = [['@'], ['@']];
        text.values = [['=HYPERLINK("x","y")'], ['1,234']];
        sheet.getRange('C1:C2').values = [['keep'], ['old']];
        sheet.getRange('C1:C2').values = [[null as unknown as string], ['new']];
        await context.sync();
      }),
    );
    const cells = await page.evaluate(() => window.__fakeExcel.cells('Other', 'A1:C2'));
    await close();
    assert.equal(cells[0][0].f, '=HYPERLINK("x","y")');
    assert.equal(cells[1][0].v, 1234);
    assert.equal(cells[0][1].v, '=HYPERLINK("x","y")');
    assert.equal(cells[0][1].f, null);
    assert.equal(cells[1][1].v, '1,234');
    assert.equal(cells[0][2].v, 'keep');
    assert.equal(cells[1][2].v, 'new');
  });

  it('rejects an array whose size does not match the range', async () => {
    const { page, close } = await fakeOnlyPage(browser, seed);
    const code = await page.evaluate(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Other').getRange('A1:B2').values = [[1, 2]];
        await context.sync();
        return 'no error';
      }).catch((e: { code: string }) => e.code),
    );
    await close();
    assert.equal(code, 'InvalidArgument');
  });

  it("reports the add-in's own writes with triggerSource ThisLocalAddin and a user's edit as Unknown; none while events are off", async () => {
    const { page, close } = await fakeOnlyPage(browser, seed);
    const seen = await page.evaluate(async () => {
      const events: string[] = [];
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').onChanged.add(async (e) => {
          events.push(`${e.address}:${e.triggerSource}`);
        });
        await context.sync();
      });
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('B2').values = [[11]];
        await context.sync();
        context.runtime.enableEvents = false;
        await context.sync();
        context.workbook.worksheets.getItem('Sheet1').getRange('B3').values = [[21]];
        await context.sync();
        context.runtime.enableEvents = true;
        await context.sync();
      });
      window.__fakeExcel.edit('Sheet1', 'B3', '30');
      await new Promise((r) => setTimeout(r, 50));
      return events;
    });
    const values = await page.evaluate(() => window.__fakeExcel.values('Sheet1', 'B2:B3'));
    await close();
    assert.deepEqual(seen, ['B2:ThisLocalAddin', 'B3:Unknown']);
    assert.deepEqual(values, [[11], [30]]);
  });

  it('fails the next sync with the injected error, then works again', async () => {
    const { page, close } = await fakeOnlyPage(browser, seed);
    const outcome = await page.evaluate(async () => {
      window.__fakeExcel.failNext('GeneralException');
      const first = await Excel.run(async (context) => {
        const r = context.workbook.worksheets.getActiveWorksheet().getUsedRange().load('values');
        await context.sync();
        return r.values.length;
      }).catch((e: OfficeExtension.Error) => `${e.code}|${e instanceof OfficeExtension.Error}`);
      const second = await Excel.run(async (context) => {
        const r = context.workbook.worksheets.getActiveWorksheet().getUsedRange().load('values');
        await context.sync();
        return r.values.length;
      });
      return { first, second };
    });
    await close();
    assert.deepEqual(outcome, { first: 'GeneralException|true', second: 3 });
  });

  it('answers isSetSupported from the configured sets and refuses an API of a missing set', async () => {
    const { page, close } = await fakeOnlyPage(browser, { ...seed, supportedSets: { ExcelApi: '1.3' } });
    const outcome = await page.evaluate(async () => {
      const r = Office.context.requirements;
      const code = await Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:B3').conditionalFormats.add(Excel.ConditionalFormatType.custom);
        await context.sync();
        return 'added';
      }).catch((e: OfficeExtension.Error) => e.code);
      return { v13: r.isSetSupported('ExcelApi', '1.3'), v17: r.isSetSupported('ExcelApi', '1.7'), code };
    });
    await close();
    assert.deepEqual(outcome, { v13: true, v17: false, code: 'ApiNotFound' });
  });

  it('adds and lists custom conditional formats over a range, keeping the user rule', async () => {
    const { page, close } = await fakeOnlyPage(browser, seed);
    const listed = await page.evaluate(() =>
      Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem('Sheet1').getRange('A2:B3');
        const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = '=$B2<15';
        cf.custom.format.fill.color = '#FFC7CE';
        const all = range.conditionalFormats.load('items/id,items/type,items/custom/rule/formula');
        await context.sync();
        return all.items.map((i) => i.custom.rule.formula);
      }),
    );
    const rules = await page.evaluate(() => window.__fakeExcel.rules('Sheet1'));
    await close();
    assert.deepEqual(listed, ['=$B2<15', '=$B2>15']);
    assert.equal(rules.length, 2);
    assert.equal(rules[0].fill, '#FFC7CE');
  });
});
