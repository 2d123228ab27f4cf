// The report's words in Chinese and English. Sentences take figures already formatted (format.ts).
import type { Lang } from '../types';

const TEXT = {
  title: { zh: '{department}{year}年度项目支出绩效自评报告', en: '{department} project expenditure performance self-evaluation report, {year}' },
  placeholder: { zh: '【待补充：{what}】', en: '[To be completed: {what}]' },
  phDepartment: { zh: '单位名称', en: 'department' },
  phYear: { zh: '年度', en: 'year' },
  phBasics: { zh: '项目基本情况', en: 'project background' },
  phTargets: { zh: '项目预算绩效目标（数量、质量、时效、成本、效益、满意度指标）', en: 'performance targets (quantity, quality, timeliness, cost, benefit, satisfaction indicators)' },
  phSource: { zh: '资金来源', en: 'source of funds' },
  phExplanation: { zh: '偏差原因分析', en: 'explanation of the deviation' },
  phMeasures: { zh: '改进措施', en: 'improvement measures' },
  phScores: { zh: '各项得分', en: 'scores' },
  phAmount: { zh: '金额', en: 'amount' },
  opening: {
    zh: '为加强财政项目资金管理，强化支出责任，提高财政资金使用效益，根据项目支出绩效自评有关规定，{department}对{year}年度{count}个项目开展了绩效自评。本次自评采用“{scheme}”评分方案，经费使用率合理区间为{low}至{high}，金额单位为{unit}。现将有关情况报告如下：',
    en: 'To strengthen the management of project funds and the accountability for spending, {department} evaluated the performance of {count} projects of {year}. The evaluation used the scheme "{scheme}"; the reasonable usage-rate band is {low} to {high}; amounts are in {unit}. The findings follow.',
  },
  unitNotStated: { zh: '（工作表未注明）', en: '(not stated in the sheet)' },
  sectionHeading: { zh: '{numeral}、{name}', en: '{numeral}. {name}' },
  subBasics: { zh: '项目基本情况', en: 'Project background' },
  subTargets: { zh: '项目预算绩效目标', en: 'Performance targets' },
  subFunds: { zh: '经费来源和使用情况', en: 'Funds: source and use' },
  subAnalysis: { zh: '绩效目标完成情况分析', en: 'Achievement of the targets' },
  subScores: { zh: '得分情况', en: 'Scores' },
  subHeading: { zh: '{n}、{title}', en: '{n}. {title}' },
  goalExpected: { zh: '预期目标：', en: 'Expected: ' },
  goalAchieved: { zh: '实际完成情况：', en: 'Achieved: ' },
  groupLabel: { zh: '（{n}）{group}', en: '({n}) {group}' },
  indicatorLine: { zh: '{level2}{name}：年度目标{target}，实际完成{actual}', en: '{level2}{name}: target {target}, achieved {actual}' },
  fundsBudget: { zh: '项目资金预算{budget}{unit}', en: 'The project budget is {budget} {unit}' },
  fundsBudgetStart: { zh: '（年初预算{amount}{unit}）', en: ' (start-of-year budget {amount} {unit})' },
  fundsSource: { zh: '，项目资金来源于', en: ', funded by ' },
  fundsSourceItem: { zh: '{label}{amount}{unit}', en: '{label} {amount} {unit}' },
  fundsActual: { zh: '，项目实际支出{actual}{unit}。', en: '; actual spending is {actual} {unit}.' },
  rateSentence: { zh: '经费使用率为{rate}', en: 'The usage rate is {rate}' },
  rateInside: { zh: '，在合理区间（{low}至{high}）内。', en: ', inside the reasonable band ({low} to {high}).' },
  rateUnder: { zh: '，低于合理区间下限{low}，须说明原因。', en: ', below the band\'s lower edge {low}; the reason must be explained.' },
  rateOver: { zh: '，高于{high}，实际支出超出预算{excess}{unit}。', en: ', above {high}: spending exceeds the budget by {excess} {unit}.' },
  rateNone: { zh: '项目预算为零或缺失，无法计算经费使用率。', en: 'The budget is zero or missing, so no usage rate can be computed.' },
  explanationLead: { zh: '偏差原因：', en: 'Explanation: ' },
  indicatorsMetAll: { zh: '各项绩效指标均已完成。', en: 'All indicators were met.' },
  indicatorNotMet: { zh: '未完成指标：{name}（年度目标{target}，实际完成{actual}，得分{score}/{weight}）。偏差原因：', en: 'Not met: {name} (target {target}, achieved {actual}, score {score} of {weight}). Explanation: ' },
  indicatorOver: { zh: '超额完成指标：{name}（年度目标{target}，实际完成{actual}），完成值远超目标，建议复核目标设定是否偏低。', en: 'Over-achieved: {name} (target {target}, achieved {actual}), far above the target; review whether the target was set too low.' },
  scoreLead: { zh: '根据本次评价指标体系测算，{name}绩效评价结果是：', en: 'Under this evaluation\'s indicator system, the result for {name} is: ' },
  scoreOutput: { zh: '产出绩效为{score}分', en: 'output {score}' },
  scoreBenefit: { zh: '效益绩效为{score}分', en: 'benefit {score}' },
  scoreSatisfaction: { zh: '满意度为{score}分', en: 'satisfaction {score}' },
  scoreExecution: { zh: '预算执行为{score}分', en: 'budget execution {score}' },
  scoreTotal: { zh: '总绩效为{score}分', en: 'total {score}' },
  scoreGrade: { zh: '等级为{grade}', en: 'grade {grade}' },
  scoreMissing: { zh: '{what}未填报', en: '{what} not given' },
  listSep: { zh: '，', en: ', ' },
  itemSep: { zh: '、', en: ', ' },
  end: { zh: '。', en: '.' },
  overallHeading: { zh: '总体情况', en: 'Overall' },
  overallSentence: {
    zh: '本次共自评{count}个项目，项目资金预算合计{budget}{unit}，实际支出合计{actual}{unit}，整体经费使用率为{rate}（按资金加权）。',
    en: '{count} projects were evaluated: budgets total {budget} {unit}, actual spending {actual} {unit}, an overall usage rate of {rate} (weighted by funds).',
  },
  overallNoRate: { zh: '本次共自评{count}个项目，项目资金预算合计{budget}{unit}，实际支出合计{actual}{unit}。', en: '{count} projects were evaluated: budgets total {budget} {unit}, actual spending {actual} {unit}.' },
  gradeSentence: { zh: '评价等级：优{excellent}个，良{good}个，中{fair}个，差{poor}个。', en: 'Grades: {excellent} excellent, {good} good, {fair} fair, {poor} poor.' },
  problemsHeading: { zh: '存在的问题', en: 'Problems found' },
  problemsNone: { zh: '本次自评未发现需要说明的问题。', en: 'The evaluation found nothing that needs explaining.' },
  problemUnder: { zh: '经费使用率低于合理区间下限{low}的项目：', en: 'Usage rate below the lower edge {low}: ' },
  problemOver: { zh: '实际支出超出预算的项目：', en: 'Spending above the budget: ' },
  problemStated: { zh: '表中填报数与测算结果不一致：', en: 'Stated figures that differ from the computed ones: ' },
  problemExplain: { zh: '偏离合理区间但未说明原因的项目：', en: 'Deviations without an explanation: ' },
  problemIndicators: { zh: '绩效指标存在的问题：', en: 'Indicator issues: ' },
  problemOther: { zh: '其他需关注的情况：', en: 'Other points to review: ' },
  problemSheet: { zh: '表内核对：', en: 'Sheet checks: ' },
  itemRate: { zh: '{name}（{rate}）', en: '{name} ({rate})' },
  itemOver: { zh: '{name}（超支{excess}{unit}，使用率{rate}）', en: '{name} (over by {excess} {unit}, usage rate {rate})' },
  itemStatedRate: { zh: '{name}填报执行率{stated}，测算为{computed}', en: '{name} states a rate of {stated}, computed {computed}' },
  itemStatedTotal: { zh: '{name}填报总分{stated}分，测算为{computed}分', en: '{name} states a total of {stated}, computed {computed}' },
  itemFlags: { zh: '{name}（{labels}）', en: '{name} ({labels})' },
  itemIndicator: { zh: '{name}的“{indicator}”（{labels}）', en: '{name}, "{indicator}" ({labels})' },
  measuresHeading: { zh: '改进措施', en: 'Improvement measures' },
  measureItem: { zh: '{name}：{text}', en: '{name}: {text}' },
} as const satisfies Record<string, Record<Lang, string>>;

