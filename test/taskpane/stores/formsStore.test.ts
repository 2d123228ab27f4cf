// The forms layout's store on its own: no React, the in-memory forms port, the real forms workflow.
import { evaluateFormsAndWrite } from '../../../src/engine/forms/formsWorkflow';
import { defaultSettings } from '../../../src/engine/settings';
import type { Settings } from '../../../src/engine/workbookPort';
import { HostError } from '../../../src/excel/errors';
import { FormsStore, type FormsStoreOptions } from '../../../src/taskpane/stores/formsStore';
import { FakeFormsPort, flaggedFormsBook, type FakeSheet } from '../fakeFormsPort';
import { seedGrid } from '../fakePort';


const stores: FormsStore[] = [];

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

function storeOn(port: FakeFormsPort, options: Partial<FormsStoreOptions> = {}) {
  const suspend = jest.fn();
  const settings: Settings = { ...defaultSettings(), schemeId: 'mof2020' };
  const store = new FormsStore({ port, lang: 'zh', pane: { settings, suspend }, refreshDelayMs: 5, ...options });
  stores.push(store);
  store.open();
  return { store, suspend, settings };
}

async function until(done: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    if (done()) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function withForms(port = new FakeFormsPort(flaggedFormsBook(), '封面'), options: Partial<FormsStoreOptions> = {}) {
  const opened = storeOn(port, options);
  // The table pane read the cover sheet: no table there.
  opened.store.look(null);
  await until(() => opened.store.getSnapshot().mode === 'forms', 'the forms');
  return opened;
}

async function idle(store: FormsStore): Promise<void> {
  await until(() => store.getSnapshot().refresh.phase === 'idle', 'the run to end');
}

function gate(): { wait: () => Promise<void>; release: () => void } {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { wait: () => promise, release };
}

describe('FormsStore', () => {
  it('takes the pane over when the workbook holds forms, writing nothing and following the form sheets', async () => {
    const port = new FakeFormsPort(flaggedFormsBook(), '封面');
    const { store, suspend } = await withForms(port);
    expect(suspend).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot().evaluation?.projects).toHaveLength(3);
    expect(port.calls.filter((c) => ['applyCellMarks', 'writeSummary', 'saveSettings'].includes(c))).toEqual([]);
    expect(port.calls).toContain('onSourceChanged');
  });

  it('keeps a table workbook in the table layout without reading the other sheets', async () => {
    const port = new FakeFormsPort([{ name: '自评表', cells: seedGrid() as FakeSheet['cells'] }, ...flaggedFormsBook().slice(1)], '自评表');
    const { store, suspend } = storeOn(port);
    store.look(await port.readSource());
    expect(store.getSnapshot().mode).toBe('table');
    expect(port.sheetReads).toHaveLength(0);
    expect(suspend).not.toHaveBeenCalled();
    expect(port.calls).not.toContain('onSourceChanged');
  });

  it('Evaluate marks the cells to fix and saves; Clear highlights removes them and says so', async () => {
    const port = new FakeFormsPort(flaggedFormsBook(), '表1');
    const { store } = await withForms(port);
    store.actions.evaluate();
    await until(() => store.getSnapshot().marked !== null);
    await idle(store);
    expect(store.getSnapshot().marked).toBe(3);
    expect(port.marks).toHaveLength(1);
    expect(port.settings?.lastRefreshed).toBeDefined();
    store.actions.clearMarks();
    await until(() => store.getSnapshot().notice !== null);
    expect(store.getSnapshot().notice).toEqual({ kind: 'marksCleared' });
    expect(store.getSnapshot().marked).toBeNull();
    expect(port.settings?.highlights).toBe(false);
  });

  it('makes a failed clear the pane’s coded error', async () => {
    const port = new FakeFormsPort(flaggedFormsBook(), '表1');
    const { store } = await withForms(port);
    port.failures.clearCellMarks = new HostError('sheet_protected', 'AccessDenied');
    store.actions.clearMarks();
    await until(() => store.getSnapshot().notice !== null);
    expect(store.getSnapshot().notice).toMatchObject({ kind: 'error', error: { code: 'sheet_protected' } });
  });

  it('shows the later of two overlapping runs', async () => {
    const port = new FakeFormsPort(flaggedFormsBook(), '表1');
    const held = gate();
    const signals: AbortSignal[] = [];
    // Opening reads without a signal; the first run waits for the test.
    const workflow: typeof evaluateFormsAndWrite = async (p, settings, options) => {
      if (options?.signal) {
        signals.push(options.signal);
        if (signals.length === 1) await held.wait();
      }
      return evaluateFormsAndWrite(p, settings, options);
    };
    const { store } = await withForms(port, { workflow });
    store.actions.evaluate();
    await until(() => signals.length === 1);
    store.actions.writeSummary();
    expect(signals[0].aborted).toBe(true);
    held.release();
    await until(() => store.getSnapshot().notice?.kind === 'summaryWritten');
    expect(store.getSnapshot().notice).toEqual({ kind: 'summaryWritten', sheet: '绩效自评汇总' });
    // Only the later run wrote: one summary, one set of marks.
    expect(port.summaries).toHaveLength(1);
    expect(port.marks).toHaveLength(1);
    expect(store.getSnapshot().refresh.autoRefresh).toBe(true);
  });

  it('a cancelled run writes nothing and shows nothing of itself', async () => {
    const port = new FakeFormsPort(flaggedFormsBook(), '表1');
    const held = gate();
    const workflow: typeof evaluateFormsAndWrite = async (p, settings, options) => {
      if (options?.signal) await held.wait();
      return evaluateFormsAndWrite(p, settings, options);
    };
    const { store } = await withForms(port, { workflow });
    const shown = store.getSnapshot().evaluation;
    store.actions.evaluate();
    await until(() => store.getSnapshot().refresh.phase === 'running');
    store.actions.cancel();
    expect(store.getSnapshot().notice).toEqual({ kind: 'cancelled' });
    held.release();
    await idle(store);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(port.calls.filter((c) => ['applyCellMarks', 'writeSummary', 'saveSettings'].includes(c))).toEqual([]);
    expect(store.getSnapshot().evaluation).toBe(shown);
    expect(store.getSnapshot().marked).toBeNull();
    expect(store.getSnapshot().progress).toBeNull();
    expect(store.getSnapshot().notice).toEqual({ kind: 'cancelled' });
  });

  it('re-scores the forms in memory when the pane’s scheme changes', async () => {
    const port = new FakeFormsPort(flaggedFormsBook(), '表1');
    const { store, suspend, settings } = await withForms(port);
    expect(store.getSnapshot().evaluation?.scheme).toBe('mof2020');
    store.setPane({ settings: { ...settings, schemeId: 'wuhan2018' }, suspend });
    expect(store.getSnapshot().evaluation?.scheme).toBe('wuhan2018');
    expect(store.getSnapshot().notApplied).toBe(true);
    expect(port.calls).not.toContain('saveSettings');
  });
});
