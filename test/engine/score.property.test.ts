import fc from 'fast-check';
import { evaluateTable } from '../../src/engine/score';
import type { ExtractedTable, ParsedNumber, RateBand, Role, Scheme } from '../../src/engine/types';
import { detectionWith } from './support/tables';

const ROLES: Role[] = ['project', 'budget', 'actual', 'statedRate', 'output', 'benefit', 'satisfaction', 'total', 'explanation'];

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const realistic = fc.oneof(
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fc.integer({ min: -1000, max: 100000 }),
  fc.constantFrom(0, -0, 0.9, 1, 602.73, 669.7),
);

function parsedOf(values: fc.Arbitrary<number>): fc.Arbitrary<ParsedNumber> {
  return fc.oneof(
    { weight: 6, arbitrary: values.map((value): ParsedNumber => ({ value, status: 'ok' })) },
    { weight: 1, arbitrary: fc.constant<ParsedNumber>({ value: null, status: 'missing' }) },
    { weight: 1, arbitrary: fc.constant<ParsedNumber>({ value: null, status: 'unreadable' }) },
  );
}

function tableOf(values: fc.Arbitrary<number>): fc.Arbitrary<ExtractedTable> {
  const project = fc.record({
    name: fc.string(),
    budget: parsedOf(values),
    actual: parsedOf(values),
    statedRate: parsedOf(values),
    output: parsedOf(values),
    benefit: parsedOf(values),
    satisfaction: parsedOf(values),
    statedTotal: parsedOf(values),
    explanation: fc.option(fc.constantFrom('', ' ', '原因'), { nil: null }),
  });
  const totalRow = fc.record({ label: fc.constantFrom('合计', '小计'), isGrandTotal: fc.boolean(), budget: parsedOf(values), actual: parsedOf(values) });
  return fc
    .record({ projects: fc.array(project, { maxLength: 30 }), totalRows: fc.array(totalRow, { maxLength: 2 }) })
    .map(({ projects, totalRows }) => ({
      projects: projects.map((p, i) => ({ ...p, gridRow: 2 + i })),
      totalRows: totalRows.map((t, i) => ({ ...t, gridRow: 2 + projects.length + i })),
    }));
}

const band: fc.Arbitrary<RateBand> = fc
  .tuple(fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }))
  .map(([a, b]) => ({ low: Math.min(a, b), high: Math.max(a, b) }));

const scheme: fc.Arbitrary<Scheme> = fc
  .record({
    output: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    benefit: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
    satisfaction: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
    execution: fc.oneof(
      fc.constant(null),
      fc.integer({ min: 0, max: 20 }).map((weight) => ({ rule: 'linear' as const, weight })),
      fc
        .uniqueArray(fc.double({ min: 0, max: 1.5, noNaN: true }), { minLength: 1, maxLength: 4 })
        .map((mins) => {
          const sorted = [...mins].sort((a, b) => b - a);
          return { rule: 'stepped' as const, weight: 10, steps: sorted.map((min, i) => ({ min, score: 10 - i * 2 })) };
        }),
    ),
  })
  .map(({ output, benefit, satisfaction, execution }) => {
    const weights: Scheme['weights'] = {};
    if (output !== undefined) weights.output = output;
    if (benefit !== undefined) weights.benefit = benefit;
    if (satisfaction !== undefined) weights.satisfaction = satisfaction;
    return { id: 'p', name: { zh: 'p', en: 'p' }, weights, execution, grades: { excellent: 90, good: 80, fair: 60 }, rateBand: { low: 0.9, high: 1 } };
  });

const roles = fc.subarray(ROLES.slice(3)).map((extra) => ['project', 'budget', 'actual', ...extra] as Role[]);

function context(r: Role[], s: Scheme, b?: RateBand) {
  return { sheet: 'S', origin: { row: 1, col: 1 }, detection: detectionWith(r), scheme: s, band: b };
}

function nonFinitePaths(value: unknown, path = '$', out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(path);
  } else if (Array.isArray(value)) value.forEach((v, i) => nonFinitePaths(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) nonFinitePaths(v, `${path}.${k}`, out);
  return out;
}

const ok = (p: ParsedNumber): number | null => (p.status === 'ok' ? p.value : null);

