// The seed report's seven projects (domain.md), laid out as an officer lays them out, through the
// whole pipeline. Numbers are copied here; nothing is read from ../shared.
import { evaluateSheet } from '../../src/engine/evaluateSheet';
import { BUILTIN_SCHEMES } from '../../src/engine/schemes';
import type { Flag, Grid, SheetData } from '../../src/engine/types';
import { SEED } from '../support/seed';

const { names: NAMES, budgets: BUDGETS, actuals: ACTUALS, printedRates: STATED_RATES, output: OUTPUT, benefit: BENEFIT, totals: TOTALS } = SEED;

function seedGrid(totalBudget: number | string, totalActual: number | string): Grid {
  return [
    ['2018年度项目支出绩效自评表', null, null, null, null, null, null, null],
    ['单位：万元', null, null, null, null, null, null, null],
    ['序号', '项目名称', '预算数', '实际执行数', '经费使用率', '产出绩效', '效益绩效', '总绩效'],
    ...NAMES.map((name, i) => [i + 1, name, BUDGETS[i], ACTUALS[i], STATED_RATES[i], OUTPUT[i], BENEFIT[i], TOTALS[i]]),
    [null, '合计', totalBudget, totalActual, null, null, null, null],
  ];
}

function sheet(grid: Grid): SheetData {
  return { name: '自评表', grid, origin: { row: 1, col: 1 } };
}

function evaluateSeed(totalBudget: number | string = 918.45, totalActual: number | string = 725.45) {
  const result = evaluateSheet(sheet(seedGrid(totalBudget, totalActual)), { scheme: BUILTIN_SCHEMES.wuhan2018 });
  if (!result.ok) throw new Error(`seed did not evaluate: ${result.error.code}`);
  return result.evaluation;
}

describe('the seed report under wuhan2018', () => {
  const evaluation = evaluateSeed();

  it('finds the header on sheet row 3, the unit and all seven projects on rows 4–10', () => {
    expect(evaluation.headerRow).toBe(3);
    expect(evaluation.unit).toBe('万元');
    expect(evaluation.scheme).toBe('wuhan2018');
    expect(evaluation.projects.map((p) => p.name)).toEqual(NAMES);
    expect(evaluation.projects.map((p) => p.row)).toEqual([4, 5, 6, 7, 8, 9, 10]);
  });

  it('computes every rate from budget and actual', () => {
    evaluation.projects.forEach((p, i) => {
      expect(p.budget).toBe(BUDGETS[i]);
      expect(p.actual).toBe(ACTUALS[i]);
      expect(p.usageRate).toBeCloseTo(ACTUALS[i] / BUDGETS[i], 12);
    });
    expect(evaluation.projects[2].usageRate).toBeCloseTo(0.8875, 12);
    expect(evaluation.projects[0].usageRate).toBeCloseTo(0.8885761047463174, 12);
  });

  it('flags the 88% printed for project 3 as rate_mismatch, and only project 3', () => {
    const mismatched = evaluation.projects.filter((p) => p.flags.includes('rate_mismatch')).map((p) => p.name);
    expect(mismatched).toEqual(['保障安全生产专项经费']);
    expect(evaluation.projects[2].statedRate).toBeCloseTo(0.88, 12);
  });

  it('flags each project as the domain notes imply', () => {
    const expected: Flag[][] = [
      ['under_execution'],
      ['over_budget'],
      ['under_execution', 'rate_mismatch'],
      ['under_execution'],
      [],
      ['under_execution'],
      ['over_budget'],
    ];
    expect(evaluation.projects.map((p) => p.flags)).toEqual(expected);
  });

  it('adds output and benefit into the total, which agrees with the stated totals', () => {
    evaluation.projects.forEach((p, i) => {
      expect(p.scores.output).toBe(OUTPUT[i]);
      expect(p.scores.benefit).toBe(BENEFIT[i]);
      expect(p.scores.satisfaction).toBeNull();
      expect(p.scores.execution).toBeNull();
      expect(p.scores.total).toBe(TOTALS[i]);
      expect(p.flags).not.toContain('total_mismatch');
    });
  });

  it('grades five excellent, one good, one fair, none poor', () => {
    expect(evaluation.grades).toEqual({ excellent: 5, good: 1, fair: 1, poor: 0 });
    expect(evaluation.projects.map((p) => p.grade)).toEqual(['excellent', 'excellent', 'excellent', 'good', 'excellent', 'fair', 'excellent']);
  });

  it('sums the portfolio: 918.45 budget, 725.45 actual, fund-weighted rate, six flagged', () => {
    // Exactly the decimal sums an officer would write down, not the binary sum's 725.4499999999999.
    expect(evaluation.totals.budget).toBe(918.45);
    expect(evaluation.totals.actual).toBe(725.45);
    expect(evaluation.totals.usageRate).toBeCloseTo(725.45 / 918.45, 12);
    expect(evaluation.totals.projects).toBe(7);
    expect(evaluation.totals.flagged).toBe(6);
  });

  it('finds the 合计 row consistent with the projects', () => {
    expect(evaluation.checks).toEqual([]);
  });
});

describe('the seed with a mistyped 合计 row', () => {
  it('reports the budget total as sum_mismatch on sheet row 11', () => {
    const evaluation = evaluateSeed('918.4', 725.45);
    expect(evaluation.checks).toHaveLength(1);
    const check = evaluation.checks[0];
    expect(check).toMatchObject({ code: 'sum_mismatch', row: 11, column: 'budget', stated: 918.4 });
    expect(check.computed).toBeCloseTo(918.45, 9);
  });
});

describe('the seed under mof2020', () => {
  it('adds the execution score, capped at the weight, and the satisfaction column stays null', () => {
    const result = evaluateSheet(sheet(seedGrid(918.45, 725.45)), { scheme: BUILTIN_SCHEMES.mof2020 });
    if (!result.ok) throw new Error(result.error.code);
    const [first, , , , , sixth, seventh] = result.evaluation.projects;
    expect(first.scores.execution).toBeCloseTo((271.46 / 305.5) * 10, 12);
    expect(seventh.scores.execution).toBe(10);
    expect(sixth.scores.execution).toBeCloseTo(2.25, 12);
    // output capped at 50, benefit 30 is the weight: project 1's benefit 45 is over it.
    expect(first.flags).toContain('score_over_weight');
    expect(first.scores.total).toBeCloseTo(45 + 30 + (271.46 / 305.5) * 10, 12);
  });
});
