import { a1, cellAt, useFakeExcel, withFakeExcel } from '../support/excelHost';
import type { FakeExcelControls, FakeSeed } from '../e2e/fakeHost/node';
import { createExcelPort } from '../../src/excel/officePort';
import { HostError } from '../../src/excel/errors';
import { OWNERSHIP_KEY } from '../../src/excel/settings';
import { SEED_PROJECTS, generatedProjects, summaryLayoutFor, type FixtureProject } from './summaryFixture';

jest.setTimeout(240_000); // 200,000 rows through the fake host: a hang guard, not a timing

const SUMMARY = '绩效自评汇总';
const PAYLOAD_LIMIT = 5 * 1024 * 1024;

function workbook(apiVersion = '1.14', more: Partial<FakeSeed> = {}): FakeSeed {
  return { sheets: [{ name: 'Sheet1', rows: [] }], supportedSets: { ExcelApi: apiVersion }, ...more };
}

function column(controls: FakeExcelControls, col: number, fromRow: number, count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => cellAt(controls, SUMMARY, fromRow + i, col).v);
}

/** The add-in's tables on the summary sheet. */
function summaryTables(controls: FakeExcelControls): string[] {
  return controls.tables().filter((t) => t.sheet === SUMMARY).map((t) => t.address);
}

/** A chart on the summary sheet: its type, source, title and the chart types given to series by index. */
function charts(controls: FakeExcelControls): { type: string; source: string; title: unknown; seriesTypes: Record<number, unknown> }[] {
  return controls.charts(SUMMARY).map((chart) => {
    const seriesTypes: Record<number, unknown> = {};
    let series = -1;
    let title: unknown;
    for (const { path, value } of chart.log) {
      if (path === 'series.getItemAt()') series = Number((value as unknown[])[0]);
      if (path === 'series.getItemAt().chartType') seriesTypes[series] = value;
      if (path === 'title.text') title = value;
    }
    return { type: chart.type, source: chart.source, title, seriesTypes };
  });
}

const ownedSummaries = (controls: FakeExcelControls): string[] => JSON.parse(String(controls.savedSettings()[OWNERSHIP_KEY])).summarySheetIds;

