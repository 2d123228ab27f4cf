// Strings of the consolidated workbook (sheet names, titles, column headers), in zh and en.
import type { Lang } from './types';

const TEXT = {
  sheetDepartments: { zh: '部门汇总', en: 'Departments' },
  sheetProjects: { zh: '项目明细', en: 'Projects' },
  sheetIndicators: { zh: '指标问题', en: 'Flagged indicators' },
  sheetFailures: { zh: '无法读取', en: 'Unreadable' },
  titleDepartments: { zh: '各部门项目支出绩效自评汇总', en: 'Project expenditure self-evaluation by department' },
  titleProjects: { zh: '全部项目（含来源文件、工作表、行）', en: 'All projects with their source file, sheet and row' },
  titleIndicators: { zh: '自评表中需关注的绩效指标', en: 'Flagged indicators of the self-evaluation forms' },
  titleFailures: { zh: '无法读取或评价的工作簿', en: 'Workbooks that could not be read or evaluated' },
  department: { zh: '部门', en: 'Department' },
  files: { zh: '文件数', en: 'Files' },
  projects: { zh: '项目数', en: 'Projects' },
  budget: { zh: '预算数', en: 'Budget' },
  actual: { zh: '执行数', en: 'Actual' },
  rate: { zh: '预算执行率', en: 'Usage rate' },
  bandPosition: { zh: '对照区间', en: 'Against band' },
  belowBand: { zh: '低于区间', en: 'Below band' },
  withinBand: { zh: '区间内', en: 'Within band' },
  aboveBand: { zh: '高于区间', en: 'Above band' },
  progress: { zh: '序时进度比', en: 'Progress' },
  status: { zh: '监控状态', en: 'Status' },
  green: { zh: '绿', en: 'Green' },
  yellow: { zh: '黄', en: 'Yellow' },
  red: { zh: '红', en: 'Red' },
  flagged: { zh: '需关注项目', en: 'Flagged' },
  checks: { zh: '核查问题', en: 'Checks' },
  project: { zh: '项目名称', en: 'Project' },
  total: { zh: '总分', en: 'Total' },
  grade: { zh: '等级', en: 'Grade' },
  issues: { zh: '问题', en: 'Issues' },
  file: { zh: '来源文件', en: 'File' },
  sheet: { zh: '工作表', en: 'Sheet' },
  row: { zh: '行', en: 'Row' },
  level1: { zh: '一级指标', en: 'Level 1' },
  level2: { zh: '二级指标', en: 'Level 2' },
  indicator: { zh: '三级指标', en: 'Indicator' },
  target: { zh: '年度指标值', en: 'Target' },
  achieved: { zh: '实际完成值', en: 'Achieved' },
  weight: { zh: '分值', en: 'Weight' },
  statedScore: { zh: '填报得分', en: 'Stated score' },
  score: { zh: '计算得分', en: 'Computed score' },
  explanation: { zh: '偏差原因', en: 'Explanation' },
  reason: { zh: '原因', en: 'Reason' },
  chartTitle: { zh: '各部门预算执行率与合理区间', en: "Departments' usage rate against the band" },
  chartTitleMonitoring: { zh: '各部门预算执行率与序时进度', en: "Departments' usage rate against the time elapsed" },
  seriesRate: { zh: '预算执行率', en: 'Usage rate' },
  seriesLow: { zh: '区间下限', en: 'Band low' },
  seriesHigh: { zh: '区间上限', en: 'Band high' },
  seriesTime: { zh: '序时进度', en: 'Time elapsed' },
} as const;

export type ViewTextKey = keyof typeof TEXT;

export function viewText(key: ViewTextKey, lang: Lang): string {
  return TEXT[key][lang];
}
