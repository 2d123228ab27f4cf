// Crafted or stale workbook settings never make the add-in clear or write a sheet it cannot prove is
// its own: the sheet must carry the hidden marker name the add-in wrote when it created it, be listed
// in the ownership record, and not be the sheet the source is read from.
import { FakeWorkbook, type FakeValue, type SheetState } from '../support/fakeExcel';
import { createExcelPort } from '../../src/excel/officePort';
import { runWorkflow } from '../../src/engine/workflow';
import type { Settings } from '../../src/engine/workbookPort';
import { OWNERSHIP_KEY, SETTINGS_KEY } from '../../src/excel/settings';
import { SUMMARY_MARKER_NAME, SUMMARY_MARKER_VALUE } from '../../src/engine/summaryOwnership';

const HEADER: FakeValue[] = ['项目名称', '全年预算数', '全年执行数'];
const ROWS: FakeValue[][] = [
  ['甲项目', 100, 95],
  ['乙项目', 200, 120],
  ['丙项目', 50, 60],
];
const BASE: Settings = { version: 1, schemeId: 'mof2020', band: { low: 0.9, high: 1 }, lang: 'zh' };

function snapshot(sheet: SheetState): string {
  return JSON.stringify([...sheet.cells].map(([r, row]) => [r, [...row]]));
}

function record(wb: FakeWorkbook, ids: string[]): void {
  wb.settings.set(OWNERSHIP_KEY, JSON.stringify({ summarySheetIds: ids, highlights: [] }));
}

describe('which sheet the summary may overwrite', () => {
  let wb: FakeWorkbook;
  let uninstall: () => void;
  beforeEach(() => {
    wb = new FakeWorkbook();
    wb.addSheet('自评表');
    wb.seed('自评表', 'A1', [HEADER, ...ROWS]);
    uninstall = wb.install();
  });
  afterEach(() => uninstall());

  it('creates its summary sheet with a hidden marker name scoped to that sheet', async () => {
    const out = await runWorkflow(createExcelPort(), { ...BASE, sheet: '自评表' });
    const summary = wb.sheet(out.summarySheet as string);
    const marker = summary.names.get(SUMMARY_MARKER_NAME.toLowerCase());
    expect(marker).toMatchObject({ formula: `="${SUMMARY_MARKER_VALUE}"`, visible: false });
    // Only on the summary sheet.
    expect(wb.sheet('自评表').names.size).toBe(0);
    // A second run rewrites the same sheet (it proves its own), no "(2)".
    const again = await runWorkflow(createExcelPort(), out.settings);
    expect(again.summarySheet).toBe(out.summarySheet);
    expect(again.keptSummarySheets).toBeUndefined();
    expect(wb.sheets.map((s) => s.name)).toEqual(['自评表', out.summarySheet]);
  });

  it('never clears the data sheet when crafted settings name it as the summary and record its id', async () => {
    const data = wb.sheet('自评表');
    record(wb, [data.id]);
    const before = snapshot(data);
    const crafted: Settings = { ...BASE, sheet: '自评表', summarySheet: '自评表' };
    const out = await runWorkflow(createExcelPort(), crafted);
    expect(snapshot(data)).toBe(before);
    expect(out.summarySheet).toBe('绩效自评汇总');
    expect(wb.sheet('绩效自评汇总').cell(0, 0)).toBeDefined();
  });

  it('never writes over the source sheet even when it carries the marker and the record', async () => {
    const data = wb.sheet('自评表');
    data.names.set(SUMMARY_MARKER_NAME.toLowerCase(), { name: SUMMARY_MARKER_NAME, formula: `="${SUMMARY_MARKER_VALUE}"`, comment: '', visible: false });
    record(wb, [data.id]);
    const before = snapshot(data);
    await runWorkflow(createExcelPort(), { ...BASE, sheet: '自评表', summarySheet: '自评表' });
    expect(snapshot(data)).toBe(before);
  });

  it('leaves a recorded sheet without the marker (legacy or crafted) as it is, writes a new one and says so', async () => {
    const other = wb.addSheet('绩效自评汇总');
    wb.seed('绩效自评汇总', 'A1', [['我的备注', 42]]);
    record(wb, [other.id]);
    const before = snapshot(other);
    const out = await runWorkflow(createExcelPort(), { ...BASE, sheet: '自评表', summarySheet: '绩效自评汇总' });
    expect(snapshot(other)).toBe(before);
    expect(out.summarySheet).toBe('绩效自评汇总 (2)');
    expect(out.keptSummarySheets).toEqual(['绩效自评汇总']);
    // The unproved id leaves the record; the next refresh reuses the new sheet and says nothing more.
    const owned = JSON.parse(String(wb.settings.get(OWNERSHIP_KEY))).summarySheetIds as string[];
    expect(owned).toEqual([wb.sheet('绩效自评汇总 (2)').id]);
    const saved = JSON.parse(String(wb.settings.get(SETTINGS_KEY))) as Settings;
    const again = await runWorkflow(createExcelPort(), saved);
    expect(again.summarySheet).toBe('绩效自评汇总 (2)');
    expect(again.keptSummarySheets).toBeUndefined();
    expect(snapshot(other)).toBe(before);
  });

  it('does not take a copy of its summary sheet: the marker came along, the id is not recorded', async () => {
    const out = await runWorkflow(createExcelPort(), { ...BASE, sheet: '自评表' });
    const original = wb.sheet(out.summarySheet as string);
    // Excel's Move or Copy duplicates a sheet with its sheet-scoped names, under a new id.
    const copy = wb.addSheet('绩效自评汇总 (3)');
    copy.names = new Map(original.names);
    wb.seed('绩效自评汇总 (3)', 'A1', [['officer notes']]);
    const before = snapshot(copy);
    await runWorkflow(createExcelPort(), { ...out.settings, summarySheet: '绩效自评汇总 (3)' });
    expect(snapshot(copy)).toBe(before);
  });
});
