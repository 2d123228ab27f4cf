// The report from a forms evaluation: indicators become 项目预算绩效目标, unmet ones and their
// explanations the analysis, 年度总体目标 the basic situation, funds rows the source.
import type { FormProject, FormsEvaluation, IndicatorResult } from '../../../src/engine/forms/formTypes';
import { buildReport } from '../../../src/engine/report/build';
import { formsYear, reportInputFromForms } from '../../../src/engine/report/fromForms';
import { BUILTIN_SCHEMES } from '../../../src/engine/schemes';

function indicator(over: Partial<IndicatorResult> & { name: string }): IndicatorResult {
  return {
    row: 10,
    level1: '产出指标',
    level2: '数量指标',
    direction: '≥',
    target: '≥200人次',
    actual: '236人次',
    targetValue: 200,
    actualValue: 236,
    unit: '人次',
    weight: 20,
    statedScore: 20,
    score: 20,
    explanation: null,
    flags: [],
    ...over,
  };
}

function form(): FormProject {
  return {
    sheet: '自评表',
    row: 3,
    name: '51000021R0001-安全培训经费',
    department: '某某区应急管理局',
    unitName: null,
    budgetStart: 50,
    budget: 60,
    actual: 45,
    usageRate: 0.75,
    statedRate: 0.75,
    executionWeight: 10,
    statedExecutionScore: 7.5,
    scores: { output: 40, benefit: 25, satisfaction: 10, execution: 7.5, total: 82.5 },
    statedTotal: 82.5,
    grade: 'good',
    flags: ['under_execution', 'indicator_flags'],
    sources: (
      [
        ['其中：当年财政拨款', 50, 55, 40],
        ['上年结转资金', 0, 5, 5],
        ['其他资金', 0, 0, 0],
      ] as const
    ).map(([label, budgetStart, budget, actual]) => ({ label, budgetStart, budget, actual })),
    goal: { expected: '全年培训安全管理人员200人次。', achieved: '培训236人次。' },
    indicators: [
      indicator({ name: '培训人次' }),
      indicator({ name: '培训合格率', level2: '质量指标', target: '≥95%', actual: '90%', targetValue: 0.95, actualValue: 0.9, weight: 20, score: 18.95, explanation: '部分学员补考未完成' }),
      indicator({ name: '事故起数', level1: '效益指标', level2: '社会效益指标', direction: '≤', target: '≤2起', actual: '0起', weight: 30, score: 30, flags: ['over_achievement'] }),
    ],
  };
}

function evaluation(): FormsEvaluation {
  return {
    layout: 'forms',
    scheme: 'mof2020',
    band: { low: 0.9, high: 1 },
    unit: '万元',
    projects: [form()],
    totals: { budget: 60, actual: 45, usageRate: 0.75, projects: 1, flagged: 1 },
    grades: { excellent: 0, good: 1, fair: 0, poor: 0 },
    checks: [],
  };
}

const text = (runs: { text: string }[]): string => runs.map((r) => r.text).join('');

describe('the report from forms', () => {
  const model = buildReport(reportInputFromForms(evaluation(), BUILTIN_SCHEMES.mof2020, { year: '2023' }), 'zh');
  const section = model.sections[0];
  const sub = (key: string): string[] => section.subsections.find((s) => s.key === key)!.paragraphs.map((p) => text(p.runs));

  it('takes the department from the form', () => {
    expect(model.title).toBe('某某区应急管理局2023年度项目支出绩效自评报告');
    expect(section.heading).toBe('一、51000021R0001-安全培训经费');
  });

  it('writes the basic situation from 年度总体目标', () => {
    expect(sub('basics')).toEqual(['预期目标：全年培训安全管理人员200人次。', '实际完成情况：培训236人次。']);
  });

  it('groups the indicators by 一级指标, each with its target and what was achieved', () => {
    expect(sub('targets')).toEqual([
      '（1）产出指标',
      '数量指标·培训人次：年度目标≥200人次，实际完成236人次',
      '质量指标·培训合格率：年度目标≥95%，实际完成90%',
      '（2）效益指标',
      '社会效益指标·事故起数：年度目标≤2起，实际完成0起',
    ]);
  });

  it('names the start-of-year budget and the sources with money', () => {
    expect(sub('funds')).toEqual(['项目资金预算60.00万元（年初预算50.00万元），项目资金来源于当年财政拨款55.00万元、上年结转资金5.00万元，项目实际支出45.00万元。']);
  });

  it('explains the unmet indicators and asks to review the over-achieved ones', () => {
    expect(sub('analysis')).toEqual([
      '经费使用率为75.00%，低于合理区间下限90.00%，须说明原因。',
      '偏差原因：【待补充：偏差原因分析】',
      '未完成指标：培训合格率（年度目标≥95%，实际完成90%，得分18.95/20）。偏差原因：部分学员补考未完成',
      '超额完成指标：事故起数（年度目标≤2起，实际完成0起），完成值远超目标，建议复核目标设定是否偏低。',
    ]);
  });

  it('scores every mof2020 component and the execution score', () => {
    expect(sub('scores')).toEqual([
      '根据本次评价指标体系测算，51000021R0001-安全培训经费绩效评价结果是：产出绩效为40分，效益绩效为25分，满意度为10分，预算执行为7.5分，总绩效为82.5分，等级为良。',
    ]);
  });

  it('lists indicator issues among the problems and the indicator explanations among the measures', () => {
    const problems = model.sections[2].paragraphs.map((p) => text(p.runs));
    expect(problems).toContain('（2）绩效指标存在的问题：51000021R0001-安全培训经费的“事故起数”（完成值远超目标）。');
    const measures = model.sections[3].paragraphs.map((p) => text(p.runs));
    expect(measures).toEqual(['51000021R0001-安全培训经费·培训合格率：部分学员补考未完成', '【待补充：改进措施】']);
  });
});

describe('the forms’ year', () => {
  it('is the first year their title rows state, none when they state none', () => {
    expect(formsYear([{ cells: [['项目支出绩效自评表'], ['（2020年度）'], ['项目名称', null, 'x']] }])).toBe('2020');
    expect(formsYear([{ cells: [['封面']] }, { cells: [['部门预算项目支出绩效自评表（2023 年度）']] }])).toBe('2023');
    // A year far below the title rows (an indicator's text) is not the budget year.
    expect(formsYear([{ cells: [['项目支出绩效自评表'], [null], [null], [null], ['2019年完成']] }])).toBeNull();
  });
});
