/** @jest-environment jsdom */
import '../support/jsdomSetup';
import { act, cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { App } from '../../src/taskpane/components/App';
import type { PaneHost } from '../../src/taskpane/hostInfo';
import { nationalForm, stackForms } from '../support/forms';
import { FakeFormsPort, FLAGGED, flaggedFormsBook, type FakeSheet } from './fakeFormsPort';
import { seedGrid } from './fakePort';

jest.setTimeout(90_000);
configure({ defaultHidden: true });

const host = (displayLanguage = 'zh-CN'): PaneHost => ({ inExcel: true, displayLanguage, dark: false, missingApiSets: [], canUseTriggerSource: true });


async function renderForms(port: FakeFormsPort, displayLanguage = 'zh-CN') {
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  render(<App port={port} host={host(displayLanguage)} refreshDelayMs={20} />);
  await screen.findByTestId('forms-count', {}, { timeout: 10_000 });
  return user;
}

function button(text: string): HTMLElement {
  const found = screen.getByText(text, { selector: 'button, button *' }).closest('button');
  if (!found) throw new Error(`no button ${text}`);
  return found;
}

const forms = () => screen.queryAllByTestId('form');

afterEach(cleanup);

describe('forms in the pane (zh)', () => {
  it('opens on a cover sheet, finds the three forms on two sheets and writes nothing', async () => {
    const port = new FakeFormsPort(flaggedFormsBook(), '封面');
    await renderForms(port);
    expect(screen.getByTestId('forms-count')).toHaveTextContent('3 张自评表');
    expect(screen.getByText('位于工作表：表1、表2')).toBeInTheDocument();
    expect(screen.getByText('2 张需核实')).toBeInTheDocument();
    const items = forms();
    expect(items.map((el) => within(el).getAllByRole('button')[0].textContent)).toEqual([
      '安全生产监察协管员劳务费',
      '项目乙',
      '51092324T000010263357-2023年安全生产宣传培训项目',
    ]);
    expect(items[0]).toHaveTextContent('“表1”第 3 行');
    expect(items[0]).toHaveTextContent('主管部门：某区应急管理局');
    // 9.85 + 15.73 + 15 + 15 + 15 + 14 + 10 = 94.58
    expect(within(items[0]).getByTestId('form-total')).toHaveTextContent('总分：94.6');
    expect(within(items[0]).getByText('得分与计算不符')).toBeInTheDocument();
    expect(items[2]).toHaveTextContent('“表2”第 23 行');
    expect(within(items[1]).getByText('无问题')).toBeInTheDocument();
    // The table pane's column mapping is not shown for forms.
    expect(screen.queryByText('列映射')).not.toBeInTheDocument();
    expect(port.sheetReads).toHaveLength(1);
    expect(port.calls.filter((c) => ['applyCellMarks', 'writeSummary', 'saveSettings', 'clearCellMarks'].includes(c))).toEqual([]);
  });

  it('lists each form’s indicators to check with target, actual, weight, stated and computed score', async () => {
    const port = new FakeFormsPort(flaggedFormsBook(), '表1');
    await renderForms(port);
    const [first, , sichuan] = forms();
    const indicators = within(first).getAllByTestId('indicator');
    expect(indicators).toHaveLength(1);
    expect(indicators[0]).toHaveTextContent('巡查企业数');
    expect(indicators[0]).toHaveTextContent('指标值 ≥300家次 → 完成值 236家次');
    expect(indicators[0]).toHaveTextContent('分值：20');
    expect(indicators[0]).toHaveTextContent('填报：20');
    expect(indicators[0]).toHaveTextContent('计算：15.7');
    expect(within(indicators[0]).getByText('未满分且缺少偏差原因')).toBeInTheDocument();
    expect(within(sichuan).getAllByTestId('indicator').map((el) => within(el).getAllByRole('button')[0].textContent)).toEqual(['人均培训成本']);
  });

  it('Evaluate marks the cells to fix on the form sheets and saves; Clear highlights removes the marks', async () => {
    const port = new FakeFormsPort(flaggedFormsBook(), '表1');
    const user = await renderForms(port);
    await user.click(button('评估'));
    expect(await screen.findByTestId('forms-marked')).toHaveTextContent('已在表上标出 3 个需处理的单元格。');
    expect(port.marks).toHaveLength(1);
    expect(port.marks[0].sheets).toEqual(['表1', '表2']);
    expect(port.marks[0].marks.map((m) => [m.sheet, m.row, m.col])).toEqual([
      ['表1', 13, 8],
      ['表1', 13, 9],
      ['表2', 36, 11],
    ]);
    expect(port.summaries).toHaveLength(0);
    expect(port.settings?.lastRefreshed).toBeDefined();
    await user.click(button('清除高亮'));
    expect(await screen.findByText(/已清除本加载项在自评表上的标记/)).toBeInTheDocument();
    expect(port.clearedMarks).toEqual([['表1', '表2']]);
    expect(port.settings?.highlights).toBe(false);
    // A refresh leaves them off; Evaluate brings them back.
    await user.click(button('刷新'));
    await waitFor(() => expect(port.sheetReads).toHaveLength(3));
    expect(port.marks).toHaveLength(1);
    await user.click(button('评估'));
    await waitFor(() => expect(port.marks).toHaveLength(2));
  });

  it('Write summary writes the forms summary with the indicator to-do block, then refreshes on edits of a form sheet', async () => {
    const port = new FakeFormsPort(flaggedFormsBook(), '封面');
    const user = await renderForms(port);
    await user.click(button('写入汇总表'));
    expect(await screen.findByText('汇总已写入工作表“绩效自评汇总”。')).toBeInTheDocument();
    expect(port.summaries).toHaveLength(1);
    const layout = port.summaries[0].layout;
    const written = JSON.stringify(layout.blocks);
    for (const text of ['需核实的指标', '巡查企业数', '人均培训成本', '项目乙', '某区应急管理局']) expect(written).toContain(text);
    expect(port.settings?.summarySheet).toBe('绩效自评汇总');
    await waitFor(() => expect(screen.getByRole('switch', { name: '自动刷新' })).toBeChecked());
    // The officer types the computed score into 表1!H13: the next refresh sees it and the indicator is no longer to check.
    act(() => port.editCell('表1', 13, 8, 15.73));
    await waitFor(() => expect(port.sheetReads.length).toBeGreaterThanOrEqual(3), { timeout: 5000 });
    await waitFor(() => expect(within(forms()[0]).getAllByTestId('indicator')[0]).not.toHaveTextContent('得分与计算不符'));
    expect(port.summaries.length).toBeGreaterThanOrEqual(2);
  });

  it('ignores edits outside the form sheets (the cover sheet)', async () => {
    const port = new FakeFormsPort(flaggedFormsBook(), '封面');
    const user = await renderForms(port);
    await user.click(button('写入汇总表'));
    await screen.findByText('汇总已写入工作表“绩效自评汇总”。');
    await waitFor(() => expect(screen.getByRole('switch', { name: '自动刷新' })).toBeChecked());
    const reads = port.sheetReads.length;
    act(() => port.editCell('封面', 1, 1, '2021年度项目支出绩效自评'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(port.sheetReads).toHaveLength(reads);
  });

  it('selecting a form selects its rows; selecting an indicator selects the cell to fix', async () => {
    const port = new FakeFormsPort(flaggedFormsBook(), '表1');
    const user = await renderForms(port);
    await user.click(screen.getByRole('button', { name: /^项目乙（选中“表2”第 3 行起的自评表）/ }));
    // 项目乙 runs from row 3 to the row before the Sichuan form's 项目名称 (row 23), across A..K.
    expect(port.ranges.at(-1)).toEqual({ sheet: '表2', area: { rowStart: 3, rowEnd: 22, colStart: 1, colEnd: 11 } });
    await user.click(screen.getByRole('button', { name: /^巡查企业数（选中“表1”第 13 行）/ }));
    expect(port.ranges.at(-1)).toEqual({ sheet: '表1', area: { rowStart: 13, rowEnd: 13, colStart: 8, colEnd: 8 } });
    await user.click(screen.getByRole('button', { name: /^人均培训成本/ }));
    expect(port.ranges.at(-1)).toEqual({ sheet: '表2', area: { rowStart: 36, rowEnd: 36, colStart: 11, colEnd: 11 } });
  });

  it('reports a form without an indicator block as a check naming its sheet and row', async () => {
    const book = flaggedFormsBook();
    book[1] = stackForms('表1', [nationalForm({ ...FLAGGED, withoutIndicators: true })]);
    await renderForms(new FakeFormsPort(book, '表1'));
    expect(screen.getByTestId('forms-check')).toHaveTextContent('“表1”第3行的自评表“安全生产监察协管员劳务费”未找到绩效指标部分');
  });

  it('matches a portfolio table beside the forms and shows where they disagree', async () => {
    const table = [
      ['项目名称', '全年预算数', '全年执行数', '总分'],
      ['安全生产监察协管员劳务费', 160, 147.75, 94.58],
    ];
    const book = [...flaggedFormsBook(), { name: '汇总', cells: table }];
    await renderForms(new FakeFormsPort(book, '表1'));
    const checks = screen.getAllByTestId('forms-check').map((el) => el.textContent);
    expect(checks).toContain('“安全生产监察协管员劳务费”的预算数：自评表（“表1”第3行）为150，汇总表（“汇总”第2行）为160');
    // The total as the form states it (98.85) against the table's; the actual agrees and is not reported.
    expect(checks).toContain('“安全生产监察协管员劳务费”的总分：自评表（“表1”第3行）为98.85，汇总表（“汇总”第2行）为94.58');
    expect(checks.filter((c) => c?.includes('执行数'))).toEqual([]);
  });

  it('keeps a table workbook in the table layout without reading the other sheets', async () => {
    const port = new FakeFormsPort([{ name: '自评表', cells: seedGrid() as FakeSheet['cells'] }, ...flaggedFormsBook().slice(1)], '自评表');
    render(<App port={port} host={host()} refreshDelayMs={20} />);
    await screen.findByText('列映射', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('forms-count')).not.toBeInTheDocument();
    expect(port.sheetReads).toHaveLength(0);
    expect(port.calls.filter((c) => c === 'onSourceChanged')).toHaveLength(1);
  });
});

describe('forms in the pane (en)', () => {
  it('says "3 forms" and labels the forms and indicators in English', async () => {
    const port = new FakeFormsPort(flaggedFormsBook(), '封面');
    await renderForms(port, 'en-US');
    expect(screen.getByTestId('forms-count')).toHaveTextContent('3 forms');
    expect(screen.getByText('On sheets: 表1, 表2')).toBeInTheDocument();
    const [first] = forms();
    expect(first).toHaveTextContent('sheet “表1”, row 3');
    expect(within(first).getByText('Stated score differs from computed')).toBeInTheDocument();
    expect(within(first).getAllByTestId('indicator')[0]).toHaveTextContent('target ≥300家次 → actual 236家次');
    expect(screen.getByRole('button', { name: 'Evaluate' })).toBeInTheDocument();
  });
});
