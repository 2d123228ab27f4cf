// Summary models of any size for the adapter's tests and the request bench, laid out by the engine.
import { layoutSummary } from '../../src/engine/summary/summaryLayout';
import type { SummaryLayout, SummaryModel, SummaryValue } from '../../src/engine/summary/summaryTypes';

export interface FixtureProject {
  name: string;
  budget: number | null;
  actual: number | null;
}

/** The seed report's seven projects (budget, actual in 万元). */
export const SEED_PROJECTS: FixtureProject[] = [
  { name: '安全生产责任经费', budget: 305.5, actual: 271.46 },
  { name: '安全生产综合监管经费', budget: 26.15, actual: 26.33 },
  { name: '保障安全生产专项经费', budget: 40, actual: 35.5 },
  { name: '局机关建设经费', budget: 21.8, actual: 17.41 },
  { name: '安全生产监察协管员劳务费', budget: 150, actual: 147.75 },
  { name: '小微企业生产安全险及责任政府补贴', budget: 200, actual: 45 },
  { name: '社区安全协管员补助经费', budget: 175, actual: 182 },
];

export function generatedProjects(count: number): FixtureProject[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `项目${i + 1}-专项业务经费`,
    budget: 100 + (i % 97),
    actual: 80 + (i % 53),
  }));
}

export function summaryModel(projects: FixtureProject[]): SummaryModel {
  const rows: SummaryValue[][] = projects.map((p, i) => {
    const rate = p.budget && p.actual !== null ? p.actual / p.budget : null;
    return [i + 1, p.name, p.budget, p.actual, rate, rate === null ? '无预算' : rate < 0.9 ? '低于区间' : '正常'];
  });
  const budget = projects.reduce((s, p) => s + (p.budget ?? 0), 0);
  const actual = projects.reduce((s, p) => s + (p.actual ?? 0), 0);
  return {
    lang: 'zh',
    title: '项目支出绩效自评汇总',
    info: [
      { label: '来源工作表', value: 'Sheet1' },
      { label: '评分方案', value: 'mof2020' },
    ],
    columns: [
      { key: 'index', label: '序号', kind: 'index' },
      { key: 'name', label: '项目名称', kind: 'text' },
      { key: 'budget', label: '全年预算数', kind: 'amount' },
      { key: 'actual', label: '全年执行数', kind: 'amount' },
      { key: 'rate', label: '执行率', kind: 'rate' },
      { key: 'status', label: '状态', kind: 'status' },
    ],
    rows,
    totalsRow: [null, '合计', budget, actual, budget > 0 ? actual / budget : null, null],
    gradeDistribution: { title: '等级分布', rows: [{ label: '优', count: 1 }] },
    flagged: { title: '需关注项目', header: ['序号', '项目', '行', '原因'], rows: [] },
    checks: { title: '核对', rows: [] },
    chart: {
      title: '经费使用率',
      categories: projects.map((p) => p.name),
      rates: rows.map((r) => r[4] as number | null),
      band: { low: 0.9, high: 1 },
      seriesName: '使用率',
    },
  };
}

export function summaryLayoutFor(projects: FixtureProject[]): SummaryLayout {
  return layoutSummary(summaryModel(projects));
}
