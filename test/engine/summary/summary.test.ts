import { buildSummary, formatPercent, formatTime } from '../../../src/engine/summary/summary';
import { BUILTIN_SCHEMES } from '../../../src/engine/schemes';
import type { Evaluation } from '../../../src/engine/types';
import { projectResult, wuhanEvaluation } from '../support/evaluations';

const TIME = new Date(2026, 0, 5, 9, 7); // local time

describe('buildSummary in Chinese (default labels)', () => {
  const model = buildSummary(wuhanEvaluation(), BUILTIN_SCHEMES.wuhan2018, 'zh', { time: TIME });

  it('has the title and the run information', () => {
    expect(model.lang).toBe('zh');
    expect(model.title).toBe('项目支出绩效自评汇总');
    expect(model.info).toEqual([
      { label: '来源工作表', value: '自评表' },
      { label: '表头行', value: '3' },
      { label: '评分方案', value: BUILTIN_SCHEMES.wuhan2018.name.zh },
      { label: '执行率区间', value: '90% – 100%' },
      { label: '金额单位', value: '万元' },
      { label: '评价时间', value: '2026-01-05 09:07' },
    ]);
  });

  it('has one column per value present: no satisfaction or execution under wuhan2018', () => {
    expect(model.columns.map((c) => c.key)).toEqual(['index', 'name', 'budget', 'actual', 'usageRate', 'output', 'benefit', 'total', 'grade', 'status']);
    expect(model.columns.map((c) => c.label)).toEqual(['序号', '项目名称', '预算数（万元）', '执行数（万元）', '使用率', '产出得分', '效益得分', '总分', '等级', '状态']);
    expect(model.columns.map((c) => c.kind)).toEqual(['index', 'text', 'amount', 'amount', 'rate', 'score', 'score', 'score', 'grade', 'status']);
  });

  it('writes one row per project with names as written, unrounded numbers and every flag in words', () => {
    expect(model.rows).toEqual([
      [1, '安全生产责任经费', 305.5, 271.46, 271.46 / 305.5, 45, 45, 90, '优', '执行率低于下限'],
      [2, '=HYPERLINK("http://x","安全生产综合监管经费")', 26.15, 26.33, 26.33 / 26.15, 48, 48, 96, '优', '正常'],
      [3, '保障安全生产专项经费', 40, 35.5, 35.5 / 40, 45, 45, 90, '优', '执行率低于下限；执行率与填报不符'],
    ]);
  });

  it('adds a totals row with the sums and the portfolio rate, scores blank', () => {
    expect(model.totalsRow).toEqual([null, '合计', 371.65, 333.29, 333.29 / 371.65, null, null, null, null, null]);
  });

  it('counts grades, lists the flagged projects and states the checks as sentences', () => {
    expect(model.gradeDistribution).toEqual({
      title: '等级分布',
      rows: [
        { label: '优', count: 3 },
        { label: '良', count: 0 },
        { label: '中', count: 0 },
        { label: '差', count: 0 },
      ],
    });
    expect(model.flagged.header).toEqual(['序号', '项目名称', '行号', '原因']);
    expect(model.flagged.rows).toEqual([
      { index: 1, name: '安全生产责任经费', row: 4, reasons: '执行率低于下限' },
      { index: 3, name: '保障安全生产专项经费', row: 6, reasons: '执行率低于下限；执行率与填报不符' },
    ]);
    expect(model.checks).toEqual({ title: '表内核对', rows: ['第8行合计的预算数为371.6，项目之和为371.65，相差0.05'] });
  });

  it('gives the chart its categories, rates and band', () => {
    expect(model.chart.categories).toEqual(['安全生产责任经费', '=HYPERLINK("http://x","安全生产综合监管经费")', '保障安全生产专项经费']);
    expect(model.chart.rates).toEqual([271.46 / 305.5, 26.33 / 26.15, 35.5 / 40]);
    expect(model.chart.band).toEqual({ low: 0.9, high: 1 });
    expect(model.chart.seriesName).toBe('使用率');
  });
});

describe('buildSummary in English', () => {
  const model = buildSummary(wuhanEvaluation(), BUILTIN_SCHEMES.wuhan2018, 'en', { time: TIME });

  it('uses English labels throughout', () => {
    expect(model.title).toBe('Project expenditure performance self-evaluation summary');
    expect(model.info.map((i) => i.label)).toEqual(['Source sheet', 'Header row', 'Scoring scheme', 'Usage-rate band', 'Amount unit', 'Evaluated at']);
    expect(model.info[2].value).toBe(BUILTIN_SCHEMES.wuhan2018.name.en);
    expect(model.columns[2].label).toBe('Budget (万元)');
    expect(model.rows.map((r) => r[r.length - 1])).toEqual(['Usage below band', 'OK', 'Usage below band; Stated rate differs']);
    expect(model.rows.map((r) => r[r.length - 2])).toEqual(['Excellent', 'Excellent', 'Excellent']);
    expect(model.totalsRow[1]).toBe('Total');
    expect(model.checks.rows).toEqual(['Row 8: the total row states budget 371.6, the projects add up to 371.65 (difference 0.05)']);
  });
});

describe('buildSummary with other shapes', () => {
  it('adds the execution column under mof2020 and leaves score columns out when no project has them', () => {
    const evaluation: Evaluation = {
      ...wuhanEvaluation(),
      unit: null,
      scheme: 'mof2020',
      projects: [
        projectResult({ name: 'A', row: 4, budget: 0, actual: 5, flags: ['zero_budget'] }),
        projectResult({ name: 'B', row: 5, budget: 10, actual: 9, usageRate: 0.9, scores: { output: null, benefit: null, satisfaction: null, execution: 9, total: null } }),
      ],
      grades: { excellent: 0, good: 0, fair: 0, poor: 0 },
      checks: [],
    };
    const model = buildSummary(evaluation, BUILTIN_SCHEMES.mof2020, 'zh', { time: TIME });
    expect(model.columns.map((c) => c.key)).toEqual(['index', 'name', 'budget', 'actual', 'usageRate', 'execution', 'status']);
    expect(model.columns[2].label).toBe('预算数');
    expect(model.info[4]).toEqual({ label: '金额单位', value: '未注明' });
    expect(model.rows[0]).toEqual([1, 'A', 0, 5, null, null, '预算为零']);
    expect(model.checks.rows).toEqual([]);
    // no total column, so no "no total" line in the grade distribution
    expect(model.gradeDistribution.rows).toHaveLength(4);
  });

  it('counts projects without a total in the grade distribution when others have one', () => {
    const base = wuhanEvaluation();
    const evaluation: Evaluation = {
      ...base,
      projects: [...base.projects, projectResult({ name: 'D', row: 7, budget: 1, actual: 1, usageRate: 1 })],
    };
    const model = buildSummary(evaluation, BUILTIN_SCHEMES.wuhan2018, 'en', { time: TIME });
    expect(model.gradeDistribution.rows[4]).toEqual({ label: 'No total', count: 1 });
  });
});

describe('formatting helpers', () => {
  it('formats band edges as percentages without float noise', () => {
    expect(formatPercent(0.9)).toBe('90%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.955)).toBe('95.5%');
    expect(formatPercent(0.07)).toBe('7%');
  });

  it('formats local time as yyyy-mm-dd HH:MM', () => {
    expect(formatTime(new Date(2026, 11, 31, 23, 59, 59))).toBe('2026-12-31 23:59');
  });
});
