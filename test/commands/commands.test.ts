/**
 * @jest-environment jsdom
 */
// The function file against a fake Office: what the ribbon button runs, shows, and that it always
// completes the event. The Excel port and the workflow are replaced; their own tests cover them.
import type { Settings, WorkbookPort } from '../../src/engine/workbookPort';
import { EngineError } from '../../src/engine/errors';
import { noticeFor, parseNoticeQuery } from '../../src/commands/noticeCode';

jest.mock('../../src/excel/officePort', () => ({ createExcelPort: jest.fn() }));
jest.mock('../../src/engine/workflow', () => ({ runWorkflow: jest.fn() }));
jest.mock('../../src/engine/forms/formsWorkflow', () => ({ evaluateFormsAndWrite: jest.fn() }));

type Handler = (event: { completed: () => void }) => Promise<void>;
type DialogCallback = (result: { status: string; value: FakeDialog; error?: unknown }) => void;

class FakeDialog {
  handlers = new Map<string, () => void>();
  closed = false;
  addEventHandler(type: string, handler: () => void): void {
    this.handlers.set(type, handler);
  }
  close(): void {
    this.closed = true;
  }
}

const SETTINGS: Settings = { version: 1, sheet: 'Sheet1', schemeId: 'mof2020', band: { low: 0.9, high: 1 } };

const state = {
  supported: true,
  dialogFails: false,
  dialogUrls: [] as string[],
  dialogs: [] as FakeDialog[],
  associated: new Map<string, Handler>(),
};

(globalThis as unknown as { Office: unknown }).Office = {
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
  onReady: (callback?: () => void) => {
    callback?.();
    return Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' });
  },
  actions: { associate: (name: string, handler: Handler) => state.associated.set(name, handler) },
  context: {
    displayLanguage: 'zh-CN',
    requirements: { isSetSupported: (name: string) => (name === 'ExcelApi' ? state.supported : false) },
    ui: {
      displayDialogAsync: (url: string, _options: unknown, callback: DialogCallback) => {
        state.dialogUrls.push(url);
        const dialog = new FakeDialog();
        state.dialogs.push(dialog);
        callback(state.dialogFails ? { status: 'failed', value: dialog, error: { code: 12007 } } : { status: 'succeeded', value: dialog });
      },
    },
  },
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createExcelPort } = require('../../src/excel/officePort') as { createExcelPort: jest.Mock };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runWorkflow } = require('../../src/engine/workflow') as { runWorkflow: jest.Mock };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { evaluateFormsAndWrite } = require('../../src/engine/forms/formsWorkflow') as { evaluateFormsAndWrite: jest.Mock };
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('../../src/commands/commands');

function port(loadSettings: () => Promise<Settings | null>): Partial<WorkbookPort> {
  return { loadSettings: jest.fn(loadSettings) };
}

/** Presses the button; closes the result dialog the way the officer would once it is shown. */
async function press(): Promise<{ completed: jest.Mock; notice: Record<string, string> | null }> {
  const completed = jest.fn();
  const before = state.dialogs.length;
  const running = state.associated.get('refreshScores')!({ completed });
  for (let i = 0; i < 50 && state.dialogs.length === before; i++) await new Promise((r) => setTimeout(r, 0));
  const dialog = state.dialogs[before];
  if (dialog && !state.dialogFails) {
    expect(completed).not.toHaveBeenCalled(); // the runtime stays alive while the dialog is open
    dialog.handlers.get('dialogMessageReceived')?.();
  }
  await running;
  const url = state.dialogUrls[before];
  if (!url) return { completed, notice: null };
  // What the result page shows: the notice its query's code stands for, in the query's language.
  const search = new URL(url).search;
  const lang = new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'zh';
  const code = parseNoticeQuery(search);
  expect(code).not.toBeNull();
  return { completed, notice: { ...noticeFor(code!, lang), lang } };
}

beforeEach(() => {
  state.supported = true;
  state.dialogFails = false;
  createExcelPort.mockReset();
  runWorkflow.mockReset();
  evaluateFormsAndWrite.mockReset();
});

