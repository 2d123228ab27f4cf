// Scoring schemes as data: the two built-in ones and custom ones read from JSON, validated with
// one coded issue per mistake. Weights live here and in scheme files, never elsewhere in code.
import { schemeIssueMessage, type SchemeIssue } from './schemeIssues';
import { RATE_FRACTION_LIMIT } from './numbers';
import { SCORE_COMPONENTS, type ExecutionRule, type FormScoring, type GradeBands, type Lang, type MonitoringBands, type RateBand, type Scheme, type ScoreComponent } from './types';
import { MAX_JSON_DEPTH, nestingBeyond } from './jsonDepth';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';

const DEFAULT_GRADES: GradeBands = { excellent: 90, good: 80, fair: 60 };
const DEFAULT_BAND: RateBand = { low: 0.9, high: 1.0 };

/**
 * How self-evaluation forms are scored unless a scheme says otherwise: execution weight 10 when the
 * form states none, over-achievement flagged from 1.3 × the target, the linear reverse rule
 * ((1 − (a − i)/i) × w, 0 from 2i on; 'ratio' is the published i/a × w variant).
 */
export const DEFAULT_FORM_SCORING: Readonly<FormScoring> = Object.freeze({ executionWeight: 10, overAchievement: 1.3, reverseRule: 'linear' });

/** The scheme's form scoring, defaults filled in. */
export function formScoring(scheme: Scheme): FormScoring {
  return { ...DEFAULT_FORM_SCORING, ...(scheme.forms ?? {}) };
}

export const BUILTIN_SCHEMES: Readonly<Record<'mof2020' | 'wuhan2018', Scheme>> = {
  mof2020: {
    id: 'mof2020',
    name: { zh: '财政部2020（产出50 效益30 满意度10 执行10）', en: 'MOF 2020 (output 50, benefit 30, satisfaction 10, execution 10)' },
    weights: { output: 50, benefit: 30, satisfaction: 10 },
    execution: { rule: 'linear', weight: 10 },
    grades: { ...DEFAULT_GRADES },
    rateBand: { ...DEFAULT_BAND },
  },
  wuhan2018: {
    id: 'wuhan2018',
    name: { zh: '2018年做法（产出50 效益50）', en: '2018 practice (output 50, benefit 50)' },
    weights: { output: 50, benefit: 50 },
    execution: null,
    grades: { ...DEFAULT_GRADES },
    rateBand: { ...DEFAULT_BAND },
  },
};

export const DEFAULT_SCHEME_ID = 'mof2020';

export function getScheme(id: string): Scheme | undefined {
  return Object.prototype.hasOwnProperty.call(BUILTIN_SCHEMES, id)
    ? BUILTIN_SCHEMES[id as keyof typeof BUILTIN_SCHEMES]
    : undefined;
}

export function listBuiltinSchemes(): Scheme[] {
  return [BUILTIN_SCHEMES.mof2020, BUILTIN_SCHEMES.wuhan2018];
}

export type CheckSchemeResult = { ok: true; scheme: Scheme } | { ok: false; issues: SchemeIssue[] };
export type ParseSchemeResult = { ok: true; scheme: Scheme } | { ok: false; errors: string[] };

const TOP_KEYS = ['id', 'name', 'weights', 'execution', 'grades', 'rateBand', 'forms', 'monitoring'];
const MONITORING_KEYS = ['green', 'yellow'] as const;
const FORMS_KEYS = ['executionWeight', 'overAchievement', 'reverseRule'];
const REVERSE_RULES = ['linear', 'ratio'];
const EXECUTION_KEYS = ['rule', 'weight', 'steps'];
const STEP_KEYS = ['min', 'score'];
const GRADE_KEYS = ['excellent', 'good', 'fair'];
const BAND_KEYS = ['low', 'high'] as const;
const NAME_KEYS = ['zh', 'en'];
const STEP_MIN_LIMIT = 2;
const EPS = 1e-9;

/** Reads a custom scheme from JSON text or an already parsed value: the scheme, or each mistake as an issue. */
export function checkScheme(json: unknown): CheckSchemeResult {
  let value: unknown = json;
  if (typeof json === 'string') {
    const text = json.replace(/^\uFEFF/, '');
    const tooDeep = nestingBeyond(text);
    if (tooDeep >= 0) return { ok: false, issues: [{ kind: 'json_too_deep', position: tooDeep, max: MAX_JSON_DEPTH }] };
    try {
      value = JSON.parse(text);
    } catch {
      return { ok: false, issues: [locateJsonError(text)] };
    }
  }
  const issues: SchemeIssue[] = [];
  const scheme = readScheme(value, issues);
  if (issues.length > 0 || scheme === null) return { ok: false, issues };
  return { ok: true, scheme };
}

