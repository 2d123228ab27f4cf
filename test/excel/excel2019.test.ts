// The adapter on an ExcelApi 1.8 host (Excel 2019 perpetual): the fake refuses the 1.9 members as
// Excel does (ApiNotFound), and reading the selection's table and following changes of the source
// still work through the 1.8 fallbacks.
import { FakeOfficeError, FakeWorkbook, type FakeValue } from '../support/fakeExcel';
import { createExcelPort } from '../../src/excel/officePort';
import type { SourceChange } from '../../src/engine/workbookPort';
import { SEED_PROJECTS, summaryLayoutFor } from './summaryFixture';

const HEADER: FakeValue[] = ['项目名称', '全年预算数', '全年执行数'];
const ROWS: FakeValue[][] = SEED_PROJECTS.map((p) => [p.name, p.budget, p.actual]);

function excel(): { run: (batch: (context: Excel.RequestContext) => Promise<void>) => Promise<void> } {
  return { run: (batch) => Excel.run(batch) };
}

describe('the fake as an ExcelApi 1.8 host', () => {
  let wb: FakeWorkbook;
  let uninstall: () => void;
  beforeEach(() => {
    wb = new FakeWorkbook({ apiVersion: '1.8' });
    wb.addSheet('自评表');
    wb.seed('自评表', 'A1', [HEADER, ...ROWS]);
    wb.addTable('自评表', 'Projects', 'A1:C8');
    wb.select('自评表', 'B3');
    uninstall = wb.install();
  });
  afterEach(() => uninstall());

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
    await expect(allSheets).rejects.toBeInstanceOf(FakeOfficeError);
    await expect(allSheets).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(wb.handlers.size).toBe(0);
  });

  it('refuses runtime.enableEvents on ExcelApi 1.7', async () => {
    uninstall();
    wb = new FakeWorkbook({ apiVersion: '1.7' });
    wb.addSheet('自评表');
    uninstall = wb.install();
    const off = excel().run(async (context) => {
      context.runtime.enableEvents = false;
      await context.sync();
    });
    await expect(off).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(wb.enableEvents).toBe(true);
  });
});

describe('reading on ExcelApi 1.8', () => {
  let wb: FakeWorkbook;
  let uninstall: () => void;
  const setup = (apiVersion: string): void => {
    wb = new FakeWorkbook({ apiVersion });
    wb.addSheet('自评表');
    wb.seed('自评表', 'A1', [['这张表的说明']]);
    wb.seed('自评表', 'B2', [HEADER, ...ROWS]);
    wb.seed('自评表', 'G2', [['其他', '数'], ['x', 1], ['y', 2]]);
    wb.addTable('自评表', 'Projects', 'B2:D9');
    wb.addTable('自评表', 'Other', 'G2:H4');
    uninstall = wb.install();
  };
  afterEach(() => uninstall());

  it('finds the table the selection is in among the sheet tables, in as many round trips as with getTables', async () => {
    setup('1.9');
    wb.select('自评表', 'C4');
    await createExcelPort().readSource();
    const withGetTables = wb.requests.length;
    uninstall();

    setup('1.8');
    wb.select('自评表', 'C4');
    const data = await createExcelPort().readSource();
    expect(data.source).toEqual({ sheet: '自评表', kind: 'table', table: 'Projects' });
    expect(data.origin).toEqual({ row: 2, col: 2 });
    expect(data.grid).toHaveLength(8);
    expect(data.grid[0]).toEqual(HEADER);
    expect(data.grid[7]).toEqual(['社区安全协管员补助经费', 175, 182]);
    expect(wb.requests).toHaveLength(withGetTables);
  });

  it('picks the second table when the selection is in it', async () => {
    setup('1.8');
    wb.select('自评表', 'H3:H4');
    const data = await createExcelPort().readSource();
    expect(data.source).toEqual({ sheet: '自评表', kind: 'table', table: 'Other' });
    expect(data.grid).toEqual([['其他', '数'], ['x', 1], ['y', 2]]);
  });

  it('reads the selection, or the used range, when the selection is in no table', async () => {
    setup('1.8');
    wb.select('自评表', 'E2:F4');
    let data = await createExcelPort().readSource();
    expect(data.source).toEqual({ sheet: '自评表', kind: 'selection', address: 'E2:F4' });
    expect(data.grid).toEqual([['', ''], ['', ''], ['', '']]);
    wb.select('自评表', 'A1:A3');
    data = await createExcelPort().readSource();
    expect(data.source).toEqual({ sheet: '自评表', kind: 'selection', address: 'A1:A3' });
    expect(data.grid).toEqual([['这张表的说明'], [''], ['']]);
    wb.select('自评表', 'F20');
    data = await createExcelPort().readSource();
    expect(data.source).toEqual({ sheet: '自评表', kind: 'sheet' });
    expect(data.origin).toEqual({ row: 1, col: 1 });
    expect(data.grid).toHaveLength(9);
  });

  it('re-reads a table by name, rows added included', async () => {
    setup('1.8');
    wb.select('自评表', 'C4');
    const port = createExcelPort();
    const first = await port.readSource();
    wb.seed('自评表', 'B10', [['新项目', 10, 9]]);
    wb.resizeTable('Projects', 'B2:D10');
    wb.select('自评表', 'H3');
    const again = await port.readSource({ source: first.source });
    expect(again.source).toEqual({ sheet: '自评表', kind: 'table', table: 'Projects' });
    expect(again.grid[8]).toEqual(['新项目', 10, 9]);
  });
});

