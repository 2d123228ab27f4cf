// The task pane's texts for the forms layout (项目支出绩效自评表), in Chinese and English, in the shape of
// strings.ts. Flag labels and check sentences come from the engine (src/engine/forms/formMessages.ts).
import type { Lang } from '../engine/types';

export interface FormsStrings {
  /** "3 张自评表" — the pane's heading once the workbook's forms are found. */
  formsCount: (forms: number) => string;
  /** The sheets the forms are on. */
  formsOnSheets: (sheets: string) => string;
  sheetJoiner: string;
  flaggedCount: (flagged: number) => string;
  noForms: string;
  /** Where a form starts: its sheet and 项目名称 row. */
  formAt: (sheet: string, row: number) => string;
  /** Accessible name of a form's button. */
  selectForm: (name: string, sheet: string, row: number) => string;
  department: string;
  execution: string;
  indicatorsToCheck: (count: number) => string;
  /** An indicator's target and actual as written. */
  targetActual: (target: string, actual: string) => string;
  weight: string;
  stated: string;
  computed: string;
  /** Accessible name of an indicator's button. */
  selectIndicator: (name: string, sheet: string, row: number) => string;
  marksCount: (cells: number) => string;
  marksCleared: string;
  goalExpected: string;
  goalAchieved: string;
  showGoal: string;
}

const zh: FormsStrings = {
  formsCount: (n) => `${n} 张自评表`,
  formsOnSheets: (sheets) => `位于工作表：${sheets}`,
  sheetJoiner: '、',
  flaggedCount: (n) => (n === 0 ? '均无问题' : `${n} 张需核实`),
  noForms: '工作簿中已没有自评表（项目名称所在行）。',
  formAt: (sheet, row) => `“${sheet}”第 ${row} 行`,
  selectForm: (name, sheet, row) => `${name}（选中“${sheet}”第 ${row} 行起的自评表）`,
  department: '主管部门',
  execution: '执行得分',
  indicatorsToCheck: (n) => `需核实的指标（${n}）`,
  targetActual: (target, actual) => `指标值 ${target || '—'} → 完成值 ${actual || '—'}`,
  weight: '分值',
  stated: '填报',
  computed: '计算',
  selectIndicator: (name, sheet, row) => `${name}（选中“${sheet}”第 ${row} 行）`,
  marksCount: (n) => (n === 0 ? '表上没有需要标出的单元格。' : `已在表上标出 ${n} 个需处理的单元格。`),
  marksCleared: '已清除本加载项在自评表上的标记；刷新不会再标出，直到再次点击“评估”。',
  goalExpected: '预期目标',
  goalAchieved: '实际完成情况',
  showGoal: '年度总体目标',
};

const en: FormsStrings = {
  formsCount: (n) => (n === 1 ? '1 form' : `${n} forms`),
  formsOnSheets: (sheets) => `On sheets: ${sheets}`,
  sheetJoiner: ', ',
  flaggedCount: (n) => (n === 0 ? 'none to check' : `${n} to check`),
  noForms: 'The workbook no longer holds any form (no 项目名称 row).',
  formAt: (sheet, row) => `sheet “${sheet}”, row ${row}`,
  selectForm: (name, sheet, row) => `${name} (select the form from row ${row} of sheet “${sheet}”)`,
  department: 'Department',
  execution: 'Execution',
  indicatorsToCheck: (n) => `Indicators to check (${n})`,
  targetActual: (target, actual) => `target ${target || '—'} → actual ${actual || '—'}`,
  weight: 'Weight',
  stated: 'Stated',
  computed: 'Computed',
  selectIndicator: (name, sheet, row) => `${name} (select row ${row} of sheet “${sheet}”)`,
  marksCount: (n) => (n === 0 ? 'No cell on the forms needs marking.' : n === 1 ? '1 cell marked on the forms.' : `${n} cells marked on the forms.`),
  marksCleared: 'The add-in’s marks on the forms were cleared; refreshes leave them off until you click Evaluate.',
  goalExpected: 'Expected',
  goalAchieved: 'Achieved',
  showGoal: 'Annual goal',
};

export const FORMS_STRINGS: Record<Lang, FormsStrings> = { zh, en };