describe('writeSummary', () => {
  const host = useFakeExcel(() => workbook());

  it('writes the seed summary: values, number formats, the table, the totals row under it, freeze and chart', async () => {
    const port = createExcelPort();
    const layout = summaryLayoutFor(SEED_PROJECTS);
    const { sheetName } = await port.writeSummary(layout, SUMMARY);
    expect(sheetName).toBe(SUMMARY);
    const { controls } = host;
    const cell = (row: number, col: number) => cellAt(controls, SUMMARY, row, col);
    const h = layout.table.headerRow;
    expect(column(controls, 1, h, 3)).toEqual(['项目名称', '安全生产责任经费', '安全生产综合监管经费']);
    expect(cell(h + 1, 2)).toEqual({ v: 305.5, f: null, nf: '0.00' });
    expect(cell(h + 1, 4).nf).toBe('0.00%');
    expect(cell(h + 1, 4).v).toBeCloseTo(271.46 / 305.5, 12);
    expect(cell(h + 1, 1).nf).toBe('@');
    // Totals row right under the last project, outside the table.
    expect(cell(h + 8, 1).v).toBe('合计');
    expect(cell(h + 8, 2).v).toBeCloseTo(918.45, 9);
    expect(summaryTables(controls)).toEqual([`${a1(h, 0)}:${a1(h + 7, 5)}`]);
    expect(controls.freeze(SUMMARY)).toEqual({ rows: h + 1, cols: 0 });
    const width = (col: number) => Number(controls.cellFormat(SUMMARY, a1(0, col))['format.columnWidth'] ?? 0);
    expect(width(1)).toBeGreaterThan(width(0));
    expect(charts(controls)).toEqual([
      {
        type: 'ColumnClustered',
        title: '经费使用率',
        seriesTypes: { 1: 'Line', 2: 'Line' },
        source: `${SUMMARY}!${a1(layout.chart.dataRow, layout.chart.dataCol)}:${a1(layout.chart.dataRow + 7, layout.chart.dataCol + 3)}`,
      },
    ]);
    expect(cell(layout.chart.dataRow + 1, layout.chart.dataCol + 2).v).toBe(0.9);
  });

  it('keeps names text, including =HYPERLINK(...) and numbers-looking names', async () => {
    const port = createExcelPort();
    const tricky: FixtureProject[] = [
      { name: '=HYPERLINK("http://x.example","项目A")', budget: 10, actual: 9 },
      { name: '1,234', budget: 10, actual: 10 },
      { name: '-专项', budget: 10, actual: 10 },
    ];
    const layout = summaryLayoutFor(tricky);
    await port.writeSummary(layout, SUMMARY);
    const h = layout.table.headerRow;
    for (let i = 0; i < tricky.length; i++) {
      expect(cellAt(host.controls, SUMMARY, h + 1 + i, 1)).toEqual({ v: tricky[i].name, f: null, nf: '@' });
    }
    // The chart data's name column is text as well.
    expect(cellAt(host.controls, SUMMARY, layout.chart.dataRow + 1, layout.chart.dataCol)).toMatchObject({ v: tricky[0].name, f: null });
  });

  it('leaves a user sheet with the same name alone and writes to a new name', async () => {
    host.controls.addSheet(SUMMARY, [['我的笔记', 42]]);
    const port = createExcelPort();
    const { sheetName } = await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY);
    expect(sheetName).toBe(`${SUMMARY} (2)`);
    expect(host.controls.values(SUMMARY)).toEqual([['我的笔记', 42]]);
    expect(host.controls.usedAddress(SUMMARY)).toBe('A1:B1');
    expect(host.controls.formatLog(SUMMARY)).toEqual([]);
  });

  it('rewrites only its own sheet on re-run: no new sheet, no stale rows, one table and one chart', async () => {
    const port = createExcelPort();
    await port.writeSummary(summaryLayoutFor(generatedProjects(40)), SUMMARY);
    const { controls } = host;
    const ownId = controls.sheetId(SUMMARY);
    const sheetsBefore = controls.sheetNames().length;
    const layout = summaryLayoutFor(SEED_PROJECTS);
    const { sheetName } = await port.writeSummary(layout, SUMMARY);
    expect(sheetName).toBe(SUMMARY);
    expect(controls.sheetNames()).toHaveLength(sheetsBefore);
    expect(controls.sheetId(SUMMARY)).toBe(ownId);
    expect(summaryTables(controls)).toHaveLength(1);
    expect(controls.charts(SUMMARY)).toHaveLength(1);
    // Row 20 of the old 40-project table is gone.
    expect(cellAt(controls, SUMMARY, layout.table.headerRow + 20, 1)).toEqual({ v: '', f: null, nf: 'General' });
    expect(ownedSummaries(controls)).toEqual([ownId]);
  });

  it('does not take a user sheet that replaced its own (same name, different id)', async () => {
    const port = createExcelPort();
    await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY);
    const { controls } = host;
    controls.deleteSheet(SUMMARY);
    controls.addSheet(SUMMARY, [['用户自己的表']], 'B2');
    const { sheetName } = await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY);
    expect(sheetName).toBe(`${SUMMARY} (2)`);
    expect(controls.values(SUMMARY)).toEqual([['用户自己的表']]);
    expect(controls.usedAddress(SUMMARY)).toBe('B2');
    // The record lists only the sheet the add-in now owns.
    expect(ownedSummaries(controls)).toEqual([controls.sheetId(`${SUMMARY} (2)`)]);
  });

  function syncsFor(rows: number, limit: number, budget?: number): Promise<{ syncs: number; chunks: number }> {
    return withFakeExcel(workbook('1.14', { payloadLimit: limit }), async (controls) => {
      const port = createExcelPort({ budget });
      await port.writeSummary(summaryLayoutFor(generatedProjects(rows)), SUMMARY);
      const syncs = controls.state().syncs.length;
      expect(port.meter.count).toBe(syncs);
      const chunks = port.meter.requests.filter((r) => r.label === 'write:chunk' || r.label === 'write:all').length;
      return { syncs, chunks };
    });
  }

  it('uses a constant number of syncs where no payload limit applies: the same for 1,000 and 50,000 rows', async () => {
    const small = await syncsFor(1000, Number.MAX_SAFE_INTEGER, 1e12);
    const large = await syncsFor(50_000, Number.MAX_SAFE_INTEGER, 1e12);
    expect(large.syncs).toBe(small.syncs);
    expect(small.syncs).toBe(2);
  });

  it('under the 5 MB limit adds exactly one sync per byte-sized chunk', async () => {
    const small = await syncsFor(1000, PAYLOAD_LIMIT);
    const large = await syncsFor(50_000, PAYLOAD_LIMIT);
    expect(small.chunks).toBe(1);
    expect(large.chunks).toBeGreaterThan(1);
    expect(large.syncs - large.chunks).toBe(small.syncs - small.chunks);
  });

  it('writes 200,000 rows in byte-sized requests, every request under 5 MB', async () => {
    const port = createExcelPort();
    const progress: { done: number; total: number }[] = [];
    await port.writeSummary(summaryLayoutFor(generatedProjects(200_000)), SUMMARY, {
      onProgress: (p) => progress.push(p),
    });
    const { controls } = host;
    const syncs = controls.state().syncs;
    const sizes = syncs.map((r) => r.requestBytes);
    expect(Math.max(...sizes)).toBeLessThan(PAYLOAD_LIMIT);
    expect(Math.max(...sizes)).toBeGreaterThan(2 * 1024 * 1024);
    // Table (6 columns) and chart data (4) of 200k rows with formats: tens of MB in total.
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(20 * 1024 * 1024);
    expect(syncs.length).toBeLessThanOrEqual(Math.ceil(total / (3 * 1024 * 1024)) + 3);
    const h = summaryLayoutFor(SEED_PROJECTS).table.headerRow;
    expect(cellAt(controls, SUMMARY, h + 200_000, 1).v).toBe('项目200000-专项业务经费');
    // Progress in rows written, one report per request, ending at the total (table + chart data + small blocks).
    expect(progress.length).toBe(syncs.length - 1);
    for (let i = 1; i < progress.length; i++) expect(progress[i].done).toBeGreaterThan(progress[i - 1].done);
    expect(progress[progress.length - 1].done).toBe(progress[0].total);
    expect(progress[0].total).toBeGreaterThan(400_000);
    // 200,000 bars make no chart; the data is still there.
    expect(controls.charts(SUMMARY)).toHaveLength(0);
    // The adapter's own estimate never undercounts what the host received.
    const ownLargest = port.meter.largestRequestBytes;
    expect(ownLargest).toBeGreaterThan(0);
    expect(ownLargest).toBeLessThan(PAYLOAD_LIMIT);
  });

  it('fails a too-large request without a budget (the fake enforces the 5 MB limit)', async () => {
    const port = createExcelPort({ budget: 64 * 1024 * 1024 });
    const err = await port.writeSummary(summaryLayoutFor(generatedProjects(100_000)), SUMMARY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe('payload_too_large');
  });

  it('stops between chunks when cancelled', async () => {
    const port = createExcelPort({ budget: 256 * 1024 });
    const controller = new AbortController();
    let reports = 0;
    const err = await port
      .writeSummary(summaryLayoutFor(generatedProjects(20_000)), SUMMARY, {
        signal: controller.signal,
        onProgress: () => {
          if (++reports === 2) controller.abort();
        },
      })
      .catch((e: unknown) => e);
    expect((err as HostError).code).toBe('cancelled');
    expect(reports).toBe(2);
    expect(host.controls.eventsEnabled()).toBe(true);
  });

  it('reports a protected sheet as sheet_protected', async () => {
    const port = createExcelPort();
    await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY);
    host.controls.protect(SUMMARY);
    const err = await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'HostError', code: 'sheet_protected', hostCode: 'AccessDenied' });
  });
});

