// Accessibility of the pane: axe-core finds no violations in the main states, every control is reached
// by Tab, Evaluate works from the keyboard, flags are announced with text.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { paneSession } from './support/browser';
import { recordFigure } from './support/env';
import { axeViolations, describeViolations } from './support/axe';
import { eventually, fake } from './support/fake';
import { button, messageBarText, strings, waitInteractive } from './support/pane';
import { noActualWorkbook, sampleWorkbook } from './support/workbooks';
import type { FakeSeed } from './fakeHost/seedTypes';

const CONTROLS = 'button, input, textarea, select, a[href], [role="combobox"], [role="switch"], [role="spinbutton"], [tabindex]:not([tabindex="-1"])';

/**
 * Tags every enabled, visible control that is meant to be a tab stop (tabindex -1 parts such as a
 * SpinButton's arrows are operated from their input with the arrow keys), then tabs through the page;
 * returns the controls never focused.
 */
async function unreachableByTab(page: Page): Promise<string[]> {
  const total = await page.evaluate((selector) => {
    const controls = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (el) =>
        !(el as HTMLButtonElement).disabled &&
        el.getAttribute('aria-disabled') !== 'true' &&
        el.getAttribute('tabindex') !== '-1' &&
        !el.hasAttribute('data-tabster-dummy') &&
        el.offsetParent !== null,
    );
    controls.forEach((el, i) => el.setAttribute('data-e2e-control', String(i)));
    return controls.length;
  }, CONTROLS);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const reached = new Set<string>();
  for (let i = 0; i < total * 3 + 10; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.closest('[data-e2e-control]')?.getAttribute('data-e2e-control') ?? null);
    if (id !== null) reached.add(id);
    if (reached.size === total) break;
  }
  return page.evaluate(
    (ids) =>
      [...document.querySelectorAll<HTMLElement>('[data-e2e-control]')]
        .filter((el) => !ids.includes(el.getAttribute('data-e2e-control') ?? ''))
        .map((el) => `${el.tagName.toLowerCase()}[${el.getAttribute('role') ?? ''}] "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`),
    [...reached],
  );
}

/** Tabs until the focused element is the button with this text; false when never reached. */
async function tabTo(page: Page, text: string): Promise<boolean> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (focused === text) return true;
  }
  return false;
}

/** The run started by the last key press is over: requests stopped and Evaluate is enabled again. */
async function settled(page: Page): Promise<void> {
  let last = -1;
  await eventually(async () => {
    const now = (await fake(page).state()).syncs.length;
    const same = now === last;
    last = now;
    assert.ok(same, 'still sending requests');
  }, 10000, 400);
  await waitInteractive(page, strings('zh'));
}

describe('accessibility', () => {
  const session = paneSession();
  const open = async (seed: FakeSeed | null, locale = 'zh-CN'): Promise<Page> => (await session.open(seed, { locale })).page;
  const axeResults: string[] = [];

  after(() => recordFigure(`axe-core: ${axeResults.join('; ')}`));

  const check = async (state: string, page: Page): Promise<void> => {
    const violations = await axeViolations(page);
    axeResults.push(`${state} ${violations.length} violation(s)${violations.length ? ` [${violations.map((v) => v.id).join(',')}]` : ''}`);
    assert.deepEqual(violations, [], `${state}:\n${describeViolations(violations)}`);
  };

  it('axe: initial mapping state (zh)', async () => {
    const page = await open(sampleWorkbook());
    await waitInteractive(page, strings('zh'));
    await check('mapping', page);
  });

  it('axe: results state (en)', async () => {
    const s = strings('en');
    const page = await open(sampleWorkbook({ displayLanguage: 'en-US' }), 'en-US');
    await waitInteractive(page, s);
    await button(page, s.evaluate).click();
    await eventually(async () => assert.ok((await page.locator('[data-testid="project"]').count()) > 0), 10000);
    await check('results', page);
  });

  it('axe: error state (missing column, zh) and outside Excel', async () => {
    const s = strings('zh');
    const page = await open(noActualWorkbook());
    await waitInteractive(page, s);
    await button(page, s.evaluate).click();
    await eventually(async () => assert.ok((await messageBarText(page)).includes(s.errorTitle)));
    await check('error', page);
    const outside = await open({ mode: 'outside', sheets: [] });
    await eventually(async () => assert.ok((await messageBarText(outside)).includes(s.outsideExcelTitle)), 8000);
    await check('outside-excel', outside);
  });

  it('every control is reached with Tab, in the mapping and in the results state', async () => {
    const s = strings('zh');
    const page = await open(sampleWorkbook());
    await waitInteractive(page, s);
    assert.deepEqual(await unreachableByTab(page), [], 'mapping state');
    await button(page, s.evaluate).click();
    await eventually(async () => assert.ok((await page.locator('[data-testid="project"]').count()) > 0), 10000);
    assert.deepEqual(await unreachableByTab(page), [], 'results state');
  });

  it('Evaluate works with Enter and with Space; a dropdown works with the keyboard', async () => {
    const s = strings('zh');
    const page = await open(sampleWorkbook());
    await waitInteractive(page, s);
    assert.ok(await tabTo(page, s.evaluate), 'Evaluate reached by Tab');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await page.locator('[data-testid="project"]').count(), 7), 10000);
    const before = (await fake(page).state()).syncs.length;
    assert.ok(await tabTo(page, s.evaluate));
    await page.keyboard.press('Space');
    await eventually(async () => assert.ok((await fake(page).state()).syncs.length > before, 'Space ran Evaluate again'), 10000);
    await settled(page);
    // The scheme dropdown: focus, open with Enter, move with the arrow, choose with Enter.
    const scheme = page.getByRole('combobox', { name: s.scheme });
    const initial = (await scheme.innerText()).trim();
    await scheme.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor();
    // The sample's headers state 产出指标(50分) / 效益指标(50分): it opens under the 2018 scheme, the last
    // built-in one (below it, the custom scheme's entry); the arrow moves up to the other.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.notEqual((await scheme.innerText()).trim(), initial, 'the scheme changed from the keyboard'));
  });

  it('flags are announced with text and the project buttons say which row they select', async () => {
    const s = strings('en');
    const page = await open(sampleWorkbook({ displayLanguage: 'en-US' }), 'en-US');
    await waitInteractive(page, s);
    await button(page, s.evaluate).click();
    await eventually(async () => assert.equal(await page.locator('[data-testid="project"]').count(), 7), 10000);
    const badges = await page.locator('[data-flag]').evaluateAll((els) =>
      els.map((e) => ({ text: (e as HTMLElement).innerText.trim(), hidden: e.getAttribute('aria-hidden') === 'true' })),
    );
    assert.ok(badges.length > 0);
    for (const b of badges) {
      assert.ok(b.text.length > 2, 'a flag has words');
      assert.equal(b.hidden, false, 'a flag is not hidden from screen readers');
    }
    const names = await page.locator('[data-testid="project"] button').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    assert.ok(names.every((n) => /row \d+/.test(n)), 'each project button names its sheet row');
  });
});