describe('evaluateTable properties', () => {
  it('never puts NaN or Infinity anywhere, for any finite inputs', () => {
    fc.assert(
      fc.property(tableOf(finite), roles, scheme, fc.option(band, { nil: undefined }), (t, r, s, b) => {
        expect(nonFinitePaths(evaluateTable(t, context(r, s, b)))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('totals are the sums of the amounts present; the portfolio rate is their quotient', () => {
    fc.assert(
      fc.property(tableOf(realistic), scheme, (t, s) => {
        const e = evaluateTable(t, context(['project', 'budget', 'actual'], s));
        let budget = 0;
        let actual = 0;
        let magnitude = 0;
        for (const p of t.projects) {
          const b = ok(p.budget);
          const a = ok(p.actual);
          if (b !== null) {
            budget += b;
            magnitude += Math.abs(b);
          }
          if (a !== null) {
            actual += a;
            magnitude += Math.abs(a);
          }
        }
        const eps = 1e-9 * Math.max(1, magnitude);
        expect(Math.abs(e.totals.budget - budget)).toBeLessThanOrEqual(eps);
        expect(Math.abs(e.totals.actual - actual)).toBeLessThanOrEqual(eps);
        const quotient = e.totals.budget > 0 ? e.totals.actual / e.totals.budget : null;
        expect(e.totals.usageRate).toBe(quotient !== null && Number.isFinite(quotient) ? quotient : null);
        expect(e.totals.projects).toBe(t.projects.length);
        expect(e.totals.flagged).toBe(e.projects.filter((p) => p.flags.length > 0).length);
        const graded = e.projects.filter((p) => p.grade !== null).length;
        expect(e.grades.excellent + e.grades.good + e.grades.fair + e.grades.poor).toBe(graded);
      }),
      { numRuns: 300 },
    );
  });

  it('a computed execution score is within [0, weight]; the total within [0, Σ weights]', () => {
    fc.assert(
      fc.property(tableOf(realistic), roles, scheme, (t, r, s) => {
        const e = evaluateTable(t, context(r, s));
        const execWeight = s.execution?.weight ?? 0;
        const ceiling = (s.weights.output ?? 0) + (s.weights.benefit ?? 0) + (s.weights.satisfaction ?? 0) + execWeight;
        for (const p of e.projects) {
          if (p.scores.execution !== null) {
            expect(p.scores.execution).toBeGreaterThanOrEqual(0);
            expect(p.scores.execution).toBeLessThanOrEqual(execWeight);
          }
          if (p.scores.total !== null) {
            expect(p.scores.total).toBeGreaterThanOrEqual(0);
            expect(p.scores.total).toBeLessThanOrEqual(ceiling + 1e-9);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('flags agree with the band, the rate and the amounts', () => {
    fc.assert(
      fc.property(tableOf(realistic), roles, scheme, band, (t, r, s, b) => {
        const e = evaluateTable(t, context(r, s, b));
        e.projects.forEach((p, i) => {
          const raw = t.projects[i];
          const budget = ok(raw.budget);
          const actual = ok(raw.actual);
          const rate = p.usageRate;
          const quotient = budget !== null && actual !== null && budget > 0 ? actual / budget : null;
          // A denormal budget can overflow the quotient; the engine reports no rate rather than Infinity.
          expect(rate).toBe(quotient !== null && Number.isFinite(quotient) ? quotient : null);
          expect(p.flags.includes('under_execution')).toBe(rate !== null && rate < b.low - 1e-9);
          expect(p.flags.includes('over_budget')).toBe(rate !== null && rate > b.high + 1e-9);
          expect(p.flags.includes('zero_budget')).toBe(budget === 0);
          expect(p.flags.includes('negative_value')).toBe((budget !== null && budget < 0) || (actual !== null && actual < 0));
          expect(p.flags.includes('low_score')).toBe(p.grade === 'poor');
          if (p.flags.includes('missing_value')) expect(budget === null || actual === null).toBe(true);
          if (p.flags.includes('missing_explanation')) {
            expect(p.flags.includes('under_execution') || p.flags.includes('over_budget')).toBe(true);
          }
          expect(new Set(p.flags).size).toBe(p.flags.length);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the grade follows the total and the scheme bands', () => {
    fc.assert(
      fc.property(tableOf(fc.double({ min: -10, max: 120, noNaN: true })), roles, scheme, (t, r, s) => {
        for (const p of evaluateTable(t, context(r, s)).projects) {
          const total = p.scores.total;
          if (total === null) expect(p.grade).toBeNull();
          else if (total >= 90 - 1e-9) expect(p.grade).toBe('excellent');
          else if (total >= 80 - 1e-9) expect(p.grade).toBe('good');
          else if (total >= 60 - 1e-9) expect(p.grade).toBe('fair');
          else expect(p.grade).toBe('poor');
        }
      }),
      { numRuns: 200 },
    );
  });
});
