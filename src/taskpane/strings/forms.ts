// The task pane's texts for the forms layout (项目支出绩效自评表), from the catalogue (pane.forms), in the
// shape of index.ts. Flag labels and check sentences come from the engine (src/engine/forms/formMessages.ts).
import { catalogue, fill, fillPlural } from '../../text/catalogue';
import type { Lang } from '../../engine/types';

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

function formsStrings(lang: Lang): FormsStrings {
  const t = catalogue(lang).pane.forms;
  return {
    ...t,
    formsCount: (n) => fillPlural(t.formsCount, n, lang, { n }),
    formsOnSheets: (sheets) => fill(t.formsOnSheets, { sheets }),
    flaggedCount: (n) => (n === 0 ? t.flaggedCount.none : fill(t.flaggedCount.some, { n })),
    formAt: (sheet, row) => fill(t.formAt, { sheet, row }),
    selectForm: (name, sheet, row) => fill(t.selectForm, { name, sheet, row }),
    indicatorsToCheck: (n) => fill(t.indicatorsToCheck, { n }),
    targetActual: (target, actual) => fill(t.targetActual, { target: target || t.noValue, actual: actual || t.noValue }),
    selectIndicator: (name, sheet, row) => fill(t.selectIndicator, { name, sheet, row }),
    marksCount: (n) => (n === 0 ? t.marksCount.none : fillPlural(t.marksCount, n, lang, { n })),
  };
}

export const FORMS_STRINGS: Record<Lang, FormsStrings> = { zh: formsStrings('zh'), en: formsStrings('en') };
