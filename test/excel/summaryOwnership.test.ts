// Crafted or stale workbook settings never make the add-in clear or write a sheet it cannot prove is
// its own: the sheet must carry the hidden marker name the add-in wrote when it created it, be listed
// in the ownership record, and not be the sheet the source is read from.
import { cellAt, useFakeExcel } from '../support/excelHost';
import type { FakeExcelControls, SeedCell } from '../e2e/fakeHost/node';
import { createExcelPort } from '../../src/excel/officePort';
import { runWorkflow } from '../../src/engine/workflow';
import type { Settings } from '../../src/engine/workbookPort';
import { OWNERSHIP_KEY, SETTINGS_KEY } from '../../src/excel/settings';
import { SUMMARY_MARKER_NAME, SUMMARY_MARKER_VALUE } from '../../src/engine/summary/summaryOwnership';

const HEADER: SeedCell[] = ['项目名称', '全年预算数', '全年执行数'];
const ROWS: SeedCell[][] = [
  ['甲项目', 100, 95],
  ['乙项目', 200, 120],
  ['丙项目', 50, 60],
];
const BASE: Settings = { version: 1, schemeId: 'mof2020', band: { low: 0.9, high: 1 }, lang: 'zh' };

/**
 * What a summary write would change on a sheet: cells, formats, names (not the highlight rules, which the
 * add-in puts on the source sheet by design).
 */
function snapshot(controls: FakeExcelControls, sheet: string): string {
  return JSON.stringify([controls.cells(sheet), controls.formatLog(sheet), controls.names(sheet)]);
}

/** The ownership record as the workbook's settings hold it. */
function record(ids: string[]): void {
  Office.context.document.settings.set(OWNERSHIP_KEY, JSON.stringify({ summarySheetIds: ids, highlights: [] }));
}

const MARKER = { name: SUMMARY_MARKER_NAME, formula: `="${SUMMARY_MARKER_VALUE}"`, visible: false };

describe('which sheet the summary may overwrite', () => {
  const host = useFakeExcel(() => ({ sheets: [{ name: '自评表', rows: [HEADER, ...ROWS] }] }));

  it('creates its summary sheet with a hidden marker name scoped to that sheet', async () => {
    const out = await runWorkflow(createExcelPort(), { ...BASE, sheet: '自评表' });
    const marker = host.controls.names(out.summarySheet as string)[SUMMARY_MARKER_NAME];
    expect(marker).toEqual({ formula: `="${SUMMARY_MARKER_VALUE}"`, visible: false });
    // Only on the summary sheet.
    expect(host.controls.names('自评表')).toEqual({});
    // A second run rewrites the same sheet (it proves its own), no "(2)".
    const again = await runWorkflow(createExcelPort(), out.settings);
    expect(again.summarySheet).toBe(out.summarySheet);
    expect(again.keptSummarySheets).toBeUndefined();
    expect(host.controls.sheetNames()).toEqual(['自评表', out.summarySheet]);
  });

  it('never clears the data sheet when crafted settings name it as the summary and record its id', async () => {
    record([host.controls.sheetId('自评表')]);
    const before = snapshot(host.controls, '自评表');
    const crafted: Settings = { ...BASE, sheet: '自评表', summarySheet: '自评表' };
    const out = await runWorkflow(createExcelPort(), crafted);
    expect(snapshot(host.controls, '自评表')).toBe(before);
    expect(out.summarySheet).toBe('绩效自评汇总');
    expect(cellAt(host.controls, '绩效自评汇总', 0, 0).v).not.toBe('');
  });

  it('never writes over the source sheet even when it carries the marker and the record', async () => {
    const controls = host.reinstall({ sheets: [{ name: '自评表', rows: [HEADER, ...ROWS], names: [MARKER] }] });
    record([controls.sheetId('自评表')]);
    const before = snapshot(controls, '自评表');
    await runWorkflow(createExcelPort(), { ...BASE, sheet: '自评表', summarySheet: '自评表' });
    expect(snapshot(controls, '自评表')).toBe(before);
  });

  it('leaves a recorded sheet without the marker (legacy or crafted) as it is, writes a new one and says so', async () => {
    host.controls.addSheet('绩效自评汇总', [['我的备注', 42]]);
    record([host.controls.sheetId('绩效自评汇总')]);
    const before = snapshot(host.controls, '绩效自评汇总');
    const out = await runWorkflow(createExcelPort(), { ...BASE, sheet: '自评表', summarySheet: '绩效自评汇总' });
    expect(snapshot(host.controls, '绩效自评汇总')).toBe(before);
    expect(out.summarySheet).toBe('绩效自评汇总 (2)');
    expect(out.keptSummarySheets).toEqual(['绩效自评汇总']);
    // The unproved id leaves the record; the next refresh reuses the new sheet and says nothing more.
    const owned = JSON.parse(String(host.controls.settings()[OWNERSHIP_KEY])).summarySheetIds as string[];
    expect(owned).toEqual([host.controls.sheetId('绩效自评汇总 (2)')]);
    const saved = JSON.parse(String(host.controls.settings()[SETTINGS_KEY])) as Settings;
    const again = await runWorkflow(createExcelPort(), saved);
    expect(again.summarySheet).toBe('绩效自评汇总 (2)');
    expect(again.keptSummarySheets).toBeUndefined();
    expect(snapshot(host.controls, '绩效自评汇总')).toBe(before);
  });

  it('does not take a copy of its summary sheet: the marker came along, the id is not recorded', async () => {
    const out = await runWorkflow(createExcelPort(), { ...BASE, sheet: '自评表' });
    // Excel's Move or Copy duplicates a sheet with its sheet-scoped names, under a new id.
    host.controls.copySheet(out.summarySheet as string, '绩效自评汇总 (3)');
    expect(host.controls.names('绩效自评汇总 (3)')[SUMMARY_MARKER_NAME]).toBeDefined();
    host.controls.edit('绩效自评汇总 (3)', 'A1', 'officer notes');
    const before = snapshot(host.controls, '绩效自评汇总 (3)');
    await runWorkflow(createExcelPort(), { ...out.settings, summarySheet: '绩效自评汇总 (3)' });
    expect(snapshot(host.controls, '绩效自评汇总 (3)')).toBe(before);
  });
});
