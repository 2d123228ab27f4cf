import { evaluateFormsAndWrite } from '../../src/engine/forms/formsWorkflow';
import { evaluateForms } from '../../src/engine/forms/evaluateForms';
import { BUILTIN_SCHEMES } from '../../src/engine/schemes';
import { WorkflowCancelled } from '../../src/engine/workflow';
import type { Settings } from '../../src/engine/workbookPort';
import type { Grid } from '../../src/engine/types';
import { formArea, indicatorCell, shouldLookForForms, shownValue } from '../../src/taskpane/formsPane';
import { NATIONAL_EXAMPLE, SICHUAN_EXAMPLE, nationalForm, sichuanForm, stackForms, withChanges } from '../support/forms';
import { FakeFormsPort, type FakeSheet } from './fakeFormsPort';
import { seedGrid } from './fakePort';

const FLAGGED = withChanges(NATIONAL_EXAMPLE, {}, { 0: { target: '≥300家次', score: 20, explanation: '' } });
const SETTINGS: Settings = { version: 1, schemeId: 'mof2020', band: { low: 0.9, high: 1 } };

function book(): FakeSheet[] {
  return [
    { name: '封面', cells: [['2020年度项目支出绩效自评']] },
    stackForms('表1', [nationalForm(FLAGGED)]),
    stackForms('表2', [nationalForm({ ...NATIONAL_EXAMPLE, name: '项目乙' }), sichuanForm(SICHUAN_EXAMPLE)]),
  ];
}

const sheetData = (name: string, grid: Grid) => ({ name, grid, origin: { row: 1, col: 1 } });

describe('when the pane looks for forms', () => {
  it('looks on a form sheet, a cover sheet, an empty sheet or nothing read; never on a table', () => {
    expect(shouldLookForForms(sheetData('表1', book()[1].cells))).toBe(true);
    expect(shouldLookForForms(sheetData('封面', book()[0].cells))).toBe(true);
    expect(shouldLookForForms(sheetData('空', []))).toBe(true);
    expect(shouldLookForForms(null)).toBe(true);
    expect(shouldLookForForms(sheetData('自评表', seedGrid()))).toBe(false);
  });
});

describe('form areas and indicator cells', () => {
  const sheets = [book()[1], book()[2]];
  const { projects } = evaluateForms(sheets, { scheme: BUILTIN_SCHEMES.mof2020 });

  it('a stacked form runs to the row before the next one; the last to the sheet’s last row', () => {
    expect(formArea(projects[1], projects, sheets)).toEqual({ rowStart: 3, rowEnd: 22, colStart: 1, colEnd: 11 });
    expect(formArea(projects[2], projects, sheets)).toEqual({ rowStart: 23, rowEnd: sheets[1].cells.length, colStart: 1, colEnd: 11 });
    expect(formArea(projects[0], projects, sheets)).toEqual({ rowStart: 3, rowEnd: sheets[0].cells.length, colStart: 1, colEnd: 9 });
  });

  it('points at the stated score that disagrees, else the missing explanation, else the actual', () => {
    const [mismatch] = projects[0].indicators;
    expect(indicatorCell(mismatch)).toEqual({ rowStart: 13, rowEnd: 13, colStart: 8, colEnd: 8 });
    const missing = projects[2].indicators.find((i) => i.name === '人均培训成本');
    expect(indicatorCell(missing!)).toEqual({ rowStart: 36, rowEnd: 36, colStart: 11, colEnd: 11 });
    expect(indicatorCell({ ...mismatch, flags: ['unreadable_value'] })?.colStart).toBe(6);
    expect(indicatorCell({ ...mismatch, cells: undefined })).toBeNull();
  });
});

