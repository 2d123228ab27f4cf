import { FakeWorkbook, PAYLOAD_LIMIT, type SheetState } from '../support/fakeExcel';
import { createExcelPort } from '../../src/excel/officePort';
import { HostError } from '../../src/excel/errors';
import { OWNERSHIP_KEY } from '../../src/excel/settings';
import { SEED_PROJECTS, generatedProjects, summaryLayoutFor, type FixtureProject } from './summaryFixture';

jest.setTimeout(240_000); // 200,000 rows through the fake host: a hang guard, not a timing

const SUMMARY = '绩效自评汇总';

function setup(apiVersion = '1.14'): { wb: FakeWorkbook; uninstall: () => void } {
  const wb = new FakeWorkbook({ apiVersion });
  wb.addSheet('Sheet1');
  return { wb, uninstall: wb.install() };
}

function column(sheet: SheetState, col: number, fromRow: number, count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => sheet.cell(fromRow + i, col)?.value);
}

describe('writeSummary', () => {
  let wb: FakeWorkbook;
  let uninstall: () => void;
  beforeEach(() => ({ wb, uninstall } = setup()));
  afterEach(() => uninstall());

  it('writes the seed summary: values, number formats, the table, the totals row under it, freeze and chart', async () => {
    const port = createExcelPort();
    const layout = summaryLayoutFor(SEED_PROJECTS);
    const { sheetName } = await port.writeSummary(layout, SUMMARY);
    expect(sheetName).toBe(SUMMARY);
    const sheet = wb.sheet(SUMMARY);
    const h = layout.table.headerRow;
    expect(column(sheet, 1, h, 3)).toEqual(['项目名称', '安全生产责任经费', '安全生产综合监管经费']);
    expect(sheet.cell(h + 1, 2)).toEqual({ value: 305.5, format: '0.00' });
    expect(sheet.cell(h + 1, 4)?.format).toBe('0.00%');
    expect(sheet.cell(h + 1, 4)?.value).toBeCloseTo(271.46 / 305.5, 12);
    expect(sheet.cell(h + 1, 1)?.format).toBe('@');
    // Totals row right under the last project, outside the table.
    expect(sheet.cell(h + 8, 1)?.value).toBe('合计');
    expect(sheet.cell(h + 8, 2)?.value).toBeCloseTo(918.45, 9);
    const table = wb.tables.find((t) => t.sheetId === sheet.id);
    expect(table?.rect).toEqual({ r: h, c: 0, rows: 8, cols: 6 });
    expect(sheet.frozenRows).toBe(h + 1);
    expect(sheet.widths.get(1)).toBeGreaterThan(sheet.widths.get(0) ?? 0);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({ type: 'ColumnClustered', title: '经费使用率', seriesTypes: { 1: 'Line', 2: 'Line' } });
    expect(sheet.charts[0].rect).toEqual({ r: layout.chart.dataRow, c: layout.chart.dataCol, rows: 8, cols: 4 });
    expect(sheet.cell(layout.chart.dataRow + 1, layout.chart.dataCol + 2)?.value).toBe(0.9);
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
    const sheet = wb.sheet(SUMMARY);
    const h = layout.table.headerRow;
    for (let i = 0; i < tricky.length; i++) {
      expect(sheet.cell(h + 1 + i, 1)).toEqual({ value: tricky[i].name, format: '@' });
    }
    // The chart data's name column is text as well.
    expect(sheet.cell(layout.chart.dataRow + 1, layout.chart.dataCol)?.value).toBe(tricky[0].name);
    expect(sheet.cell(layout.chart.dataRow + 1, layout.chart.dataCol)?.formula).toBeUndefined();
  });

  it('leaves a user sheet with the same name alone and writes to a new name', async () => {
    wb.addSheet(SUMMARY);
    wb.seed(SUMMARY, 'A1', [['我的笔记', 42]]);
    const port = createExcelPort();
    const { sheetName } = await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY);
    expect(sheetName).toBe(`${SUMMARY} (2)`);
    expect(wb.sheet(SUMMARY).read({ r: 0, c: 0, rows: 1, cols: 2 })).toEqual([['我的笔记', 42]]);
    expect(wb.sheet(SUMMARY).usedRect()).toEqual({ r: 0, c: 0, rows: 1, cols: 2 });
  });

  it('rewrites only its own sheet on re-run: no new sheet, no stale rows, one table and one chart', async () => {
    const port = createExcelPort();
    await port.writeSummary(summaryLayoutFor(generatedProjects(40)), SUMMARY);
    const ownId = wb.sheet(SUMMARY).id;
    const sheetsBefore = wb.sheets.length;
    const layout = summaryLayoutFor(SEED_PROJECTS);
    const { sheetName } = await port.writeSummary(layout, SUMMARY);
    expect(sheetName).toBe(SUMMARY);
    expect(wb.sheets).toHaveLength(sheetsBefore);
    const sheet = wb.sheet(SUMMARY);
    expect(sheet.id).toBe(ownId);
    expect(wb.tables.filter((t) => t.sheetId === ownId)).toHaveLength(1);
    expect(sheet.charts).toHaveLength(1);
    // Row 20 of the old 40-project table is gone.
    expect(sheet.cell(layout.table.headerRow + 20, 1)).toBeUndefined();
    expect(JSON.parse(String(wb.savedSettings.get(OWNERSHIP_KEY))).summarySheetIds).toEqual([ownId]);
  });

  it('does not take a user sheet that replaced its own (same name, different id)', async () => {
    const port = createExcelPort();
    await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY);
    wb.sheets = wb.sheets.filter((s) => s.name !== SUMMARY);
    wb.tables = [];
    wb.addSheet(SUMMARY);
    wb.seed(SUMMARY, 'B2', [['用户自己的表']]);
    const { sheetName } = await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY);
    expect(sheetName).toBe(`${SUMMARY} (2)`);
    expect(wb.sheet(SUMMARY).cell(1, 1)?.value).toBe('用户自己的表');
    // The record lists only the sheet the add-in now owns.
    expect(JSON.parse(String(wb.savedSettings.get(OWNERSHIP_KEY))).summarySheetIds).toEqual([wb.sheet(`${SUMMARY} (2)`).id]);
  });

  async function syncsFor(rows: number, limit: number, budget?: number): Promise<{ syncs: number; chunks: number }> {
    const local = new FakeWorkbook();
    local.addSheet('Sheet1');
    local.limit = limit;
    const off = local.install();
    try {
      const port = createExcelPort({ budget });
      await port.writeSummary(summaryLayoutFor(generatedProjects(rows)), SUMMARY);
      expect(port.meter.count).toBe(local.requests.length);
      const chunks = port.meter.requests.filter((r) => r.label === 'write:chunk' || r.label === 'write:all').length;
      return { syncs: local.requests.length, chunks };
    } finally {
      off();
    }
  }

  it('uses a constant number of syncs where no payload limit applies: the same for 1,000 and 50,000 rows', async () => {
    const small = await syncsFor(1000, Infinity, 1e12);
    const large = await syncsFor(50_000, Infinity, 1e12);
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
    const sizes = wb.requests.map((r) => r.requestBytes);
    expect(Math.max(...sizes)).toBeLessThan(PAYLOAD_LIMIT);
    expect(Math.max(...sizes)).toBeGreaterThan(2 * 1024 * 1024);
    // Table (6 columns) and chart data (4) of 200k rows with formats: tens of MB in total.
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(20 * 1024 * 1024);
    expect(wb.requests.length).toBeLessThanOrEqual(Math.ceil(total / (3 * 1024 * 1024)) + 3);
    const sheet = wb.sheet(SUMMARY);
    const h = summaryLayoutFor(SEED_PROJECTS).table.headerRow;
    expect(sheet.cell(h + 200_000, 1)?.value).toBe('项目200000-专项业务经费');
    // Progress in rows written, one report per request, ending at the total (table + chart data + small blocks).
    expect(progress.length).toBe(wb.requests.length - 1);
    for (let i = 1; i < progress.length; i++) expect(progress[i].done).toBeGreaterThan(progress[i - 1].done);
    expect(progress[progress.length - 1].done).toBe(progress[0].total);
    expect(progress[0].total).toBeGreaterThan(400_000);
    // 200,000 bars make no chart; the data is still there.
    expect(sheet.charts).toHaveLength(0);
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
    expect(wb.enableEvents).toBe(true);
  });

  it('reports a protected sheet as sheet_protected', async () => {
    const port = createExcelPort();
    await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY);
    wb.sheet(SUMMARY).protected = true;
    const err = await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'HostError', code: 'sheet_protected', officeCode: 'AccessDenied' });
  });
});

