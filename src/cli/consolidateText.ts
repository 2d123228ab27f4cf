// Messages of `npm run consolidate`, in zh and en.
import type { Lang } from '../engine/types';

const T = {
  usage: {
    zh: '用法：npm run consolidate -- <文件夹|工作簿.xlsx…> [--out 汇总.xlsx] [--json] [--scheme mof2020|wuhan2018 | --scheme-file 方案.json] [--low 0.9] [--high 1.0] [--month 1-12] [--jobs N] [--lang zh|en]',
    en: 'Usage: npm run consolidate -- <folder|workbook.xlsx…> [--out consolidated.xlsx] [--json] [--scheme mof2020|wuhan2018 | --scheme-file scheme.json] [--low 0.9] [--high 1.0] [--month 1-12] [--jobs N] [--lang zh|en]',
  },
  none: { zh: '没有可评价的工作簿（共 {n} 个文件，均无法读取或评价）', en: 'No workbook could be evaluated ({n} files, none readable or evaluable)' },
  noFiles: { zh: '在给出的路径下没有找到 .xlsx 工作簿：{list}', en: 'No .xlsx workbook found under: {list}' },
  progress: { zh: '已处理 {done}/{total}（{pct}%）', en: 'Processed {done}/{total} ({pct}%)' },
  notWorkbook: { zh: '不是有效的 Excel 工作簿（.xlsx）', en: 'Not an Excel workbook (.xlsx)' },
  broken: { zh: '无法读取该工作簿：{reason}', en: 'Cannot read the workbook: {reason}' },
  noSheet: { zh: '没有同时含项目名称、预算数和执行数列的工作表', en: 'No sheet has project, budget and actual-spend columns' },
  unknownScheme: { zh: '未知的评分方案“{id}”', en: 'Unknown scoring scheme "{id}"' },
  schemeAndFile: { zh: '--scheme 与 --scheme-file 只能给一个', en: 'Give --scheme or --scheme-file, not both' },
  schemeFileBad: { zh: '评分方案文件 {path} 无效：{errors}', en: 'The scheme file {path} is not valid: {errors}' },
  badJobs: { zh: '--jobs 应为 1 到 {max} 的整数，而不是“{value}”', en: '--jobs must be a whole number from 1 to {max}, not "{value}"' },
  line: {
    zh: '{name}：{files}个文件，{projects}个项目，预算 {budget}，执行 {actual}，使用率 {rate}，需关注 {flagged}',
    en: '{name}: {files} files, {projects} projects, budget {budget}, actual {actual}, rate {rate}, {flagged} flagged',
  },
  failed: { zh: '无法读取：{file}：{message}', en: 'Unreadable: {file}: {message}' },
  wrote: { zh: '已写入汇总工作簿：{path}', en: 'Wrote the consolidated workbook: {path}' },
} as const;

export type ConsolidateTextKey = keyof typeof T;

export function consolidateText(key: ConsolidateTextKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return T[key][lang].replace(/\{(\w+)\}/g, (all, k: string) => (k in values ? String(values[k]) : all));
}
