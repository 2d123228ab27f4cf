// Texts the ribbon command shows (result dialog), in Chinese and English.
import type { Lang } from '../engine/types';

export interface CommandStrings {
  refreshedTitle: string;
  refreshedBody: (projects: number, flagged: number, rate: string, summaryWritten: boolean) => string;
  noRate: string;
  needPaneTitle: string;
  noSettings: string;
  mappingNoLongerFits: (reason: string) => string;
  failedTitle: string;
  savedSchemeInvalid: string;
  savedBandInvalid: string;
  noResult: string;
  missingSets: (sets: string) => string;
  close: string;
  dialogTitle: string;
}

export const COMMAND_STRINGS: Record<Lang, CommandStrings> = {
  zh: {
    refreshedTitle: '评分已刷新',
    refreshedBody: (projects, flagged, rate, summaryWritten) =>
      `已评价 ${projects} 个项目，其中 ${flagged} 个需要关注；整体预算执行率 ${rate}。` +
      (summaryWritten ? '汇总表已更新。' : ''),
    noRate: '无法计算（预算合计为 0）',
    needPaneTitle: '请先打开任务窗格',
    noSettings:
      '此工作簿还没有保存的列映射。请在“开始”选项卡中单击“显示任务窗格”，确认列映射并评价一次；之后即可用“刷新评分”一键更新。',
    mappingNoLongerFits: (reason) => `${reason} 请单击“显示任务窗格”检查列映射。`,
    failedTitle: '刷新失败',
    savedSchemeInvalid: '此工作簿保存的评分方案有误。请单击“显示任务窗格”查看详情并重新选择评分方案。',
    savedBandInvalid: '此工作簿保存的执行率区间有误。请单击“显示任务窗格”查看详情并重新设置区间。',
    noResult: '没有可显示的结果。请在功能区重新单击“刷新评分”。',
    missingSets: (sets) => `缺少：${sets}。`,
    close: '关闭',
    dialogTitle: '项目支出绩效自评',
  },
  en: {
    refreshedTitle: 'Scores refreshed',
    refreshedBody: (projects, flagged, rate, summaryWritten) =>
      `${projects} project${projects === 1 ? '' : 's'} evaluated, ${flagged} flagged; portfolio usage rate ${rate}.` +
      (summaryWritten ? ' The summary sheet was updated.' : ''),
    noRate: 'not computable (total budget is 0)',
    needPaneTitle: 'Open the pane first',
    noSettings:
      'This workbook has no saved column mapping yet. On the Home tab click Show pane, check the mapping and evaluate once; after that Refresh scores updates everything in one click.',
    mappingNoLongerFits: (reason) => `${reason} Click Show pane to check the column mapping.`,
    failedTitle: 'Refresh failed',
    savedSchemeInvalid: 'The scoring scheme saved in this workbook is not valid. Click Show pane to see why and choose a scheme again.',
    savedBandInvalid: 'The usage-rate band saved in this workbook is not valid. Click Show pane to see why and set the band again.',
    noResult: 'There is no result to show. Click Refresh scores on the ribbon again.',
    missingSets: (sets) => `Missing: ${sets}.`,
    close: 'Close',
    dialogTitle: 'Performance self-evaluation',
  },
};
