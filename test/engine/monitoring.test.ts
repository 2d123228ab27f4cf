// In-year monitoring (domain rule 8): progress = rate ÷ (month / 12); green ≥ 80%, yellow 60–<80%, red < 60%.
import { highlightRules } from '../../src/engine/summary/highlightRules';
import { monitoringTitle } from '../../src/engine/messages';
import { applyMonitoring, lastCompleteMonth, monitor, timeShare, DEFAULT_MONITORING_BANDS } from '../../src/engine/monitoring';
import { evaluateSheet } from '../../src/engine/evaluateSheet';
import { BUILTIN_SCHEMES, parseScheme } from '../../src/engine/schemes';
import { buildSummary } from '../../src/engine/summary/summary';
import { layoutSummary } from '../../src/engine/summary/summaryLayout';
import { highlightSpecFor } from '../../src/engine/workflow';
import type { Evaluation, SheetData } from '../../src/engine/types';
import { SEED } from '../support/seed';

const bands = DEFAULT_MONITORING_BANDS;

function seedSheet(): SheetData {
  const grid = [
    ['项目名称', '预算数', '执行数', '偏差原因'],
    ...SEED.names.map((n, i) => [n, SEED.budgets[i], SEED.actuals[i], '']),
  ];
  return { name: '自评表', grid, origin: { row: 1, col: 1 } };
}

function evaluateSeed(month?: number): Evaluation {
  const result = evaluateSheet(seedSheet(), { scheme: BUILTIN_SCHEMES.wuhan2018, month });
  if (!result.ok) throw result.error;
  return result.evaluation;
}

describe('monitor', () => {
  it('divides the rate by the share of the year elapsed and colours it by the bands, edges inclusive', () => {
    expect(timeShare(9)).toBeCloseTo(0.75, 15);
    // 0.45 / 0.75 = 0.6 exactly: yellow; 0.6 / 0.75 = 0.8: green; just below: red / yellow.
    expect(monitor(0.45, 9, bands)).toEqual({ month: 9, timeShare: 0.75, progress: expect.closeTo(0.6, 12), status: 'yellow' });
    expect(monitor(0.6, 9, bands)?.status).toBe('green');
    expect(monitor(0.4499, 9, bands)?.status).toBe('red');
    expect(monitor(0.5999, 9, bands)?.status).toBe('yellow');
    expect(monitor(0.5, 6, { green: 0.9, yellow: 0.7 })?.status).toBe('green');
    expect(monitor(0.44, 6, { green: 0.9, yellow: 0.7 })?.status).toBe('yellow');
  });

  it('is null without a month or a rate, and refuses a month outside 1–12', () => {
    expect(monitor(0.5, undefined, bands)).toBeNull();
    expect(monitor(null, 9, bands)).toBeNull();
    expect(() => timeShare(13)).toThrow(RangeError);
    expect(() => timeShare(0)).toThrow(RangeError);
    expect(() => timeShare(2.5)).toThrow(RangeError);
  });

  it('titles the months covered in both languages', () => {
    expect(monitoringTitle(9, 'zh')).toBe('1–9月 运行监控');
    expect(monitoringTitle(9, 'en')).toBe('Jan–Sep in-year monitoring');
    expect(monitoringTitle(1, 'zh')).toBe('1月 运行监控');
  });

  it('takes the last complete month as the default', () => {
    expect(lastCompleteMonth(new Date(2024, 9, 15))).toBe(9);
    expect(lastCompleteMonth(new Date(2024, 0, 3))).toBe(12);
  });
});