/** Checks a usage-rate band: one issue per mistake (none when the band is fine). */
export function checkBand(band: unknown, path = 'rateBand'): SchemeIssue[] {
  const issues: SchemeIssue[] = [];
  readBand(band, path, issues);
  return issues;
}

/** checkScheme with each mistake as a sentence in `lang` (Chinese by default), for a caller that shows one language. */
export function parseScheme(json: unknown, lang: Lang = 'zh'): ParseSchemeResult {
  const checked = checkScheme(json);
  return checked.ok ? checked : { ok: false, errors: checked.issues.map((i) => schemeIssueMessage(i, lang)) };
}

/** checkBand with each mistake as a sentence in `lang`. */
export function validateBand(band: unknown, lang: Lang = 'zh', path = 'rateBand'): string[] {
  return checkBand(band, path).map((i) => schemeIssueMessage(i, lang));
}

// ---- reading -------------------------------------------------------------------------------

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function checkKeys(obj: Obj, allowed: readonly string[], path: string, issues: SchemeIssue[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) issues.push({ kind: 'unknown_key', path, key, allowed: [...allowed] });
  }
}

function readNumber(v: unknown, path: string, issues: SchemeIssue[], allowNegative = false): number | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    issues.push({ kind: 'not_number', path, value: describe(v) });
    return null;
  }
  if (!allowNegative && v < 0) {
    issues.push({ kind: 'negative', path, value: v });
    return null;
  }
  return v;
}

function readScheme(value: unknown, issues: SchemeIssue[]): Scheme | null {
  if (!isObject(value)) {
    issues.push({ kind: 'not_object', path: '(scheme)' });
    return null;
  }
  checkKeys(value, TOP_KEYS, '(scheme)', issues);

  let id = '';
  if (value.id === undefined) issues.push({ kind: 'missing_key', path: 'id' });
  else if (typeof value.id !== 'string' || value.id.trim() === '') issues.push({ kind: 'not_string', path: 'id' });
  else id = value.id.trim();

  const name = readName(value.name, id, issues);
  const weights = readWeights(value.weights, issues);
  const execution = readExecution(value.execution, issues);
  const grades = value.grades === undefined ? { ...DEFAULT_GRADES } : readGrades(value.grades, issues);
  const rateBand = value.rateBand === undefined ? { ...DEFAULT_BAND } : readBand(value.rateBand, 'rateBand', issues);
  const monitoring = value.monitoring === undefined ? undefined : readMonitoring(value.monitoring, issues);
  const forms = value.forms === undefined ? undefined : readForms(value.forms, issues);

  if (weights && execution !== undefined) {
    let sum = 0;
    const parts: string[] = [];
    for (const c of SCORE_COMPONENTS) {
      const w = weights[c];
      if (w !== undefined) {
        sum += w;
        parts.push(`${c} ${w}`);
      }
    }
    if (execution) {
      sum += execution.weight;
      parts.push(`execution ${execution.weight}`);
    }
    if (Math.abs(sum - 100) > EPS) issues.push({ kind: 'weights_sum', sum, parts: parts.join(' + ') || '—' });
  }

  if (issues.length > 0 || !weights || execution === undefined || !grades || !rateBand || monitoring === null) return null;
  return { id, name, weights, execution, grades, rateBand, ...(forms ? { forms } : {}), ...(monitoring ? { monitoring } : {}) };
}

function readForms(v: unknown, issues: SchemeIssue[]): Partial<FormScoring> | undefined {
  if (!isObject(v)) {
    issues.push({ kind: 'not_object', path: 'forms' });
    return undefined;
  }
  checkKeys(v, FORMS_KEYS, 'forms', issues);
  const forms: Partial<FormScoring> = {};
  if (v.executionWeight !== undefined) {
    const w = readNumber(v.executionWeight, 'forms.executionWeight', issues);
    if (w !== null) forms.executionWeight = w;
  }
  if (v.overAchievement !== undefined) {
    const f = readNumber(v.overAchievement, 'forms.overAchievement', issues);
    if (f !== null) forms.overAchievement = f;
  }
  if (v.reverseRule !== undefined) {
    if (v.reverseRule === 'linear' || v.reverseRule === 'ratio') forms.reverseRule = v.reverseRule;
    else issues.push({ kind: 'bad_choice', path: 'forms.reverseRule', value: describe(v.reverseRule), allowed: REVERSE_RULES });
  }
  return forms;
}

