// The officer's walk through the pane on the seed workbook, in Chinese and in English: the pane opens and
// detects the mapping, one dropdown is changed, Evaluate shows the flagged projects, the summary is
// written, an edit in the source refreshes it, highlights are cleared. Screenshots of each state.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { paneSession, type OpenedPane } from './support/browser';
import { recordFigure, screenshotPath } from './support/env';
import { eventually, fake } from './support/fake';
import { assertClickable, button, choose, dropdown, messageBarText, projectItems, strings, waitInteractive } from './support/pane';
import { SAMPLE_FIRST_PROJECT_ROW, SAMPLE_SHEET, SEED_PROJECTS, sampleWorkbook } from './support/workbooks';
import type { Lang } from '../../src/engine/types';
import { roleLabel } from '../../src/engine/messages';
import { getScheme } from '../../src/engine/schemes';
import { DEFAULT_SUMMARY_SHEET } from '../../src/engine/workflow';
import type { CellSnapshot } from './fakeHost/seedTypes';

const LAST_PROJECT_ROW = SAMPLE_FIRST_PROJECT_ROW + SEED_PROJECTS.length - 1;
const rateOf = (budget: number, actual: number): number => actual / budget;

/** The row of the summary table that holds `name` as text, and the numbers of that row. */
function summaryRow(cells: CellSnapshot[][], name: string): CellSnapshot[] | undefined {
  return cells.find((row) => row.some((c) => c.v === name && c.f === null));
}

