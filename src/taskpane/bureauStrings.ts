// Texts of the pane's bureau tools (in-year monitoring switch and month, "Consolidate sheets"), in
// Chinese and English; kept apart from strings.ts. Components take a BureauStrings, never literals.
import { monthSpan } from '../engine/messages';
import type { Lang } from '../engine/types';

export interface BureauStrings {
  title: string;
  monitoring: string;
  monitoringHint: string;
  month: string;
  /** The months covered by the option for month m: "1–9月" / "Jan–Sep". */
  monthOption: (month: number) => string;
  consolidate: string;
  consolidateHint: string;
  consolidating: string;
  consolidated: (sheet: string, departments: number, failed: number) => string;
}

export const BUREAU_STRINGS: Record<Lang, BureauStrings> = {
  zh: {
    title: '财政局工具',
    monitoring: '运行监控（双监控）',
    monitoringHint: '按序时进度评价执行率：进度比 = 执行率 ÷ 时间进度',
    month: '监控截至月份',
    monthOption: (m) => monthSpan(m, 'zh'),
    consolidate: '汇总各部门',
    consolidateHint: '按部门汇总本工作簿各工作表（或各主管部门的自评表），写入“部门汇总”表',
    consolidating: '正在汇总各部门…',
    consolidated: (sheet, n, failed) => `已写入“${sheet}”：${n} 个部门${failed > 0 ? `，${failed} 个工作表无法评价` : ''}`,
  },
  en: {
    title: 'Finance bureau',
    monitoring: 'In-year monitoring',
    monitoringHint: 'Rates against the time elapsed: progress = usage rate ÷ share of the year',
    month: 'Through month',
    monthOption: (m) => monthSpan(m, 'en'),
    consolidate: 'Consolidate sheets',
    consolidateHint: "Consolidates this workbook's sheets (or forms from several departments) by department into a Departments sheet",
    consolidating: 'Consolidating departments…',
    consolidated: (sheet, n, failed) => `Wrote "${sheet}": ${n} departments${failed > 0 ? `, ${failed} sheets could not be evaluated` : ''}`,
  },
};