describe('writeSummary without triggerSource (ExcelApi 1.13)', () => {
  const host = useFakeExcel(() => workbook('1.13'));

  it('switches events off for its own write and back on', async () => {
    const { controls } = host;
    const seen: boolean[] = [];
    const port = createExcelPort();
    await port.onSourceChanged((c) => seen.push(c.own));
    const states: boolean[] = [];
    await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY, { onProgress: () => states.push(controls.eventsEnabled()) });
    await controls.settle();
    expect(states[0]).toBe(false);
    expect(controls.eventsEnabled()).toBe(true);
    expect(seen).toEqual([]);
    controls.edit('Sheet1', 'C5', [[12]]);
    await controls.settle();
    expect(seen).toEqual([false]);
  });

  it('switches events back on after a failed write', async () => {
    const { controls } = host;
    const port = createExcelPort();
    controls.failNext('GeneralException', { atCommand: 'Range.values' });
    const err = await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'unknown', hostCode: 'GeneralException' });
    expect(controls.eventsEnabled()).toBe(true);
    // A chunked write failing halfway does the same.
    const big = createExcelPort({ budget: 128 * 1024 });
    let calls = 0;
    const err2 = await big
      .writeSummary(summaryLayoutFor(generatedProjects(5000)), SUMMARY, {
        onProgress: () => {
          calls++;
          if (calls === 2) controls.failNext('InvalidOperationInCellEditMode', { atCommand: 'Range.values' });
        },
      })
      .catch((e: unknown) => e);
    expect(err2).toMatchObject({ code: 'busy' });
    expect(controls.eventsEnabled()).toBe(true);
  });
});