export type ReportTextKey = keyof typeof TEXT;

export function reportText(key: ReportTextKey, lang: Lang, values: Record<string, string> = {}): string {
  const template: string = TEXT[key][lang];
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? values[name] : all));
}

const INDICATOR_FLAG_LABELS: Record<string, Record<Lang, string>> = {
  score_over_weight: { zh: '得分超过分值', en: 'score above weight' },
  score_mismatch: { zh: '填报得分与测算不符', en: 'stated score differs' },
  missing_explanation: { zh: '未完成但无偏差原因', en: 'not met, no explanation' },
  over_achievement: { zh: '完成值远超目标', en: 'far above target' },
  unreadable_value: { zh: '目标值或完成值无法识别', en: 'target or actual unreadable' },
};

export function indicatorFlagLabel(flag: string, lang: Lang): string {
  return INDICATOR_FLAG_LABELS[flag]?.[lang] ?? flag;
}

const FORM_FLAG_LABELS: Record<string, Record<Lang, string>> = {
  weights_mismatch: { zh: '指标分值与一级指标权重不符', en: 'indicator weights differ from the group weight' },
  indicator_flags: { zh: '绩效指标有待核实', en: 'indicators to review' },
  fund_total_mismatch: { zh: '资金总额与分项之和不符', en: 'funds total differs from its parts' },
};

export function formFlagLabel(flag: string, lang: Lang): string | null {
  return FORM_FLAG_LABELS[flag]?.[lang] ?? null;
}

/** A figure or placeholder inside a sentence keeps its own emphasis; plain strings merge into the text. */
export type RunValue = string | { text: string; emphasis?: 'bold' | 'placeholder' };

/** The sentence `key` as runs: the template's words plain, each value with its own emphasis. */
export function reportRuns(
  key: ReportTextKey,
  lang: Lang,
  values: Record<string, RunValue> = {},
): { text: string; emphasis?: 'bold' | 'placeholder' }[] {
  const template: string = TEXT[key][lang];
  const runs: { text: string; emphasis?: 'bold' | 'placeholder' }[] = [];
  const push = (text: string, emphasis?: 'bold' | 'placeholder'): void => {
    if (text === '') return;
    const last = runs[runs.length - 1];
    if (last && last.emphasis === emphasis) last.text += text;
    else runs.push(emphasis ? { text, emphasis } : { text });
  };
  let at = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    push(template.slice(at, m.index));
    const v = values[m[1]];
    if (v === undefined) push(m[0]);
    else if (typeof v === 'string') push(v);
    else push(v.text, v.emphasis);
    at = (m.index ?? 0) + m[0].length;
  }
  push(template.slice(at));
  return runs;
}
