import { EngineError } from '../../src/engine/errors';
import { errorMessage, flagLabel, gradeLabel, roleLabel, statusText } from '../../src/engine/messages';
import { FLAGS, GRADES, ROLES, type Lang } from '../../src/engine/types';

const LANGS: Lang[] = ['zh', 'en'];

describe('labels', () => {
  it('has a distinct, non-empty label for every flag, grade and role in both languages', () => {
    for (const lang of LANGS) {
      for (const list of [FLAGS.map((f) => flagLabel(f, lang)), GRADES.map((g) => gradeLabel(g, lang)), ROLES.map((r) => roleLabel(r, lang))]) {
        expect(list.every((l) => l.trim().length > 0)).toBe(true);
        expect(new Set(list).size).toBe(list.length);
      }
    }
  });

  it('says what the examples say', () => {
    expect(flagLabel('under_execution', 'zh')).toBe('执行率低于下限');
    expect(flagLabel('under_execution', 'en')).toBe('Usage below band');
    expect(GRADES.map((g) => gradeLabel(g, 'zh'))).toEqual(['优', '良', '中', '差']);
    expect(GRADES.map((g) => gradeLabel(g, 'en'))).toEqual(['Excellent', 'Good', 'Fair', 'Poor']);
    expect(statusText([], 'zh')).toBe('正常');
    expect(statusText([], 'en')).toBe('OK');
    expect(statusText(['over_budget', 'missing_explanation'], 'zh')).toBe('超预算；缺少偏差原因说明');
    expect(statusText(['over_budget', 'missing_explanation'], 'en')).toBe('Over budget; Deviation not explained');
  });
});

describe('errorMessage', () => {
  it('is one line for every code in both languages', () => {
    const errors = [
      new EngineError('empty_sheet', { sheet: 'Sheet1' }),
      new EngineError('missing_columns', { missing: ['project', 'budget', 'actual'] }),
      new EngineError('no_projects'),
      new EngineError('invalid_scheme', { issues: [{ kind: 'missing_key', path: 'weights' }] }),
      new EngineError('invalid_scheme', { schemeId: 'hubei' }),
      new EngineError('invalid_band', { issues: [{ kind: 'band_order', low: 1.1, high: 0.9 }] }),
    ];
    for (const e of errors) {
      for (const lang of LANGS) {
        const m = errorMessage(e, lang);
        expect(m.length).toBeGreaterThan(10);
        expect(m).not.toMatch(/\n/);
      }
    }
  });

  it('names every missing column with the words looked for, and what to do', () => {
    const e = new EngineError('missing_columns', { missing: ['budget', 'actual'], sheet: '自评表' });
    expect(errorMessage(e, 'zh')).toBe(
      '工作表“自评表”：未找到“预算数”列（查找了：全年预算数、调整后预算数、预算数、Budget）；' +
        '未找到“实际执行数”列（查找了：全年执行数、实际执行数、实际支出、Actual、Spent）。请检查表头行，或手动指定该列。',
    );
    expect(errorMessage(e, 'en')).toBe(
      'Sheet "自评表": No budget column found (looked for 全年预算数, 调整后预算数, 预算数, Budget); ' +
        'No actual-spend column found (looked for 全年执行数, 实际执行数, 实际支出, Actual, Spent). Check the header row or choose the column by hand.',
    );
  });

  it('names each issue in the asked language, from the same coded issues', () => {
    const e = new EngineError('invalid_band', {
      issues: [
        { kind: 'band_order', low: 1.1, high: 0.9 },
        { kind: 'not_number', path: 'band.low', value: 'NaN' },
      ],
    });
    expect(errorMessage(e, 'zh')).toBe('执行率区间有误：执行率区间下限 1.1 大于上限 0.9；“band.low”应为数字，实际为 NaN。请输入如 0.9 和 1.0 的下限和上限。');
    expect(errorMessage(e, 'en')).toBe(
      'Invalid usage-rate band: The band\'s low edge 1.1 is above its high edge 0.9; "band.low" must be a number, got NaN. Enter a low and a high edge such as 0.9 and 1.0.',
    );
    expect(e.message).toBe('Invalid usage-rate band: The band\'s low edge 1.1 is above its high edge 0.9; "band.low" must be a number, got NaN');
  });

  it('names an unknown scheme id', () => {
    expect(errorMessage(new EngineError('invalid_scheme', { schemeId: 'hubei' }), 'en')).toMatch(/Unknown scoring scheme "hubei"/);
  });

  it('keeps instanceof and the code on the error', () => {
    const e = new EngineError('no_projects');
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(EngineError);
    expect(e.name).toBe('EngineError');
    expect(e.code).toBe('no_projects');
  });
});
