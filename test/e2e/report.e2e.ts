// The self-evaluation report in the pane, in Chinese and in English, on the seed workbook in the fake host:
// "Draft report" writes the draft to its own sheet (one paragraph a row, text format, headings bold,
// A4 portrait print setup, the add-in's hidden marker) and, Excel on the web allowing downloads, saves the
// same .docx; "Check report" reads the seed report as its officer wrote it and lists its mistakes, each
// with a jump to its project. Screenshots of both states.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { paneSession } from './support/browser';
import { screenshotPath } from './support/env';
import { eventually, fake } from './support/fake';
import { button, choose, strings, waitInteractive } from './support/pane';
import { getScheme } from '../../src/engine/schemes';
import { SAMPLE_FIRST_PROJECT_ROW, SAMPLE_SHEET, sampleWorkbook } from './support/workbooks';
import { readDocxLines } from '../../src/docx/readDocx';
import { REPORT_SHEET_NAME } from '../../src/engine/report/sheetLayout';
import { REPORT_STRINGS } from '../../src/taskpane/strings/report';
import type { Lang } from '../../src/engine/types';
import { SEED_REPORT_LINES } from '../support/seedReport';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

const RATE_LINE: Record<Lang, string> = {
  zh: '经费使用率为88.75%，低于合理区间下限90.00%，须说明原因。',
  en: "The usage rate is 88.75%, below the band's lower edge 90.00%; the reason must be explained.",
};
const PROJECT_3_HEADING: Record<Lang, string> = { zh: '三、保障安全生产专项经费', en: '3. 保障安全生产专项经费' };

describe('the self-evaluation report in the pane', () => {
  const session = paneSession();

  /** The pane on the sample workbook in the officer's language, ready for input. */
  async function openPane(lang: Lang) {
    const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
    const pane = await session.open(sampleWorkbook({ displayLanguage: locale }), { locale });
    const s = strings(lang);
    await waitInteractive(pane.page, s);
    return { s, rs: REPORT_STRINGS[lang], pane, page: pane.page };
  }

  for (const lang of ['zh', 'en'] as Lang[]) {
    it(`drafts the report onto its own sheet and saves the .docx (${lang})`, async () => {
      const { rs, pane, page } = await openPane(lang);
      await button(page, rs.draft).click();
      const sheet = REPORT_SHEET_NAME[lang];
      await page.getByText(rs.drafted(sheet)).waitFor();
      const host = fake(page);
      assert.deepEqual(await host.sheetNames(), [SAMPLE_SHEET, '说明', sheet]);
      assert.equal(await host.activeSheet(), sheet);
      const cells = (await host.cells(sheet)).map((row) => row[0]);
      const texts = cells.map((c) => c.v);
      assert.ok(texts.includes(RATE_LINE[lang]), `the sheet holds "${RATE_LINE[lang]}"`);
      const heading = texts.indexOf(PROJECT_3_HEADING[lang]);
      assert.ok(heading > 0, `the sheet holds the heading "${PROJECT_3_HEADING[lang]}"`);
      // Every paragraph is text, none taken for a formula.
      assert.ok(cells.every((c) => c.nf === '@' && c.f === null));
      const log = await host.formatLog(sheet);
      const set = (path: string) => log.filter((e) => e.path === path);
      assert.ok(set('format.font.bold').some((e) => e.value === true && e.address.split(':')[0] === `A${heading + 1}`), 'the heading row is bold');
      assert.ok(set('format.wrapText').some((e) => e.value === true));
      // The zoom goes last: a host that refuses its verticalFitToPages 0 keeps everything set before it (src/excel/pageLayout.ts).
      assert.deepEqual(
        log.filter((e) => e.address === 'pageLayout').map((e) => [e.path, e.value]),
        [['pageLayout.orientation', 'Portrait'], ['pageLayout.paperSize', 'A4'], ['pageLayout.headersFooters.defaultForAllPages.centerFooter', '&P / &N'], ['pageLayout.zoom', { horizontalFitToPages: 1, verticalFitToPages: 0 }]],
      );
      assert.deepEqual(Object.values(await host.names(sheet)).map((n) => n.visible), [false]);
      // The source is untouched.
      assert.equal((await host.values(SAMPLE_SHEET, 'B4'))[0][0], '安全生产责任经费');
      await shot(page, `${lang}-report-drafted.png`);

      const [download] = await Promise.all([page.waitForEvent('download'), button(page, rs.download).click()]);
      assert.match(download.suggestedFilename(), /\.docx$/);
      const lines = readDocxLines(new Uint8Array(readFileSync(await download.path())));
      assert.ok(lines.includes(RATE_LINE[lang]));
      const { unimplemented, problems } = await host.state();
      assert.deepEqual(unimplemented, []);
      assert.deepEqual(problems, []);
      assert.deepEqual(pane.errors, []);
    });

    it(`checks the officer's own report and jumps to a finding's project (${lang})`, async () => {
      const { s, rs, pane, page } = await openPane(lang);
      // The seed was scored the 2018 way (output 50 + benefit 50): its scores check against that scheme.
      await choose(page, s.scheme, getScheme('wuhan2018')!.name[lang]);
      await page.getByTestId('report-file').setInputFiles({ name: 'their-report.txt', mimeType: 'text/plain', buffer: Buffer.from(SEED_REPORT_LINES.join('\n'), 'utf8') });
      const findings = page.getByTestId('report-finding');
      await eventually(async () => assert.equal(await findings.count(), 5), 10000);
      const text = (await findings.allInnerTexts()).join('\n');
      assert.match(text, lang === 'zh' ? /报告写经费使用率为88%，工作表为88.75%/ : /usage rate of 88%, the workbook 88.75%/);
      await shot(page, `${lang}-report-checked.png`);
      await page.getByRole('button', { name: rs.goTo('保障安全生产专项经费', SAMPLE_FIRST_PROJECT_ROW + 2) }).click();
      await eventually(async () => {
        const sel = await fake(page).selection();
        assert.equal(sel.sheet, SAMPLE_SHEET);
        const rows = (sel.address.match(/\d+/g) ?? []).map(Number);
        assert.ok(rows.length > 0 && rows.every((r) => r === SAMPLE_FIRST_PROJECT_ROW + 2), `row ${SAMPLE_FIRST_PROJECT_ROW + 2} selected, got ${sel.address}`);
      });
      // Checking writes nothing.
      assert.deepEqual(await fake(page).sheetNames(), [SAMPLE_SHEET, '说明']);
      assert.deepEqual(pane.errors, []);
    });
  }
});
