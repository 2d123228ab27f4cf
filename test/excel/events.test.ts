// Change events on the fake Excel host (test/e2e/fakeHost): onChanged fires after the sync, with
// triggerSource ThisLocalAddin for the add-in's writes (ExcelApi 1.14) and Unknown for the officer's.
import { useFakeExcel } from '../support/excelHost';
import { createExcelPort } from '../../src/excel/officePort';
import { toSourceChange } from '../../src/excel/events';
import { parseAddress } from '../../src/excel/address';
import type { SourceChange } from '../../src/engine/workbookPort';
import { SEED_PROJECTS, summaryLayoutFor } from './summaryFixture';

describe('change events', () => {
  const fake = useFakeExcel(() => ({ sheets: [{ name: '自评表', rows: [['项目名称']] }], supportedSets: { ExcelApi: '1.14' } }));
  /** Lets the events queued by the last edit or sync arrive and be handled. */
  const settle = (): Promise<void> => fake.controls.settle();

  it('reports a user edit with its sheet and rectangle, not own', async () => {
    const seen: SourceChange[] = [];
    await createExcelPort().onSourceChanged((c) => seen.push(c));
    fake.controls.edit('自评表', 'C5', [[271.46], [26.33]]);
    await settle();
    expect(seen).toEqual([{ sheet: '自评表', rowStart: 5, rowEnd: 6, colStart: 3, colEnd: 3, own: false }]);
  });

  it('marks the add-in own writes (triggerSource ThisLocalAddin) as own, without switching events off', async () => {
    const seen: SourceChange[] = [];
    const port = createExcelPort();
    await port.onSourceChanged((c) => seen.push(c));
    const states: boolean[] = [];
    await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), '绩效自评汇总', { onProgress: () => states.push(fake.controls.state().eventsEnabled) });
    await settle();
    expect(states.length).toBeGreaterThan(0);
    expect(states.every(Boolean)).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((c) => c.own && c.sheet === '绩效自评汇总')).toBe(true);
  });

  it('stops reporting once unsubscribed', async () => {
    const seen: SourceChange[] = [];
    const stop = await createExcelPort().onSourceChanged((c) => seen.push(c));
    expect(fake.controls.state().listeners).toBe(1);
    await stop();
    fake.controls.edit('自评表', 'C5', 1);
    await settle();
    expect(seen).toEqual([]);
    expect(fake.controls.state().listeners).toBe(0);
  });

  it('resolves a sheet added after subscribing', async () => {
    const seen: SourceChange[] = [];
    await createExcelPort().onSourceChanged((c) => seen.push(c));
    await Excel.run(async (context) => {
      context.workbook.worksheets.add('新表');
      await context.sync();
    });
    fake.controls.edit('新表', 'A1', [[1, 2]]);
    await settle();
    expect(seen).toEqual([{ sheet: '新表', rowStart: 1, rowEnd: 1, colStart: 1, colEnd: 2, own: false }]);
  });
});

describe('addresses of events', () => {
  it('parses cells, blocks, whole rows and columns, with or without a sheet', () => {
    expect(parseAddress('Sheet1!C5:D7')).toEqual({ rowStart: 5, rowEnd: 7, colStart: 3, colEnd: 4 });
    expect(parseAddress('$AA$10')).toEqual({ rowStart: 10, rowEnd: 10, colStart: 27, colEnd: 27 });
    expect(parseAddress('C:D')).toEqual({ rowStart: 1, rowEnd: 1_048_576, colStart: 3, colEnd: 4 });
    expect(parseAddress("'My sheet'!5:6")).toEqual({ rowStart: 5, rowEnd: 6, colStart: 1, colEnd: 16_384 });
    expect(parseAddress('A1,B2')).toBeNull();
    expect(parseAddress('')).toBeNull();
  });

  it('drops events whose address is not one rectangle', () => {
    expect(toSourceChange({ address: 'A1,C3', worksheetId: 'x' }, 'S')).toBeNull();
    expect(toSourceChange({ address: 'B2', worksheetId: 'x', triggerSource: 'Unknown' }, 'S')?.own).toBe(false);
  });
});
