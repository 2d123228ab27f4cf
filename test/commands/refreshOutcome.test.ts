import type { Settings } from '../../src/engine/workbookPort';
import { EngineError } from '../../src/engine/errors';
import { HostError } from '../../src/excel/errors';
import { langFromLocale } from '../../src/engine/messages';
import { commandLang, noticeQuery, planRefresh, refreshOutcome } from '../../src/commands/refreshOutcome';
import { noticeFor, parseNoticeQuery, type NoticeCode } from '../../src/commands/noticeCode';

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
    expect(zh).toEqual({ kind: 'openPane', code: { kind: 'no_settings' }, notice: expect.objectContaining({ tone: 'warning', title: '请先打开任务窗格' }) });
    expect(zh.kind === 'openPane' && zh.notice.message).toContain('显示任务窗格');
    const en = planRefresh(null, 'en');
    expect(en.kind === 'openPane' && en.notice.message).toContain('Show pane');
  });

  test('with saved settings it runs with them', () => {
    expect(planRefresh(SETTINGS, 'zh')).toEqual({ kind: 'run', settings: SETTINGS });
  });

  test('an Excel lacking a required API set is told which one, even with settings', () => {
    const plan = planRefresh(SETTINGS, 'en', ['ExcelApi 1.8']);
    expect(plan).toEqual({ kind: 'notify', code: { kind: 'api_missing', sets: [0] }, notice: expect.objectContaining({ tone: 'error' }) });
    expect(plan.kind === 'notify' && plan.notice.message).toMatch(/lacks a feature.*Missing: ExcelApi 1\.8\./);
  });
});

describe('after running', () => {
  test('success on the seed totals: counts, the fund-weighted rate and the summary sheet', () => {
    const zh = refreshOutcome({ ok: true, evaluation: { totals: SEED_TOTALS }, summarySheet: '绩效自评汇总' }, 'zh');
    expect(zh).toEqual({
      kind: 'notify',
      code: { kind: 'refreshed', projects: 7, flagged: 4, rateTenths: 790, summary: true },
      notice: {
        tone: 'warning',
        title: '评分已刷新',
        message: '已评价 7 个项目，其中 4 个需要关注；整体预算执行率 79.0%。汇总表已更新。',
      },
    });
    const en = refreshOutcome({ ok: true, evaluation: { totals: { ...SEED_TOTALS, flagged: 0 } }, summarySheet: null }, 'en');
    expect(en).toEqual({
      kind: 'notify',
      code: { kind: 'refreshed', projects: 7, flagged: 0, rateTenths: 790, summary: false },
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
    // The sheet's name is workbook text: the dialog names the missing column, not the sheet.
    expect(action.notice.message).toMatch(/^未找到“.*”列.*请单击“显示任务窗格”检查列映射。$/);
  });

  test('other engine errors are reported without opening the pane, without the saved values they name', () => {
    const action = refreshOutcome({ ok: false, error: new EngineError('invalid_scheme', { schemeId: 'gone' }) }, 'en');
    expect(action).toEqual(expect.objectContaining({ kind: 'notify', notice: expect.objectContaining({ tone: 'error', title: 'Refresh failed' }) }));
    expect(action.notice.message).toMatch(/^The scoring scheme saved in this workbook is not valid\./);
    expect(action.notice.message).not.toContain('gone');
  });

  test('Excel errors get the adapter message for their code; unknown ones the generic message, no detail', () => {
    const protectedSheet = refreshOutcome({ ok: false, error: Object.assign(new Error('denied'), { code: 'AccessDenied' }) }, 'en');
    expect(protectedSheet.notice.message).toBe('The sheet or workbook is protected or read-only. Unprotect it or save a copy, then retry.');
    const busy = refreshOutcome({ ok: false, error: new HostError('busy') }, 'zh');
    expect(busy.notice.message).toContain('Excel 正忙');
    const odd = refreshOutcome({ ok: false, error: new Error('socket closed') }, 'en');
    expect(odd.notice.message).toBe('Excel reported an unexpected error. Retry; if it persists, close and reopen the task pane.');
  });
});

describe('the result page’s query string', () => {
  const CODES: NoticeCode[] = [
    { kind: 'refreshed', projects: 7, flagged: 4, rateTenths: 790, summary: true },
    { kind: 'refreshed', projects: 1, flagged: 0, rateTenths: null, summary: false },
    { kind: 'no_settings' },
    { kind: 'api_missing', sets: [0] },
    { kind: 'engine', code: 'missing_columns', missing: ['budget', 'actual'], pane: true },
    { kind: 'engine', code: 'invalid_band', missing: [], pane: false },
    { kind: 'host', code: 'sheet_protected' },
  ];

  test('carries a code and numbers only, and reads back as the same notice', () => {
    for (const code of CODES) {
      const query = noticeQuery(code, 'zh');
      expect(query).toMatch(/^[a-z]+=[a-z0-9_.]+(&[a-z]=[a-z0-9_.]+)*$/);
      expect(parseNoticeQuery(query)).toEqual(code);
      expect(noticeFor(parseNoticeQuery(query)!, 'en')).toEqual(noticeFor(code, 'en'));
    }
  });

  test('text, unknown codes and odd numbers in a crafted query are refused', () => {
    for (const query of [
      'lang=zh&tone=error&title=请致电&message=您的账户已被冻结',
      'n=refreshed&p=7&f=4&s=1&message=call+me',
      'n=refreshed&p=7&f=9&s=1',
      'n=refreshed&p=-1&f=0&s=1',
      'n=refreshed&p=7&f=0&r=1e3&s=1',
      'n=engine&c=<img>&x=1',
      'n=engine&c=missing_columns&m=budget.evil&x=1',
      'n=host&c=__proto__',
      'n=api_missing&i=5',
      'n=toString',
      '',
    ]) {
      expect(parseNoticeQuery(query)).toBeNull();
    }
  });
});
