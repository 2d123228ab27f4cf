// axe-core run inside the page. The built pages forbid inline scripts (CSP), so axe is evaluated through
// the DevTools protocol (page.evaluate is not subject to the page's CSP) rather than added as a <script>.
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './env';

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * Fluent v9's focus manager (tabster) adds aria-hidden focusable <i data-tabster-dummy> bumpers on
 * purpose; axe reports them as aria-hidden-focus. Fluent and Accessibility Insights list this as a
 * known false positive (microsoft/tabster#288), so those nodes, and only those, are dropped.
 */
export function withoutTabsterDummies(violations: AxeViolation[]): AxeViolation[] {
  return violations
    .map((v) => (v.id === 'aria-hidden-focus' ? { ...v, nodes: v.nodes.filter((n) => !n.html.includes('data-tabster-dummy')) } : v))
    .filter((v) => v.nodes.length > 0);
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  const raw = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 160) })) }));
  });
  return withoutTabsterDummies(raw);
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');
}
