// The adapter on an ExcelApi 1.8 host (Excel 2019 perpetual): the fake refuses the 1.9 members as
// Excel does (ApiNotFound), and reading the selection's table and following changes of the source
// still work through the 1.8 fallbacks.
import { useFakeExcel } from '../support/excelHost';
import type { FakeSeed, SeedCell } from '../e2e/fakeHost/node';
import { createExcelPort } from '../../src/excel/officePort';
import type { SourceChange } from '../../src/engine/workbookPort';
import { SEED_PROJECTS, summaryLayoutFor } from './summaryFixture';

const HEADER: SeedCell[] = ['项目名称', '全年预算数', '全年执行数'];
const ROWS: SeedCell[][] = SEED_PROJECTS.map((p) => [p.name, p.budget, p.actual]);

function excel(): { run: (batch: (context: Excel.RequestContext) => Promise<void>) => Promise<void> } {
  return { run: (batch) => Excel.run(batch) };
}

const api = (version: string) => ({ ExcelApi: version });

describe('the fake as an ExcelApi 1.8 host', () => {
  const host = useFakeExcel(() => ({
    sheets: [{ name: '自评表', rows: [HEADER, ...ROWS], tables: [{ name: 'Projects', address: 'A1:C8' }] }],
    selection: 'B3',
    supportedSets: api('1.8'),
  }));

  it('says so to isSetSupported', () => {
    const requirements = (globalThis as unknown as { Office: typeof Office }).Office.context.requirements;
    expect(requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
  });

  it('refuses Range.getTables and worksheets.onChanged (ExcelApi 1.9) with ApiNotFound at sync', async () => {
    const getTables = excel().run(async (context) => {
      context.workbook.getSelectedRange().getTables(false).load('items/name');
      await context.sync();
    });
    await expect(getTables).rejects.toMatchObject({ code: 'ApiNotFound' });
    const allSheets = excel().run(async (context) => {
      context.workbook.worksheets.onChanged.add(async () => undefined);
      await context.sync();
    });
    await expect(allSheets).rejects.toBeInstanceOf(OfficeExtension.Error);
    await expect(allSheets).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(host.controls.listeners()).toEqual([]);
  });

  it('refuses runtime.enableEvents on ExcelApi 1.7', async () => {
    const controls = host.reinstall({ sheets: [{ name: '自评表', rows: [] }], supportedSets: api('1.7') });
    const off = excel().run(async (context) => {
      context.runtime.enableEvents = false;
      await context.sync();
    });
    await expect(off).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(controls.eventsEnabled()).toBe(true);
  });
});

describe('reading on ExcelApi 1.8', () => {
  const host = useFakeExcel(() => twoTables('1.8'));
  function twoTables(version: string): FakeSeed {
    return {
      sheets: [
        {
          name: '自评表',
          rows: [['这张表的说明']],
          blocks: [
            { origin: 'B2', rows: [HEADER, ...ROWS] },
            { origin: 'G2', rows: [['其他', '数'], ['x', 1], ['y', 2]] },
          ],
          tables: [
            { name: 'Projects', address: 'B2:D9' },
            { name: 'Other', address: 'G2:H4' },
          ],
        },
      ],
      supportedSets: api(version),
    };
  }

  it('finds the table the selection is in among the sheet tables, in as many round trips as with getTables', async () => {
    let controls = host.reinstall(twoTables('1.9'));
    controls.select('自评表', 'C4');
    await createExcelPort().readSource();
    const withGetTables = controls.state().syncs.length;

    controls = host.reinstall(twoTables('1.8'));
    controls.select('自评表', 'C4');
    const data = await createExcelPort().readSource();
    expect(data.source).toEqual({ sheet: '自评表', kind: 'table', table: 'Projects' });
    expect(data.origin).toEqual({ row: 2, col: 2 });
    expect(data.grid).toHaveLength(8);
    expect(data.grid[0]).toEqual(HEADER);
    expect(data.grid[7]).toEqual(['社区安全协管员补助经费', 175, 182]);
    expect(controls.state().syncs).toHaveLength(withGetTables);
  });

  it('picks the second table when the selection is in it', async () => {
    host.controls.select('自评表', 'H3:H4');
    const data = await createExcelPort().readSource();
    expect(data.source).toEqual({ sheet: '自评表', kind: 'table', table: 'Other' });
    expect(data.grid).toEqual([['其他', '数'], ['x', 1], ['y', 2]]);
  });

  it('reads the selection, or the used range, when the selection is in no table', async () => {
    host.controls.select('自评表', 'E2:F4');
    let data = await createExcelPort().readSource();
    expect(data.source).toEqual({ sheet: '自评表', kind: 'selection', address: 'E2:F4' });
    expect(data.grid).toEqual([['', ''], ['', ''], ['', '']]);
    host.controls.select('自评表', 'A1:A3');
    data = await createExcelPort().readSource();
    expect(data.source).toEqual({ sheet: '自评表', kind: 'selection', address: 'A1:A3' });
    expect(data.grid).toEqual([['这张表的说明'], [''], ['']]);
    host.controls.select('自评表', 'F20');
    data = await createExcelPort().readSource();
    expect(data.source).toEqual({ sheet: '自评表', kind: 'sheet' });
    expect(data.origin).toEqual({ row: 1, col: 1 });
    expect(data.grid).toHaveLength(9);
  });

  it('re-reads a table by name, rows added included', async () => {
    host.controls.select('自评表', 'C4');
    const port = createExcelPort();
    const first = await port.readSource();
    host.controls.edit('自评表', 'B10', [['新项目', 10, 9]]);
    host.controls.select('自评表', 'H3');
    const again = await port.readSource({ source: first.source });
    expect(again.source).toEqual({ sheet: '自评表', kind: 'table', table: 'Projects' });
    expect(again.grid[8]).toEqual(['新项目', 10, 9]);
  });
});

describe('change events on ExcelApi 1.8', () => {
  const host = useFakeExcel(() => ({
    sheets: [
      { name: '自评表', rows: [HEADER, ...ROWS] },
      { name: '新表', rows: [HEADER, ...ROWS.slice(0, 2)] },
    ],
    selection: 'A1',
    supportedSets: api('1.8'),
  }));
  const sheetListeners = () => host.controls.listeners().map((l) => [l.kind, l.sheet]);

  it('listens on the sheet last read (Worksheet.onChanged) and moves with the next read to another sheet', async () => {
    const seen: SourceChange[] = [];
    const port = createExcelPort();
    await port.onSourceChanged((c) => seen.push(c));
    await port.readSource();
    expect(sheetListeners()).toEqual([['sheetChanged', '自评表']]);
    host.controls.edit('自评表', 'C5', [[271.46], [26.33]]);
    await host.controls.settle();
    expect(seen).toEqual([{ sheet: '自评表', rowStart: 5, rowEnd: 6, colStart: 3, colEnd: 3, own: false }]);

    await port.readSource({ sheet: '新表', scope: 'sheet' });
    expect(sheetListeners()).toEqual([['sheetChanged', '新表']]);
    host.controls.edit('自评表', 'C5', [[1]]);
    host.controls.edit('新表', 'B3', [[42]]);
    await host.controls.settle();
    expect(seen.slice(1)).toEqual([{ sheet: '新表', rowStart: 3, rowEnd: 3, colStart: 2, colEnd: 2, own: false }]);
  });

  it('registers at once when the source was read before subscribing, once per sheet', async () => {
    const seen: SourceChange[] = [];
    const port = createExcelPort();
    await port.readSource();
    await port.onSourceChanged((c) => seen.push(c));
    const adds = port.meter.requests.filter((r) => r.label === 'events:add').length;
    expect(adds).toBe(1);
    await port.readSource();
    expect(port.meter.requests.filter((r) => r.label === 'events:add')).toHaveLength(adds);
    host.controls.edit('自评表', 'B2', [[300]]);
    await host.controls.settle();
    expect(seen).toEqual([{ sheet: '自评表', rowStart: 2, rowEnd: 2, colStart: 2, colEnd: 2, own: false }]);
    expect(sheetListeners()).toEqual([['sheetChanged', '自评表']]);
  });

  it('stops reporting once unsubscribed, and later reads register nothing', async () => {
    const seen: SourceChange[] = [];
    const port = createExcelPort();
    await port.readSource();
    const stop = await port.onSourceChanged((c) => seen.push(c));
    await stop();
    expect(host.controls.listeners()).toEqual([]);
    await port.readSource({ sheet: '新表', scope: 'sheet' });
    expect(host.controls.listeners()).toEqual([]);
    host.controls.edit('自评表', 'C5', [[1]]);
    await host.controls.settle();
    expect(seen).toEqual([]);
  });

  it('keeps its own summary write out of the events (enableEvents off around it, back on after)', async () => {
    const seen: SourceChange[] = [];
    const port = createExcelPort();
    await port.readSource();
    await port.onSourceChanged((c) => seen.push(c));
    const states: boolean[] = [];
    await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), '绩效自评汇总', { onProgress: () => states.push(host.controls.eventsEnabled()) });
    await host.controls.settle();
    expect(states.length).toBeGreaterThan(0);
    expect(states.every((on) => !on)).toBe(true);
    expect(host.controls.eventsEnabled()).toBe(true);
    expect(seen).toEqual([]);
    host.controls.edit('自评表', 'C2', [[1]]);
    await host.controls.settle();
    expect(seen).toEqual([{ sheet: '自评表', rowStart: 2, rowEnd: 2, colStart: 3, colEnd: 3, own: false }]);
  });
});
