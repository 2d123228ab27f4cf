// The table pane's store on its own: no React, the in-memory port, the real engine and workflow.
import { EngineError } from '../../../src/engine/errors';
import { runWorkflow, runEngineHere, type EngineRunner, type EngineResult, type WriteOutcome } from '../../../src/engine/workflow';
import type { Settings } from '../../../src/engine/workbookPort';
import { HostError } from '../../../src/excel/errors';
import { PaneStore, type PaneStoreOptions } from '../../../src/taskpane/stores/paneStore';
import { FakePort, seedGrid } from '../fakePort';

/** The seed is scored the 2018 way (output 50 + benefit 50), saved in the workbook's settings. */
function seededPort(grid = seedGrid()): FakePort {
  const port = new FakePort(grid);
  port.settings = { version: 1, schemeId: 'wuhan2018', band: { low: 0.9, high: 1 } };
  return port;
}

const stores: PaneStore[] = [];

function storeOn(port: FakePort | null, options: Partial<PaneStoreOptions> = {}): PaneStore {
  const store = new PaneStore({ port, lang: 'zh', refreshDelayMs: 5, ...options });
  stores.push(store);
  return store;
}

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

/** Lets the port's and the workflow's promises run until `done` holds. */
async function until(done: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    if (done()) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function opened(port: FakePort | null, options: Partial<PaneStoreOptions> = {}): Promise<PaneStore> {
  const store = storeOn(port, options);
  store.open();
  await until(() => !store.getSnapshot().loading, 'the first read');
  return store;
}

async function idle(store: PaneStore): Promise<void> {
  await until(() => store.getSnapshot().refresh.phase === 'idle', 'the run to end');
}

function gate(): { wait: () => Promise<void>; release: () => void } {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { wait: () => promise, release };
}

function portfolioRate(store: PaneStore): number | undefined {
  return store.getSnapshot().outcome?.evaluation.totals.usageRate ?? undefined;
}

function rateOf(store: PaneStore, name: string): number | null | undefined {
  return store.getSnapshot().outcome?.evaluation.projects.find((p) => p.name === name)?.usageRate;
}

describe('PaneStore: opening', () => {
  it('loads the saved settings, lists the sheets without the summary, report and departments sheets, and reads the source', async () => {
    const port = seededPort();
    port.settings = { ...(port.settings as Settings), summarySheet: '绩效自评汇总', lastRefreshed: '2026-03-01T08:00:00.000Z' };
    port.otherSheets = { 绩效自评汇总: [['x']], '自评报告（草稿）': [['y']], 第二张: seedGrid(), 部门汇总: [['z']], 'Departments (2)': [['z']] };
    const store = storeOn(port);
    expect(store.getSnapshot().loading).toBe(true);
    store.open();
    await until(() => !store.getSnapshot().loading);
    const state = store.getSnapshot();
    expect(state.sheets).toEqual(['自评表', '第二张']);
    expect(state.source?.name).toBe('自评表');
    expect(state.detection?.headerRow).toBe(2);
    expect(state.settings.schemeId).toBe('wuhan2018');
    expect(state.outcome).toBeNull();
    // A workbook with a summary keeps it current from the start.
    expect(state.refresh.autoRefresh).toBe(true);
    expect(state.refresh.lastRefreshed?.toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(port.calls.filter((c) => !['loadSettings', 'listSheets', 'readSource', 'onSourceChanged'].includes(c))).toEqual([]);
  });

  it('without a port stays empty and its actions do nothing', async () => {
    const store = storeOn(null);
    store.open();
    expect(store.getSnapshot().loading).toBe(false);
    store.actions.clearHighlights();
    store.actions.setSourceSheet('x');
    store.actions.selectProject(4);
    expect(store.getSnapshot().notice).toBeNull();
  });

  it('makes a failed first read the pane’s error and an empty sheet a coded one', async () => {
    const failing = seededPort();
    failing.failures.readSource = new Error('network down');
    const store = await opened(failing);
    expect(store.getSnapshot().notice).toEqual({ kind: 'error', error: new Error('network down') });

    const empty = await opened(seededPort([]));
    const notice = empty.getSnapshot().notice;
    expect(notice?.kind).toBe('error');
    const error = (notice as { error: unknown }).error;
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: 'empty_sheet', details: { sheet: '自评表' } });
  });

  it('writes nothing from an opening that was closed before its read came back', async () => {
    const port = seededPort();
    const held = gate();
    port.beforeRead = held.wait;
    const store = storeOn(port);
    store.open();
    await until(() => port.calls.includes('readSource'));
    store.close();
    held.release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.getSnapshot().source).toBeNull();
    expect(store.getSnapshot().loading).toBe(true);
  });
});

