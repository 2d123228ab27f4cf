// A mistake in a scheme or a usage-rate band, as a code with data, and its sentence in either language.
import { catalogue, fill } from '../text/catalogue';
import type { Lang } from './types';

/** One mistake in a scheme or a usage-rate band, with what is needed to name it. */
export type SchemeIssue =
  /** found: the unexpected character, null at an unexpected end of the text. */
  | { kind: 'json_syntax'; line: number; column: number; position: number; found: string | null; inString: boolean }
  | { kind: 'json_too_deep'; position: number; max: number }
  | { kind: 'not_object'; path: string }
  | { kind: 'unknown_key'; path: string; key: string; allowed: string[] }
  | { kind: 'missing_key'; path: string }
  | { kind: 'not_string'; path: string }
  | { kind: 'not_number'; path: string; value: string }
  | { kind: 'negative'; path: string; value: number }
  | { kind: 'weights_sum'; sum: number; parts: string }
  | { kind: 'grade_range'; path: string; value: number }
  | { kind: 'grades_order'; excellent: number; good: number; fair: number }
  | { kind: 'band_order'; low: number; high: number }
  | { kind: 'monitoring_order'; green: number; yellow: number }
  | { kind: 'band_percent'; path: string; value: number }
  | { kind: 'bad_rule'; value: string }
  | { kind: 'steps_empty' }
  | { kind: 'steps_unsorted' }
  | { kind: 'step_min_range'; index: number; value: number }
  | { kind: 'step_over_weight'; index: number; score: number; weight: number }
  | { kind: 'bad_choice'; path: string; value: string; allowed: string[] };

export function schemeIssueMessage(issue: SchemeIssue, lang: Lang): string {
  const { schemeIssues: t, words } = catalogue(lang).engine;
  switch (issue.kind) {
    case 'json_syntax': {
      const what = issue.inString ? t.json_bad_string : issue.found === null ? t.json_end : fill(t.json_char, { found: issue.found });
      return fill(t.json_syntax, { line: issue.line, column: issue.column, position: issue.position, what });
    }
    case 'json_too_deep':
      return fill(t.json_too_deep, { max: issue.max, position: issue.position });
    case 'not_object':
    case 'missing_key':
    case 'not_string':
      return fill(t[issue.kind], { path: issue.path });
    case 'unknown_key':
      return fill(t.unknown_key, { path: issue.path, key: issue.key, allowed: issue.allowed.join(words.itemSep) });
    case 'not_number':
    case 'negative':
    case 'grade_range':
      return fill(t[issue.kind], { path: issue.path, value: issue.value });
    case 'weights_sum':
      return fill(t.weights_sum, { sum: fmt(issue.sum), parts: issue.parts });
    case 'grades_order':
      return fill(t.grades_order, { excellent: fmt(issue.excellent), good: fmt(issue.good), fair: fmt(issue.fair) });
    case 'band_order':
      return fill(t.band_order, { low: fmt(issue.low), high: fmt(issue.high) });
    case 'monitoring_order':
      return fill(t.monitoring_order, { yellow: fmt(issue.yellow), green: fmt(issue.green) });
    case 'band_percent':
      return fill(t.band_percent, { path: issue.path, value: fmt(issue.value) });
    case 'bad_rule':
      return fill(t.bad_rule, { value: issue.value });
    case 'steps_empty':
    case 'steps_unsorted':
      return t[issue.kind];
    case 'step_min_range':
      return fill(t.step_min_range, { step: issue.index + 1, value: fmt(issue.value) });
    case 'step_over_weight':
      return fill(t.step_over_weight, { step: issue.index + 1, score: fmt(issue.score), weight: fmt(issue.weight) });
    case 'bad_choice':
      return fill(t.bad_choice, { path: issue.path, value: issue.value, allowed: issue.allowed.map((a) => `"${a}"`).join(words.orSep) });
  }
}

/** A number as a mistake names it: at most six decimals, no trailing zeros. */
function fmt(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
