// What the pane shows for each HostError code: what happened and what to do next (zh + en).
import type { Lang } from '../engine/types';
import type { HostErrorCode } from './errors';

export const HOST_ERROR_MESSAGES: Record<HostErrorCode, Record<Lang, string>> = {
  not_in_excel: {
    zh: '此页面需要在 Excel 中打开：请在 Excel（网页版、Windows 或 Mac）中通过“加载项”启动本工具。',
    en: 'This page runs inside Excel: open it from Add-ins in Excel on the web, Windows or Mac.',
  },
  api_unsupported: {
    zh: '当前 Excel 版本不支持所需功能，请更新 Excel 或改用 Excel 网页版。',
    en: 'This version of Excel lacks a feature the add-in needs. Update Excel or use Excel on the web.',
  },
  payload_too_large: {
    zh: '一次传输的数据超过 Excel 的上限（5 MB）。请选择较小的区域后重试，或使用批处理命令处理该文件。',
    en: 'The data exceeded Excel’s 5 MB limit for one request. Select a smaller range and retry, or use the batch command on the file.',
  },
  too_many_cells: {
    zh: '所选区域超过 500 万个单元格，无法读取。请只选择项目表所在的区域。',
    en: 'The range has more than 5 million cells. Select only the project table.',
  },
  sheet_protected: {
    zh: '工作表或工作簿受保护或为只读，无法写入。请取消保护或保存副本后重试。',
    en: 'The sheet or workbook is protected or read-only. Unprotect it or save a copy, then retry.',
  },
  not_found: {
    zh: '找不到所需的工作表或区域，可能已被重命名或删除。请重新选择数据后重试。',
    en: 'A sheet or range the add-in needs was not found; it may have been renamed or deleted. Select the data again and retry.',
  },
  busy: {
    zh: 'Excel 正忙（例如正在编辑单元格）。请按 Enter 或 Esc 结束编辑后重试。',
    en: 'Excel is busy (for example a cell is being edited). Press Enter or Esc to finish editing, then retry.',
  },
  invalid_selection: {
    zh: '无法使用当前选择（例如选择了多个区域）。请只选择一个连续区域。',
    en: 'The current selection cannot be used (for example several areas). Select one block of cells.',
  },
  range_conflict: {
    zh: '写入区域与合并单元格、筛选或数据透视表冲突。请清除冲突后重试。',
    en: 'The write conflicts with merged cells, a filter or a PivotTable. Remove the conflict and retry.',
  },
  settings_failed: {
    zh: '无法保存工作簿设置。请确认文件可编辑后重试。',
    en: 'The workbook settings could not be saved. Make sure the file can be edited, then retry.',
  },
  cancelled: {
    zh: '操作已取消。',
    en: 'Cancelled.',
  },
  unknown: {
    zh: 'Excel 报告了一个意外错误。请重试；若问题持续，请关闭并重新打开任务窗格。',
    en: 'Excel reported an unexpected error. Retry; if it persists, close and reopen the task pane.',
  },
};

export function hostErrorMessage(code: HostErrorCode, lang: Lang): string {
  return HOST_ERROR_MESSAGES[code][lang];
}