describe('writeSummary without triggerSource (ExcelApi 1.13)', () => {
  it('switches events off for its own write and back on', async () => {
    const { wb, uninstall } = setup('1.13');
    try {
      const seen: boolean[] = [];
      const port = createExcelPort();
      await port.onSourceChanged((c) => seen.push(c.own));
      const states: boolean[] = [];
      await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY, { onProgress: () => states.push(wb.enableEvents) });
      await wb.settle();
      expect(states[0]).toBe(false);
      expect(wb.enableEvents).toBe(true);
      expect(seen).toEqual([]);
      wb.userEdit('Sheet1', 'C5', [[12]]);
      await wb.settle();
      expect(seen).toEqual([false]);
    } finally {
      uninstall();
    }
  });

  it('switches events back on after a failed write', async () => {
    const { wb, uninstall } = setup('1.13');
    try {
      const port = createExcelPort();
      wb.failNextWrite = 'GeneralException';
      const err = await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'unknown', officeCode: 'GeneralException' });
      expect(wb.enableEvents).toBe(true);
      // A chunked write failing halfway does the same.
      wb.failNextWrite = null;
      const big = createExcelPort({ budget: 128 * 1024 });
      let calls = 0;
      const err2 = await big
        .writeSummary(summaryLayoutFor(generatedProjects(5000)), SUMMARY, {
          onProgress: () => {
            calls++;
            if (calls === 2) wb.failNextWrite = 'InvalidOperationInCellEditMode';
          },
        })
        .catch((e: unknown) => e);
      expect(err2).toMatchObject({ code: 'busy' });
      expect(wb.enableEvents).toBe(true);
    } finally {
      uninstall();
    }
  });
});

