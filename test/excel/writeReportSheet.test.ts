// The draft report sheet on the fake Office.js host: one paragraph per row as text, headings bold,
// wrapped to an A4 portrait page; rewritten only when it is provably the add-in's; a user's sheet of the
// same name (or a record pointing at it) is never cleared.
import { FakeWorkbook, type SheetState } from '../support/fakeExcel';
import { createExcelPort } from '../../src/excel/officePort';
import { OWNERSHIP_KEY } from '../../src/excel/settings';
import { evaluateSheet } from '../../src/engine/evaluateSheet';
import { buildReport } from '../../src/engine/report/build';
import { reportInputFromTable } from '../../src/engine/report/fromTable';
import { isReportSheetName, layoutReportSheet, REPORT_COLUMN_POINTS, REPORT_SHEET_NAME, type ReportSheetLayout } from '../../src/engine/report/sheetLayout';
import { reportChunks } from '../../src/excel/writeReportSheet';
import { BUILTIN_SCHEMES } from '../../src/engine/schemes';
import type { Grid, Lang } from '../../src/engine/types';
import { SEED } from '../support/seed';

const NAME = REPORT_SHEET_NAME.zh;

function seedLayout(lang: Lang = 'zh', names: readonly string[] = SEED.names): ReportSheetLayout {
  const grid: Grid = [
    ['单位：万元'],
    ['序号', '项目名称', '预算数', '实际执行数', '产出绩效', '效益绩效', '总绩效'],
    ...names.map((name, i) => [i + 1, name, SEED.budgets[i], SEED.actuals[i], SEED.output[i], SEED.benefit[i], SEED.totals[i]]),
  ];
  const sheet = { name: 'Sheet1', grid, origin: { row: 1, col: 1 } };
  const result = evaluateSheet(sheet, { scheme: BUILTIN_SCHEMES.wuhan2018 });
  if (!result.ok) throw new Error(result.error.code);
  const input = reportInputFromTable({ evaluation: result.evaluation, scheme: BUILTIN_SCHEMES.wuhan2018, sheet, detection: result.detection }, lang);
  return layoutReportSheet(buildReport(input, lang));
}

function columnA(sheet: SheetState): unknown[] {
  const used = sheet.usedRect();
  return used ? Array.from({ length: used.rows }, (_, i) => sheet.cell(used.r + i, 0)?.value) : [];
}

let wb: FakeWorkbook;
let uninstall: () => void;
beforeEach(() => {
  wb = new FakeWorkbook({ apiVersion: '1.14' });
  wb.addSheet('Sheet1');
  uninstall = wb.install();
});
afterEach(() => uninstall());

