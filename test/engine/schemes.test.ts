import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRate } from '../../src/engine/numbers';
import { BUILTIN_SCHEMES, getScheme, listBuiltinSchemes, parseScheme, validateBand } from '../../src/engine/schemes';
import type { Lang, Scheme } from '../../src/engine/types';

const VALID = {
  id: 'sichuan2023',
  name: { zh: '四川2023', en: 'Sichuan 2023' },
  weights: { output: 60, benefit: 30 },
  execution: { rule: 'linear', weight: 10 },
  grades: { excellent: 90, good: 80, fair: 60 },
  rateBand: { low: 0.9, high: 1 },
};

function errorsOf(json: unknown, lang: Lang): string[] {
  const result = parseScheme(json, lang);
  if (result.ok) throw new Error('expected the scheme to be refused');
  return result.errors;
}

function withChange(change: Record<string, unknown>): Record<string, unknown> {
  return { ...VALID, ...change };
}

describe('built-in schemes', () => {
  it('mof2020: output 50, benefit 30, satisfaction 10, linear execution 10, grades 90/80/60, band 0.9–1.0', () => {
    const s = getScheme('mof2020');
    expect(s).toBeDefined();
    expect(s?.weights).toEqual({ output: 50, benefit: 30, satisfaction: 10 });
    expect(s?.execution).toEqual({ rule: 'linear', weight: 10 });
    expect(s?.grades).toEqual({ excellent: 90, good: 80, fair: 60 });
    expect(s?.rateBand).toEqual({ low: 0.9, high: 1 });
  });

  it('wuhan2018: output 50 + benefit 50, no execution score', () => {
    const s = getScheme('wuhan2018');
    expect(s?.weights).toEqual({ output: 50, benefit: 50 });
    expect(s?.execution).toBeNull();
  });

  it('knows no other id, not even Object prototype names', () => {
    expect(getScheme('hubei')).toBeUndefined();
    expect(getScheme('toString')).toBeUndefined();
    expect(listBuiltinSchemes().map((s) => s.id)).toEqual(['mof2020', 'wuhan2018']);
  });

  it('both built-ins pass their own validation and add up to 100', () => {
    for (const s of Object.values(BUILTIN_SCHEMES)) {
      expect(parseScheme(s).ok).toBe(true);
    }
  });
});

describe('band edges and rate cells', () => {
  it('draw the same line between a fraction and a percentage: 3 is a fraction, above 3 a percentage', () => {
    expect(parseScheme(withChange({ rateBand: { low: 0.9, high: 3 } }), 'en').ok).toBe(true);
    expect(validateBand({ low: 0.9, high: 3 }, 'en')).toEqual([]);
    expect(validateBand({ low: 0.9, high: 3.5 }, 'en')).toEqual(['"rateBand.high" is 3.5; write rates as fractions (0.9 for 90%)']);
    expect(parseRate(3).value).toBe(3);
    expect(parseRate(3.5).value).toBeCloseTo(0.035, 12);
  });
});

describe('parseScheme on valid input', () => {
  it('reads JSON text and an object alike', () => {
    const fromText = parseScheme(JSON.stringify(VALID), 'en');
    const fromObject = parseScheme(VALID, 'en');
    expect(fromText).toEqual(fromObject);
    // A scheme that states every field comes back as written.
    expect(fromText.ok && fromText.scheme).toEqual(VALID);
  });

  it('fills defaults: name from id, grades 90/80/60, band 0.9–1.0, no execution when omitted', () => {
    const r = parseScheme({ id: 'plain', weights: { output: 50, benefit: 50 } });
    expect(r.ok).toBe(true);
    const s = (r as { scheme: Scheme }).scheme;
    expect(s.name).toEqual({ zh: 'plain', en: 'plain' });
    expect(s.grades).toEqual({ excellent: 90, good: 80, fair: 60 });
    expect(s.rateBand).toEqual({ low: 0.9, high: 1 });
    expect(s.execution).toBeNull();
  });

  it('accepts a name given as one string and a BOM before the text', () => {
    const r = parseScheme('\uFEFF' + JSON.stringify(withChange({ name: '自定义' })));
    expect(r.ok && r.scheme.name).toEqual({ zh: '自定义', en: '自定义' });
  });

  it('accepts stepped steps lowest first and stores them highest first', () => {
    const r = parseScheme(
      withChange({
        execution: { rule: 'stepped', weight: 10, steps: [{ min: 0.6, score: 5 }, { min: 0.8, score: 7 }, { min: 1, score: 10 }] },
      }),
    );
    expect(r.ok && r.scheme.execution).toEqual({
      rule: 'stepped',
      weight: 10,
      steps: [{ min: 1, score: 10 }, { min: 0.8, score: 7 }, { min: 0.6, score: 5 }],
    });
  });
});

