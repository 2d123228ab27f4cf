// The bureau's tools in the pane, in Chinese and in English: in-year monitoring switched on for
// January–September, the summary written under its monitoring title; then "汇总各部门 / Consolidate
// sheets" writes the departments view. Screenshots of both states.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { paneSession } from './support/browser';
import { screenshotPath } from './support/env';
import { eventually, fake } from './support/fake';
import { button, messageBarText, strings, waitInteractive } from './support/pane';
import { sampleWorkbook } from './support/workbooks';
import { DEPARTMENTS_SHEET } from '../../src/engine/consolidate/departmentsSummary';
import { monitoringTitle } from '../../src/engine/messages';
import { DEFAULT_SUMMARY_SHEET } from '../../src/engine/workflow';
import { BUREAU_STRINGS } from '../../src/taskpane/strings/bureau';

describe('bureau tools', () => {
  const session = paneSession();
  for (const lang of ['zh', 'en'] as const) {
    it(`monitoring through September, then the departments view (${lang})`, async () => {
      const s = strings(lang);
      const b = BUREAU_STRINGS[lang];
      const { page, errors } = await session.open(sampleWorkbook({ displayLanguage: lang === 'zh' ? 'zh-CN' : 'en-US' }));
      await waitInteractive(page, s);
      await page.getByRole('switch', { name: b.monitoring }).click();
      const month = page.getByLabel(b.month);
      await month.selectOption('9');
      await button(page, s.writeSummary).click();
      const title = monitoringTitle(9, lang);
      await eventually(async () => {
        const names = await fake(page).sheetNames();
        assert.ok(names.includes(DEFAULT_SUMMARY_SHEET[lang]), names.join(', '));
        const a1 = String((await fake(page).values(DEFAULT_SUMMARY_SHEET[lang], 'A1'))[0][0]);
        assert.ok(a1.startsWith(title), `summary title "${a1}" should start with "${title}"`);
      }, 15000);
      await page.screenshot({ path: screenshotPath(`${lang}-monitoring.png`), fullPage: true });

      await button(page, b.consolidate).click();
      await eventually(async () => {
        const names = await fake(page).sheetNames();
        assert.ok(names.includes(DEPARTMENTS_SHEET[lang]), `${names.join(', ')} | ${await messageBarText(page)}`);
        const a1 = String((await fake(page).values(DEPARTMENTS_SHEET[lang], 'A1'))[0][0]);
        assert.ok(a1.startsWith(title), `departments title "${a1}" should start with "${title}"`);
        // One department (the sample's sheet); the notes sheet 说明 is listed as not evaluated.
        const text = await messageBarText(page);
        assert.ok(text.includes(b.consolidated(DEPARTMENTS_SHEET[lang], 1, 1)), text);
      }, 15000);
      await page.screenshot({ path: screenshotPath(`${lang}-consolidated.png`), fullPage: true });
      assert.deepEqual(errors, []);
    });
  }
});
