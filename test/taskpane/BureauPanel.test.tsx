/** @jest-environment jsdom */
import '../support/jsdomSetup';
import { cleanup, configure, render, screen } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Settings } from '../../src/engine/workbookPort';
import { runEngineHere, type EngineRunner } from '../../src/engine/workflow';
import { BureauPanel } from '../../src/taskpane/components/BureauPanel';
import { STRINGS } from '../../src/taskpane/strings';
import { FakePort, seedGrid } from './fakePort';

jest.setTimeout(60_000);
configure({ defaultHidden: true });
afterEach(cleanup);

const settings: Settings = { version: 1, schemeId: 'wuhan2018', band: { low: 0.9, high: 1 } };
const october = () => new Date(2026, 9, 8);

function renderPanel(props: { port: FakePort | null; settings?: Settings; lang?: 'zh' | 'en'; onMonth?: (m: number | null) => void; engine?: EngineRunner }) {
  const lang = props.lang ?? 'zh';
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  render(
    <FluentProvider theme={webLightTheme}>
      <BureauPanel port={props.port} strings={STRINGS[lang]} lang={lang} settings={props.settings ?? settings} disabled={false} onMonth={props.onMonth ?? (() => undefined)} engine={props.engine} now={october} />
    </FluentProvider>,
  );
  return user;
}

it('turns monitoring on at the last complete month and picks another month', async () => {
  const onMonth = jest.fn();
  const user = renderPanel({ port: new FakePort(), onMonth });
  expect(screen.queryByLabelText('监控截至月份')).toBeNull();
  await user.click(screen.getByRole('switch', { name: '运行监控（双监控）' }));
  expect(onMonth).toHaveBeenLastCalledWith(9);
  cleanup();
  const user2 = renderPanel({ port: new FakePort(), settings: { ...settings, monitoringMonth: 9 }, onMonth });
  const month = screen.getByLabelText('监控截至月份') as HTMLSelectElement;
  expect(month.value).toBe('9');
  expect([...month.options].map((o) => o.text)).toContain('1–6月');
  await user2.selectOptions(month, '6');
  expect(onMonth).toHaveBeenLastCalledWith(6);
  await user2.click(screen.getByRole('switch', { name: '运行监控（双监控）' }));
  expect(onMonth).toHaveBeenLastCalledWith(null);
});

it('consolidates the sheets by department and writes the departments view', async () => {
  const port = new FakePort(seedGrid());
  port.otherSheets = { 教育: [['单位：某区教育局'], ['项目名称', '预算数', '执行数'], ['Books', 100, 95]], 说明: [['按部门分表']] };
  const user = renderPanel({ port });
  await user.click(screen.getByRole('button', { name: '汇总各部门' }));
  await screen.findByText('已写入“部门汇总”：2 个部门，1 个工作表无法评价');
  expect(port.summaries.map((s) => s.preferredName)).toEqual(['部门汇总']);
  expect(port.summaries[0].layout.chart.categories).toEqual(['某区教育局', '自评表']);
});

it("evaluates the departments' tables with the pane's engine runner (the worker for large sheets)", async () => {
  const port = new FakePort(seedGrid());
  port.otherSheets = { 教育: [['单位：某区教育局'], ['项目名称', '预算数', '执行数'], ['Books', 100, 95]] };
  const sheets: string[] = [];
  const engine: EngineRunner = async (request, signal) => {
    sheets.push(request.sheet.name);
    return runEngineHere(request, signal);
  };
  const user = renderPanel({ port, engine });
  await user.click(screen.getByRole('button', { name: '汇总各部门' }));
  await screen.findByText(/^已写入“部门汇总”：2 个部门/);
  expect(sheets.sort()).toEqual(['教育', '自评表']);
});

it('says why in English when no sheet holds a project table', async () => {
  const port = new FakePort([['notes only']]);
  const user = renderPanel({ port, lang: 'en' });
  await user.click(screen.getByRole('button', { name: 'Consolidate sheets' }));
  expect(await screen.findByText(/^No project-name column found/)).toBeTruthy();
  expect(port.summaries).toEqual([]);
});
