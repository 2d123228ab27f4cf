// The workbook port's contract: the same cases on every port — the Office.js port on the fake Excel host
// (test/e2e/fakeHost, the browser tests' host), XlsxWorkbook (the batch command's .xlsx copy) and the
// pane tests' in-memory port (test/taskpane/fakePort.ts). Which summary sheet may be rewritten is one
// engine rule (chooseSummarySheet, src/engine/summary/summaryOwnership.ts) that every port follows.
import ExcelJS from 'exceljs';
import type { HighlightSpec, Settings, WorkbookPort } from '../../src/engine/workbookPort';
import type { CellValue, Grid } from '../../src/engine/types';
import type { SummaryLayout } from '../../src/engine/summary/summaryTypes';
import { runWorkflow } from '../../src/engine/workflow';
import { createExcelPort } from '../../src/excel/officePort';
import { XlsxWorkbook } from '../../src/xlsx/xlsxWorkbook';
import { installFakeExcelInNode, type SeedCell } from '../e2e/fakeHost/node';
import { FakePort } from '../taskpane/fakePort';

jest.setTimeout(60_000);

interface SheetSeed {
  name: string;
  rows: CellValue[][];
}

/** One port over a workbook of these sheets, and a way to look at the workbook afterwards. */
interface Opened {
  port: WorkbookPort;
  sheetNames(): Promise<string[]>;
  /** The sheet's cell values from A1, '' or null for empty cells. */
  values(sheet: string): Promise<CellValue[][]>;
  /** How many of the add-in's highlight rules the sheet carries. */
  highlightRules(sheet: string): Promise<number>;
  close(): void;
}

interface Harness {
  name: string;
  open(sheets: SheetSeed[]): Promise<Opened>;
  /** The error code a read of a missing sheet rejects with. */
  missingSheetCode: string;
}

/** A summary layout's values placed on a grid, as a host writes them. */
function layoutGrid(layout: SummaryLayout): CellValue[][] {
  const grid: CellValue[][] = [];
  for (const block of layout.blocks) {
    block.values.forEach((row, i) => {
      const line = (grid[block.row + i] ??= []);
      row.forEach((v, j) => (line[block.col + j] = v as CellValue));
    });
  }
  return grid;
}

const officeHarness: Harness = {
  name: 'Office.js port on the fake Excel host',
  missingSheetCode: 'not_found',
  async open(sheets) {
    const fake = installFakeExcelInNode({
      sheets: sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map((v) => (v ?? null) as SeedCell)) })),
      activeSheet: sheets[0].name,
      selection: 'A1',
    });
    return {
      port: createExcelPort(),
      sheetNames: async () => fake.controls.sheetNames(),
      values: async (sheet) => fake.controls.values(sheet, fake.controls.usedAddress(sheet)?.replace(/^[A-Z]+\d+/, 'A1') ?? 'A1'),
      highlightRules: async (sheet) => fake.controls.rules(sheet).filter((r) => r.type === 'Custom' && r.formula !== null).length,
      close: () => fake.uninstall(),
    };
  },
};

const xlsxHarness: Harness = {
  name: 'XlsxWorkbook (.xlsx copy)',
  missingSheetCode: 'unknown_sheet',
  async open(sheets) {
    const input = new ExcelJS.Workbook();
    for (const s of sheets) input.addWorksheet(s.name).addRows(s.rows.map((r) => r.map((v) => v ?? null)));
    const book = await XlsxWorkbook.fromBuffer(Buffer.from(await input.xlsx.writeBuffer()));
    const copy = async (): Promise<ExcelJS.Workbook> => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
      return wb;
    };
    return {
      port: book,
      sheetNames: async () => (await copy()).worksheets.map((ws) => ws.name),
      async values(sheet) {
        const ws = (await copy()).getWorksheet(sheet);
        const out: CellValue[][] = [];
        ws?.eachRow({ includeEmpty: true }, (row, r) => {
          const values = (row.values as unknown[]).slice(1);
          out[r - 1] = values.map((v) => (v && typeof v === 'object' && 'result' in v ? (v as { result: CellValue }).result : (v as CellValue)));
        });
        return out;
      },
      async highlightRules(sheet) {
        const ws = (await copy()).getWorksheet(sheet) as unknown as { conditionalFormattings?: { rules: unknown[] }[] };
        return (ws.conditionalFormattings ?? []).reduce((n, cf) => n + cf.rules.length, 0);
      },
      close: () => undefined,
    };
  },
};

