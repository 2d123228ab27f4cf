import { evaluateForms, sheetsHaveForms } from '../../../src/engine/forms/evaluateForms';
import { BUILTIN_SCHEMES } from '../../../src/engine/schemes';
import { evaluateSheet } from '../../../src/engine/evaluateSheet';
import type { FormSheet } from '../../../src/engine/forms/formTypes';
import { NATIONAL_EXAMPLE, SICHUAN_EXAMPLE, nationalForm, sichuanForm, stackForms, withChanges } from '../../support/forms';

const scheme = BUILTIN_SCHEMES.mof2020;
const run = (sheets: FormSheet[]) => evaluateForms(sheets, { scheme });
const one = (sheet: FormSheet) => {
  const e = run([sheet]);
  expect(e.projects).toHaveLength(1);
  return e.projects[0];
};

describe('national 2020 form', () => {
  const p = one(stackForms('自评表', [nationalForm(NATIONAL_EXAMPLE)]));
  it('reads name, department, unit and the funds block total row', () => {
    expect([p.sheet, p.row, p.name, p.department, p.unitName]).toEqual(['自评表', 3, '安全生产监察协管员劳务费', '某区应急管理局', '某区安全生产执法大队']);
    expect([p.budgetStart, p.budget, p.actual, p.statedRate, p.executionWeight]).toEqual([150, 150, 147.75, 0.985, 10]);
    expect(p.sources.map((s) => s.label)).toEqual(['当年财政拨款', '上年结转资金', '其他资金']);
  });
  it('scores execution, groups (merged labels followed down) and the total', () => {
    expect(p.scores).toEqual({ output: 50, benefit: 29, satisfaction: 10, execution: 9.85, total: 98.85 });
    expect(p.grade).toBe('excellent');
    expect(p.flags).toEqual([]);
    expect(p.indicators.map((i) => [i.row, i.level1, i.level2, i.direction])).toEqual([
      [13, '产出指标(50分)', '数量指标', '≥'],
      [14, '产出指标(50分)', '质量指标', '≥'],
      [15, '产出指标(50分)', '成本指标', '≤'],
      [16, '效益指标(30分)', '社会效益指标', '='],
      [17, '效益指标(30分)', '可持续影响指标', '定性'],
      [18, '满意度指标(10分)', '服务对象满意度指标', '≥'],
    ]);
  });
});

describe('Sichuan 2023 form', () => {
  const p = one(stackForms('Sheet1', [sichuanForm(SICHUAN_EXAMPLE)]));
  it('keeps the code-prefixed name, reads 调整后预算数 / 预算执行数, 指标性质 and 度量单位', () => {
    expect(p.name).toBe('51092324T000010263357-2023年安全生产宣传培训项目');
    expect([p.budgetStart, p.budget, p.actual]).toEqual([90, 92.3, 89.974]);
    expect(p.indicators.map((i) => [i.direction, i.unit, i.targetValue, i.actualValue, i.score])).toEqual([
      ['≥', '人次', 200, 236, 30],
      ['≤', '月', 12, 12, 15],
      ['≤', '元', 600, 780, 10.5],
      ['定性', null, null, null, 28],
    ]);
    expect(p.scores.total).toBeCloseTo(9.748 + 30 + 15 + 10.5 + 28, 2);
    expect(p.scores.satisfaction).toBeNull();
  });
  it('flags a reverse indicator below its weight without an explanation', () => {
    expect(p.indicators[2].flags).toEqual(['missing_explanation']);
    expect(p.flags).toEqual(['indicator_flags']);
    expect(p.statedTotal).toBe(93.25);
  });
});

