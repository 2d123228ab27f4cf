// The score of one quantitative indicator (rule 7 of docs/domain.md; issue 8 rule 5). Host-free, pure.
import type { IndicatorDirection } from './formTypes';
import type { FormScoring } from '../types';

const EPS = 1e-9;

/**
 * target i, actual a (a negative actual counts as 0), weight w → a score in [0, w]:
 * - ≥: a ≥ i → w, else a/i × w (a target of 0 or below is always met);
 * - =: target 0 → w when a ≤ 0, else 0; otherwise as ≥;
 * - ≤ (linear): a ≤ i → w; i < a < 2i → (1 − (a − i)/i) × w; a ≥ 2i → 0; (ratio): a ≤ i → w, else i/a × w.
 * 定性 has no computed score: null.
 */
export function indicatorScore(
  direction: IndicatorDirection,
  target: number,
  actual: number,
  weight: number,
  reverseRule: FormScoring['reverseRule'] = 'linear',
): number | null {
  if (direction === '定性' || !Number.isFinite(target) || !Number.isFinite(actual) || !Number.isFinite(weight)) return null;
  const w = Math.max(weight, 0);
  const i = target;
  const a = actual < 0 ? 0 : actual;
  let share: number;
  if (direction === '≤') {
    if (a <= i + EPS * Math.max(1, Math.abs(i))) share = 1;
    else if (i <= 0) share = 0;
    else if (reverseRule === 'ratio') share = i / a;
    else share = a >= 2 * i ? 0 : 1 - (a - i) / i;
  } else if (direction === '=' && i === 0) {
    share = a <= 0 ? 1 : 0;
  } else if (a >= i - EPS * Math.max(1, Math.abs(i)) || i <= 0) {
    share = 1;
  } else {
    share = a / i;
  }
  const score = Math.min(Math.max(share, 0), 1) * w;
  // Rounded to 12 digits (a decimal reading), never above the weight.
  return Math.min(Number(score.toPrecision(12)), w);
}
