// Workbooks the suite seeds into the fake host: the seed report's seven projects (numbers copied from
// the 2018 report, never read from ../shared at test time) and the layouts real tables come in.
import type { FakeSeed, SeedCell, SeedSheet } from '../fakeHost/seedTypes';

export interface SeedProject {
  name: string;
  budget: number;
  actual: number;
  /** The rate as the report printed it (a fraction). */
  statedRate: number;
  output: number;
  benefit: number;
  total: number;
}

export const SEED_PROJECTS: readonly SeedProject[] = [
  { name: '安全生产责任经费', budget: 305.5, actual: 271.46, statedRate: 0.8886, output: 45, benefit: 45, total: 90 },
  { name: '安全生产综合监管经费', budget: 26.15, actual: 26.33, statedRate: 1.0069, output: 48, benefit: 48, total: 96 },
  { name: '保障安全生产专项经费', budget: 40, actual: 35.5, statedRate: 0.88, output: 45, benefit: 45, total: 90 },
  { name: '局机关建设经费', budget: 21.8, actual: 17.41, statedRate: 0.7986, output: 40, benefit: 45, total: 85 },
  { name: '安全生产监察协管员劳务费', budget: 150, actual: 147.75, statedRate: 0.985, output: 49, benefit: 46, total: 95 },
  { name: '小微企业生产安全险及责任政府补贴', budget: 200, actual: 45, statedRate: 0.225, output: 30, benefit: 30, total: 60 },
  { name: '社区安全协管员补助经费', budget: 175, actual: 182, statedRate: 1.04, output: 50, benefit: 50, total: 100 },
];

export const SAMPLE_SHEET = '2018年度自评';
/** Sheet rows (1-based) of the sample: title, unit, header, then projects from row 4, 合计 after them. */
export const SAMPLE_HEADER_ROW = 3;
export const SAMPLE_FIRST_PROJECT_ROW = 4;

const sum = (pick: (p: SeedProject) => number): number => Math.round(SEED_PROJECTS.reduce((s, p) => s + pick(p), 0) * 100) / 100;

const pct = (v: number): SeedCell => ({ v, nf: '0.00%' });

/** Title row, unit row, header, the seven projects, the 合计 row; columns A–I. */
export function sampleSheet(name = SAMPLE_SHEET): SeedSheet {
  const rows: SeedCell[][] = [
    ['区安全生产监督管理局项目支出绩效自评表（2018年度）', '', '', '', '', '', '', '', ''],
    ['单位：万元', '', '', '', '', '', '', '', ''],
    ['序号', '项目名称', '全年预算数', '全年执行数', '经费使用率', '产出指标(50分)', '效益指标(50分)', '总分', '偏差原因'],
    ...SEED_PROJECTS.map((p, i): SeedCell[] => [i + 1, p.name, p.budget, p.actual, pct(p.statedRate), p.output, p.benefit, p.total, '']),
    ['合计', '', sum((p) => p.budget), sum((p) => p.actual), '', '', '', '', ''],
  ];
  return { name, rows, merges: ['A1:I1', 'A2:I2'] };
}

export function sampleWorkbook(extra: Partial<FakeSeed> = {}): FakeSeed {
  return {
    sheets: [
      {
        ...sampleSheet(),
        // The officer's own rule (totals of 95 and above in bold green): the add-in must never remove it.
        userRules: [{ address: 'H4:H10', formula: '=$H4>=95', fill: '#C6EFCE' }],
      },
      { name: '说明', rows: [['本工作簿由财务科维护']] },
    ],
    activeSheet: SAMPLE_SHEET,
    selection: 'A1',
    displayLanguage: 'zh-CN',
    ...extra,
  };
}

/** A two-row merged header: 项目资金（万元） over 年初预算数 / 全年预算数 / 全年执行数. */
export function mergedHeaderWorkbook(): FakeSeed {
  const rows: SeedCell[][] = [
    ['部门预算项目支出绩效自评表（2023年度）', '', '', '', '', '', ''],
    ['序号', '项目名称', '项目资金（万元）', '', '', '产出指标(50分)', '效益指标(50分)'],
    ['', '', '年初预算数', '全年预算数', '全年执行数', '', ''],
    [1, '办公设备购置', 100, 120, 118.8, 48, 47],
    [2, '信息系统运维', 80, 80, 40, 35, 30],
    [3, '人员培训', 30, 25, 26, 45, 45],
    ['合计', '', 210, 225, 184.8, '', ''],
  ];
  return {
    sheets: [{ name: '2023自评', rows, merges: ['A1:G1', 'C2:E2', 'A2:A3', 'B2:B3', 'F2:F3', 'G2:G3'] }],
    displayLanguage: 'zh-CN',
  };
}

/** An English Excel table starting at B2, selection inside it. */
export function tableAtB2Workbook(): FakeSeed {
  const rows: SeedCell[][] = [
    ['Project', 'Budget', 'Actual', 'Output', 'Benefit'],
    ['Road repair', 500, 450, 45, 28],
    ['School meals', 120, 126, 48, 29],
    ['Library books', 60, 30, 40, 25],
  ];
  return {
    sheets: [{ name: 'Projects', rows, origin: 'B2', tables: [{ name: 'ProjectTable', address: 'B2:F5' }] }],
    selection: 'C3',
    displayLanguage: 'en-US',
  };
}

/** Project names that Excel would take for formulas if written without the text format. */
export const FORMULA_LIKE_NAMES = ['=HYPERLINK("http://example.com","链接项目")', '+86 热线经费', '-应急储备', '@home 社区项目'];

export function formulaNamesWorkbook(): FakeSeed {
  const rows: SeedCell[][] = [
    ['项目名称', '全年预算数', '全年执行数'],
    ...FORMULA_LIKE_NAMES.map((name, i): SeedCell[] => [{ v: name, nf: '@' }, 100 + i * 10, 95 + i * 10]),
  ];
  return { sheets: [{ name: '名称测试', rows }], displayLanguage: 'zh-CN' };
}

/** A sheet with project and budget columns but no actual-spend column. */
export function noActualWorkbook(lang = 'zh-CN'): FakeSeed {
  const rows: SeedCell[][] = [
    ['项目名称', '全年预算数', '产出指标(50分)'],
    ['办公设备购置', 120, 48],
    ['信息系统运维', 80, 35],
  ];
  return { sheets: [{ name: '缺列', rows }], displayLanguage: lang };
}

/**
 * A large sheet (title, header, n generated projects): its values are several megabytes, so reading it
 * and writing its summary must be split under Excel on the web's 5 MB per request.
 */
export function largeWorkbook(n: number): FakeSeed {
  const rows: SeedCell[][] = [
    ['部门预算项目支出绩效自评表（大表）', '', '', '', '', '', '', ''],
    ['序号', '项目名称', '全年预算数', '全年执行数', '产出指标(50分)', '效益指标(50分)', '总分', '偏差原因分析及改进措施'],
  ];
  for (let i = 1; i <= n; i++) {
    const budget = 10 + (i % 97) * 3.5;
    const actual = Math.round(budget * (0.5 + ((i * 37) % 60) / 100) * 100) / 100;
    const output = 30 + (i % 21);
    const benefit = 30 + ((i * 7) % 21);
    rows.push([i, `第${i}号社区安全生产专项经费项目`, budget, actual, output, benefit, output + benefit, i % 3 === 0 ? '年中调整预算，部分采购延至次年执行' : '']);
  }
  return { sheets: [{ name: '大表', rows }], displayLanguage: 'zh-CN' };
}
