import { emptyProjectValues, evaluateTable, TableScorer, type EvaluateContext } from '../../src/engine/score';
import { BUILTIN_SCHEMES } from '../../src/engine/schemes';
import type { ExtractedTable, Role, Scheme } from '../../src/engine/types';
import { detectionWith, ok, table, unreadable, type ProjectInput } from './support/tables';

const AMOUNTS: Role[] = ['project', 'budget', 'actual'];
const WUHAN_COLUMNS: Role[] = [...AMOUNTS, 'statedRate', 'output', 'benefit', 'total'];

function ctx(roles: Role[], scheme: Scheme = BUILTIN_SCHEMES.wuhan2018, extra: Partial<EvaluateContext> = {}): EvaluateContext {
  return { sheet: 'S', origin: { row: 1, col: 1 }, detection: detectionWith(roles), scheme, ...extra };
}

function one(input: ProjectInput, roles: Role[] = AMOUNTS, scheme?: Scheme, extra?: Partial<EvaluateContext>) {
  return evaluateTable(table([input]), ctx(roles, scheme, extra)).projects[0];
}

describe('usage rate and the band', () => {
  it('computes actual / budget unrounded', () => {
    expect(one({ budget: 305.5, actual: 271.46 }).usageRate).toBe(271.46 / 305.5);
  });

  it('keeps 602.73 / 669.7 (0.8999999999999999 in floating point) inside a 0.9 band', () => {
    expect(602.73 / 669.7 < 0.9).toBe(true); // the float quotient really is below the edge
    const p = one({ budget: 669.7, actual: 602.73 });
    expect(p.flags).not.toContain('under_execution');
  });

  it('keeps a rate equal to the high edge inside and flags just beyond either edge', () => {
    expect(one({ budget: 100, actual: 100 }).flags).toEqual([]);
    expect(one({ budget: 100, actual: 89.99 }).flags).toEqual(['under_execution']);
    expect(one({ budget: 100, actual: 100.01 }).flags).toEqual(['over_budget']);
  });

  it('uses the band passed in the context over the scheme band', () => {
    const band = { low: 0.8, high: 1.2 };
    expect(one({ budget: 100, actual: 85 }, AMOUNTS, undefined, { band }).flags).toEqual([]);
    expect(one({ budget: 100, actual: 115 }, AMOUNTS, undefined, { band }).flags).toEqual([]);
    expect(one({ budget: 100, actual: 79 }, AMOUNTS, undefined, { band }).flags).toEqual(['under_execution']);
    expect(evaluateTable(table([{ budget: 1, actual: 1 }]), ctx(AMOUNTS, undefined, { band })).band).toEqual(band);
  });
});

describe('zero, negative and missing amounts', () => {
  it('zero budget: no rate, no execution score, flagged zero_budget and nothing about the band', () => {
    const p = one({ budget: 0, actual: 12 }, AMOUNTS, BUILTIN_SCHEMES.mof2020);
    expect(p.usageRate).toBeNull();
    expect(p.scores.execution).toBeNull();
    expect(p.flags).toEqual(['zero_budget']);
  });

  it('zero budget and zero actual: still no rate', () => {
    const p = one({ budget: 0, actual: 0 });
    expect(p.usageRate).toBeNull();
    expect(p.flags).toEqual(['zero_budget']);
  });

  it('negative actual: rate still computed, flagged, execution score floored at 0', () => {
    const p = one({ budget: 100, actual: -5 }, AMOUNTS, BUILTIN_SCHEMES.mof2020);
    expect(p.usageRate).toBeCloseTo(-0.05, 12);
    expect(p.scores.execution).toBe(0);
    expect(p.flags).toEqual(['under_execution', 'negative_value']);
  });

  it('negative budget: no rate, flagged negative_value', () => {
    const p = one({ budget: -100, actual: 50 });
    expect(p.usageRate).toBeNull();
    expect(p.flags).toEqual(['negative_value']);
  });

  it('one amount blank or unreadable while the other is present: missing_value and no rate', () => {
    expect(one({ budget: null, actual: 5 }).flags).toEqual(['missing_value']);
    expect(one({ budget: 5, actual: null }).flags).toEqual(['missing_value']);
    const p = one({ budget: unreadable, actual: 5 });
    expect(p.usageRate).toBeNull();
    expect(p.budget).toBeNull();
    expect(p.flags).toEqual(['missing_value']);
  });

  it('both amounts unreadable text: missing_value too', () => {
    expect(one({ budget: unreadable, actual: unreadable }).flags).toEqual(['missing_value']);
  });

  it('never lets a non-finite quotient out', () => {
    const p = one({ budget: 1e-320, actual: 1e300 });
    expect(p.usageRate).toBeNull();
  });
});