describe('PaneStore: runs', () => {
  it('evaluates: results shown, highlights applied, settings saved, no summary', async () => {
    const port = seededPort();
    const store = await opened(port);
    store.actions.evaluate();
    await until(() => store.getSnapshot().outcome !== null);
    await idle(store);
    // 725.45 / 918.45
    expect(portfolioRate(store)).toBeCloseTo(0.7899, 4);
    expect(port.highlights).toHaveLength(1);
    expect(port.summaries).toHaveLength(0);
    expect(port.settings).toMatchObject({ sheet: '自评表', schemeId: 'wuhan2018' });
    const state = store.getSnapshot();
    expect(state.notice).toBeNull();
    expect(state.progress).toBeNull();
    expect(state.notApplied).toBe(false);
    expect(state.refresh.lastRefreshed).not.toBeNull();
  });

  it('writes the summary, says where, turns auto-refresh on and refreshes after an edit in the table', async () => {
    const port = seededPort();
    const store = await opened(port);
    expect(store.getSnapshot().refresh.autoRefresh).toBe(false);
    store.actions.writeSummary();
    await until(() => store.getSnapshot().notice?.kind === 'summaryWritten');
    expect(store.getSnapshot().notice).toEqual({ kind: 'summaryWritten', sheet: '绩效自评汇总' });
    expect(store.getSnapshot().settings.summarySheet).toBe('绩效自评汇总');
    expect(store.getSnapshot().refresh.autoRefresh).toBe(true);
    // Project 6 spends its whole budget: (725.45 − 45 + 200) / 918.45.
    port.edit(9, 5, 200);
    await until(() => port.summaries.length === 2, 'the automatic refresh');
    await until(() => Math.abs((portfolioRate(store) ?? 0) - 0.9586) < 1e-4);
    // An automatic refresh leaves the notice of the run the officer asked for.
    expect(store.getSnapshot().notice?.kind).toBe('summaryWritten');
  });

  it('keeps auto-refresh off after the first summary when the officer turned it off', async () => {
    const port = seededPort();
    const store = await opened(port);
    store.actions.setAutoRefresh(false);
    store.actions.writeSummary();
    await until(() => store.getSnapshot().notice?.kind === 'summaryWritten');
    expect(store.getSnapshot().refresh.autoRefresh).toBe(false);
    expect(port.settings?.autoRefresh).toBe(false);
  });

  it('passes the mode to the run: only Write summary makes the first summary, later runs keep it current', async () => {
    const port = seededPort();
    const summaries: boolean[] = [];
    const workflow: typeof runWorkflow = (p, settings, options) => {
      summaries.push(Boolean(options?.summary));
      return runWorkflow(p, settings, options);
    };
    const store = await opened(port, { workflow });
    store.actions.refresh();
    await until(() => store.getSnapshot().outcome !== null);
    await idle(store);
    store.actions.writeSummary();
    await until(() => port.summaries.length === 1);
    await idle(store);
    store.actions.evaluate();
    await until(() => port.summaries.length === 2);
    expect(summaries).toEqual([false, true, true]);
  });

  it('shows the later of two overlapping runs and never the earlier one', async () => {
    const port = seededPort();
    const first = gate();
    const calls: { settings: Settings; signal: AbortSignal }[] = [];
    // The earlier run ignores its signal and comes back with what it read before the edit.
    const workflow: typeof runWorkflow = async (p, settings, options) => {
      calls.push({ settings, signal: options?.signal as AbortSignal });
      if (calls.length === 1) {
        const stale = await runWorkflow(p, settings, { ...options, signal: undefined });
        await first.wait();
        return { ...stale, summarySheet: 'stale' } satisfies WriteOutcome;
      }
      return runWorkflow(p, settings, options);
    };
    const store = await opened(port, { workflow });
    store.actions.evaluate();
    await until(() => port.highlights.length === 1, 'the first run to write');
    port.edit(4, 5, 281);
    store.actions.writeSummary();
    expect(calls[0].signal.aborted).toBe(true);
    // The later run waits for the earlier to settle, so two runs never write at once.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toHaveLength(1);
    first.release();
    await until(() => store.getSnapshot().notice?.kind === 'summaryWritten');
    expect(calls).toHaveLength(2);
    expect(store.getSnapshot().notice).toEqual({ kind: 'summaryWritten', sheet: '绩效自评汇总' });
    // 281 / 305.5: the edit is in the results shown.
    expect(rateOf(store, '安全生产责任经费')).toBeCloseTo(281 / 305.5, 6);
    expect(store.getSnapshot().settings.summarySheet).toBe('绩效自评汇总');
  });

  it('cancels a run: nothing written, nothing shown, not even its late progress', async () => {
    const port = seededPort();
    const store = await opened(port);
    const held = gate();
    port.beforeRead = held.wait;
    store.actions.evaluate();
    await until(() => store.getSnapshot().progress !== null, 'the read to start');
    expect(store.getSnapshot().refresh.phase).toBe('running');
    store.actions.cancel();
    expect(store.getSnapshot().notice).toEqual({ kind: 'cancelled' });
    expect(store.getSnapshot().progress).toBeNull();
    held.release();
    await idle(store);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(port.calls).not.toContain('applyHighlights');
    expect(port.calls).not.toContain('saveSettings');
    expect(store.getSnapshot().progress).toBeNull();
    expect(store.getSnapshot().outcome).toBeNull();
    expect(store.getSnapshot().notice).toEqual({ kind: 'cancelled' });
  });

  it('makes a host failure the pane’s coded error, and a later successful automatic refresh clears it', async () => {
    const port = seededPort();
    const store = await opened(port);
    port.failures.writeSummary = new HostError('sheet_protected', 'AccessDenied');
    store.actions.writeSummary();
    await until(() => store.getSnapshot().notice?.kind === 'error');
    const { notice, progress } = store.getSnapshot();
    expect((notice as { error: unknown }).error).toBeInstanceOf(HostError);
    expect(notice).toMatchObject({ error: { code: 'sheet_protected' } });
    expect(progress).toBeNull();
    expect(store.getSnapshot().refresh.error).toBe((notice as { error: unknown }).error);
    delete port.failures.writeSummary;
    store.actions.setAutoRefresh(true);
    port.edit(4, 5, 280);
    await until(() => store.getSnapshot().notice === null, 'the next refresh');
    expect(store.getSnapshot().outcome).not.toBeNull();
  });

  it('makes a missing column a coded engine error', async () => {
    const port = seededPort(seedGrid().map((row) => row.filter((_cell, i) => i !== 4)));
    const store = await opened(port);
    store.actions.evaluate();
    await until(() => store.getSnapshot().notice !== null);
    expect(store.getSnapshot().notice).toMatchObject({ kind: 'error', error: { code: 'missing_columns' } });
    expect(port.highlights).toHaveLength(0);
  });

  it('writes the summary in the pane’s language at the time of the run', async () => {
    const port = seededPort();
    const store = await opened(port);
    store.setLang('en');
    store.actions.writeSummary();
    await until(() => port.summaries.length === 1);
    expect(port.summaries[0].preferredName).toBe('Performance summary');
  });

  it('follows no edits once the forms layout has suspended it', async () => {
    const port = seededPort();
    port.settings = { ...(port.settings as Settings), summarySheet: '绩效自评汇总', autoRefresh: true };
    const store = await opened(port);
    store.actions.suspend();
    port.edit(4, 5, 280);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(port.calls).not.toContain('writeSummary');
    expect(store.getSnapshot().refresh.phase).toBe('idle');
  });
});