const testPortHarness: Harness = {
  name: 'the pane tests\' in-memory port',
  missingSheetCode: 'not_found',
  async open(sheets) {
    const port = new FakePort(sheets[0].rows as Grid);
    port.sheetName = sheets[0].name;
    for (const s of sheets.slice(1)) port.otherSheets[s.name] = s.rows as Grid;
    // The in-memory port keeps the specs it was given; a sheet carries the rules of its last apply (one per
    // band edge and over-budget: 3, as the hosts write) until it is cleared.
    const currentHighlight = new Map<string, number>();
    const apply = port.applyHighlights.bind(port);
    const clear = port.clearHighlights.bind(port);
    port.applyHighlights = async (spec: HighlightSpec) => {
      await apply(spec);
      currentHighlight.set(spec.sheet, 3);
    };
    port.clearHighlights = async (sheet: string) => {
      await clear(sheet);
      currentHighlight.set(sheet, 0);
    };
    return {
      port,
      sheetNames: async () => [port.sheetName, ...Object.keys(port.otherSheets), ...port.summarySheets],
      async values(sheet) {
        const summary = [...port.summaries].reverse().find((s) => s.sheetName === sheet);
        if (summary) return layoutGrid(summary.layout);
        return (sheet === port.sheetName ? port.grid : port.otherSheets[sheet]) ?? [];
      },
      highlightRules: async (sheet) => currentHighlight.get(sheet) ?? 0,
      close: () => undefined,
    };
  },
};

const HEADER: CellValue[] = ['序号', '项目名称', '全年预算数', '全年执行数'];
/** Names a spreadsheet would turn into formulas, numbers or booleans if written as typed input. */
const TRICKY_NAMES = ['=SUM(A1)', '-5', '+5', '001', '1e3', 'TRUE', '@项目'];

function source(names: string[] = ['甲项目', '乙项目', '丙项目']): SheetSeed {
  const rows: CellValue[][] = [['部门预算项目支出绩效自评表'], ['单位：万元'], HEADER];
  names.forEach((name, i) => rows.push([i + 1, name, 100, [95, 60, 120][i % 3]]));
  return { name: '自评表', rows };
}

const SETTINGS: Settings = { version: 1, schemeId: 'mof2020', band: { low: 0.9, high: 1 }, lang: 'zh', sheet: '自评表' };

/** Every text cell of a grid. */
const texts = (grid: CellValue[][]): string[] => grid.flat().filter((v): v is string => typeof v === 'string');