describe('stated rate and stated total', () => {
  it('flags a stated rate more than 0.5 percentage points off, with tolerance on the edge', () => {
    expect(one({ budget: 40, actual: 35.5, statedRate: 0.88 }, WUHAN_COLUMNS).flags).toContain('rate_mismatch');
    // 0.8875 − 0.8825 is 0.0050000000000000044 in floating point: still within 0.5 points.
    expect(one({ budget: 40, actual: 35.5, statedRate: 0.8825 }, WUHAN_COLUMNS).flags).not.toContain('rate_mismatch');
    expect(one({ budget: 40, actual: 35.5, statedRate: 0.8924 }, WUHAN_COLUMNS).flags).not.toContain('rate_mismatch');
    expect(one({ budget: 40, actual: 35.5, statedRate: 0.8926 }, WUHAN_COLUMNS).flags).toContain('rate_mismatch');
  });

  it('does not compare a stated rate when the rate cannot be computed', () => {
    expect(one({ budget: 0, actual: 3, statedRate: 0.5 }, WUHAN_COLUMNS).flags).toEqual(['zero_budget']);
  });

  it('flags a stated total more than 0.5 points off the computed total', () => {
    const base = { budget: 100, actual: 95, output: 45, benefit: 45 };
    expect(one({ ...base, statedTotal: 90.5 }, WUHAN_COLUMNS).flags).toEqual([]);
    expect(one({ ...base, statedTotal: 89.5 }, WUHAN_COLUMNS).flags).toEqual([]);
    expect(one({ ...base, statedTotal: 90.51 }, WUHAN_COLUMNS).flags).toEqual(['total_mismatch']);
    expect(one({ ...base, statedTotal: 95 }, WUHAN_COLUMNS).flags).toEqual(['total_mismatch']);
  });

  it('computes the total rather than copying the stated one', () => {
    expect(one({ budget: 100, actual: 95, output: 40, benefit: 40, statedTotal: 95 }, WUHAN_COLUMNS).scores.total).toBe(80);
  });
});

describe('component scores, total and grade', () => {
  it('reports a score above its weight as written, flags it, and adds only the weight', () => {
    const p = one({ budget: 100, actual: 95, output: 55, benefit: 45 }, WUHAN_COLUMNS);
    expect(p.scores.output).toBe(55);
    expect(p.flags).toEqual(['score_over_weight']);
    expect(p.scores.total).toBe(95);
  });

  it('does not flag a score equal to its weight', () => {
    expect(one({ budget: 100, actual: 95, output: 50, benefit: 50 }, WUHAN_COLUMNS).flags).toEqual([]);
  });

  it('reports a negative score as written and adds 0 for it', () => {
    const p = one({ budget: 100, actual: 95, output: -5, benefit: 45 }, WUHAN_COLUMNS);
    expect(p.scores.output).toBe(-5);
    expect(p.scores.total).toBe(45);
  });

  it('reports a column the scheme has no weight for, without adding it', () => {
    const roles: Role[] = [...AMOUNTS, 'output', 'benefit', 'satisfaction'];
    const p = one({ budget: 100, actual: 95, output: 40, benefit: 40, satisfaction: 9 }, roles);
    expect(p.scores.satisfaction).toBe(9);
    expect(p.scores.total).toBe(80);
  });

  it('leaves scores null where the sheet has no column, and total null without any score column', () => {
    const p = one({ budget: 100, actual: 95, output: 40 }, AMOUNTS, BUILTIN_SCHEMES.mof2020);
    expect(p.scores).toEqual({ output: null, benefit: null, satisfaction: null, execution: 10 * 0.95, total: null });
    expect(p.grade).toBeNull();
  });

  it('adds the execution score under mof2020: Σ present components + min(rate,1) × 10', () => {
    const roles: Role[] = [...AMOUNTS, 'output', 'benefit', 'satisfaction'];
    const p = one({ budget: 200, actual: 150, output: 40, benefit: 25, satisfaction: 8 }, roles, BUILTIN_SCHEMES.mof2020);
    expect(p.scores.execution).toBeCloseTo(7.5, 12);
    expect(p.scores.total).toBeCloseTo(80.5, 12);
    expect(p.grade).toBe('good');
    const over = one({ budget: 100, actual: 104, output: 50, benefit: 30, satisfaction: 10 }, roles, BUILTIN_SCHEMES.mof2020);
    expect(over.scores.execution).toBe(10);
    expect(over.scores.total).toBe(100);
  });

  it('gives no total to a row whose score cells are all blank, and counts a single blank as 0', () => {
    expect(one({ budget: 100, actual: 95 }, WUHAN_COLUMNS).scores.total).toBeNull();
    expect(one({ budget: 100, actual: 95, output: 45 }, WUHAN_COLUMNS).scores.total).toBe(45);
  });

  it('grades on the edges with tolerance', () => {
    const grade = (output: number, benefit: number) => one({ budget: 1, actual: 1, output, benefit }, WUHAN_COLUMNS).grade;
    expect(grade(45, 45)).toBe('excellent');
    expect(grade(45, 44.99)).toBe('good');
    expect(grade(40, 40)).toBe('good');
    expect(grade(30, 30)).toBe('fair');
    expect(grade(30, 29.99)).toBe('poor');
    // 0.1 + 0.2 style noise just below an edge stays on it.
    expect(grade(30, 30 - 1e-11)).toBe('fair');
  });

  it('flags low_score for a poor grade', () => {
    expect(one({ budget: 1, actual: 1, output: 30, benefit: 20 }, WUHAN_COLUMNS).flags).toEqual(['low_score']);
  });

  it('uses a custom scheme’s grade bands', () => {
    const scheme: Scheme = { ...BUILTIN_SCHEMES.wuhan2018, grades: { excellent: 80, good: 70, fair: 60 } };
    expect(one({ budget: 1, actual: 1, output: 40, benefit: 40 }, WUHAN_COLUMNS, scheme).grade).toBe('excellent');
  });
});

