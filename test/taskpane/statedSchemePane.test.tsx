/** @jest-environment jsdom */
import '../support/jsdomSetup';
import { cleanup, configure, render, screen, waitFor } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { App } from '../../src/taskpane/components/App';
import type { PaneHost } from '../../src/taskpane/hostInfo';
import { FakePort } from './fakePort';

jest.setTimeout(90_000);
configure({ defaultHidden: true });

const host: PaneHost = { inExcel: true, displayLanguage: 'zh-CN', dark: false, missingApiSets: [], canUseTriggerSource: true };

function evaluateButton(): HTMLElement {
  const found = screen.getByText('评估', { selector: 'button, button *' }).closest('button');
  if (!found) throw new Error('no Evaluate button');
  return found;
}

afterEach(cleanup);

// The seed sheet's headers say 产出指标(50分) / 效益指标(50分) (issue 8, rule 9).
describe('weights stated in the headers pick the scheme in the pane', () => {
  it('scores a workbook without saved settings with the stated weights, not mof2020', async () => {
    const port = new FakePort();
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    render(<App port={port} host={host} refreshDelayMs={20} />);
    await screen.findByText('D: 全年预算数', {}, { timeout: 10_000 });
    await user.click(evaluateButton());
    await screen.findByTestId('portfolio-rate');
    expect(port.settings?.schemeId).toBe('wuhan2018');
    // Under mof2020 every project would be flagged 得分超过权重 (benefit 50 > 30).
    expect(screen.queryAllByText('得分超过权重')).toHaveLength(0);
  });

  it('keeps the scheme the officer chose', async () => {
    const port = new FakePort();
    port.settings = { version: 1, schemeId: 'mof2020', schemeChosen: true, band: { low: 0.9, high: 1 } };
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    render(<App port={port} host={host} refreshDelayMs={20} />);
    await screen.findByText('D: 全年预算数', {}, { timeout: 10_000 });
    await user.click(evaluateButton());
    await screen.findByTestId('portfolio-rate');
    expect(port.settings?.schemeId).toBe('mof2020');
    await waitFor(() => expect(screen.queryAllByText('得分超过权重').length).toBeGreaterThan(0));
  });
});