describe('writeSummary print setup (issue 9: landscape A4, one page wide, header on every page, page numbers)', () => {
  let wb: FakeWorkbook;
  let uninstall: () => void;
  afterEach(() => uninstall());

  const printed = (layout: ReturnType<typeof summaryLayoutFor>) => ({
    orientation: 'Landscape',
    paperSize: 'A4',
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    printTitleRows: `$${layout.table.headerRow + 1}:$${layout.table.headerRow + 1}`,
    centerFooter: '&P / &N',
  });

  it('sets it on the sheet it creates, in the request that writes the sheet (no extra round trip)', async () => {
    ({ wb, uninstall } = setup('1.14'));
    const port = createExcelPort();
    const layout = summaryLayoutFor(SEED_PROJECTS);
    await port.writeSummary(layout, SUMMARY);
    expect(wb.sheet(SUMMARY).pageLayout).toEqual(printed(layout));
    expect(port.meter.requests.map((r) => r.label)).toEqual(['write:meta', 'write:all']);
  });

  it('does not send it again when the sheet is rewritten (a refresh keeps what the officer may have changed)', async () => {
    ({ wb, uninstall } = setup('1.14'));
    const port = createExcelPort();
    await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY);
    const sheet = wb.sheet(SUMMARY);
    sheet.pageLayout = { orientation: 'Portrait' };
    const ops = wb.requests.length;
    port.meter.reset();
    await port.writeSummary(summaryLayoutFor(generatedProjects(12)), SUMMARY);
    expect(wb.sheet(SUMMARY).id).toBe(sheet.id);
    expect(wb.sheet(SUMMARY).pageLayout).toEqual({ orientation: 'Portrait' });
    expect(wb.requests.length - ops).toBe(port.meter.count);
    expect(port.meter.requests.map((r) => r.label)).toEqual(['write:meta', 'write:all']);
  });

  it('is skipped below ExcelApi 1.9: the summary is written whole, without it', async () => {
    ({ wb, uninstall } = setup('1.8'));
    const port = createExcelPort();
    const layout = summaryLayoutFor(SEED_PROJECTS);
    await port.writeSummary(layout, SUMMARY);
    const sheet = wb.sheet(SUMMARY);
    expect(sheet.pageLayout).toEqual({});
    expect(sheet.cell(layout.table.headerRow + 8, 1)?.value).toBe('合计');
    expect(sheet.charts).toHaveLength(1);
  });

  it('a host that refuses the zoom still gets the whole summary, owned and rewritable, with the rest of the setup', async () => {
    ({ wb, uninstall } = setup('1.14'));
    wb.refuseZeroFitToPages = true;
    const port = createExcelPort();
    const layout = summaryLayoutFor(SEED_PROJECTS);
    const { sheetName } = await port.writeSummary(layout, SUMMARY);
    expect(sheetName).toBe(SUMMARY);
    const sheet = wb.sheet(SUMMARY);
    expect(sheet.cell(layout.table.headerRow + 8, 2)?.value).toBeCloseTo(918.45, 9);
    expect(wb.tables.filter((t) => t.sheetId === sheet.id)).toHaveLength(1);
    expect(sheet.charts).toHaveLength(1);
    const { zoom: _zoom, ...rest } = printed(layout);
    expect(sheet.pageLayout).toEqual(rest);
    // The refused request is not metered (the meter records completed syncs); the host saw three.
    expect(port.meter.requests.map((r) => r.label)).toEqual(['write:meta', 'write:print-check']);
    expect(wb.requests).toHaveLength(3);
    expect(JSON.parse(String(wb.savedSettings.get(OWNERSHIP_KEY))).summarySheetIds).toEqual([sheet.id]);
    // Recognised as the add-in's own on the next run: rewritten in place, not a second sheet.
    const sheets = wb.sheets.length;
    await port.writeSummary(summaryLayoutFor(generatedProjects(5)), SUMMARY);
    expect(wb.sheets).toHaveLength(sheets);
  });

  it('a write that fails for another reason still fails (the check does not hide it)', async () => {
    ({ wb, uninstall } = setup('1.14'));
    wb.failNextWrite = 'AccessDenied';
    const port = createExcelPort();
    const err = await port.writeSummary(summaryLayoutFor(SEED_PROJECTS), SUMMARY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(port.meter.requests.map((r) => r.label)).toEqual(['write:meta', 'write:print-check']);
  });
});
