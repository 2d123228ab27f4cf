// What the officer sees when things go wrong: a missing column, an Excel too old, an error raised by
// Excel, the pane opened outside Excel. Each shows its MessageBar text, in the pane's language.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { paneSession, type OpenedPane, type PaneOptions } from './support/browser';
import type { FakeSeed } from './fakeHost/seedTypes';
import { screenshotPath } from './support/env';
import { eventually, fake } from './support/fake';
import { button, messageBarText, strings, waitInteractive } from './support/pane';
import { noActualWorkbook, sampleWorkbook } from './support/workbooks';
import { EngineError } from '../../src/engine/errors';
import { errorMessage } from '../../src/engine/messages';
import { hostErrorMessage } from '../../src/engine/hostError';

describe('error paths', () => {
  const session = paneSession();
  const open = (seed: FakeSeed | null, options?: PaneOptions): Promise<OpenedPane> => session.open(seed, options);

  for (const lang of ['zh', 'en'] as const) {
    it(`no actual-spend column: the field says so and Evaluate explains it (${lang})`, async () => {
      const s = strings(lang);
      const { page } = await open(noActualWorkbook(lang === 'zh' ? 'zh-CN' : 'en-US'));
      await waitInteractive(page, s);
      await eventually(async () => assert.ok((await page.locator('main').innerText()).includes(s.roleMissing), 'the actual field is marked as not found'));
      await button(page, s.evaluate).click();
      const expected = errorMessage(new EngineError('missing_columns', { missing: ['actual'], sheet: '缺列' }), lang);
      await eventually(async () => {
        const text = await messageBarText(page);
        assert.ok(text.includes(expected), `MessageBar "${text}" should include "${expected}"`);
      });
      assert.equal((await fake(page).sheetNames()).length, 1, 'nothing written');
      await page.screenshot({ path: screenshotPath(`${lang}-error-no-actual.png`), fullPage: true });
    });
  }

  it('an Excel without the required API sets (ExcelApi 1.7): the pane names what is missing and does not call Excel', async () => {
    const s = strings('zh');
    const { page, errors } = await open(sampleWorkbook({ supportedSets: { ExcelApi: '1.7' } }));
    await eventually(async () => {
      const text = await messageBarText(page);
      assert.ok(text.includes(s.apiMissingTitle), text);
      assert.ok(text.includes(s.apiMissingBody('ExcelApi 1.8')), text);
    });
    const state = await fake(page).state();
    assert.equal(state.syncs.length, 0, 'no request sent to an Excel that cannot answer it');
    assert.deepEqual(errors, []);
    await page.screenshot({ path: screenshotPath('zh-error-api-missing.png'), fullPage: true });
  });

  it('an error thrown by Excel while reading: the MessageBar says what to do next', async () => {
    const s = strings('zh');
    const { page } = await open(sampleWorkbook());
    await waitInteractive(page, s);
    await fake(page).failNext('GeneralException');
    await button(page, s.evaluate).click();
    await eventually(async () => {
      const text = await messageBarText(page);
      assert.ok(text.includes(s.errorTitle), text);
      assert.ok(text.includes(hostErrorMessage('unknown', 'zh')), text);
    });
    await page.screenshot({ path: screenshotPath('zh-error-excel.png'), fullPage: true });
    // Dismissed, then the same action works.
    await page.getByRole('button', { name: s.dismiss }).click();
    await button(page, s.evaluate).click();
    await eventually(async () => assert.ok((await page.locator('[data-testid="project"]').count()) > 0));
  });

  it('a protected sheet refusing the summary write: the protection message, events back on', async () => {
    const s = strings('en');
    const { page } = await open(sampleWorkbook({ displayLanguage: 'en-US', supportedSets: { ExcelApi: '1.8' } }));
    await waitInteractive(page, s);
    await fake(page).failNext('AccessDenied', { onlyIfWrites: true });
    await button(page, s.writeSummary).click();
    await eventually(async () => assert.ok((await messageBarText(page)).includes(hostErrorMessage('sheet_protected', 'en'))));
    await eventually(async () => assert.equal((await fake(page).state()).eventsEnabled, true, 'runtime.enableEvents switched back on'));
  });

  it('a sheet removed under the pane: the not-found message, not the generic one', async () => {
    const s = strings('en');
    const { page } = await open(sampleWorkbook({ displayLanguage: 'en-US' }));
    await waitInteractive(page, s);
    await fake(page).failNext('ItemNotFound');
    await button(page, s.evaluate).click();
    await eventually(async () => {
      const text = await messageBarText(page);
      assert.ok(text.includes(s.errorTitle), text);
      assert.ok(text.includes(hostErrorMessage('not_found', 'en')), `expected the not-found explanation, got "${text}"`);
    });
  });

  it('settings that cannot be saved (a read-only file): the settings message', async () => {
    const s = strings('zh');
    const { page } = await open(sampleWorkbook());
    await waitInteractive(page, s);
    await fake(page).failSettingsSave(5);
    await button(page, s.writeSummary).click();
    await eventually(async () => assert.ok((await messageBarText(page)).includes(hostErrorMessage('settings_failed', 'zh')), await messageBarText(page)), 10000);
  });

  it('opened in a plain browser where office.js finds no Office: the outside-Excel message', async () => {
    const s = strings('zh');
    const { page, errors } = await open({ mode: 'outside', sheets: [] }, { locale: 'zh-CN' });
    await eventually(async () => assert.ok((await messageBarText(page)).includes(s.outsideExcelTitle)), 8000);
    assert.ok((await messageBarText(page)).includes(s.outsideExcelBody));
    assert.equal(await button(page, s.evaluate).count(), 0, 'no actions outside Excel');
    assert.deepEqual(errors, []);
    await page.screenshot({ path: screenshotPath('zh-outside-excel.png'), fullPage: true });
  });

  it('opened where office.js cannot even be fetched: the outside-Excel message (English browser)', async () => {
    const s = strings('en');
    const { page } = await open(null, { office: 'blocked', locale: 'en-US' });
    await eventually(async () => assert.ok((await messageBarText(page)).includes(s.outsideExcelTitle)), 8000);
  });
});
