import fc from 'fast-check';
import { indicatorScore } from '../../../src/engine/forms/indicatorScore';
import { commonScale, parseIndicatorValue } from '../../../src/engine/forms/parseValue';

describe('indicatorScore', () => {
  it('≥: full marks at or above the target, a/i × w below', () => {
    expect(indicatorScore('≥', 200, 236, 20)).toBe(20);
    expect(indicatorScore('≥', 200, 200, 20)).toBe(20);
    expect(indicatorScore('≥', 200, 150, 20)).toBe(15);
    expect(indicatorScore('≥', 200, -5, 20)).toBe(0); // a negative actual counts as 0
  });
  it('=: target 0 gives w only when the actual is 0 or below; otherwise as ≥', () => {
    expect(indicatorScore('=', 0, 0, 15)).toBe(15);
    expect(indicatorScore('=', 0, -1, 15)).toBe(15);
    expect(indicatorScore('=', 0, 1, 15)).toBe(0);
    expect(indicatorScore('=', 100, 90, 10)).toBe(9);
    expect(indicatorScore('=', 100, 120, 10)).toBe(10);
  });
  it('≤ linear: w up to i, falling to 0 at 2i and beyond', () => {
    expect(indicatorScore('≤', 600, 600, 15)).toBe(15);
    expect(indicatorScore('≤', 600, 780, 15)).toBeCloseTo(10.5, 9);
    expect(indicatorScore('≤', 600, 1199.99, 15)).toBeGreaterThan(0);
    expect(indicatorScore('≤', 600, 1200, 15)).toBe(0);
    expect(indicatorScore('≤', 600, 5000, 15)).toBe(0);
    expect(indicatorScore('≤', 0, 0, 15)).toBe(15);
    expect(indicatorScore('≤', 0, 3, 15)).toBe(0);
  });
  it('≤ ratio variant (a scheme option): i/a × w', () => {
    expect(indicatorScore('≤', 600, 1200, 15, 'ratio')).toBe(7.5);
    expect(indicatorScore('≤', 600, 500, 15, 'ratio')).toBe(15);
  });
  it('定性 has no computed score', () => {
    expect(indicatorScore('定性', 1, 1, 10)).toBeNull();
  });
  it('stays in [0, w] for any target, actual and weight', () => {
    const n = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.constantFrom('≥', '≤', '=' as const), n, n, fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom('linear', 'ratio' as const),
        (dir, i, a, w, rule) => {
          const s = indicatorScore(dir as '≥', i, a, w, rule as 'linear');
          expect(s).not.toBeNull();
          expect(s as number).toBeGreaterThanOrEqual(0);
          expect(s as number).toBeLessThanOrEqual(w);
        }),
    );
  });
});

describe('parseIndicatorValue', () => {
  it.each([
    ['≥200人次', '≥', 200, '人次'],
    ['97.5%', null, 97.5, '%'],
    ['≤600元', '≤', 600, '元'],
    ['89.974万元', null, 89.974, '万元'],
    ['＝100%', '=', 100, '%'],
    ['>= 1,200 户', '≥', 1200, '户'],
    ['<3天', '≤', 3, '天'],
  ])('%s', (text, comparator, value, unit) => {
    expect(parseIndicatorValue(text)).toMatchObject({ comparator, value, unit, status: 'ok' });
  });
  it('placeholders are missing, words are text, numbers stay numbers', () => {
    expect(parseIndicatorValue('/').status).toBe('missing');
    expect(parseIndicatorValue('—').status).toBe('missing');
    expect(parseIndicatorValue(null).status).toBe('missing');
    expect(parseIndicatorValue('效果明显')).toMatchObject({ status: 'text', value: null });
    expect(parseIndicatorValue(236)).toMatchObject({ status: 'ok', value: 236, numeric: true });
  });
  it('puts money units and a percentage typed as a number on the target scale', () => {
    expect(commonScale({ value: 6000, unit: '元', numeric: false }, { value: 0.5, unit: '万元', numeric: false })).toEqual({ target: 6000, actual: 5000 });
    expect(commonScale({ value: 95, unit: '%', numeric: false }, { value: 0.975, unit: null, numeric: true })).toEqual({ target: 95, actual: 97.5 });
  });
});