describe.each([officeHarness, xlsxHarness, testPortHarness])('workbook port contract: $name', (harness) => {
  let opened: Opened | null = null;
  afterEach(() => {
    opened?.close();
    opened = null;
  });
  const open = async (sheets: SheetSeed[]): Promise<Opened> => (opened = await harness.open(sheets));

  test('reads a source sheet: its header and project names, at A1', async () => {
    const { port } = await open([source(), { name: 'Notes', rows: [['说明']] }]);
    expect(await port.listSheets()).toEqual(expect.arrayContaining(['自评表', 'Notes']));
    const data = await port.readSource({ sheet: '自评表', scope: 'sheet' });
    expect(data.name).toBe('自评表');
    expect(data.origin).toEqual({ row: 1, col: 1 });
    expect(data.grid[2].slice(0, 4)).toEqual(HEADER);
    expect(data.grid.slice(3).map((r) => r[1])).toEqual(['甲项目', '乙项目', '丙项目']);
  });

  test('writes the summary, and a second run rewrites the same sheet instead of adding one', async () => {
    const w = await open([source()]);
    const first = await runWorkflow(w.port, SETTINGS);
    expect(first.summarySheet).toBe('绩效自评汇总');
    const second = await runWorkflow(w.port, first.settings);
    expect(second.summarySheet).toBe('绩效自评汇总');
    expect((await w.sheetNames()).sort()).toEqual(['绩效自评汇总', '自评表'].sort());
    expect(texts(await w.values('绩效自评汇总'))).toEqual(expect.arrayContaining(['甲项目', '乙项目', '丙项目']));
  });

  test("never touches a user's sheet that has the summary's name: writes beside it, then reuses its own", async () => {
    const mine: SheetSeed = { name: '绩效自评汇总', rows: [['我的笔记'], ['不要改', 42]] };
    const w = await open([source(), mine]);
    const first = await runWorkflow(w.port, SETTINGS);
    expect(first.summarySheet).toBe('绩效自评汇总 (2)');
    const second = await runWorkflow(w.port, { ...first.settings, summarySheet: '绩效自评汇总' });
    expect(second.summarySheet).toBe('绩效自评汇总 (2)');
    expect((await w.values('绩效自评汇总')).slice(0, 2).map((r) => r.filter((v) => v !== null && v !== ''))).toEqual([['我的笔记'], ['不要改', 42]]);
    expect((await w.sheetNames()).length).toBe(3);
  });

  test('never writes the summary over the source sheet, whatever the settings name', async () => {
    const w = await open([source()]);
    const outcome = await runWorkflow(w.port, { ...SETTINGS, summarySheet: '自评表' });
    expect(outcome.summarySheet).not.toBe('自评表');
    expect((await w.values('自评表'))[2].slice(0, 4)).toEqual(HEADER);
  });

  test('highlights are added for out-of-band rows and cleared again', async () => {
    const w = await open([source()]);
    const outcome = await runWorkflow(w.port, SETTINGS, { summary: false });
    expect(outcome.highlight).toMatchObject({ sheet: '自评表', firstRow: 4, lastRow: 6 });
    expect(await w.highlightRules('自评表')).toBeGreaterThan(0);
    await w.port.clearHighlights('自评表');
    expect(await w.highlightRules('自评表')).toBe(0);
  });

  test('settings: none at first, then what was saved comes back equal', async () => {
    const { port } = await open([source()]);
    expect(await port.loadSettings()).toBeNull();
    const full: Settings = {
      ...SETTINGS,
      override: { headerRow: 2, columns: { project: 1, budget: 2, actual: 3 }, unit: '万元' },
      source: { sheet: '自评表', kind: 'sheet' },
      autoRefresh: true,
      summarySheet: '绩效自评汇总',
      lastRefreshed: '2026-03-01T08:00:00.000Z',
      highlights: false,
      monitoringMonth: 9,
    };
    await port.saveSettings(full);
    expect(await port.loadSettings()).toEqual(full);
  });

  test('project names a spreadsheet would read as formulas or numbers stay text in the summary', async () => {
    const w = await open([source(TRICKY_NAMES)]);
    const outcome = await runWorkflow(w.port, SETTINGS);
    expect(outcome.evaluation.projects.map((p) => p.name)).toEqual(TRICKY_NAMES);
    const summary = texts(await w.values(outcome.summarySheet ?? ''));
    for (const name of TRICKY_NAMES) expect(summary).toContain(name);
  });

  test('reading a sheet that does not exist rejects with a coded error', async () => {
    const { port } = await open([source()]);
    await expect(port.readSource({ sheet: '没有这张表', scope: 'sheet' })).rejects.toMatchObject({ code: harness.missingSheetCode });
  });
});
