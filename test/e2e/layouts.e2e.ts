// The layouts real tables come in (merged two-row header, an Excel table at B2, names that look like
// formulas) and an older Excel without event trigger sources: detection, evaluation and the summary.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { paneSession } from './support/browser';
import { screenshotPath } from './support/env';
import { eventually, fake } from './support/fake';
import { button, dropdown, messageBarText, projectItems, strings, waitInteractive } from './support/pane';
import {
  FORMULA_LIKE_NAMES,
  SAMPLE_FIRST_PROJECT_ROW,
  SAMPLE_SHEET,
  SEED_PROJECTS,
  formulaNamesWorkbook,
  mergedHeaderWorkbook,
  sampleWorkbook,
  tableAtB2Workbook,
} from './support/workbooks';
import { roleLabel } from '../../src/engine/messages';
import { DEFAULT_SUMMARY_SHEET } from '../../src/engine/workflow';
import type { CellSnapshot, FakeSeed } from './fakeHost/seedTypes';

function rowWithText(cells: CellSnapshot[][], text: string): CellSnapshot[] | undefined {
  return cells.find((row) => row.some((c) => c.v === text && c.f === null));
}

function hasNumber(row: CellSnapshot[], n: number): boolean {
  return row.some((c) => typeof c.v === 'number' && Math.abs(c.v - n) < 1e-9);
}

/** The add-in goes quiet after its work: no refresh loop fed by its own writes. */
async function settles(page: Page, quietMs = 1500, withinMs = 8000): Promise<void> {
  const count = async (): Promise<number> => (await fake(page).state()).syncs.length;
  const deadline = Date.now() + withinMs;
  let last = await count();
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const now = await count();
    if (now === last) return;
    assert.ok(Date.now() < deadline, `the add-in kept sending requests for ${withinMs} ms (${now} syncs): a refresh loop`);
    last = now;
  }
}

