// Driving the task pane the way an officer does: by the visible names of its controls, taken from the
// pane's own string tables so the suite follows wording changes.
import type { Locator, Page } from 'playwright-core';
import { STRINGS, type Strings } from '../../../src/taskpane/strings';
import type { Lang } from '../../../src/engine/types';

export { STRINGS, type Strings };

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}

export function button(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true });
}

/** Waits until Evaluate is enabled; returns the page's own clock (ms since navigation start) at that moment. */
export async function waitInteractive(page: Page, s: Strings, timeoutMs = 15000): Promise<number> {
  const handle = await page.waitForFunction(
    (label) => {
      const buttons = [...document.querySelectorAll('button')];
      const evaluate = buttons.find((b) => b.textContent?.trim() === label);
      return evaluate && !evaluate.disabled && evaluate.getAttribute('aria-disabled') !== 'true' ? performance.now() : null;
    },
    s.evaluate,
    { timeout: timeoutMs, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

/** The Dropdown whose field label is `label`. */
export function dropdown(page: Page, label: string): Locator {
  return page.getByRole('combobox', { name: label, exact: false }).first();
}

export async function choose(page: Page, label: string, option: string): Promise<void> {
  await dropdown(page, label).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The text of the MessageBars on the page, joined. */
export async function messageBarText(page: Page): Promise<string> {
  const bars = page.locator('.fui-MessageBar');
  const count = await bars.count();
  const texts: string[] = [];
  for (let i = 0; i < count; i++) texts.push((await bars.nth(i).innerText()).replace(/\s+/g, ' '));
  return texts.join(' | ');
}

export async function projectItems(page: Page): Promise<{ name: string; text: string; flags: string[] }[]> {
  return page.locator('[data-testid="project"]').evaluateAll((items) =>
    items.map((li) => ({
      name: li.querySelector('button')?.textContent?.trim() ?? '',
      text: (li as HTMLElement).innerText.replace(/\s+/g, ' '),
      flags: [...li.querySelectorAll('[data-flag]')].map((b) => b.getAttribute('data-flag') ?? ''),
    })),
  );
}

/** Fails when something (an overlay, a stuck popup layer) lies on top of the control where a click lands. */
export async function assertClickable(page: Page, target: Locator, what: string): Promise<void> {
  const box = await target.boundingBox();
  if (!box) throw new Error(`${what} has no box`);
  const hit = await target.evaluate(
    (el, point) => {
      const top = document.elementFromPoint(point.x, point.y);
      return top && (el === top || el.contains(top)) ? null : `${top?.tagName.toLowerCase()}.${[...(top?.classList ?? [])].slice(0, 2).join('.')}${top?.hasAttribute('data-portal-node') ? ' [data-portal-node]' : ''}`;
    },
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
  if (hit) throw new Error(`${what} is covered by ${hit}: a click there does not reach it`);
}