describe('evaluateFormsAndWrite', () => {
  it('opening: one read of every sheet, nothing written, nothing saved', async () => {
    const port = new FakeFormsPort(book());
    const out = await evaluateFormsAndWrite(port, SETTINGS);
    expect(out.evaluation.projects).toHaveLength(3);
    expect(out.formSheets).toEqual(['表1', '表2']);
    expect(out.watched.map((s) => s.name)).toEqual(['表1', '表2']);
    expect(out.marks).toHaveLength(3);
    expect(port.calls).toEqual(['readSheets']);
  });

  it('writes the summary and the marks, saves the summary sheet and time; the table beside is watched too', async () => {
    const table: FakeSheet = { name: '汇总', cells: [['项目名称', '全年预算数', '全年执行数'], ['项目乙', 150, 147.75]] };
    const port = new FakeFormsPort([...book(), table]);
    const now = new Date('2026-12-02T03:00:00Z');
    const out = await evaluateFormsAndWrite(port, SETTINGS, { summary: true, marks: true, save: true, lang: 'en', now: () => now });
    expect(port.calls).toEqual(['readSheets', 'writeSummary', 'applyCellMarks', 'saveSettings']);
    expect(port.summaries[0].preferredName).toBe('Performance summary');
    expect(port.marks[0].sheets).toEqual(['表1', '表2']);
    expect(out.tableSheet).toBe('汇总');
    expect(out.watched.map((s) => s.name)).toEqual(['表1', '表2', '汇总']);
    expect(port.settings).toEqual({ ...SETTINGS, lang: 'en', layout: 'forms', summarySheet: 'Performance summary', lastRefreshed: now.toISOString() });
  });

  it('leaves the summary sheet out (never as a table beside the forms) and never takes a form sheet’s name for it', async () => {
    const summary: FakeSheet = { name: '绩效自评汇总', cells: [['序号', '项目名称', '全年预算数', '全年执行数'], [1, '项目乙', 999, 1]] };
    const port = new FakeFormsPort([...book(), summary]);
    const out = await evaluateFormsAndWrite(port, { ...SETTINGS, summarySheet: '绩效自评汇总' }, { summary: true });
    expect(out.tableSheet).toBeNull();
    expect(out.evaluation.checks).toEqual([]);
    expect(port.summaries[0].preferredName).toBe('绩效自评汇总');
    const damaged = new FakeFormsPort(book());
    const kept = await evaluateFormsAndWrite(damaged, { ...SETTINGS, summarySheet: '表2' }, { summary: true, lang: 'zh' });
    expect(kept.evaluation.projects).toHaveLength(3);
    expect(damaged.summaries[0].preferredName).toBe('绩效自评汇总');
  });

  it('never reads the add-in’s own summary (its 项目名称 headers) as forms', async () => {
    const first = new FakeFormsPort(book());
    await evaluateFormsAndWrite(first, SETTINGS, { summary: true, lang: 'zh' });
    const { layout, preferredName } = first.summaries[0];
    const cells: (string | number | null)[][] = [];
    for (const b of layout.blocks) {
      b.values.forEach((row, i) =>
        row.forEach((v, j) => {
          const line = (cells[b.row + i] ??= []);
          line[b.col + j] = typeof v === 'string' || typeof v === 'number' ? v : null;
        }),
      );
    }
    const summary: FakeSheet = { name: preferredName, cells: Array.from(cells, (row) => Array.from(row ?? [], (v) => v ?? null)) };
    // Read as any sheet, the summary's to-do block would pass for forms.
    expect(evaluateForms([{ name: summary.name, cells: summary.cells }], { scheme: BUILTIN_SCHEMES.mof2020 }).projects.length).toBeGreaterThan(0);
    const port = new FakeFormsPort([...book(), summary]);
    const out = await evaluateFormsAndWrite(port, { ...SETTINGS, summarySheet: preferredName }, { marks: true });
    expect(out.evaluation.projects).toHaveLength(3);
    expect(out.marks.map((m) => m.sheet)).toEqual(['表1', '表1', '表2']);
  });

  it('writes no marks once the officer cleared them', async () => {
    const port = new FakeFormsPort(book());
    await evaluateFormsAndWrite(port, { ...SETTINGS, highlights: false }, { marks: true, save: true });
    expect(port.calls).toEqual(['readSheets', 'saveSettings']);
  });

  it('stops before writing once the signal fired', async () => {
    const port = new FakeFormsPort(book());
    const controller = new AbortController();
    const run = evaluateFormsAndWrite(port, SETTINGS, { summary: true, marks: true, save: true, signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toBeInstanceOf(WorkflowCancelled);
    expect(port.calls.filter((c) => c !== 'readSheets')).toEqual([]);
  });
});

describe('values as the pane shows them', () => {
  it('adds 度量单位 and the comparator to bare numbers only', () => {
    expect(shownValue('600', '元', '≤')).toBe('≤600元');
    expect(shownValue('780', '元')).toBe('780元');
    expect(shownValue('97.5', '%', '≥')).toBe('≥97.5%');
    expect(shownValue('≥200人次', '人次', '≥')).toBe('≥200人次');
    expect(shownValue('明显提升', null, '定性')).toBe('明显提升');
    expect(shownValue('12', null, '=')).toBe('=12');
  });
});