describe('layouts', () => {
  const session = paneSession();
  const open = async (seed: FakeSeed, locale: string): Promise<Page> => (await session.open(seed, { locale })).page;

  it('merged two-row header: full-year budget (not start-of-year), 合计 not a project, rates in the summary', async () => {
    const s = strings('zh');
    const page = await open(mergedHeaderWorkbook(), 'zh-CN');
    await waitInteractive(page, s);
    assert.match(await dropdown(page, roleLabel('budget', 'zh')).innerText(), /^D: .*全年预算数/);
    assert.match(await dropdown(page, roleLabel('actual', 'zh')).innerText(), /^E: .*全年执行数/);
    await button(page, s.writeSummary).click();
    await eventually(async () => assert.ok((await messageBarText(page)).includes(s.summaryWritten(DEFAULT_SUMMARY_SHEET.zh))), 10000);
    const items = await projectItems(page);
    assert.deepEqual(items.map((i) => i.name).sort(), ['人员培训', '信息系统运维', '办公设备购置'].sort());
    const cells = await fake(page).cells(DEFAULT_SUMMARY_SHEET.zh);
    for (const [name, rate] of [['办公设备购置', 118.8 / 120], ['信息系统运维', 40 / 80], ['人员培训', 26 / 25]] as const) {
      const row = rowWithText(cells, name);
      assert.ok(row && hasNumber(row, rate), `${name}: rate ${rate}`);
    }
    await page.screenshot({ path: screenshotPath('zh-layout-merged-header.png'), fullPage: true });
  });

  it('an Excel table at B2 with the selection in it: columns from B, highlights on the data rows', async () => {
    const s = strings('en');
    const page = await open(tableAtB2Workbook(), 'en-US');
    await waitInteractive(page, s);
    assert.match(await dropdown(page, roleLabel('project', 'en')).innerText(), /^B: Project/);
    assert.match(await dropdown(page, roleLabel('actual', 'en')).innerText(), /^D: Actual/);
    await button(page, s.evaluate).click();
    await eventually(async () => assert.equal((await projectItems(page)).length, 3), 10000);
    const items = await projectItems(page);
    assert.ok(items.find((i) => i.name === 'Library books')?.flags.includes('under_execution'));
    assert.ok(items.find((i) => i.name === 'School meals')?.flags.includes('over_budget'));
    const rules = await eventually(async () => {
      const list = await fake(page).rules('Projects');
      assert.ok(list.length > 0);
      return list;
    });
    for (const rule of rules) assert.match(rule.address, /^[A-Z]+3:[A-Z]+5$/, `rule over the data rows 3–5, got ${rule.address}`);
    for (const rule of rules) assert.match(rule.formula ?? '', /\$D3\b.*\$C3\b|\$C3\b.*\$D3\b/, `relative to the first data row: ${rule.formula}`);
  });

  it('Excel 2019 (ExcelApi 1.8, no Range.getTables): the table the selection is in is still the source', async () => {
    const s = strings('en');
    const page = await open({ ...tableAtB2Workbook(), supportedSets: { ExcelApi: '1.8' } }, 'en-US');
    await waitInteractive(page, s);
    assert.match(await dropdown(page, roleLabel('project', 'en')).innerText(), /^B: Project/);
    assert.match(await dropdown(page, roleLabel('actual', 'en')).innerText(), /^D: Actual/);
    await button(page, s.evaluate).click();
    await eventually(async () => assert.equal((await projectItems(page)).length, 3), 10000);
    const rules = await eventually(async () => {
      const list = await fake(page).rules('Projects');
      assert.ok(list.length > 0);
      return list;
    });
    for (const rule of rules) assert.match(rule.address, /^[A-Z]+3:[A-Z]+5$/, `rule over the data rows 3–5, got ${rule.address}`);
    assert.deepEqual((await fake(page).state()).unimplemented, []);
  });

  it('names beginning with =, +, - or @ stay text in the summary', async () => {
    const s = strings('zh');
    const page = await open(formulaNamesWorkbook(), 'zh-CN');
    await waitInteractive(page, s);
    await button(page, s.writeSummary).click();
    await eventually(async () => assert.ok((await messageBarText(page)).includes(s.summaryWritten(DEFAULT_SUMMARY_SHEET.zh))), 10000);
    const names = (await projectItems(page)).map((i) => i.name).sort();
    assert.deepEqual(names, [...FORMULA_LIKE_NAMES].sort());
    const cells = await fake(page).cells(DEFAULT_SUMMARY_SHEET.zh);
    const formulas = cells.flat().filter((c) => c.f !== null);
    assert.deepEqual(formulas, [], 'no cell of the summary became a formula');
    for (const name of FORMULA_LIKE_NAMES) assert.ok(rowWithText(cells, name), `${name} written as text`);
  });

  it('Excel 2019 (ExcelApi 1.8: no triggerSource, no worksheets.onChanged): auto-refresh works, own writes do not loop, events end on', async () => {
    const s = strings('zh');
    const page = await open(sampleWorkbook({ supportedSets: { ExcelApi: '1.8' } }), 'zh-CN');
    await waitInteractive(page, s);
    await button(page, s.writeSummary).click();
    await eventually(async () => assert.ok((await messageBarText(page)).includes(s.summaryWritten(DEFAULT_SUMMARY_SHEET.zh))), 10000);
    await settles(page);
    const p = SEED_PROJECTS[1];
    await fake(page).edit(SAMPLE_SHEET, `D${SAMPLE_FIRST_PROJECT_ROW + 1}`, '13.075');
    await eventually(async () => {
      const row = rowWithText(await fake(page).cells(DEFAULT_SUMMARY_SHEET.zh), p.name);
      assert.ok(row && hasNumber(row, 13.075 / p.budget), 'summary follows the edit');
    }, 10000);
    await settles(page);
    const state = await fake(page).state();
    assert.equal(state.eventsEnabled, true);
    assert.deepEqual(state.unimplemented, []);
  });

  it('an edit outside the mapped table refreshes nothing', async () => {
    const s = strings('zh');
    const page = await open(sampleWorkbook(), 'zh-CN');
    await waitInteractive(page, s);
    await button(page, s.writeSummary).click();
    await eventually(async () => assert.ok((await messageBarText(page)).includes(s.summaryWritten(DEFAULT_SUMMARY_SHEET.zh))), 10000);
    await settles(page);
    const before = (await fake(page).state()).syncs.length;
    await fake(page).edit('说明', 'A5', '备注');
    await fake(page).edit(SAMPLE_SHEET, 'M20', '草稿');
    await new Promise((r) => setTimeout(r, 2500));
    const writes = (await fake(page).state()).syncs.slice(before).filter((x) => x.requestBytes > 200);
    assert.deepEqual(writes, [], 'no summary rewrite for edits outside the source');
  });

  it('a burst of edits is one refresh; an edit during a refresh wins over the stale run', async () => {
    const s = strings('zh');
    const page = await open(sampleWorkbook({ latencyMs: 40 }), 'zh-CN');
    await waitInteractive(page, s);
    await button(page, s.writeSummary).click();
    await eventually(async () => assert.ok((await messageBarText(page)).includes(s.summaryWritten(DEFAULT_SUMMARY_SHEET.zh))), 10000);
    await settles(page);
    const bigWrites = async (from: number): Promise<number> =>
      (await fake(page).state()).syncs.slice(from).filter((x) => x.requestBytes > 3000).length;
    const first = SEED_PROJECTS[0];
    let from = (await fake(page).state()).syncs.length;
    for (const v of ['200', '210', '220', '230', '240']) await fake(page).edit(SAMPLE_SHEET, `D${SAMPLE_FIRST_PROJECT_ROW}`, v);
    await eventually(async () => {
      const row = rowWithText(await fake(page).cells(DEFAULT_SUMMARY_SHEET.zh), first.name);
      assert.ok(row && hasNumber(row, 240 / first.budget));
    }, 10000, 20);
    await settles(page);
    assert.equal(await bigWrites(from), 1, 'five quick edits, one summary rewrite');
    // An edit that lands while the refresh it caused is still running.
    from = (await fake(page).state()).syncs.length;
    await fake(page).edit(SAMPLE_SHEET, `D${SAMPLE_FIRST_PROJECT_ROW}`, '100');
    await eventually(async () => assert.ok((await fake(page).state()).syncs.length > from, 'the refresh started'), 5000, 10);
    await fake(page).edit(SAMPLE_SHEET, `D${SAMPLE_FIRST_PROJECT_ROW}`, '150');
    await settles(page);
    const row = rowWithText(await fake(page).cells(DEFAULT_SUMMARY_SHEET.zh), first.name);
    assert.ok(row && hasNumber(row, 150 / first.budget), 'the summary ends on the last edit');
  });

  it("a user's sheet already named like the summary is left alone; the summary goes to a new name", async () => {
    const s = strings('zh');
    const seed = sampleWorkbook();
    seed.sheets.push({ name: DEFAULT_SUMMARY_SHEET.zh, rows: [['我自己的汇总', 123]] });
    const page = await open(seed, 'zh-CN');
    await waitInteractive(page, s);
    await button(page, s.writeSummary).click();
    await eventually(async () => assert.ok((await messageBarText(page)).length > 0, 'an outcome is shown'), 10000);
    const names = await fake(page).sheetNames();
    const created = names.filter((n) => n !== DEFAULT_SUMMARY_SHEET.zh && n.startsWith(DEFAULT_SUMMARY_SHEET.zh));
    assert.equal(created.length, 1, `a new summary sheet beside the user's: ${names.join(', ')}`);
    assert.ok((await messageBarText(page)).includes(s.summaryWritten(created[0])));
    assert.deepEqual(await fake(page).values(DEFAULT_SUMMARY_SHEET.zh), [['我自己的汇总', 123]], "the user's sheet is untouched");
  });
});