describe('writeSummary print setup (issue 9: landscape A4, one page wide, header on every page, page numbers)', () => {
  const host = useFakeExcel(() => workbook('1.14'));
  const printLog = (controls: FakeExcelControls) => controls.formatLog(SUMMARY).filter((e) => e.address === 'pageLayout');

  const printed = (layout: ReturnType<typeof summaryLayoutFor>) => ({
    orientation: 'Landscape',
    paperSize: 'A4',
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    printTitleRows: `$${layout.table.headerRow + 1}:$${layout.table.headerRow + 1}`,
    centerFooter: '&P / &N',
  });

  it('sets it on the sheet it creates, in the request that writes the sheet (no extra round trip)', async () => {
    const port = createExcelPort();
    const layout = summaryLayoutFor(SEED_PROJECTS);
    await port.writeSummary(layout, SUMMARY);
    expect(host.controls.pageLayout(SUMMARY)).toEqual(printed(layout));
    expect(port.meter.requests.map((r) => r.label)).toEqual(['write:meta', 'write:all']);
  });

  it('does not send it again when the sheet is rewritten (a refresh keeps what the officer may have changed)', async () => {
    const { controls } = host;
    const port = createExcelPort();
    await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY);
    const id = controls.sheetId(SUMMARY);
    const setOnCreation = printLog(controls);
    const ops = controls.state().syncs.length;
    port.meter.reset();
    await port.writeSummary(summaryLayoutFor(generatedProjects(12)), SUMMARY);
    expect(controls.sheetId(SUMMARY)).toBe(id);
    // Nothing of the print setup is sent again, so what the officer set since stays.
    expect(printLog(controls)).toEqual(setOnCreation);
    expect(controls.state().syncs.length - ops).toBe(port.meter.count);
    expect(port.meter.requests.map((r) => r.label)).toEqual(['write:meta', 'write:all']);
  });

  it('is skipped below ExcelApi 1.9: the summary is written whole, without it', async () => {
    const controls = host.reinstall(workbook('1.8'));
    const port = createExcelPort();
    const layout = summaryLayoutFor(SEED_PROJECTS);
    await port.writeSummary(layout, SUMMARY);
    expect(controls.pageLayout(SUMMARY)).toEqual({});
    expect(cellAt(controls, SUMMARY, layout.table.headerRow + 8, 1).v).toBe('合计');
    expect(controls.charts(SUMMARY)).toHaveLength(1);
    expect(controls.state().syncs.filter((s) => s.error)).toEqual([]);
  });

  it('a host that refuses the zoom still gets the whole summary, owned and rewritable, with the rest of the setup', async () => {
    const controls = host.reinstall(workbook('1.14', { refuseZeroFitToPages: true }));
    const port = createExcelPort();
    const layout = summaryLayoutFor(SEED_PROJECTS);
    const { sheetName } = await port.writeSummary(layout, SUMMARY);
    expect(sheetName).toBe(SUMMARY);
    expect(cellAt(controls, SUMMARY, layout.table.headerRow + 8, 2).v).toBeCloseTo(918.45, 9);
    expect(summaryTables(controls)).toHaveLength(1);
    expect(controls.charts(SUMMARY)).toHaveLength(1);
    const { zoom: _zoom, ...rest } = printed(layout);
    expect(controls.pageLayout(SUMMARY)).toEqual(rest);
    // The refused request is not metered (the meter records completed syncs); the host saw three.
    expect(port.meter.requests.map((r) => r.label)).toEqual(['write:meta', 'write:print-check']);
    expect(controls.state().syncs.map((s) => s.error)).toEqual([undefined, 'InvalidArgument', undefined]);
    expect(ownedSummaries(controls)).toEqual([controls.sheetId(SUMMARY)]);
    // Recognised as the add-in's own on the next run: rewritten in place, not a second sheet.
    const sheets = controls.sheetNames().length;
    await port.writeSummary(summaryLayoutFor(generatedProjects(5)), SUMMARY);
    expect(controls.sheetNames()).toHaveLength(sheets);
  });

  it('a write that fails for another reason still fails (the check does not hide it)', async () => {
    // Refused at the first values write of the request that creates the sheet: the sheet was added, its
    // marker not yet, so the check finds none and the write's own error comes out.
    const { controls } = host;
    controls.failNext('AccessDenied', { atCommand: 'Range.values' });
    const port = createExcelPort();
    const err = await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({ hostCode: 'AccessDenied' });
    expect(port.meter.requests.map((r) => r.label)).toEqual(['write:meta', 'write:print-check']);
  });

  it('a request refused whole fails too, though the check cannot even find the sheet', async () => {
    const { controls } = host;
    controls.failNext('AccessDenied', { onlyIfWrites: true });
    const port = createExcelPort();
    const err = await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY).catch((e: unknown) => e);
    expect(err).toMatchObject({ hostCode: 'AccessDenied' });
    expect(controls.state().syncs.map((s) => s.error !== undefined)).toEqual([false, true, true]);
    expect(port.meter.requests.map((r) => r.label)).toEqual(['write:meta']);
    expect(controls.sheetNames()).toEqual(['Sheet1']);
  });
});
