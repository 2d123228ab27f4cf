// Every text the task pane shows, in Chinese and English. Components take a `Strings` and never hold literals.
import type { Lang, SourceRef, Unit } from '../engine/types';
import type { Progress } from '../engine/workbookPort';

export interface Strings {
  lang: Lang;
  locale: string;
  appTitle: string;
  switchLanguage: string;
  loading: string;

  mappingTitle: string;
  sourceSheet: string;
  headerRow: string;
  headerRowHint: (sheetRow: number) => string;
  unit: string;
  unitNotStated: string;
  units: Record<Unit, string>;
  /** The unit inside a label, "Total budget (10k yuan)". */
  unitsShort: Record<Unit, string>;
  spinUp: string;
  spinDown: string;
  clearSelection: string;
  withUnit: (label: string, unit: string) => string;
  labelled: (label: string, value: string) => string;
  scheme: string;
  customScheme: string;
  customSchemeLabel: string;
  customSchemeApply: string;
  customSchemeCancel: string;
  customSchemeInvalid: string;
  bandLow: string;
  bandHigh: string;
  bandInvalid: string;
  noColumn: string;
  columnOption: (letter: string, header: string) => string;
  emptyHeader: string;
  uncertain: string;
  uncertainHint: string;
  roleMissing: string;
  /** What was read: the table, the selected range, or the sheet; and how many rows. */
  sourceInfo: (source: SourceRef, rows: number) => string;

  evaluate: string;
  writeSummary: string;
  clearHighlights: string;
  refresh: string;
  cancel: string;
  autoRefresh: string;
  lastRefreshed: (time: string) => string;
  neverRefreshed: string;
  stale: string;
  notApplied: string;
  stages: Record<Progress['stage'], string>;
  progressCount: (done: number, total: number) => string;
  working: string;

  resultsTitle: string;
  portfolioBudget: string;
  portfolioActual: string;
  portfolioRate: string;
  projectsCount: (projects: number, flagged: number) => string;
  gradeCount: (grade: string, count: number) => string;
  noBudget: string;
  noValue: string;
  filterPlaceholder: string;
  filterLabel: string;
  flaggedOnly: string;
  showing: (shown: number, total: number) => string;
  noMatch: string;
  colRate: string;
  colTotal: string;
  colGrade: string;
  noFlags: string;
  selectRow: (name: string, row: number) => string;
  checksTitle: string;
  checkSumMismatch: (row: number, column: string, stated: string, computed: string) => string;

  outsideExcelTitle: string;
  outsideExcelBody: string;
  apiMissingTitle: string;
  apiMissingBody: (sets: string) => string;
  errorTitle: string;
  unexpectedError: (message: string) => string;
  cancelled: string;
  dismiss: string;
  summaryWritten: (sheet: string) => string;
  highlightsCleared: string;
}

