/**
 * @jest-environment jsdom
 */
// The ribbon's result dialog (commands-result.html + result.ts) is a public URL: whatever a link puts
// in its query string, it shows only messages the add-in wrote.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { noticeQuery } from '../../src/commands/noticeCode';

const PAGE = readFileSync(join(__dirname, '../../src/commands/commands-result.html'), 'utf8');

function openPage(search: string): { title: string; message: string; lang: string } {
  document.documentElement.innerHTML = PAGE.replace(/^<!doctype html>/i, '');
  window.history.replaceState(null, '', `/commands-result.html${search}`);
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../../src/commands/result');
  });
  return {
    title: document.getElementById('title')!.textContent ?? '',
    message: document.getElementById('message')!.textContent ?? '',
    lang: document.documentElement.lang,
  };
}

test('shows the notice its code stands for, in the add-in’s words', () => {
  const shown = openPage(`?${noticeQuery({ kind: 'refreshed', projects: 7, flagged: 4, rateTenths: 790, summary: true }, 'zh')}`);
  expect(shown).toEqual({
    title: '评分已刷新',
    message: '已评价 7 个项目，其中 4 个需要关注；整体预算执行率 79.0%。汇总表已更新。',
    lang: 'zh-CN',
  });
});

test('arbitrary text in the query string is never displayed', () => {
  const bait = '您的账户已被冻结，请致电 400-000-0000';
  const queries = [
    `?lang=zh&tone=error&title=${encodeURIComponent('安全警告')}&message=${encodeURIComponent(bait)}`,
    `?${noticeQuery({ kind: 'no_settings' }, 'en')}&message=${encodeURIComponent(bait)}`,
    `?lang=en&n=host&c=${encodeURIComponent(bait)}`,
    `?lang=en&n=engine&c=missing_columns&m=${encodeURIComponent(bait)}&x=1`,
  ];
  for (const query of queries) {
    const shown = openPage(query);
    expect(document.body.textContent).not.toContain('400-000-0000');
    expect(document.body.textContent).not.toContain('安全警告');
    expect([shown.title, shown.message]).toEqual(
      shown.lang === 'en'
        ? ['Performance self-evaluation', 'There is no result to show. Click Refresh scores on the ribbon again.']
        : ['项目支出绩效自评', '没有可显示的结果。请在功能区重新单击“刷新评分”。'],
    );
  }
});