describe('writeReportSheet', () => {
  it('writes one paragraph per row as text, headings bold, wrapped, sized to print on A4 portrait', async () => {
    const layout = seedLayout();
    const { sheetName } = await createExcelPort().writeReportSheet!(layout, NAME);
    expect(sheetName).toBe(NAME);
    const sheet = wb.sheet(NAME);
    expect(columnA(sheet)).toEqual(layout.rows.map((r) => r.text));
    expect(columnA(sheet)).toContain('经费使用率为88.75%，低于合理区间下限90.00%，须说明原因。');
    const row = (text: string) => layout.rows.findIndex((r) => r.text === text);
    const heading = sheet.cell(row('三、保障安全生产专项经费'), 0);
    expect(heading).toMatchObject({ format: '@', bold: true, wrap: true });
    const body = sheet.cell(row('经费使用率为88.75%，低于合理区间下限90.00%，须说明原因。'), 0);
    expect(body).toMatchObject({ format: '@', bold: false, wrap: true, fontSize: 11 });
    expect(body?.fill).toBeUndefined();
    // A row holding a placeholder is shaded.
    expect(sheet.cell(layout.rows.findIndex((r) => r.text.includes('【待补充')), 0)?.fill).toBe('#FFF2CC');
    expect(sheet.widths.get(0)).toBe(REPORT_COLUMN_POINTS);
    expect(sheet.autofitRows).toBeGreaterThan(0);
    expect(sheet.pageLayout).toEqual({ orientation: 'Portrait', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, centerFooter: '&P / &N' });
    // Shown to the officer, and marked as the add-in's.
    expect(wb.activeSheetId).toBe(sheet.id);
    expect(sheet.names.get('budgetperformance_report')).toMatchObject({ visible: false });
    expect(JSON.parse(wb.settings.get(OWNERSHIP_KEY) as string).reportSheetIds).toEqual([sheet.id]);
  });

  it('keeps a paragraph that looks like a formula as text', async () => {
    const layout = seedLayout('zh', ['=HYPERLINK("http://x.example","A")', ...SEED.names.slice(1)]);
    await createExcelPort().writeReportSheet!(layout, NAME);
    const cells = [...wb.sheet(NAME).cells.values()].flatMap((r) => [...r.values()]);
    expect(cells.some((c) => c.formula)).toBe(false);
    expect(columnA(wb.sheet(NAME))).toContain('一、=HYPERLINK("http://x.example","A")');
  });

  it('rewrites its own sheet in place, leaving no row of a longer earlier draft', async () => {
    const port = createExcelPort();
    await port.writeReportSheet!(seedLayout(), NAME);
    const id = wb.sheet(NAME).id;
    const shorter = seedLayout('en');
    const { sheetName } = await port.writeReportSheet!({ ...shorter, rows: shorter.rows.slice(0, 5) }, NAME);
    expect(sheetName).toBe(NAME);
    expect(wb.sheet(NAME).id).toBe(id);
    expect(columnA(wb.sheet(NAME))).toEqual(shorter.rows.slice(0, 5).map((r) => r.text));
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1', NAME]);
  });

  it('never overwrites a user’s sheet of that name, even when the record claims it', async () => {
    const mine = wb.addSheet(NAME);
    mine.put(0, 0, { value: '我自己写的报告', format: 'General' });
    wb.settings.set(OWNERSHIP_KEY, JSON.stringify({ summarySheetIds: [], highlights: [], reportSheetIds: [mine.id] }));
    const { sheetName, keptSheets } = await createExcelPort().writeReportSheet!(seedLayout(), NAME);
    expect(sheetName).toBe(`${NAME} (2)`);
    expect(keptSheets).toEqual([NAME]);
    expect(mine.cell(0, 0)?.value).toBe('我自己写的报告');
    expect(mine.pageLayout).toEqual({});
    // The record now lists the sheet it wrote, not the user's.
    expect(JSON.parse(wb.settings.get(OWNERSHIP_KEY) as string).reportSheetIds).toEqual([wb.sheet(`${NAME} (2)`).id]);
  });

  it('never writes over the source sheet, whatever the record says', async () => {
    const port = createExcelPort();
    await port.writeReportSheet!(seedLayout(), NAME);
    const { sheetName } = await port.writeReportSheet!(seedLayout(), NAME, { sourceSheet: NAME });
    expect(sheetName).toBe(`${NAME} (2)`);
  });

  it('writes the report without print setup where Worksheet.pageLayout is missing (ExcelApi 1.8)', async () => {
    uninstall();
    wb = new FakeWorkbook({ apiVersion: '1.8' });
    wb.addSheet('Sheet1');
    uninstall = wb.install();
    const layout = seedLayout();
    await createExcelPort({ canUseTriggerSource: false }).writeReportSheet!(layout, NAME);
    expect(columnA(wb.sheet(NAME))).toHaveLength(layout.rows.length);
    expect(wb.sheet(NAME).pageLayout).toEqual({});
    expect(wb.enableEvents).toBe(true);
  });
});

describe('reportChunks', () => {
  it('splits the rows into requests under the budget, in order, none lost', () => {
    const rows = seedLayout().rows;
    const chunks = reportChunks(rows, 2000);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.flatMap((c) => c.rows)).toEqual(rows);
    chunks.forEach((c, i) => expect(c.start).toBe(i === 0 ? 0 : chunks[i - 1].start + chunks[i - 1].rows.length));
  });
});

describe('isReportSheetName', () => {
  it('knows the report sheet by its name in either language and its numbered variants, nothing else', () => {
    expect(['自评报告（草稿）', '自评报告（草稿） (2)', 'Self-evaluation report (draft)', 'self-evaluation report (draft) (3)'].map(isReportSheetName)).toEqual([true, true, true, true]);
    expect(['自评报告', '2018年度自评', '自评报告（草稿）副本'].map(isReportSheetName)).toEqual([false, false, false]);
  });
});
