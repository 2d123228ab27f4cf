// The forms layout's words (zh/en): project and indicator flags, check sentences, summary labels.
import { flagLabel } from '../messages';
import type { FormCheck, FormFlag, IndicatorFlag } from '../formTypes';
import type { Flag, Lang } from '../types';

const FORM_FLAG_LABELS: Record<Exclude<FormFlag, Flag>, Record<Lang, string>> = {
  weights_mismatch: { zh: '权重合计不符', en: 'Weights do not add up' },
  indicator_flags: { zh: '有指标需核实', en: 'Indicators to check' },
  fund_total_mismatch: { zh: '资金总额与来源之和不符', en: 'Funds total differs from its sources' },
  execution_score_mismatch: { zh: '执行得分与填报不符', en: 'Stated execution score differs' },
};

const INDICATOR_FLAG_LABELS: Record<IndicatorFlag, Record<Lang, string>> = {
  score_over_weight: { zh: '得分超过分值', en: 'Score above weight' },
  score_mismatch: { zh: '得分与计算不符', en: 'Stated score differs from computed' },
  missing_explanation: { zh: '未满分且缺少偏差原因', en: 'Below full marks without explanation' },
  over_achievement: { zh: '大幅超额完成（指标值可能偏低）', en: 'Far above target (target set too low?)' },
  unreadable_value: { zh: '指标值或完成值无法读取', en: 'Target or actual unreadable' },
};

export function formFlagLabel(flag: FormFlag, lang: Lang): string {
  return flag in FORM_FLAG_LABELS ? FORM_FLAG_LABELS[flag as Exclude<FormFlag, Flag>][lang] : flagLabel(flag as Flag, lang);
}

export function indicatorFlagLabel(flag: IndicatorFlag, lang: Lang): string {
  return INDICATOR_FLAG_LABELS[flag][lang];
}

export function formStatusText(flags: readonly FormFlag[], lang: Lang): string {
  if (flags.length === 0) return lang === 'zh' ? '正常' : 'OK';
  return flags.map((f) => formFlagLabel(f, lang)).join(lang === 'zh' ? '；' : '; ');
}

export function indicatorReasons(flags: readonly IndicatorFlag[], lang: Lang): string {
  return flags.map((f) => indicatorFlagLabel(f, lang)).join(lang === 'zh' ? '；' : '; ');
}

const FIELD: Record<NonNullable<FormCheck['field']>, Record<Lang, string>> = {
  budget: { zh: '预算数', en: 'budget' },
  actual: { zh: '执行数', en: 'actual' },
  total: { zh: '总分', en: 'total' },
};

function fmt(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : String(Math.round(n * 1e4) / 1e4);
}

/** One sentence per check, naming the sheet and row. */
export function formCheckSentence(c: FormCheck, lang: Lang): string {
  const zh = lang === 'zh';
  switch (c.code) {
    case 'form_without_funds':
      return zh ? `“${c.sheet}”第${c.row}行的自评表“${c.project}”未找到资金（预算执行）部分` : `Form "${c.project}" (sheet "${c.sheet}", row ${c.row}) has no funds block`;
    case 'form_without_indicators':
      return zh ? `“${c.sheet}”第${c.row}行的自评表“${c.project}”未找到绩效指标部分` : `Form "${c.project}" (sheet "${c.sheet}", row ${c.row}) has no indicator block`;
    case 'form_table_mismatch': {
      const what = FIELD[c.field ?? 'total'][lang];
      const t = c.table;
      return zh
        ? `“${c.project}”的${what}：自评表（“${c.sheet}”第${c.row}行）为${fmt(c.form)}，汇总表（“${t?.sheet}”第${t?.row}行）为${fmt(t?.value)}`
        : `"${c.project}" ${what}: the form (sheet "${c.sheet}", row ${c.row}) says ${fmt(c.form)}, the table (sheet "${t?.sheet}", row ${t?.row}) says ${fmt(t?.value)}`;
    }
  }
}

const TEXT = {
  infoForms: { zh: '自评表', en: 'Forms' },
  formsCount: { zh: '{n} 张自评表（{sheets}）', en: '{n} forms ({sheets})' },
  colDepartment: { zh: '主管部门', en: 'Department' },
  colSheet: { zh: '工作表', en: 'Sheet' },
  todoTitle: { zh: '需核实的指标', en: 'Indicators to check' },
  colIndicator: { zh: '三级指标', en: 'Indicator' },
  colTarget: { zh: '年度指标值', en: 'Target' },
  colActualValue: { zh: '实际完成值', en: 'Actual' },
  colWeight: { zh: '分值', en: 'Weight' },
  colStated: { zh: '填报得分', en: 'Stated' },
  colComputed: { zh: '计算得分', en: 'Computed' },
} as const satisfies Record<string, Record<Lang, string>>;

export type FormTextKey = keyof typeof TEXT;

export function formText(key: FormTextKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}
