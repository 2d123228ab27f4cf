// Self-evaluation forms in the pane, in Chinese and English: a workbook of a cover sheet and three forms
// (national and Sichuan, one stacked under another, merged cells throughout) opens as "3 张自评表";
// Evaluate marks the cells to fix on the forms, Write summary writes the summary with its to-do block,
// a click selects a form, an edit on a form sheet refreshes. Screenshots of the forms with their marks.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { paneSession, type OpenedPane } from './support/browser';
import { screenshotPath } from './support/env';
import { eventually, fake } from './support/fake';
import { button, strings } from './support/pane';
import { axeViolations, describeViolations } from './support/axe';
import { formsSeed } from './support/formsWorkbook';
import { FORMS_STRINGS } from '../../src/taskpane/strings/forms';
import { DEFAULT_SUMMARY_SHEET } from '../../src/engine/workflow';
import { FORM_MARK_COLOURS } from '../../src/engine/forms/formMarks';
import type { Lang } from '../../src/engine/types';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

for (const lang of ['zh', 'en'] as Lang[]) {
  describe(`forms in the pane (${lang})`, () => {
    const s = strings(lang);
    const fs = FORMS_STRINGS[lang];
    const displayLanguage = lang === 'zh' ? 'zh-CN' : 'en-US';
    const session = paneSession();
    let pane: OpenedPane;
    let page: Page;

    before(async () => {
      pane = await session.open(formsSeed({ displayLanguage }), { locale: displayLanguage });
      page = pane.page;
    });

    it('opens on the cover sheet and lists the three forms, writing nothing', async () => {
      await page.getByTestId('forms-count').waitFor({ timeout: 15000 });
      assert.equal((await page.getByTestId('forms-count').innerText()).trim(), fs.formsCount(3));
      const names = await page.locator('[data-testid="form"] > button').allInnerTexts();
      assert.deepEqual(
        names.map((n) => n.trim()),
        ['安全生产监察协管员劳务费', '项目乙', '51092324T000010263357-2023年安全生产宣传培训项目'],
      );
      for (const sheet of ['表1', '表2']) assert.deepEqual(await fake(page).rules(sheet), []);
      assert.deepEqual(await fake(page).sheetNames(), ['封面', '表1', '表2']);
    });

    it('Evaluate marks the stated score and the blank explanations on the forms', async () => {
      await button(page, s.evaluate).click();
      await page.getByTestId('forms-marked').waitFor({ timeout: 15000 });
      assert.equal((await page.getByTestId('forms-marked').innerText()).trim(), fs.marksCount(3));
      const marks = async (sheet: string) => (await fake(page).rules(sheet)).map((r) => [r.address, r.fill?.toUpperCase()]);
      assert.deepEqual((await marks('表1')).sort(), [
        ['H13', FORM_MARK_COLOURS.score.fill.toUpperCase()],
        ['I13', FORM_MARK_COLOURS.explanation.fill.toUpperCase()],
      ]);
      assert.deepEqual(await marks('表2'), [['K36', FORM_MARK_COLOURS.explanation.fill.toUpperCase()]]);
      assert.deepEqual(await fake(page).rules('封面'), []);
      await shot(page, `${lang}-forms.png`);
    });

    it('the forms pane passes axe-core with its forms, indicators and marks shown', async () => {
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], describeViolations(violations));
    });

    it('Write summary writes the forms summary with the indicators to check', async () => {
      await button(page, s.writeSummary).click();
      const summary = DEFAULT_SUMMARY_SHEET[lang];
      await eventually(async () => assert.ok((await fake(page).sheetNames()).includes(summary)), 15000);
      const text = JSON.stringify(await fake(page).values(summary));
      for (const expected of ['巡查企业数', '人均培训成本', '项目乙', '某区应急管理局']) assert.ok(text.includes(expected), `summary lists ${expected}`);
    });

    it('selecting a form selects it; selecting an indicator selects the cell to fix', async () => {
      await page.getByRole('button', { name: fs.selectForm('项目乙', '表2', 3) }).click();
      await eventually(async () => assert.deepEqual(await fake(page).selection(), { sheet: '表2', address: 'A3:K22' }));
      await page.getByRole('button', { name: fs.selectIndicator('巡查企业数', '表1', 13) }).click();
      await eventually(async () => assert.deepEqual(await fake(page).selection(), { sheet: '表1', address: 'H13' }));
    });

    it('refreshes after an edit on a form sheet: the agreeing score is no longer marked', async () => {
      await fake(page).edit('表1', 'H13', 15.73);
      await eventually(async () => {
        const rules = (await fake(page).rules('表1')).map((r) => r.address);
        assert.deepEqual(rules, ['I13']);
      }, 15000);
      await eventually(async () => assert.equal((await page.getByTestId('forms-marked').innerText()).trim(), fs.marksCount(2)), 10000);
    });
  });
}