describe('PaneStore: settings changed in the pane', () => {
  async function evaluated(port = seededPort(), options: Partial<PaneStoreOptions> = {}): Promise<PaneStore> {
    const store = await opened(port, options);
    store.actions.evaluate();
    await until(() => store.getSnapshot().outcome !== null);
    await idle(store);
    return store;
  }

  it('recomputes with another budget column in memory, then Evaluate saves the choice', async () => {
    const port = seededPort();
    const store = await evaluated(port);
    store.actions.setOverride({ columns: { budget: 2 } });
    // 725.45 / 906.15
    await until(() => Math.abs((portfolioRate(store) ?? 0) - 0.8006) < 1e-4, 'the preview');
    expect(store.getSnapshot().notApplied).toBe(true);
    expect(store.getSnapshot().detection?.mapping.budget?.column).toBe(2);
    expect(port.highlights).toHaveLength(1);
    store.actions.evaluate();
    await until(() => port.highlights.length === 2);
    await idle(store);
    expect(port.highlights[1].budgetCol).toBe(3);
    expect(port.settings?.override?.columns?.budget).toBe(2);
    expect(store.getSnapshot().notApplied).toBe(false);
  });

  it('a scheme picked takes its band and counts as chosen', async () => {
    const store = await evaluated();
    store.actions.setScheme('mof2020');
    const { settings } = store.getSnapshot();
    expect(settings).toMatchObject({ schemeId: 'mof2020', schemeChosen: true });
    await until(() => store.getSnapshot().outcome?.scheme.id === 'mof2020');
    expect(store.getSnapshot().notApplied).toBe(true);
  });

  it('an invalid band is the pane’s coded error and no results are shown', async () => {
    const store = await evaluated();
    store.actions.setBand({ low: 1.2, high: 1 });
    await until(() => store.getSnapshot().notice !== null);
    expect(store.getSnapshot().notice).toMatchObject({ kind: 'error', error: { code: 'invalid_band' } });
    expect(store.getSnapshot().outcome).toBeNull();
    expect(store.getSnapshot().notApplied).toBe(false);
  });

  it('a monitoring month is previewed with that month', async () => {
    const store = await evaluated();
    store.actions.setMonitoringMonth(6);
    await until(() => store.getSnapshot().outcome?.evaluation.monitoring?.month === 6, 'the month preview');
    expect(store.getSnapshot().settings.monitoringMonth).toBe(6);
    store.actions.setMonitoringMonth(null);
    await until(() => store.getSnapshot().outcome?.evaluation.monitoring === undefined);
  });

  it('shows the later of two previews when the engine answers them out of order', async () => {
    const answers: { resolve: (result: EngineResult) => void; result: Promise<EngineResult> }[] = [];
    const engine: EngineRunner = (request, signal) => {
      const result = runEngineHere(request, signal);
      // Runs (they carry a signal) answer at once; previews wait for the test.
      if (signal) return result;
      let resolve!: (value: EngineResult) => void;
      const held = new Promise<EngineResult>((r) => (resolve = r));
      answers.push({ resolve: (value) => resolve(value), result });
      return held;
    };
    const store = await evaluated(seededPort(), { engine });
    store.actions.setBand({ low: 0.8, high: 1 });
    store.actions.setBand({ low: 0.95, high: 1 });
    expect(answers).toHaveLength(2);
    answers[1].resolve(await answers[1].result);
    await until(() => store.getSnapshot().outcome?.evaluation.band.low === 0.95);
    answers[0].resolve(await answers[0].result);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.getSnapshot().outcome?.evaluation.band.low).toBe(0.95);
    expect(store.getSnapshot().settings.band.low).toBe(0.95);
  });

  it('clears the highlights, saves that, and the next Evaluate brings them back', async () => {
    const port = seededPort();
    const store = await evaluated(port);
    store.actions.clearHighlights();
    await until(() => store.getSnapshot().notice !== null);
    expect(store.getSnapshot().notice).toEqual({ kind: 'highlightsCleared' });
    expect(port.cleared).toEqual(['自评表']);
    expect(port.settings?.highlights).toBe(false);
    store.actions.refresh();
    await until(() => port.calls.filter((c) => c === 'saveSettings').length === 3);
    await idle(store);
    expect(port.highlights).toHaveLength(1);
    store.actions.evaluate();
    await until(() => port.highlights.length === 2);
    await idle(store);
    expect(port.settings?.highlights).toBe(true);
  });

  it('makes a failed clear the pane’s error', async () => {
    const port = seededPort();
    const store = await evaluated(port);
    port.failures.clearHighlights = new HostError('busy', 'InvalidOperationInCellEditMode');
    store.actions.clearHighlights();
    await until(() => store.getSnapshot().notice !== null);
    expect(store.getSnapshot().notice).toMatchObject({ kind: 'error', error: { code: 'busy' } });
  });

  it('reads another sheet picked, forgetting the old column choices; a later pick wins', async () => {
    const port = seededPort();
    port.otherSheets = { 第二张: seedGrid().slice(2, 6), 第三张: seedGrid().slice(2, 8) };
    const store = await evaluated(port);
    store.actions.setOverride({ columns: { budget: 2 } });
    const held = gate();
    port.beforeRead = held.wait;
    store.actions.setSourceSheet('第二张');
    expect(store.getSnapshot().outcome).toBeNull();
    expect(store.getSnapshot().settings.override).toBeUndefined();
    port.beforeRead = null;
    store.actions.setSourceSheet('第三张');
    await until(() => store.getSnapshot().source?.name === '第三张');
    held.release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.getSnapshot().source?.name).toBe('第三张');
    expect(store.getSnapshot().settings.sheet).toBe('第三张');
    expect(port.reads.slice(-2)).toEqual([
      { sheet: '第二张', scope: 'auto' },
      { sheet: '第三张', scope: 'auto' },
    ]);
  });

  it('selects a project’s row, and a failed selection is the pane’s error', async () => {
    const port = seededPort();
    const store = await evaluated(port);
    store.actions.selectProject(7);
    await until(() => port.selected.length === 1);
    expect(port.selected).toEqual([{ sheet: '自评表', row: 7 }]);
    port.failures.selectRow = new HostError('not_found', 'ItemNotFound');
    store.actions.selectProject(8);
    await until(() => store.getSnapshot().notice !== null);
    expect(store.getSnapshot().notice).toMatchObject({ kind: 'error', error: { code: 'not_found' } });
    store.actions.dismissNotice();
    expect(store.getSnapshot().notice).toBeNull();
  });
});