describe('monitoring the seed in September and in June', () => {
  it('gives every project its monitoring and replaces the year-end under-execution flag', () => {
    const year = evaluateSeed();
    expect(year.monitoring).toBeUndefined();
    expect(year.projects[5].flags).toContain('under_execution');

    const sep = evaluateSeed(9);
    expect(sep.projects.map((p) => p.monitoring?.status)).toEqual(['green', 'green', 'green', 'green', 'green', 'red', 'green']);
    // 45 / 200 = 22.5%, ÷ 0.75 = 30%.
    expect(sep.projects[5].monitoring?.progress).toBeCloseTo(0.3, 12);
    expect(sep.projects[5].flags).toEqual(['monitoring_red', 'missing_explanation']);
    // 局机关建设经费 79.86% is under the year-end band but on schedule in September.
    expect(sep.projects[3].flags).toEqual([]);
    // Over 100% of the full-year budget stays over budget.
    expect(sep.projects[6].flags).toContain('over_budget');
    expect(sep.monitoring).toMatchObject({ month: 9, timeShare: 0.75, counts: { green: 6, yellow: 0, red: 1 } });

    const dec = evaluateSeed(12);
    // 79.86% at the year's end is yellow (below 80%).
    expect(dec.projects[3].monitoring?.status).toBe('yellow');
    expect(dec.projects[3].flags).toEqual(['monitoring_yellow']);
    expect(dec.totals.flagged).toBe(dec.projects.filter((p) => p.flags.length > 0).length);
  });

  it('uses the scheme monitoring bands, validated like the rate band', () => {
    const parsed = parseScheme({ id: 'strict', weights: { output: 50, benefit: 50 }, monitoring: { green: 1.2, yellow: 1.1 } });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const result = evaluateSheet(seedSheet(), { scheme: parsed.scheme, month: 9 });
    if (!result.ok) throw result.error;
    // 88.86% / 75% = 118.5%: yellow under these bands.
    expect(result.evaluation.projects[0].monitoring?.status).toBe('yellow');
    const bad = parseScheme({ id: 'x', weights: { output: 100 }, monitoring: { green: 0.6, yellow: 0.8 } }, 'en');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.join(' ')).toMatch(/yellow edge 0.8 is above the green edge 0.6/);
  });

  it('titles the summary with the months and shows progress and status instead of the band', () => {
    const sep = evaluateSeed(9);
    const model = buildSummary(sep, BUILTIN_SCHEMES.wuhan2018, 'zh', { time: new Date(2024, 9, 1) });
    expect(model.title.startsWith('1–9月 运行监控')).toBe(true);
    const keys = model.columns.map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(['progress', 'monitoring']));
    expect(model.rows[5][keys.indexOf('monitoring')]).toBe('红灯');
    expect(model.info.map((i) => i.label)).not.toContain('执行率区间');
    expect(model.gradeDistribution.rows.map((r) => [r.label, r.count])).toEqual([
      ['绿灯', 6],
      ['黄灯', 0],
      ['红灯', 1],
    ]);
    expect(model.chart.band.low).toBeCloseTo(0.45, 12);
    expect(model.chart.band.high).toBeCloseTo(0.6, 12);
    const en = buildSummary(sep, BUILTIN_SCHEMES.wuhan2018, 'en', { time: new Date(2024, 9, 1) });
    expect(en.title.startsWith('Jan–Sep in-year monitoring')).toBe(true);
    const chartBlock = layoutSummary(en).blocks.find((b) => b.id === 'chart');
    expect(chartBlock?.values[0]).toEqual(['Project', 'Usage rate', 'Red below', 'Green from']);
    const year = buildSummary(evaluateSeed(), BUILTIN_SCHEMES.wuhan2018, 'zh', { time: new Date(2024, 9, 1) });
    expect(year.columns.map((c) => c.key)).not.toContain('monitoring');
  });

  it('colours the source rows by progress: red, yellow and green rules against band × time share', () => {
    const sheet = seedSheet();
    const result = evaluateSheet(sheet, { scheme: BUILTIN_SCHEMES.wuhan2018, month: 9 });
    if (!result.ok) throw result.error;
    const spec = highlightSpecFor(sheet, result.detection, result.evaluation);
    expect(spec?.monitoring).toEqual({ timeShare: 0.75, bands: { green: 0.8, yellow: 0.6 } });
    const rules = highlightRules(spec!);
    expect(rules.map((r) => r.kind)).toEqual(['red', 'yellow', 'green', 'over', 'missing']);
    expect(rules[0].formula).toMatch(/<0\.449999999,N\("budget-performance-addin\/highlight\/v1"\)=0\)$/);
    expect(rules[1].formula).toMatch(/>=0\.449999999,.*<0\.599999999,N\("budget-performance-addin\/highlight\/v1"\)=0\)$/);
    expect(rules[2].formula).toMatch(/>=0\.599999999,.*<=1\.000000001,N\("budget-performance-addin\/highlight\/v1"\)=0\)$/);
    const plain = highlightRules({ ...spec!, monitoring: undefined });
    expect(plain.map((r) => r.kind)).toEqual(['under', 'over', 'missing']);
  });

  it('keeps applyMonitoring pure: the year-end evaluation is not changed', () => {
    const year = evaluateSeed();
    const before = JSON.stringify(year);
    applyMonitoring(year, 3, bands);
    expect(JSON.stringify(year)).toBe(before);
  });
});
