/** @jest-environment jsdom */
import '../support/jsdomSetup';
import { renderHook, waitFor } from '@testing-library/react';
import { usePaneModel } from '../../src/taskpane/hooks/usePaneModel';
import { FakePort } from './fakePort';

// The hook only owns the store: one per workbook port, open while mounted.
describe('usePaneModel', () => {
  it('opens a store on the port, starts over on another port and stops following edits when unmounted', async () => {
    const first = new FakePort();
    const second = new FakePort();
    second.sheetName = '第二本';
    const { result, rerender, unmount } = renderHook(({ port }) => usePaneModel(port, { lang: 'zh', refreshDelayMs: 5 }), {
      initialProps: { port: first },
    });
    await waitFor(() => expect(result.current.source?.name).toBe('自评表'));
    expect(first.listeners).toHaveLength(1);
    const actions = result.current.actions;
    rerender({ port: second });
    await waitFor(() => expect(result.current.source?.name).toBe('第二本'));
    // Nothing of the first workbook's pane carries over, and its edits are no longer followed.
    expect(result.current.actions).not.toBe(actions);
    expect(first.listeners).toHaveLength(0);
    expect(second.listeners).toHaveLength(1);
    unmount();
    await waitFor(() => expect(second.listeners).toHaveLength(0));
  });
});