function readName(v: unknown, id: string, issues: SchemeIssue[]): Scheme['name'] {
  if (v === undefined) return { zh: id, en: id };
  if (typeof v === 'string' && v.trim() !== '') return { zh: v.trim(), en: v.trim() };
  if (isObject(v)) {
    checkKeys(v, NAME_KEYS, 'name', issues);
    const zh = typeof v.zh === 'string' && v.zh.trim() !== '' ? v.zh.trim() : null;
    const en = typeof v.en === 'string' && v.en.trim() !== '' ? v.en.trim() : null;
    if (v.zh !== undefined && zh === null) issues.push({ kind: 'not_string', path: 'name.zh' });
    if (v.en !== undefined && en === null) issues.push({ kind: 'not_string', path: 'name.en' });
    return { zh: zh ?? en ?? id, en: en ?? zh ?? id };
  }
  issues.push({ kind: 'not_string', path: 'name' });
  return { zh: id, en: id };
}

function readWeights(v: unknown, issues: SchemeIssue[]): Scheme['weights'] | null {
  if (v === undefined) {
    issues.push({ kind: 'missing_key', path: 'weights' });
    return null;
  }
  if (!isObject(v)) {
    issues.push({ kind: 'not_object', path: 'weights' });
    return null;
  }
  checkKeys(v, SCORE_COMPONENTS as string[], 'weights', issues);
  const weights: Partial<Record<ScoreComponent, number>> = {};
  let ok = true;
  for (const c of SCORE_COMPONENTS) {
    if (v[c] === undefined) continue;
    const w = readNumber(v[c], `weights.${c}`, issues);
    if (w === null) ok = false;
    else weights[c] = w;
  }
  return ok ? weights : null;
}

/** undefined: the execution entry is wrong (issues recorded); null: no execution score. */
function readExecution(v: unknown, issues: SchemeIssue[]): ExecutionRule | null | undefined {
  if (v === undefined || v === null) return null;
  if (!isObject(v)) {
    issues.push({ kind: 'not_object', path: 'execution' });
    return undefined;
  }
  checkKeys(v, EXECUTION_KEYS, 'execution', issues);
  let weight: number | null = null;
  if (v.weight === undefined) issues.push({ kind: 'missing_key', path: 'execution.weight' });
  else weight = readNumber(v.weight, 'execution.weight', issues);
  if (v.rule === 'linear') {
    if (v.steps !== undefined) issues.push({ kind: 'unknown_key', path: 'execution', key: 'steps', allowed: ['rule', 'weight'] });
    return weight === null ? undefined : { rule: 'linear', weight };
  }
  if (v.rule !== 'stepped') {
    issues.push({ kind: 'bad_rule', value: describe(v.rule) });
    return undefined;
  }
  const steps = readSteps(v.steps, weight, issues);
  return weight === null || steps === null ? undefined : { rule: 'stepped', weight, steps };
}

function readSteps(v: unknown, weight: number | null, issues: SchemeIssue[]): { min: number; score: number }[] | null {
  if (!Array.isArray(v) || v.length === 0) {
    issues.push(v === undefined || Array.isArray(v) ? { kind: 'steps_empty' } : { kind: 'not_object', path: 'execution.steps' });
    return null;
  }
  const steps: { min: number; score: number }[] = [];
  let ok = true;
  v.forEach((item: unknown, index: number) => {
    const path = `execution.steps[${index}]`;
    if (!isObject(item)) {
      issues.push({ kind: 'not_object', path });
      ok = false;
      return;
    }
    checkKeys(item, STEP_KEYS, path, issues);
    const min = readNumber(item.min, `${path}.min`, issues);
    const score = readNumber(item.score, `${path}.score`, issues);
    if (min !== null && min > STEP_MIN_LIMIT) {
      issues.push({ kind: 'step_min_range', index, value: min });
      ok = false;
    }
    if (score !== null && weight !== null && score > weight + EPS) {
      issues.push({ kind: 'step_over_weight', index, score, weight });
      ok = false;
    }
    if (min === null || score === null) ok = false;
    else steps.push({ min, score });
  });
  if (!ok) return null;
  const descending = steps.every((s, i) => i === 0 || s.min < steps[i - 1].min);
  const ascending = steps.every((s, i) => i === 0 || s.min > steps[i - 1].min);
  if (!descending && !ascending) {
    issues.push({ kind: 'steps_unsorted' });
    return null;
  }
  // Evaluation walks the steps highest first.
  return descending ? steps : steps.slice().reverse();
}