describe('parseScheme names each mistake, in Chinese and in English', () => {
  const cases: { what: string; input: unknown; zh: RegExp; en: RegExp }[] = [
    {
      what: 'malformed JSON, with its position',
      input: '{\n  "id": "x",\n  "weights": { "output": 50, }\n}',
      zh: /JSON 格式错误，位于第3行第30列（字符位置 44）：意外的字符“}”/,
      en: /Malformed JSON at line 3, column 30 \(position 44\): unexpected character '}'/,
    },
    {
      what: 'JSON cut short',
      input: '{"id": "x", "weights": {"output": 50',
      zh: /第1行第37列.*文本意外结束/,
      en: /line 1, column 37 .*unexpected end of text/,
    },
    { what: 'not an object', input: '[1, 2]', zh: /“\(scheme\)”应为对象/, en: /"\(scheme\)" must be an object/ },
    { what: 'an unknown top-level key', input: withChange({ weigths: {} }), zh: /未知的键“weigths”/, en: /Unknown key "weigths" in "\(scheme\)"/ },
    {
      what: 'an unknown weight',
      input: withChange({ weights: { output: 60, benefit: 30, quality: 0 } }),
      zh: /“weights”中有未知的键“quality”/,
      en: /Unknown key "quality" in "weights"/,
    },
    { what: 'a missing id', input: { weights: { output: 50, benefit: 50 } }, zh: /缺少“id”/, en: /"id" is missing/ },
    { what: 'missing weights', input: { id: 'x' }, zh: /缺少“weights”/, en: /"weights" is missing/ },
    {
      what: 'a non-numeric weight',
      input: withChange({ weights: { output: '60', benefit: 30 } }),
      zh: /“weights.output”应为数字，实际为 "60"/,
      en: /"weights.output" must be a number, got "60"/,
    },
    {
      what: 'a negative weight',
      input: withChange({ weights: { output: 80, benefit: -10 }, execution: { rule: 'linear', weight: 30 } }),
      zh: /“weights.benefit”不能为负数（-10）/,
      en: /"weights.benefit" must not be negative \(-10\)/,
    },
    {
      what: 'weights not adding up to 100, with the sum',
      input: withChange({ weights: { output: 50, benefit: 30 } }),
      zh: /权重之和应为 100，实际为 90（output 50 \+ benefit 30 \+ execution 10）/,
      en: /must add up to 100, they add up to 90 \(output 50 \+ benefit 30 \+ execution 10\)/,
    },
    {
      what: 'an unknown execution rule',
      input: withChange({ execution: { rule: 'capped', weight: 10 } }),
      zh: /“execution.rule”应为 "linear" 或 "stepped"，实际为 "capped"/,
      en: /"execution.rule" must be "linear" or "stepped", got "capped"/,
    },
    {
      what: 'an execution weight that is not a number',
      input: withChange({ execution: { rule: 'linear', weight: null } }),
      zh: /“execution.weight”应为数字，实际为 null/,
      en: /"execution.weight" must be a number, got null/,
    },
    {
      what: 'grade edges not descending',
      input: withChange({ grades: { excellent: 80, good: 90, fair: 60 } }),
      zh: /等级分数线应从高到低.*80 \/ 90 \/ 60/,
      en: /Grade edges must descend.*80 \/ 90 \/ 60/,
    },
    {
      what: 'a grade edge above 100',
      input: withChange({ grades: { excellent: 120, good: 80, fair: 60 } }),
      zh: /等级分数线“grades.excellent”应在 0 到 100 之间（120）/,
      en: /Grade edge "grades.excellent" must be between 0 and 100 \(120\)/,
    },
    {
      what: 'a negative grade edge',
      input: withChange({ grades: { excellent: 90, good: 80, fair: -1 } }),
      zh: /“grades.fair”应在 0 到 100 之间（-1）/,
      en: /"grades.fair" must be between 0 and 100 \(-1\)/,
    },
    {
      what: 'a band whose low edge is above the high one',
      input: withChange({ rateBand: { low: 1.0, high: 0.9 } }),
      zh: /执行率区间下限 1 大于上限 0.9/,
      en: /low edge 1 is above its high edge 0.9/,
    },
    {
      what: 'a negative band edge',
      input: withChange({ rateBand: { low: -0.1, high: 1 } }),
      zh: /“rateBand.low”不能为负数（-0.1）/,
      en: /"rateBand.low" must not be negative \(-0.1\)/,
    },
    {
      what: 'a band typed as percentages',
      input: withChange({ rateBand: { low: 0.9, high: 100 } }),
      zh: /“rateBand.high”为 100，执行率应写成小数/,
      en: /"rateBand.high" is 100; write rates as fractions/,
    },
    {
      what: 'stepped steps out of order',
      input: withChange({ execution: { rule: 'stepped', weight: 10, steps: [{ min: 0.8, score: 7 }, { min: 1, score: 10 }, { min: 0.6, score: 5 }] } }),
      zh: /“execution.steps”的 min 应按顺序排列且不重复/,
      en: /"execution.steps" must be sorted by min without repeats/,
    },
    {
      what: 'a step scoring above the execution weight',
      input: withChange({ execution: { rule: 'stepped', weight: 10, steps: [{ min: 1, score: 12 }, { min: 0.8, score: 7 }] } }),
      zh: /第1档的得分 12 超过执行得分权重 10/,
      en: /Step 1: score 12 is above the execution weight 10/,
    },
    {
      what: 'stepped without steps',
      input: withChange({ execution: { rule: 'stepped', weight: 10, steps: [] } }),
      zh: /分档规则“execution.steps”至少需要一档/,
      en: /"execution.steps" needs at least one step/,
    },
    {
      what: 'a step min typed as a percentage',
      input: withChange({ execution: { rule: 'stepped', weight: 10, steps: [{ min: 80, score: 7 }] } }),
      zh: /第1档的 min 为 80，应为 0 到 2 之间的小数/,
      en: /Step 1: min is 80, it must be a fraction between 0 and 2/,
    },
    {
      what: 'an unknown key inside a step',
      input: withChange({ execution: { rule: 'stepped', weight: 10, steps: [{ min: 1, score: 10, max: 2 }] } }),
      zh: /“execution.steps\[0\]”中有未知的键“max”/,
      en: /Unknown key "max" in "execution.steps\[0\]"/,
    },
  ];

  for (const c of cases) {
    it(`${c.what}`, () => {
      const zh = errorsOf(c.input, 'zh');
      const en = errorsOf(c.input, 'en');
      expect(zh.some((m) => c.zh.test(m))).toBe(true);
      expect(en.some((m) => c.en.test(m))).toBe(true);
      expect(zh).toHaveLength(en.length);
    });
  }

  it('lists every mistake at once, not only the first', () => {
    const errors = errorsOf({ id: '', weights: { output: -1, extra: 2 }, grades: { excellent: 50, good: 60, fair: 70 }, color: 'red' }, 'en');
    expect(errors.length).toBeGreaterThanOrEqual(4);
    expect(errors.join('\n')).toMatch(/"id" must be a non-empty string/);
    expect(errors.join('\n')).toMatch(/Unknown key "color"/);
    expect(errors.join('\n')).toMatch(/Unknown key "extra"/);
    expect(errors.join('\n')).toMatch(/"weights.output" must not be negative/);
    expect(errors.join('\n')).toMatch(/Grade edges must descend/);
  });

  it('speaks Chinese by default', () => {
    const r = parseScheme({ id: 'x', weights: { output: 50 } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(/权重之和应为 100，实际为 50/);
  });
});

describe('validateBand', () => {
  it('accepts a sound band and names each problem of a bad one', () => {
    expect(validateBand({ low: 0.9, high: 1 }, 'en')).toEqual([]);
    expect(validateBand({ low: 0.95, high: 0.95 }, 'en')).toEqual([]);
    expect(validateBand({ low: 1.1, high: 0.9 }, 'en', 'band')).toEqual(['The band\'s low edge 1.1 is above its high edge 0.9']);
    expect(validateBand({ low: Number.NaN, high: 1 }, 'zh', 'band')[0]).toMatch(/“band.low”应为数字/);
    expect(validateBand({ low: 0.9 }, 'en', 'band')[0]).toMatch(/"band.high" is missing/);
  });
});

describe('JSON error positions', () => {
  it('points at a bad escape, a bad \\u escape, a control character and trailing text', () => {
    const en = (text: string) => errorsOf(text, 'en')[0];
    const badString = /line 1, column 8 \(position 7\): this string holds an invalid escape or control character/;
    expect(en('{"id": "a\\qb"}')).toMatch(badString);
    expect(en('{"id": "\\u12G4"}')).toMatch(badString);
    expect(en('{"id": "a\tb"}')).toMatch(badString);
    expect(en('{"id": "x"} extra')).toMatch(/line 1, column 13 \(position 12\): unexpected character 'e'/);
    expect(en('{"n": 01}')).toMatch(/position 7\): unexpected character '1'/);
    expect(en('')).toMatch(/line 1, column 1 \(position 0\): unexpected end of text/);
  });
});

describe('numbers JSON cannot hold', () => {
  it('names a weight that overflows to Infinity as such', () => {
    expect(errorsOf('{"id":"x","weights":{"output":1e400}}', 'en')[0]).toBe('"weights.output" must be a number, got Infinity');
  });
});

describe('the bundled example scheme file', () => {
  it('is a valid custom scheme: Sichuan 2023, output 60 + benefit 30 + execution 10', () => {
    const text = readFileSync(join(__dirname, '../../samples/scheme-sichuan2023.json'), 'utf8');
    const result = parseScheme(text, 'en');
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.scheme.weights).toEqual({ output: 60, benefit: 30 });
    expect(result.scheme.execution).toEqual({ rule: 'linear', weight: 10 });
  });
});