const zh: Strings = {
  lang: 'zh',
  locale: 'zh-CN',
  appTitle: '项目支出绩效自评',
  switchLanguage: 'English',
  loading: '正在读取工作表…',

  mappingTitle: '列映射',
  sourceSheet: '数据所在工作表',
  headerRow: '表头行',
  headerRowHint: (r) => `表头在工作表第 ${r} 行`,
  unit: '金额单位',
  unitNotStated: '未注明',
  units: { 万元: '万元', 元: '元', 千元: '千元' },
  unitsShort: { 万元: '万元', 元: '元', 千元: '千元' },
  spinUp: '增加',
  spinDown: '减少',
  clearSelection: '清除选择',
  withUnit: (label, unit) => `${label}（${unit}）`,
  labelled: (label, value) => `${label}：${value}`,
  scheme: '评分方案',
  customScheme: '自定义方案…',
  customSchemeLabel: '评分方案 JSON',
  customSchemeApply: '应用',
  customSchemeCancel: '取消',
  customSchemeInvalid: '方案无效，请修改后再应用：',
  bandLow: '执行率下限（%）',
  bandHigh: '执行率上限（%）',
  bandInvalid: '下限须为 0–100 之间的数，且不大于上限；上限须为正数。',
  noColumn: '（不使用）',
  columnOption: (letter, header) => `${letter}: ${header}`,
  emptyHeader: '（无表头）',
  uncertain: '不确定',
  uncertainHint: '自动识别把握不大，请核对',
  roleMissing: '未找到此列，请选择对应的列。',
  sourceInfo: (source, rows) =>
    source.kind === 'table' && source.table
      ? `表格“${source.table}”（工作表“${source.sheet}”），共 ${rows} 行`
      : source.kind === 'selection' && source.address
        ? `选区 ${source.address}（工作表“${source.sheet}”），共 ${rows} 行`
        : `工作表“${source.sheet}”，共 ${rows} 行`,

  evaluate: '评估',
  writeSummary: '写入汇总表',
  clearHighlights: '清除高亮',
  refresh: '刷新',
  cancel: '取消',
  autoRefresh: '自动刷新',
  lastRefreshed: (t) => `上次刷新：${t}`,
  neverRefreshed: '尚未刷新',
  stale: '源数据已修改，结果已过期。请点击“刷新”。',
  notApplied: '以上结果按新的设置计算，尚未写入工作簿。点击“评估”应用到工作簿。',
  stages: {
    read: '正在读取工作表…',
    evaluate: '正在计算执行率和得分…',
    write: '正在写入汇总表…',
    highlight: '正在设置高亮…',
  },
  progressCount: (d, t) => `${d} / ${t}`,
  working: '正在处理…',

  resultsTitle: '评估结果',
  portfolioBudget: '预算合计',
  portfolioActual: '执行合计',
  portfolioRate: '总体执行率',
  projectsCount: (p, f) => `共 ${p} 个项目，${f} 个需关注`,
  gradeCount: (g, c) => `${g} ${c}`,
  noBudget: '无预算',
  noValue: '—',
  filterPlaceholder: '按项目名称筛选',
  filterLabel: '筛选项目',
  flaggedOnly: '只看需关注的项目',
  showing: (s, t) => `显示 ${s} / ${t} 个项目`,
  noMatch: '没有符合条件的项目。',
  colRate: '执行率',
  colTotal: '总分',
  colGrade: '等级',
  noFlags: '无问题',
  selectRow: (n, r) => `${n}（在工作表中选中第 ${r} 行）`,
  checksTitle: '表内核对',
  checkSumMismatch: (r, c, s, k) => `第 ${r} 行合计的${c}为 ${s}，各项目之和为 ${k}`,

  outsideExcelTitle: '未在 Excel 中打开',
  outsideExcelBody: '此任务窗格需要在 Excel（网页版、Windows 或 Mac）中运行。请在 Excel 中打开工作簿，再从“开始”选项卡的加载项按钮打开本窗格。',
  apiMissingTitle: '此 Excel 版本过旧',
  apiMissingBody: (sets) => `缺少所需的 API：${sets}。请将 Office 更新到最新版本，或改用 Excel 网页版。`,
  errorTitle: '出错了',
  unexpectedError: (m) => `发生意外错误：${m}。请重试；如果问题仍然存在，请关闭并重新打开任务窗格。`,
  cancelled: '已取消。',
  dismiss: '关闭',
  summaryWritten: (s) => `汇总已写入工作表“${s}”。`,
  highlightsCleared: '已清除本加载项设置的高亮；刷新不会再加上，点击“评估”可恢复。',
};