describe('change events on ExcelApi 1.8', () => {
  let wb: FakeWorkbook;
  let uninstall: () => void;
  beforeEach(() => {
    wb = new FakeWorkbook({ apiVersion: '1.8' });
    wb.addSheet('自评表');
    wb.addSheet('新表');
    wb.seed('自评表', 'A1', [HEADER, ...ROWS]);
    wb.seed('新表', 'A1', [HEADER, ...ROWS.slice(0, 2)]);
    wb.select('自评表', 'A1');
    uninstall = wb.install();
  });
  afterEach(() => uninstall());

  it('listens on the sheet last read (Worksheet.onChanged) and moves with the next read to another sheet', async () => {
    const seen: SourceChange[] = [];
    const port = createExcelPort();
    await port.onSourceChanged((c) => seen.push(c));
    await port.readSource();
    expect([...wb.sheetHandlers.values()]).toEqual([wb.sheet('自评表').id]);
    wb.userEdit('自评表', 'C5', [[271.46], [26.33]]);
    await wb.settle();
    expect(seen).toEqual([{ sheet: '自评表', rowStart: 5, rowEnd: 6, colStart: 3, colEnd: 3, own: false }]);

    await port.readSource({ sheet: '新表', scope: 'sheet' });
    expect([...wb.sheetHandlers.values()]).toEqual([wb.sheet('新表').id]);
    wb.userEdit('自评表', 'C5', [[1]]);
    wb.userEdit('新表', 'B3', [[42]]);
    await wb.settle();
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
    wb.userEdit('自评表', 'B2', [[300]]);
    await wb.settle();
    expect(seen).toEqual([{ sheet: '自评表', rowStart: 2, rowEnd: 2, colStart: 2, colEnd: 2, own: false }]);
    expect(wb.handlers.size).toBe(0);
  });

  it('stops reporting once unsubscribed, and later reads register nothing', async () => {
    const seen: SourceChange[] = [];
    const port = createExcelPort();
    await port.readSource();
    const stop = await port.onSourceChanged((c) => seen.push(c));
    await stop();
    expect(wb.sheetHandlers.size).toBe(0);
    await port.readSource({ sheet: '新表', scope: 'sheet' });
    expect(wb.sheetHandlers.size).toBe(0);
    wb.userEdit('自评表', 'C5', [[1]]);
    await wb.settle();
    expect(seen).toEqual([]);
  });

  it('keeps its own summary write out of the events (enableEvents off around it, back on after)', async () => {
    const seen: SourceChange[] = [];
    const port = createExcelPort();
    await port.readSource();
    await port.onSourceChanged((c) => seen.push(c));
    const states: boolean[] = [];
    await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), '绩效自评汇总', { onProgress: () => states.push(wb.enableEvents) });
    await wb.settle();
    expect(states.length).toBeGreaterThan(0);
    expect(states.every((on) => !on)).toBe(true);
    expect(wb.enableEvents).toBe(true);
    expect(seen).toEqual([]);
    wb.userEdit('自评表', 'C2', [[1]]);
    await wb.settle();
    expect(seen).toEqual([{ sheet: '自评表', rowStart: 2, rowEnd: 2, colStart: 3, colEnd: 3, own: false }]);
  });
});
