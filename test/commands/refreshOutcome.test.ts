import type { Settings } from '../../src/engine/port';
import { EngineError } from '../../src/engine/errors';
import { HostError } from '../../src/excel/errors';
import { langFromLocale } from '../../src/engine/messages';
import { commandLang, noticeQuery, planRefresh, refreshOutcome } from '../../src/commands/refreshOutcome';

const SETTINGS: Settings = { version: 1, sheet: '项目表', schemeId: 'wuhan2018', band: { low: 0.9, high: 1 }, lang: 'en' };

// The seed report's seven projects: Σbudget 918.45 万元, Σactual 725.45 万元 → 725.45 / 918.45 = 78.99 %.
const SEED_TOTALS = { budget: 918.45, actual: 725.45, usageRate: 725.45 / 918.45, projects: 7, flagged: 4 };

describe('language of the ribbon command', () => {
  test('Chinese for any zh display language, English otherwise; saved settings win', () => {
    expect(['zh-CN', 'zh-TW', 'ZH', 'en-US', 'fr-FR', '', undefined, null].map(langFromLocale)).toEqual(['zh', 'zh', 'zh', 'en', 'en', 'en', 'en', 'en']);
    expect(commandLang(SETTINGS, 'zh-CN')).toBe('en');
    expect(commandLang({ ...SETTINGS, lang: undefined }, 'zh-CN')).toBe('zh');
    // A crafted setting naming a language the add-in does not have falls back to Office's display language.
    expect(commandLang({ ...SETTINGS, lang: 'fr' as Settings['lang'] }, 'zh-CN')).toBe('zh');
    expect(commandLang({ ...SETTINGS, lang: 'fr' as Settings['lang'] }, 'en-US')).toBe('en');
    expect(commandLang(null, 'de-DE')).toBe('en');
  });
});

describe('before running', () => {
  test('without saved settings the pane is needed, and the notice says which button opens it', () => {
    const zh = planRefresh(null, 'zh');
    expect(zh).toEqual({ kind: 'openPane', notice: expect.objectContaining({ tone: 'warning', title: '请先打开任务窗格' }) });
    expect(zh.kind === 'openPane' && zh.notice.message).toContain('显示任务窗格');
    const en = planRefresh(null, 'en');
    expect(en.kind === 'openPane' && en.notice.message).toContain('Show pane');
  });

  test('with saved settings it runs with them', () => {
    expect(planRefresh(SETTINGS, 'zh')).toEqual({ kind: 'run', settings: SETTINGS });
  });

  test('an Excel lacking a required API set is told which one, even with settings', () => {
    const plan = planRefresh(SETTINGS, 'en', ['ExcelApi 1.8']);
    expect(plan).toEqual({ kind: 'notify', notice: expect.objectContaining({ tone: 'error' }) });
    expect(plan.kind === 'notify' && plan.notice.message).toMatch(/lacks a feature.*Missing: ExcelApi 1\.8\./);
  });
});

describe('after running', () => {
  test('success on the seed totals: counts, the fund-weighted rate and the summary sheet', () => {
    const zh = refreshOutcome({ ok: true, evaluation: { totals: SEED_TOTALS }, summarySheet: '绩效自评汇总' }, 'zh');
    expect(zh).toEqual({
      kind: 'notify',
      notice: {
        tone: 'warning',
        title: '评分已刷新',
        message: '已评价 7 个项目，其中 4 个需要关注；整体预算执行率 79.0%。汇总已写入工作表“绩效自评汇总”。',
      },
    });
    const en = refreshOutcome({ ok: true, evaluation: { totals: { ...SEED_TOTALS, flagged: 0 } }, summarySheet: null }, 'en');
    expect(en).toEqual({
      kind: 'notify',
      notice: { tone: 'success', title: 'Scores refreshed', message: '7 projects evaluated, 0 flagged; portfolio usage rate 79.0%.' },
    });
  });

  test('a portfolio with no budget says so instead of printing NaN or Infinity', () => {
    for (const usageRate of [null, Number.NaN, Number.POSITIVE_INFINITY]) {
      const action = refreshOutcome({ ok: true, evaluation: { totals: { ...SEED_TOTALS, budget: 0, usageRate } }, summarySheet: 'S' }, 'en');
      expect(action.notice.message).toContain('not computable (total budget is 0)');
      expect(action.notice.message).not.toMatch(/NaN|Infinity/);
    }
  });

  test('a mapping that no longer fits the sheet sends the officer to the pane, with the engine message', () => {
    const error = new EngineError('missing_columns', { missing: ['actual'], sheet: '项目表' });
    const action = refreshOutcome({ ok: false, error }, 'zh');
    expect(action.kind).toBe('openPane');
    expect(action.notice.tone).toBe('error');
    expect(action.notice.message).toMatch(/^工作表“项目表”：未找到“.*”列.*请单击“显示任务窗格”检查列映射。$/);
  });

  test('other engine errors are reported without opening the pane', () => {
    const action = refreshOutcome({ ok: false, error: new EngineError('invalid_scheme', { schemeId: 'gone' }) }, 'en');
    expect(action).toEqual({ kind: 'notify', notice: expect.objectContaining({ tone: 'error', title: 'Refresh failed' }) });
    expect(action.notice.message).toContain('"gone"');
  });

  test('Excel errors get the adapter message for their code; unknown ones keep their detail', () => {
    const protectedSheet = refreshOutcome({ ok: false, error: Object.assign(new Error('denied'), { code: 'AccessDenied' }) }, 'en');
    expect(protectedSheet.notice.message).toBe('The sheet or workbook is protected or read-only. Unprotect it or save a copy, then retry.');
    const busy = refreshOutcome({ ok: false, error: new HostError('busy') }, 'zh');
    expect(busy.notice.message).toContain('Excel 正忙');
    const odd = refreshOutcome({ ok: false, error: new Error('socket closed') }, 'en');
    expect(odd.notice.message).toBe('Unexpected error: socket closed. Retry; if it persists, open the pane for details.');
  });
});

test('the notice travels to the result page in its query string intact', () => {
  const notice = { tone: 'error' as const, title: '刷新失败', message: 'a&b=c?d #e “引号”' };
  const params = new URLSearchParams(noticeQuery(notice, 'zh'));
  expect(Object.fromEntries(params)).toEqual({ ...notice, lang: 'zh' });
});