it('finds stacked forms of both templates on one sheet, and across sheets in order', () => {
  const a = stackForms('A', [nationalForm(NATIONAL_EXAMPLE), sichuanForm(SICHUAN_EXAMPLE), nationalForm(withChanges(NATIONAL_EXAMPLE, { name: '第三个' }))]);
  const b = stackForms('B', [sichuanForm(withChanges(SICHUAN_EXAMPLE, { name: '第四个' }))]);
  const cover: FormSheet = { name: '封面', cells: [['2023年度项目支出绩效自评材料'], ['编报单位：某局']] };
  const e = run([cover, a, b]);
  expect(e.projects.map((p) => [p.sheet, p.name.slice(-3)])).toEqual([
    ['A', '劳务费'],
    ['A', '训项目'],
    ['A', '第三个'],
    ['B', '第四个'],
  ]);
  expect(e.totals.projects).toBe(4);
  expect(e.totals.budget).toBeCloseTo(150 + 92.3 + 150 + 92.3, 9);
  expect(sheetsHaveForms([cover])).toBe(false);
  expect(sheetsHaveForms([cover, b])).toBe(true);
});

it('reads the same form without merge information (labels written once, left blank below)', () => {
  const sheet = stackForms('S', [nationalForm(NATIONAL_EXAMPLE)]);
  const p = one({ name: 'S', cells: sheet.cells });
  expect(p.scores.output).toBe(50);
  expect(p.indicators.map((i) => i.level1)).toEqual(['产出指标(50分)', '产出指标(50分)', '产出指标(50分)', '效益指标(30分)', '效益指标(30分)', '满意度指标(10分)']);
});

it('reports a form without an indicator block, and one without a funds block, as checks', () => {
  const e = run([
    stackForms('S', [
      nationalForm(withChanges(NATIONAL_EXAMPLE, { name: '无指标', withoutIndicators: true })),
      nationalForm(withChanges(NATIONAL_EXAMPLE, { name: '无资金', withoutFunds: true })),
    ]),
  ]);
  expect(e.checks).toEqual([
    { code: 'form_without_indicators', sheet: 'S', row: 3, project: '无指标' },
    { code: 'form_without_funds', sheet: 'S', row: expect.any(Number), project: '无资金' },
  ]);
  expect(e.projects[0].scores.total).toBeNull();
  expect(e.projects[1].budget).toBeNull();
  expect(e.projects[1].scores.execution).toBeNull();
});

it('flags fund_total_mismatch when the total row is zeros and the money sits in 当年财政拨款', () => {
  const p = one(
    stackForms('S', [nationalForm(withChanges(NATIONAL_EXAMPLE, { funds: { start: 0, budget: 0, actual: 0, weight: 10, rate: null, score: null } }))]),
  );
  expect(p.flags).toEqual(expect.arrayContaining(['fund_total_mismatch', 'zero_budget']));
  expect(p.usageRate).toBeNull();
  expect(p.scores.execution).toBeNull();
});

it('execution score uses the stated weight (20) and flags a stated 执行率 and 得分 that disagree', () => {
  const p = one(
    stackForms('S', [
      nationalForm(withChanges(NATIONAL_EXAMPLE, { funds: { start: 150, budget: 150, actual: 120, weight: 20, rate: '90%', score: 20 }, sources: [] })),
    ]),
  );
  expect(p.executionWeight).toBe(20);
  expect(p.scores.execution).toBeCloseTo(16, 9);
  expect(p.flags).toEqual(expect.arrayContaining(['rate_mismatch', 'under_execution', 'weights_mismatch', 'execution_score_mismatch']));
});

it('over budget earns the full execution weight and is flagged', () => {
  const p = one(stackForms('S', [nationalForm(withChanges(NATIONAL_EXAMPLE, { funds: { start: 150, budget: 150, actual: 156, weight: 10, rate: '104%', score: 10 }, sources: [] }))]));
  expect(p.scores.execution).toBe(10);
  expect(p.flags).toContain('over_budget');
});

