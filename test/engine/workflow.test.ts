import { EngineError } from '../../src/engine/errors';
import type { Settings } from '../../src/engine/workbookPort';
import type { Scheme } from '../../src/engine/types';
import { getScheme } from '../../src/engine/schemes';
import {
  readAndEvaluate,
  runWorkflow,
  highlightSpecFor,
  isCancelled,
  readRequestFor,
  WorkflowCancelled,
  type EngineRunner,
} from '../../src/engine/workflow';
import { runEngine } from '../../src/engine/workflow';
import { FakePort, SEED_NAMES, seedGrid } from '../taskpane/fakePort';

const SETTINGS: Settings = { version: 1, schemeId: 'wuhan2018', band: { low: 0.9, high: 1 } };
const NOW = new Date('2026-03-02T09:30:00Z');

describe('runWorkflow', () => {
  it('hands the highlights to writeSummary and leaves out applyHighlights when the port applied them there', async () => {
    const port = new FakePort();
    const given: unknown[] = [];
    const write = port.writeSummary.bind(port);
    port.writeSummary = async (layout, name, options) => {
      given.push(options?.highlight);
      return { ...(await write(layout, name, options)), highlighted: true };
    };
    const result = await runWorkflow(port, SETTINGS, { now: () => NOW });
    expect(port.calls).toEqual(['readSource', 'writeSummary', 'saveSettings']);
    expect(given).toEqual([result.highlight]);
    expect(result.highlight).toMatchObject({ sheet: '自评表', firstRow: 4 });
  });

  it('still calls applyHighlights when the port did not apply them with the summary', async () => {
    const port = new FakePort();
    const given: unknown[] = [];
    const write = port.writeSummary.bind(port);
    port.writeSummary = async (layout, name, options) => {
      given.push(options?.highlight);
      return write(layout, name, options);
    };
    const result = await runWorkflow(port, SETTINGS, { now: () => NOW });
    expect(port.calls).toEqual(['readSource', 'writeSummary', 'applyHighlights', 'saveSettings']);
    expect(given).toEqual([result.highlight]);
  });

  it('reads, writes the summary, highlights and saves the settings, in that order', async () => {
    const port = new FakePort();
    const stages: string[] = [];
    const result = await runWorkflow(port, SETTINGS, { now: () => NOW, onProgress: (p) => stages.push(p.stage) });
    expect(port.calls).toEqual(['readSource', 'writeSummary', 'applyHighlights', 'saveSettings']);
    expect(port.summaries[0].preferredName).toBe('绩效自评汇总');
    expect(port.summaries[0].layout.table.rowCount).toBe(7);
    expect(result.summarySheet).toBe('绩效自评汇总');
    expect(port.highlights[0]).toEqual({
      sheet: '自评表',
      firstRow: 4,
      lastRow: 10,
      firstCol: 1,
      lastCol: 9,
      budgetCol: 4,
      actualCol: 5,
      band: { low: 0.9, high: 1 },
    });
    expect(port.settings).toEqual({
      ...SETTINGS,
      lang: 'zh',
      sheet: '自评表',
      source: { sheet: '自评表', kind: 'sheet' },
      summarySheet: '绩效自评汇总',
      lastRefreshed: '2026-03-02T09:30:00.000Z',
    });
    expect(result.evaluation.projects.map((p) => p.name)).toEqual(SEED_NAMES);
    // 35.5 / 40
    expect(result.evaluation.projects[2].usageRate).toBeCloseTo(0.8875, 10);
    expect(new Set(stages)).toEqual(new Set(['read', 'evaluate', 'write', 'highlight']));
    expect(stages.indexOf('write')).toBeLessThan(stages.indexOf('highlight'));
  });

  it('puts highlights in sheet coordinates when the table starts at B2', async () => {
    const port = new FakePort();
    port.origin = { row: 2, col: 2 };
    await runWorkflow(port, SETTINGS, { summary: false });
    expect(port.highlights[0]).toMatchObject({ firstRow: 5, lastRow: 11, firstCol: 2, lastCol: 10, budgetCol: 5, actualCol: 6 });
  });

  it('leaves highlights alone once the officer cleared them, and keeps that choice', async () => {
    const port = new FakePort();
    const result = await runWorkflow(port, { ...SETTINGS, highlights: false });
    expect(port.calls).toEqual(['readSource', 'writeSummary', 'saveSettings']);
    expect(result.highlight).toBeNull();
    expect(port.settings?.highlights).toBe(false);
  });

  it('records the table layout over an earlier forms one (the ribbon then refreshes the table), and nothing otherwise', async () => {
    const port = new FakePort();
    await runWorkflow(port, { ...SETTINGS, layout: 'forms' });
    expect(port.settings?.layout).toBe('table');
    await runWorkflow(port, SETTINGS);
    expect(port.settings && 'layout' in port.settings).toBe(false);
  });

  it('writes no summary when asked not to, and keeps an earlier summary name', async () => {
    const port = new FakePort();
    await runWorkflow(port, { ...SETTINGS, summarySheet: '汇总(2)' }, { summary: false });
    expect(port.calls).toEqual(['readSource', 'applyHighlights', 'saveSettings']);
    expect(port.settings?.summarySheet).toBe('汇总(2)');
  });

  it('rewrites the summary under the saved name, in English when asked', async () => {
    const port = new FakePort();
    await runWorkflow(port, SETTINGS, { lang: 'en' });
    expect(port.summaries[0].preferredName).toBe('Performance summary');
    expect(port.settings?.lang).toBe('en');
    await runWorkflow(port, { ...SETTINGS, summarySheet: 'Mine' }, { lang: 'en' });
    expect(port.summaries[1].preferredName).toBe('Mine');
    // Without a language from the caller, the saved one is used.
    await runWorkflow(port, { ...SETTINGS, lang: 'en' });
    expect(port.summaries[2].preferredName).toBe('Performance summary');
  });

  it('reads a mapping saved before sources were as the whole sheet, so its column indices keep their meaning', async () => {
    const port = new FakePort();
    port.autoSource = { sheet: '自评表', kind: 'table', table: 'Projects' };
    await runWorkflow(port, { ...SETTINGS, sheet: '自评表', override: { columns: { budget: 3 } } }, { summary: false });
    expect(port.reads[0]).toEqual({ sheet: '自评表', scope: 'sheet' });
    expect(port.settings?.source).toEqual({ sheet: '自评表', kind: 'sheet' });
    expect(readRequestFor({ override: { headerRow: 2 } })).toEqual({ scope: 'sheet' });
  });

  it('resolves the first read from the selection, saves what was read and re-reads that later', async () => {
    const port = new FakePort();
    const table = { sheet: '自评表', kind: 'table', table: 'Projects' } as const;
    port.autoSource = table;
    expect(readRequestFor(null)).toEqual({ scope: 'auto' });
    const first = await runWorkflow(port, SETTINGS, { summary: false });
    expect(port.reads[0]).toEqual({ scope: 'auto' });
    expect(first.sheet.source).toEqual(table);
    expect(port.settings?.source).toEqual(table);
    // The officer has moved on to another cell: the ribbon command and auto-refresh still read the table.
    port.autoSource = { sheet: '自评表', kind: 'selection', address: 'A1:C3' };
    await runWorkflow(port, port.settings as Settings, { summary: false });
    await readAndEvaluate(port, port.settings as Settings);
    expect(port.reads.slice(1)).toEqual([
      { sheet: '自评表', source: table },
      { sheet: '自评表', source: table },
    ]);
    expect(port.settings?.source).toEqual(table);
  });

  it('drops the column choices, keeping the unit, when the saved table is gone and the sheet is read instead', async () => {
    const port = new FakePort();
    port.goneTables = ['Projects'];
    const settings: Settings = {
      ...SETTINGS,
      sheet: '自评表',
      source: { sheet: '自评表', kind: 'table', table: 'Projects' },
      override: { columns: { budget: 2 }, headerRow: 2, unit: '万元' },
    };
    const result = await runWorkflow(port, settings, { summary: false });
    expect(result.mappingReset).toBe(true);
    // Detected again: the full-year budget (305.5), not the saved start-of-year column; 271.46 / 305.5
    expect(result.evaluation.projects[0].usageRate).toBeCloseTo(0.888576, 5);
    expect(port.settings?.source).toEqual({ sheet: '自评表', kind: 'sheet' });
    expect(port.settings?.override).toEqual({ unit: '万元' });
    // A table that is still there keeps the choices.
    port.goneTables = [];
    const kept = await runWorkflow(port, settings, { summary: false });
    expect(kept.mappingReset).toBeUndefined();
    // 271.46 / 300
    expect(kept.evaluation.projects[0].usageRate).toBeCloseTo(0.904867, 5);
  });

  it('stops before writing when the signal is already aborted', async () => {
    const port = new FakePort();
    const controller = new AbortController();
    controller.abort();
    await expect(runWorkflow(port, SETTINGS, { signal: controller.signal })).rejects.toBeInstanceOf(WorkflowCancelled);
    expect(port.calls).toEqual([]);
  });

  it('stops after the read when the signal fires during it', async () => {
    const port = new FakePort();
    const controller = new AbortController();
    port.beforeRead = async () => controller.abort();
    const error = await runWorkflow(port, SETTINGS, { signal: controller.signal }).catch((e: unknown) => e);
    expect(isCancelled(error)).toBe(true);
    expect(port.calls).toEqual(['readSource']);
  });

  it('stops between the summary and the highlights when the signal fires during the write', async () => {
    const port = new FakePort();
    const controller = new AbortController();
    const write = port.writeSummary.bind(port);
    port.writeSummary = async (layout, name) => {
      const written = await write(layout, name);
      controller.abort();
      return written;
    };
    await expect(runWorkflow(port, SETTINGS, { signal: controller.signal })).rejects.toBeInstanceOf(WorkflowCancelled);
    expect(port.calls).toEqual(['readSource', 'writeSummary']);
  });

  it('throws the engine’s error and writes nothing when a required column is missing', async () => {
    const port = new FakePort(seedGrid().map((row) => row.filter((_cell, i) => i !== 4)));
    const error = await runWorkflow(port, SETTINGS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('missing_columns');
    expect((error as EngineError).details.missing).toEqual(['actual']);
    expect(port.calls).toEqual(['readSource']);
  });

  it('does not save settings when the port fails to write', async () => {
    const port = new FakePort();
    port.failures.writeSummary = new Error('protected');
    await expect(runWorkflow(port, SETTINGS)).rejects.toThrow('protected');
    expect(port.calls).toEqual(['readSource', 'writeSummary']);
    expect(port.settings).toBeNull();
  });

  it('rejects an unknown scheme before touching the workbook', async () => {
    const port = new FakePort();
    const error = await runWorkflow(port, { ...SETTINGS, schemeId: 'nope' }).catch((e: unknown) => e);
    expect((error as EngineError).code).toBe('invalid_scheme');
    expect(port.calls).toEqual([]);
  });

  it('uses a custom scheme from the settings', async () => {
    const port = new FakePort();
    const wuhan = getScheme('wuhan2018')!;
    const custom: Scheme = { ...wuhan, id: 'strict', name: { zh: '严格', en: 'Strict' }, grades: { excellent: 95, good: 85, fair: 70 }, rateBand: { low: 0.95, high: 1 } };
    const result = await readAndEvaluate(port, { ...SETTINGS, schemeId: 'strict', customScheme: custom, band: custom.rateBand });
    // 90 points is "good" under 95/85/70 but "excellent" under the default 90/80/60.
    expect(result.evaluation.projects[0].grade).toBe('good');
    expect(result.scheme.id).toBe('strict');
    expect(port.calls).toEqual(['readSource']);
  });

  it('a crafted custom scheme without a name is named by its id; a broken one is an invalid_scheme error', async () => {
    // Settings are workbook content: the ribbon command read `name` of a scheme that had none (TypeError).
    const crafted = { id: 'x', weights: { output: 50, benefit: 50 }, execution: null } as unknown as Scheme;
    const port = new FakePort();
    const result = await runWorkflow(port, { ...SETTINGS, schemeId: 'x', customScheme: crafted });
    expect(result.scheme.name).toEqual({ zh: 'x', en: 'x' });
    expect(result.summarySheet).not.toBeNull();
    expect(port.summaries).toHaveLength(1);

    const broken = { id: 'y', name: 7, weights: { output: 'many' } } as unknown as Scheme;
    const other = new FakePort();
    const failure = await runWorkflow(other, { ...SETTINGS, schemeId: 'y', customScheme: broken }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EngineError);
    expect((failure as EngineError).code).toBe('invalid_scheme');
    expect((failure as EngineError).details.issues?.map((i) => ('path' in i ? i.path : i.kind))).toContain('weights.output');
    expect(other.calls).toEqual([]);
  });

  it('applies the mapping override: the start-of-year budget changes the rates', async () => {
    const port = new FakePort();
    const result = await readAndEvaluate(port, { ...SETTINGS, override: { columns: { budget: 2 } } });
    // 271.46 / 300
    expect(result.evaluation.projects[0].usageRate).toBeCloseTo(0.904867, 5);
  });

  it('runs the engine through the injected runner', async () => {
    const port = new FakePort();
    const seen: boolean[] = [];
    const engine: EngineRunner = async (request) => {
      seen.push(request.summary !== undefined);
      return runEngine(request);
    };
    await runWorkflow(port, SETTINGS, { engine });
    await runWorkflow(port, SETTINGS, { engine, summary: false });
    expect(seen).toEqual([true, false]);
  });
});

describe('highlightSpecFor', () => {
  it('returns null without a budget column', async () => {
    const port = new FakePort();
    const result = await readAndEvaluate(port, SETTINGS);
    const detection = { ...result.detection, mapping: { ...result.detection.mapping, budget: undefined } };
    expect(highlightSpecFor(result.sheet, detection, result.evaluation)).toBeNull();
  });
});