function readGrades(v: unknown, issues: SchemeIssue[]): GradeBands | null {
  if (!isObject(v)) {
    issues.push({ kind: 'not_object', path: 'grades' });
    return null;
  }
  checkKeys(v, GRADE_KEYS, 'grades', issues);
  const edges: number[] = [];
  for (const key of GRADE_KEYS) {
    const path = `grades.${key}`;
    if (v[key] === undefined) {
      issues.push({ kind: 'missing_key', path });
      continue;
    }
    const n = readNumber(v[key], path, issues, true);
    if (n === null) continue;
    if (n < 0 || n > 100) issues.push({ kind: 'grade_range', path, value: n });
    else edges.push(n);
  }
  if (edges.length !== 3) return null;
  const [excellent, good, fair] = edges;
  if (!(excellent > good && good > fair)) {
    issues.push({ kind: 'grades_order', excellent, good, fair });
    return null;
  }
  return { excellent, good, fair };
}

/** Reads an object of rate fractions (each ≤ RATE_FRACTION_LIMIT) under `keys`; null when it is not an object. */
function readFractions<K extends string>(
  v: unknown,
  path: string,
  keys: readonly K[],
  issues: SchemeIssue[],
): Partial<Record<K, number>> | null {
  if (!isObject(v)) {
    issues.push({ kind: 'not_object', path });
    return null;
  }
  checkKeys(v, keys as readonly string[], path, issues);
  const edges: Partial<Record<K, number>> = {};
  for (const key of keys) {
    const p = path ? `${path}.${key}` : key;
    if (v[key] === undefined) {
      issues.push({ kind: 'missing_key', path: p });
      continue;
    }
    const n = readNumber(v[key], p, issues);
    if (n === null) continue;
    if (n > RATE_FRACTION_LIMIT) issues.push({ kind: 'band_percent', path: p, value: n });
    else edges[key] = n;
  }
  return edges;
}

function readBand(v: unknown, path: string, issues: SchemeIssue[]): RateBand | null {
  const edges = readFractions(v, path, BAND_KEYS, issues);
  if (edges?.low === undefined || edges.high === undefined) return null;
  if (edges.low > edges.high) {
    issues.push({ kind: 'band_order', low: edges.low, high: edges.high });
    return null;
  }
  return { low: edges.low, high: edges.high };
}

/** In-year monitoring bands: progress fractions, green above yellow (0.8 and 0.6 for 80% and 60%). */
function readMonitoring(v: unknown, issues: SchemeIssue[]): MonitoringBands | null {
  const edges = readFractions(v, 'monitoring', MONITORING_KEYS, issues);
  if (edges?.green === undefined || edges.yellow === undefined) return null;
  if (edges.yellow > edges.green) {
    issues.push({ kind: 'monitoring_order', green: edges.green, yellow: edges.yellow });
    return null;
  }
  return { green: edges.green, yellow: edges.yellow };
}

// ---- where JSON text goes wrong ---------------------------------------------------------------

const STRING_ERRORS = new Set(['InvalidEscapeCharacter', 'InvalidUnicode', 'InvalidCharacter', 'UnexpectedEndOfString']);

/** Where JSON.parse failed: the first error jsonc-parser (strict: no comments, no trailing commas) finds. */
function locateJsonError(text: string): Extract<SchemeIssue, { kind: 'json_syntax' }> {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const position = Math.min(errors.length > 0 ? errors[0].offset : text.length, text.length);
  const before = text.slice(0, position);
  return {
    kind: 'json_syntax',
    inString: errors.length > 0 && STRING_ERRORS.has(printParseErrorCode(errors[0].error)),
    line: before.split('\n').length,
    column: position - before.lastIndexOf('\n'),
    position,
    found: position < text.length ? String.fromCodePoint(text.codePointAt(position) ?? 0) : null,
  };
}
