// The draft report sheet on the fake Office.js host: one paragraph per row as text, headings bold,
// wrapped to an A4 portrait page; rewritten only when it is provably the add-in's; a user's sheet of the
// same name (or a record pointing at it) is never cleared.
import { a1, cellAt, useFakeExcel } from '../support/excelHost';
import type { FakeExcelControls } from '../e2e/fakeHost/node';
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

/** Column A of the sheet's used range (by values), top to bottom. */
function columnA(controls: FakeExcelControls, sheet: string): unknown[] {
  return controls.values(sheet).map((row) => row[0]);
}

/** The report's marker name on the sheet (names are case-insensitive in Excel). */
function reportMarker(controls: FakeExcelControls, sheet: string): { formula: string; visible: boolean } | undefined {
  return Object.entries(controls.names(sheet)).find(([name]) => name.toLowerCase() === 'budgetperformance_report')?.[1];
}

const reportSheetIds = (controls: FakeExcelControls): string[] => JSON.parse(String(controls.settings()[OWNERSHIP_KEY])).reportSheetIds;

const host = useFakeExcel(() => ({ sheets: [{ name: 'Sheet1', rows: [] }], supportedSets: { ExcelApi: '1.14' } }));

describe('writeReportSheet', () => {
  it('writes one paragraph per row as text, headings bold, wrapped, sized to print on A4 portrait', async () => {
    const layout = seedLayout();
    const { sheetName } = await createExcelPort().writeReportSheet!(layout, NAME);
    expect(sheetName).toBe(NAME);
    const { controls } = host;
    expect(columnA(controls, NAME)).toEqual(layout.rows.map((r) => r.text));
    expect(columnA(controls, NAME)).toContain('经费使用率为88.75%，低于合理区间下限90.00%，须说明原因。');
    const row = (text: string) => layout.rows.findIndex((r) => r.text === text);
    const look = (rowIndex: number): Record<string, unknown> => ({ nf: cellAt(controls, NAME, rowIndex, 0).nf, ...controls.cellFormat(NAME, a1(rowIndex, 0)) });
    expect(look(row('三、保障安全生产专项经费'))).toMatchObject({ nf: '@', 'format.font.bold': true, 'format.wrapText': true });
    const body = look(row('经费使用率为88.75%，低于合理区间下限90.00%，须说明原因。'));
    expect(body).toMatchObject({ nf: '@', 'format.font.bold': false, 'format.wrapText': true, 'format.font.size': 11 });
    expect(body['format.fill.color']).toBeUndefined();
    // A row holding a placeholder is shaded.
    const placeholder = look(layout.rows.findIndex((r) => r.text.includes('【待补充')));
    expect(String(placeholder['format.fill.color']).toUpperCase()).toBe('#FFF2CC');
    expect(controls.cellFormat(NAME, 'A1')['format.columnWidth']).toBe(REPORT_COLUMN_POINTS);
    expect(controls.formatLog(NAME).some((e) => e.path === 'format.autofitRows()')).toBe(true);
    expect(controls.pageLayout(NAME)).toEqual({ orientation: 'Portrait', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, centerFooter: '&P / &N' });
    // Shown to the officer, and marked as the add-in's.
    expect(controls.activeSheet()).toBe(NAME);
    expect(reportMarker(controls, NAME)).toMatchObject({ visible: false });
    expect(reportSheetIds(controls)).toEqual([controls.sheetId(NAME)]);
  });

  it('keeps a paragraph that looks like a formula as text', async () => {
    const layout = seedLayout('zh', ['=HYPERLINK("http://x.example","A")', ...SEED.names.slice(1)]);
    await createExcelPort().writeReportSheet!(layout, NAME);
    expect(host.controls.cells(NAME).flat().filter((c) => c.f !== null)).toEqual([]);
    expect(columnA(host.controls, NAME)).toContain('一、=HYPERLINK("http://x.example","A")');
  });

  it('rewrites its own sheet in place, leaving no row of a longer earlier draft', async () => {
    const port = createExcelPort();
    await port.writeReportSheet!(seedLayout(), NAME);
    const id = host.controls.sheetId(NAME);
    const shorter = seedLayout('en');
    const { sheetName } = await port.writeReportSheet!({ ...shorter, rows: shorter.rows.slice(0, 5) }, NAME);
    expect(sheetName).toBe(NAME);
    expect(host.controls.sheetId(NAME)).toBe(id);
    expect(columnA(host.controls, NAME)).toEqual(shorter.rows.slice(0, 5).map((r) => r.text));
    expect(host.controls.sheetNames()).toEqual(['Sheet1', NAME]);
  });

  it('never overwrites a user’s sheet of that name, even when the record claims it', async () => {
    const { controls } = host;
    controls.addSheet(NAME, [['我自己写的报告']]);
    const mine = controls.sheetId(NAME);
    Office.context.document.settings.set(OWNERSHIP_KEY, JSON.stringify({ summarySheetIds: [], highlights: [], reportSheetIds: [mine] }));
    const { sheetName, keptSheets } = await createExcelPort().writeReportSheet!(seedLayout(), NAME);
    expect(sheetName).toBe(`${NAME} (2)`);
    expect(keptSheets).toEqual([NAME]);
    expect(controls.values(NAME)).toEqual([['我自己写的报告']]);
    expect(controls.formatLog(NAME)).toEqual([]);
    // The record now lists the sheet it wrote, not the user's.
    expect(reportSheetIds(controls)).toEqual([controls.sheetId(`${NAME} (2)`)]);
  });

  it('never writes over the source sheet, whatever the record says', async () => {
    const port = createExcelPort();
    await port.writeReportSheet!(seedLayout(), NAME);
    const { sheetName } = await port.writeReportSheet!(seedLayout(), NAME, { sourceSheet: NAME });
    expect(sheetName).toBe(`${NAME} (2)`);
  });

  it('writes the report without print setup where Worksheet.pageLayout is missing (ExcelApi 1.8)', async () => {
    const controls = host.reinstall({ sheets: [{ name: 'Sheet1', rows: [] }], supportedSets: { ExcelApi: '1.8' } });
    const layout = seedLayout();
    await createExcelPort({ canUseTriggerSource: false }).writeReportSheet!(layout, NAME);
    expect(columnA(controls, NAME)).toHaveLength(layout.rows.length);
    expect(controls.pageLayout(NAME)).toEqual({});
    expect(controls.eventsEnabled()).toBe(true);
    expect(controls.state().syncs.filter((s) => s.error)).toEqual([]);
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