describe('stepped execution rule', () => {
  const stepped: Scheme = {
    id: 'jiangxi',
    name: { zh: '江西', en: 'Jiangxi' },
    weights: { output: 50, benefit: 40 },
    execution: {
      rule: 'stepped',
      weight: 10,
      steps: [
        { min: 1, score: 10 },
        { min: 0.8, score: 7 },
        { min: 0.6, score: 5 },
      ],
    },
    grades: { excellent: 90, good: 80, fair: 60 },
    rateBand: { low: 0.9, high: 1 },
  };
  const exec = (budget: number | null, actual: number) => one({ budget, actual }, AMOUNTS, stepped).scores.execution;

  it('scores by the highest step reached', () => {
    expect(exec(100, 100)).toBe(10);
    expect(exec(100, 130)).toBe(10);
    expect(exec(100, 95)).toBe(7);
    expect(exec(100, 80)).toBe(7);
    expect(exec(100, 79.9)).toBe(5);
    expect(exec(100, 60)).toBe(5);
    expect(exec(100, 59.9)).toBe(0);
    expect(exec(100, -5)).toBe(0);
  });

  it('treats a rate on a step edge within float noise as reaching it', () => {
    // 602.73 / 669.7 is 0.8999999999999999; with a 0.9 step it earns that step.
    const s: Scheme = { ...stepped, execution: { rule: 'stepped', weight: 10, steps: [{ min: 0.9, score: 8 }] } };
    expect(one({ budget: 669.7, actual: 602.73 }, AMOUNTS, s).scores.execution).toBe(8);
  });

  it('is null without a rate', () => {
    expect(exec(0, 5)).toBeNull();
    expect(exec(null, 5)).toBeNull();
  });
});

describe('missing explanation', () => {
  const roles: Role[] = [...AMOUNTS, 'explanation'];

  it('flags an out-of-band project whose explanation is blank when the sheet has the column', () => {
    expect(one({ budget: 100, actual: 50, explanation: '' }, roles).flags).toEqual(['under_execution', 'missing_explanation']);
    expect(one({ budget: 100, actual: 120, explanation: '   ' }, roles).flags).toEqual(['over_budget', 'missing_explanation']);
  });

  it('does not flag when explained, inside the band, or without the column', () => {
    expect(one({ budget: 100, actual: 50, explanation: '项目延期' }, roles).flags).toEqual(['under_execution']);
    expect(one({ budget: 100, actual: 95, explanation: '' }, roles).flags).toEqual([]);
    expect(one({ budget: 100, actual: 50 }, AMOUNTS).flags).toEqual(['under_execution']);
  });
});