const en: Strings = {
  lang: 'en',
  locale: 'en-US',
  appTitle: 'Performance self-evaluation',
  switchLanguage: '中文',
  loading: 'Reading the sheet…',

  mappingTitle: 'Column mapping',
  sourceSheet: 'Sheet with the data',
  headerRow: 'Header row',
  headerRowHint: (r) => `The header is on sheet row ${r}`,
  unit: 'Amount unit',
  unitNotStated: 'Not stated',
  units: { 万元: '万元 (10k yuan)', 元: '元 (yuan)', 千元: '千元 (1k yuan)' },
  unitsShort: { 万元: '10k yuan', 元: 'yuan', 千元: '1k yuan' },
  spinUp: 'Increase',
  spinDown: 'Decrease',
  clearSelection: 'Clear selection',
  withUnit: (label, unit) => `${label} (${unit})`,
  labelled: (label, value) => `${label}: ${value}`,
  scheme: 'Scoring scheme',
  customScheme: 'Custom scheme…',
  customSchemeLabel: 'Scheme JSON',
  customSchemeApply: 'Apply',
  customSchemeCancel: 'Cancel',
  customSchemeInvalid: 'The scheme is not valid; fix it and apply again:',
  bandLow: 'Rate band low (%)',
  bandHigh: 'Rate band high (%)',
  bandInvalid: 'Low must be a number from 0 to 100 and not above high; high must be positive.',
  noColumn: '(none)',
  columnOption: (letter, header) => `${letter}: ${header}`,
  emptyHeader: '(no header)',
  uncertain: 'uncertain',
  uncertainHint: 'Detected with low confidence, please check',
  roleMissing: 'Not found; choose the column.',
  sourceInfo: (source, rows) =>
    source.kind === 'table' && source.table
      ? `Table “${source.table}” (sheet “${source.sheet}”), ${rows} rows`
      : source.kind === 'selection' && source.address
        ? `Range ${source.address} (sheet “${source.sheet}”), ${rows} rows`
        : `Sheet “${source.sheet}”, ${rows} rows`,

  evaluate: 'Evaluate',
  writeSummary: 'Write summary',
  clearHighlights: 'Clear highlights',
  refresh: 'Refresh',
  cancel: 'Cancel',
  autoRefresh: 'Auto-refresh',
  lastRefreshed: (t) => `Last refreshed: ${t}`,
  neverRefreshed: 'Not refreshed yet',
  stale: 'The source was edited; results are stale. Click Refresh.',
  notApplied: 'These results use the new settings and are not yet in the workbook. Click Evaluate to apply them.',
  stages: {
    read: 'Reading the sheet…',
    evaluate: 'Computing rates and scores…',
    write: 'Writing the summary…',
    highlight: 'Setting highlights…',
  },
  progressCount: (d, t) => `${d} / ${t}`,
  working: 'Working…',

  resultsTitle: 'Results',
  portfolioBudget: 'Total budget',
  portfolioActual: 'Total actual',
  portfolioRate: 'Portfolio rate',
  projectsCount: (p, f) => `${p} projects, ${f} flagged`,
  gradeCount: (g, c) => `${g} ${c}`,
  noBudget: 'no budget',
  noValue: '—',
  filterPlaceholder: 'Filter by project name',
  filterLabel: 'Filter projects',
  flaggedOnly: 'Flagged only',
  showing: (s, t) => `Showing ${s} of ${t} projects`,
  noMatch: 'No project matches.',
  colRate: 'Rate',
  colTotal: 'Total',
  colGrade: 'Grade',
  noFlags: 'No issues',
  selectRow: (n, r) => `${n} (select row ${r} in the sheet)`,
  checksTitle: 'Checks',
  checkSumMismatch: (r, c, s, k) => `Total row ${r}: ${c} states ${s}, the projects add up to ${k}`,

  outsideExcelTitle: 'Not running in Excel',
  outsideExcelBody: 'This task pane runs inside Excel (on the web, Windows or Mac). Open your workbook in Excel and open the pane from the add-in button on the Home tab.',
  apiMissingTitle: 'This version of Excel is too old',
  apiMissingBody: (sets) => `Required APIs are missing: ${sets}. Update Office to the latest version, or use Excel on the web.`,
  errorTitle: 'Something went wrong',
  unexpectedError: (m) => `Unexpected error: ${m}. Try again; if it persists, close and reopen the task pane.`,
  cancelled: 'Cancelled.',
  dismiss: 'Dismiss',
  summaryWritten: (s) => `Summary written to sheet “${s}”.`,
  highlightsCleared: 'The add-in’s highlights were cleared; refreshes leave them off until you click Evaluate.',
};

export const STRINGS: Record<Lang, Strings> = { zh, en };

/** Office displayLanguage ("zh-CN", "zh-TW", "en-US", …) → the pane's language: zh* is Chinese, anything else English. */