function hasRate(row: CellSnapshot[], rate: number): boolean {
  return row.some((c) => typeof c.v === 'number' && Math.abs(c.v - rate) < 1e-9 && c.nf.includes('%'));
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

for (const lang of ['zh', 'en'] as Lang[]) {
  describe(`the officer's walk (${lang})`, () => {
    const s = strings(lang);
    const displayLanguage = lang === 'zh' ? 'zh-CN' : 'en-US';
    const session = paneSession();
    let pane: OpenedPane;
    let page: Page;

    before(async () => {
      pane = await session.open(sampleWorkbook({ displayLanguage }), { locale: displayLanguage });
      page = pane.page;
    });

    it('opens, detects the mapping and writes nothing yet', async () => {
      const interactiveAt = await waitInteractive(page, s);
      if (lang === 'zh') recordFigure(`pane interactive (Evaluate enabled) ${Math.round(interactiveAt)} ms after navigation start`);
      const actual = await dropdown(page, roleLabel('actual', lang)).innerText();
      const budget = await dropdown(page, roleLabel('budget', lang)).innerText();
      const project = await dropdown(page, roleLabel('project', lang)).innerText();
      assert.match(actual, /^D: 全年执行数/);
      assert.match(budget, /^C: 全年预算数/);
      assert.match(project, /^B: 项目名称/);
      assert.deepEqual(await fake(page).sheetNames(), [SAMPLE_SHEET, '说明']);
      assert.equal((await fake(page).rules(SAMPLE_SHEET)).length, 1, 'only the user rule before Evaluate');
      await shot(page, `${lang}-1-mapping.png`);
    });

    it('changes the scheme dropdown and evaluates: flagged projects first, with text', async () => {
      const scheme = getScheme('wuhan2018');
      assert.ok(scheme);
      await choose(page, s.scheme, scheme.name[lang]);
      assert.equal((await dropdown(page, s.scheme).innerText()).trim(), scheme.name[lang]);
      await button(page, s.evaluate).scrollIntoViewIfNeeded();
      await assertClickable(page, button(page, s.evaluate), 'Evaluate, after the scheme dropdown was used,');
      await button(page, s.evaluate).click();
      const items = await eventually(async () => {
        const list = await projectItems(page);
        assert.equal(list.length, SEED_PROJECTS.length);
        return list;
      }, 10000);
      // Project 5 (98.5%) is the only one inside 90–100%: every other one is flagged, and listed first.
      assert.equal(items[items.length - 1].name, SEED_PROJECTS[4].name);
      assert.deepEqual(items[items.length - 1].flags, []);
      const byName = new Map(items.map((i) => [i.name, i]));
      assert.ok(byName.get(SEED_PROJECTS[5].name)?.flags.includes('under_execution'), 'project 6 spent 22.5%');
      assert.ok(byName.get(SEED_PROJECTS[6].name)?.flags.includes('over_budget'), 'project 7 spent 104%');
      assert.ok(byName.get(SEED_PROJECTS[1].name)?.flags.includes('over_budget'), 'project 2 spent 100.69%');
      assert.ok(byName.get(SEED_PROJECTS[2].name)?.flags.includes('rate_mismatch'), 'project 3 printed 88% for 88.75%');
      // Flags carry words, not colour alone.
      const badgeTexts = await page.locator('[data-testid="project"] [data-flag]').allInnerTexts();
      assert.ok(badgeTexts.length >= 6 && badgeTexts.every((t) => t.trim().length > 0));
      assert.ok((await page.locator('main').innerText()).includes(s.projectsCount(7, 6)));
      // Totals under the 2018 practice are output + benefit, as the report printed them.
      assert.ok(items.find((i) => i.name === SEED_PROJECTS[3].name)?.text.includes('85'));
      await shot(page, `${lang}-2-results.png`);
    });

    it('highlights the project rows with its own rules and keeps the user rule', async () => {
      const rules = await eventually(async () => {
        const list = await fake(page).rules(SAMPLE_SHEET);
        assert.ok(list.length > 1, 'add-in rules present');
        return list;
      });
      const user = rules.filter((r) => r.formula === '=$H4>=95');
      const own = rules.filter((r) => r.formula !== '=$H4>=95');
      assert.equal(user.length, 1);
      assert.ok(own.length >= 2, 'under and over rules at least');
      for (const rule of own) {
        assert.match(rule.address, new RegExp(`^[A-Z]+${SAMPLE_FIRST_PROJECT_ROW}:[A-Z]+${LAST_PROJECT_ROW}$`), 'project rows only, not header nor 合计');
        assert.match(rule.formula ?? '', /\$D\d+/, 'driven by the actual column');
        assert.match(rule.formula ?? '', /\$C\d+/, 'and by the budget column');
        assert.ok(rule.fill, 'has a fill');
      }
      const values = await fake(page).values(SAMPLE_SHEET);
      assert.equal(values[SAMPLE_FIRST_PROJECT_ROW - 1][3], SEED_PROJECTS[0].actual, 'source values untouched');
    });

    it('writes the summary: names as text, computed rates, a table', async () => {
      const syncsBefore = (await fake(page).state()).syncs.length;
      await button(page, s.writeSummary).click();
      const sheetName = DEFAULT_SUMMARY_SHEET[lang];
      await eventually(async () => assert.ok((await messageBarText(page)).includes(s.summaryWritten(sheetName))), 10000);
      if (lang === 'zh') {
        const syncs = (await fake(page).state()).syncs.slice(syncsBefore);
        const largest = Math.max(...syncs.map((x) => Math.max(x.requestBytes, x.responseBytes)));
        recordFigure(`Write summary on the 7-project sample (read + evaluate + write + highlights): ${syncs.length} requests, largest ${largest} bytes`);
      }
      assert.ok((await fake(page).sheetNames()).includes(sheetName));
      const cells = await fake(page).cells(sheetName);
      for (const p of SEED_PROJECTS) {
        const row = summaryRow(cells, p.name);
        assert.ok(row, `summary row for ${p.name}`);
        assert.ok(row.some((c) => c.v === p.name && c.nf === '@'), `${p.name} written as text`);
        assert.ok(hasRate(row, rateOf(p.budget, p.actual)), `${p.name}: rate actual/budget formatted as %`);
      }
      const tables = (await fake(page).tables()).filter((t) => t.sheet === sheetName);
      assert.equal(tables.length, 1, 'the project table is an Excel table');
      const state = await fake(page).state();
      assert.deepEqual(state.unimplemented, []);
      assert.deepEqual(state.problems, []);
      assert.equal(state.eventsEnabled, true, 'events are on after the write');
      await shot(page, `${lang}-3-summary-written.png`);
    });

    it('refreshes the summary by itself when a source cell is edited', async () => {
      const sheetName = DEFAULT_SUMMARY_SHEET[lang];
      const first = SEED_PROJECTS[0];
      const newActual = 300;
      const editedAt = Date.now();
      await fake(page).edit(SAMPLE_SHEET, `D${SAMPLE_FIRST_PROJECT_ROW}`, String(newActual));
      await eventually(async () => {
        const row = summaryRow(await fake(page).cells(sheetName), first.name);
        assert.ok(row && hasRate(row, rateOf(first.budget, newActual)), 'summary shows the new rate');
      }, 10000, 20);
      if (lang === 'zh') recordFigure(`source edit → summary rewritten (auto-refresh, debounce included): ${Date.now() - editedAt} ms`);
      await eventually(async () => {
        const item = (await projectItems(page)).find((i) => i.name === first.name);
        assert.ok(item?.text.includes('98.20%'), `the pane shows the new rate 98.20%: "${item?.text}"`);
      }, 5000);
      // The add-in's own writes raised no second refresh: the summary sheet still exists once.
      assert.equal((await fake(page).sheetNames()).filter((n) => n.startsWith(sheetName)).length, 1);
    });

    it('selects a project row in the sheet when its name is clicked', async () => {
      const target = SEED_PROJECTS[5];
      await page.getByRole('button', { name: s.selectRow(target.name, SAMPLE_FIRST_PROJECT_ROW + 5) }).click();
      await eventually(async () => {
        const sel = await fake(page).selection();
        assert.equal(sel.sheet, SAMPLE_SHEET);
        const rows = (sel.address.match(/\d+/g) ?? []).map(Number);
        assert.ok(rows.length > 0 && rows.every((r) => r === SAMPLE_FIRST_PROJECT_ROW + 5), `row ${SAMPLE_FIRST_PROJECT_ROW + 5} selected, got ${sel.address}`);
      });
    });

    it("clears its highlights and leaves the user's rule", async () => {
      await button(page, s.clearHighlights).click();
      await eventually(async () => assert.ok((await messageBarText(page)).includes(s.highlightsCleared)));
      const rules = await fake(page).rules(SAMPLE_SHEET);
      assert.deepEqual(rules.map((r) => r.formula), ['=$H4>=95']);
      assert.deepEqual(pane.errors, [], 'no console errors');
    });

    it('saves mapping, scheme and band in the workbook: reopening restores them', async () => {
      const saved = await fake(page).savedSettings();
      assert.ok(Object.keys(saved).length > 0, 'settings saved with saveAsync');
      const reopened = await session.open(sampleWorkbook({ displayLanguage, settings: saved }), { locale: displayLanguage });
      try {
        await waitInteractive(reopened.page, s);
        const scheme = getScheme('wuhan2018');
        assert.ok(scheme);
        await eventually(async () => assert.equal((await dropdown(reopened.page, s.scheme).innerText()).trim(), scheme.name[lang]));
        assert.equal(await reopened.page.getByRole('switch', { name: s.autoRefresh }).isChecked(), true, 'auto-refresh stays on once a summary exists');
      } finally {
        await reopened.close();
      }
    });

    it('changing a mapping dropdown changes the result shown, marked as not yet applied', async () => {
      const third = SEED_PROJECTS[2];
      const flagsOf = async (): Promise<string[]> => (await projectItems(page)).find((i) => i.name === third.name)?.flags ?? [];
      assert.ok((await flagsOf()).includes('rate_mismatch'));
      await choose(page, roleLabel('statedRate', lang), s.noColumn);
      await eventually(async () => assert.ok(!(await flagsOf()).includes('rate_mismatch'), 'no stated rate column, no mismatch'));
      assert.ok((await page.locator('main').innerText()).includes(s.notApplied));
    });
  });
}