describe('portfolio totals, grades and checks', () => {
  const inputs: ProjectInput[] = [
    { budget: 100, actual: 95, output: 45, benefit: 45 },
    { budget: 50, actual: 20, output: 40, benefit: 40 },
    { budget: null, actual: 10, output: 30, benefit: 30 },
    { budget: 0, actual: 0, output: 20, benefit: 20 },
  ];

  it('sums every amount present and divides the sums', () => {
    const e = evaluateTable(table(inputs), ctx(WUHAN_COLUMNS));
    expect(e.totals.budget).toBe(150);
    expect(e.totals.actual).toBe(125);
    expect(e.totals.usageRate).toBeCloseTo(125 / 150, 12);
    expect(e.totals.projects).toBe(4);
    expect(e.totals.flagged).toBe(3);
    expect(e.grades).toEqual({ excellent: 1, good: 1, fair: 1, poor: 1 });
  });

  it('has no portfolio rate when the budgets add up to 0', () => {
    const e = evaluateTable(table([{ budget: 0, actual: 5 }, { budget: null, actual: 3 }]), ctx(AMOUNTS));
    expect(e.totals.usageRate).toBeNull();
    expect(e.totals.budget).toBe(0);
  });

  it('reports sheet rows from the origin and the header row', () => {
    const extracted = table([{ budget: 1, actual: 1 }]);
    const e = evaluateTable(extracted, ctx(AMOUNTS, undefined, { origin: { row: 5, col: 2 } }));
    expect(e.headerRow).toBe(5 + 1);
    expect(e.projects[0].row).toBe(5 + 2);
    expect(e.sheet).toBe('S');
    expect(e.unit).toBe('万元');
    expect(e.scheme).toBe('wuhan2018');
  });

  it('checks grand total rows against the project sums with a 0.01 tolerance, not subtotals', () => {
    const base = table([{ budget: 305.5, actual: 271.46 }, { budget: 26.15, actual: 26.33 }]);
    const withTotals: ExtractedTable = {
      ...base,
      totalRows: [
        { gridRow: 4, label: '小计', isGrandTotal: false, budget: ok(1), actual: ok(1) },
        { gridRow: 5, label: '合计', isGrandTotal: true, budget: ok(331.66), actual: ok(297.8) },
        { gridRow: 6, label: '总计', isGrandTotal: true, budget: ok(331.63), actual: ok(297.77) },
      ],
    };
    const e = evaluateTable(withTotals, ctx(AMOUNTS, undefined, { origin: { row: 3, col: 1 } }));
    expect(e.checks).toHaveLength(2);
    expect(e.checks[0]).toMatchObject({ code: 'sum_mismatch', row: 3 + 6, column: 'budget', stated: 331.63 });
    expect(e.checks[0].computed).toBeCloseTo(331.65, 9);
    expect(e.checks[1]).toMatchObject({ code: 'sum_mismatch', row: 3 + 6, column: 'actual', stated: 297.77 });
    expect(e.checks[1].computed).toBeCloseTo(297.79, 9);
  });

  it('treats a difference of exactly 0.01 as within tolerance', () => {
    const base = table([{ budget: 100, actual: 50 }]);
    const e = evaluateTable(
      { ...base, totalRows: [{ gridRow: 3, label: '合计', isGrandTotal: true, budget: ok(100.01), actual: ok(49.99) }] },
      ctx(AMOUNTS),
    );
    expect(e.checks).toEqual([]);
  });

  // Speed is a bench figure (`npm run bench -- engine`); here the scale's results.
  it('evaluates 100,000 rows, each with its own rate', () => {
    const inputs: ProjectInput[] = [];
    for (let i = 0; i < 100_000; i++) {
      inputs.push({ budget: 100 + (i % 97), actual: 80 + (i % 53), statedRate: 0.9, output: 40 + (i % 11), benefit: 25 + (i % 7), satisfaction: 8, statedTotal: 85 });
    }
    const big = table(inputs);
    const context = ctx([...WUHAN_COLUMNS, 'satisfaction'], BUILTIN_SCHEMES.mof2020);
    const e = evaluateTable(big, context);
    expect(e.projects).toHaveLength(100_000);
    expect(e.projects[12_345].usageRate).toBeCloseTo((80 + (12_345 % 53)) / (100 + (12_345 % 97)), 12);
  });

  it('holds exactly the projects handed over, with fewer or more than the capacity announced', () => {
    for (const [capacity, count] of [
      [10, 3],
      [2, 5],
      [0, 1],
    ]) {
      const scorer = new TableScorer(ctx(AMOUNTS, undefined, { capacity }));
      const values = emptyProjectValues();
      for (let i = 0; i < count; i++) {
        values.gridRow = i + 1;
        values.name = `P${i}`;
        values.budget = 100;
        values.actual = 90;
        scorer.project(values);
      }
      const e = scorer.result();
      expect(e.projects).toHaveLength(count);
      expect(Object.keys(e.projects)).toHaveLength(count); // no holes
      expect(e.projects.map((p) => p.name)).toEqual(Array.from({ length: count }, (_, i) => `P${i}`));
      expect(e.totals.projects).toBe(count);
    }
  });
});