test('registers refreshScores, the name the manifest uses, with Office.actions and as a global', () => {
  expect([...state.associated.keys()]).toEqual(['refreshScores']);
  expect((globalThis as Record<string, unknown>).refreshScores).toBe(state.associated.get('refreshScores'));
});

test('without saved settings: does not run, tells the officer to open the pane, completes', async () => {
  createExcelPort.mockReturnValue(port(async () => null));
  const { completed, notice } = await press();
  expect(runWorkflow).not.toHaveBeenCalled();
  expect(notice).toEqual(expect.objectContaining({ tone: 'warning', title: '请先打开任务窗格', lang: 'zh' }));
  expect(state.dialogUrls.at(-1)).toMatch(/^http:\/\/localhost\/commands-result\.html\?/);
  expect(completed).toHaveBeenCalledTimes(1);
});

test('with saved settings: re-runs with them in their language and reports the result', async () => {
  const p = port(async () => ({ ...SETTINGS, lang: 'en' }));
  createExcelPort.mockReturnValue(p);
  runWorkflow.mockResolvedValue({
    evaluation: { totals: { budget: 40, actual: 35.5, usageRate: 35.5 / 40, projects: 1, flagged: 1 } },
    summarySheet: 'Performance summary',
  });
  const { completed, notice } = await press();
  expect(runWorkflow).toHaveBeenCalledWith(p, { ...SETTINGS, lang: 'en' }, { lang: 'en' });
  expect(notice).toEqual({
    tone: 'warning',
    title: 'Scores refreshed',
    message: '1 project evaluated, 1 flagged; portfolio usage rate 88.8%. The summary sheet was updated.',
    lang: 'en',
  });
  expect(state.dialogs.at(-1)!.closed).toBe(true);
  expect(completed).toHaveBeenCalledTimes(1);
});

test('a workbook the pane evaluated as forms is refreshed as forms: summary kept, marks written', async () => {
  const forms: Settings = { ...SETTINGS, layout: 'forms', summarySheet: '绩效自评汇总' };
  const p = { ...port(async () => forms), readSheets: jest.fn() };
  createExcelPort.mockReturnValue(p);
  evaluateFormsAndWrite.mockResolvedValue({
    evaluation: { totals: { budget: 392.3, actual: 385.474, usageRate: 385.474 / 392.3, projects: 3, flagged: 2 } },
    summarySheet: '绩效自评汇总',
  });
  const { completed, notice } = await press();
  expect(runWorkflow).not.toHaveBeenCalled();
  expect(evaluateFormsAndWrite).toHaveBeenCalledWith(p, forms, { lang: 'zh', summary: true, marks: true, save: true });
  expect(notice?.message).toContain('3');
  expect(completed).toHaveBeenCalledTimes(1);
});

test('an engine error that needs the mapping fixed is reported and the event completes', async () => {
  createExcelPort.mockReturnValue(port(async () => SETTINGS));
  runWorkflow.mockRejectedValue(new EngineError('no_projects', { sheet: 'Sheet1' }));
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const { completed, notice } = await press();
  expect(warn).toHaveBeenCalledWith('refreshScores failed', expect.any(EngineError));
  warn.mockRestore();
  expect(notice?.tone).toBe('error');
  expect(notice?.message).toContain('显示任务窗格');
  expect(completed).toHaveBeenCalledTimes(1);
});

test('a failing settings read, and a dialog that cannot open, still complete the event', async () => {
  createExcelPort.mockReturnValue(port(() => Promise.reject(Object.assign(new Error('x'), { code: 'AccessDenied' }))));
  state.dialogFails = true;
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const { completed, notice } = await press();
  expect(notice?.message).toContain('受保护');
  expect(warn).toHaveBeenCalled();
  expect(completed).toHaveBeenCalledTimes(1);
  warn.mockRestore();
});

test('an Excel without ExcelApi 1.8 (older than Excel 2019) is told so without touching the workbook', async () => {
  state.supported = false;
  const p = port(async () => SETTINGS);
  createExcelPort.mockReturnValue(p);
  const { completed, notice } = await press();
  expect(p.loadSettings).not.toHaveBeenCalled();
  expect(notice?.message).toContain('缺少：ExcelApi 1.8');
  expect(completed).toHaveBeenCalledTimes(1);
});