it('indicator flags: over weight, mismatch, over-achievement, unreadable value', () => {
  const p = one(
    stackForms('S', [
      nationalForm(
        withChanges(NATIONAL_EXAMPLE, {}, {
          0: { actual: '300家次' }, // 1.5 × target
          1: { actual: '90%', score: 15, explanation: '' }, // computed 14.21
          3: { actual: '未统计' },
          5: { score: 12 }, // above the weight 10
        }),
      ),
    ]),
  );
  const flags = p.indicators.map((i) => i.flags);
  expect(flags[0]).toEqual(['over_achievement']);
  expect(flags[1]).toEqual(['score_mismatch', 'missing_explanation']);
  expect(p.indicators[1].score).toBeCloseTo((90 / 95) * 15, 9);
  expect(flags[3]).toEqual(['unreadable_value']);
  expect(p.indicators[3].score).toBe(15); // the stated score, capped
  expect(flags[5]).toEqual(['score_over_weight', 'score_mismatch']);
  expect(p.indicators[5].score).toBe(10);
  expect(p.flags).toEqual(expect.arrayContaining(['indicator_flags', 'total_mismatch']));
});

it('weights_mismatch when a group label states 50分 over indicators weighing 45', () => {
  const p = one(stackForms('S', [nationalForm(withChanges(NATIONAL_EXAMPLE, {}, { 0: { weight: 15, score: 15 }, 3: { weight: 20, score: 20 } }))]));
  // Sum still 100, but 产出指标(50分) holds 45 and 效益指标(30分) 35.
  expect(p.indicators.reduce((s, i) => s + (i.weight ?? 0), 0)).toBe(90);
  expect(p.flags).toContain('weights_mismatch');
});

it('the over-achievement factor and the reverse rule are scheme settings', () => {
  const sheet = stackForms('S', [sichuanForm(withChanges(SICHUAN_EXAMPLE, {}, { 0: { actual: 250 } }))]);
  const strict = evaluateForms([sheet], { scheme: { ...scheme, forms: { overAchievement: 1.2, reverseRule: 'ratio' } } }).projects[0];
  expect(strict.indicators[0].flags).toContain('over_achievement');
  expect(strict.indicators[2].score).toBeCloseTo((600 / 780) * 15, 9);
  const plain = evaluateForms([sheet], { scheme }).projects[0];
  expect(plain.indicators[0].flags).not.toContain('over_achievement');
});

it('a portfolio table header (项目名称 | 预算数 | 执行数) is not a form', () => {
  const table: FormSheet = { name: 'T', cells: [['项目名称', '预算数', '执行数'], ['甲', 10, 9]] };
  expect(sheetsHaveForms([table])).toBe(false);
  const twoRows: FormSheet = { name: 'T2', cells: [['项目名称', '项目资金（万元）', null, null, '执行率'], [null, '年初预算数', '全年预算数', '全年执行数', null], ['甲', 1, 2, 2, 1]], merges: ['A1:A2', 'B1:D1'] };
  expect(sheetsHaveForms([twoRows])).toBe(false);
  expect(sheetsHaveForms([{ name: 'T3', cells: [['项目名称', '全年执行数'], ['甲', 100]] }])).toBe(false);
  expect(sheetsHaveForms([{ name: 'F', cells: [['项目名称：安全生产责任经费']] }])).toBe(true);
});

it('matches a table to the forms by name (code prefix ignored) and reports differences', () => {
  const forms = stackForms('表', [sichuanForm(SICHUAN_EXAMPLE), nationalForm(NATIONAL_EXAMPLE)]);
  const tableRun = evaluateSheet(
    {
      name: '汇总',
      origin: { row: 1, col: 1 },
      grid: [
        ['项目名称', '全年预算数', '全年执行数', '总分'],
        ['2023年安全生产宣传培训项目', 92.3, 88, 93.25],
        ['安全生产监察协管员劳务费', 150, 147.75, 90],
      ],
    },
    { scheme },
  );
  if (!tableRun.ok) throw tableRun.error;
  const e = evaluateForms([forms], { scheme, table: tableRun.evaluation });
  expect(e.checks).toEqual([
    { code: 'form_table_mismatch', sheet: '表', row: 2, project: SICHUAN_EXAMPLE.name, field: 'actual', form: 89.974, table: { sheet: '汇总', row: 2, value: 88 } },
    { code: 'form_table_mismatch', sheet: '表', row: expect.any(Number), project: NATIONAL_EXAMPLE.name, field: 'total', form: 98.85, table: { sheet: '汇总', row: 3, value: 90 } },
  ]);
});
