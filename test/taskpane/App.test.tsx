/** @jest-environment jsdom */
import '../support/jsdomSetup';
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { Settings } from '../../src/engine/workbookPort';
import { HostError } from '../../src/excel/errors';
import { App } from '../../src/taskpane/components/App';
import type { PaneHost } from '../../src/taskpane/hostInfo';
import { FakePort, seedGrid } from './fakePort';

// Fluent's DOM is large and role queries compute accessible names: jsdom needs time.
// Fluent comboboxes in jsdom are slow on a busy 2-core machine; this bounds a hang, it measures nothing.
jest.setTimeout(90_000);
// Skips jsdom's per-element style walk in role queries; nothing in this pane is hidden by CSS alone.
configure({ defaultHidden: true });

/** The seed is scored the 2018 way (output 50 + benefit 50), saved in the workbook's settings. */
function seededPort(grid = seedGrid()): FakePort {
  const port = new FakePort(grid);
  port.settings = { version: 1, schemeId: 'wuhan2018', band: { low: 0.9, high: 1 } };
  return port;
}

const excelHost = (displayLanguage = 'zh-CN'): PaneHost => ({
  inExcel: true,
  displayLanguage,
  dark: false,
  missingApiSets: [],
  canUseTriggerSource: true,
});


async function renderLoaded(port: FakePort, host = excelHost(), lang?: 'zh' | 'en') {
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  render(<App port={port} host={host} lang={lang} refreshDelayMs={20} />);
  await screen.findByText(lang === 'en' || host.displayLanguage.startsWith('en') ? 'Column mapping' : '列映射', {}, { timeout: 5000 });
  await screen.findByText('D: 全年预算数');
  return user;
}

/** The pane on the seed table, loaded. */
async function openSeeded() {
  const port = seededPort();
  return { port, user: await renderLoaded(port) };
}

/** Role queries cost about a second each on Fluent's DOM in jsdom; buttons are found by their text. */
function button(text: string): HTMLElement {
  const found = screen.getByText(text, { selector: 'button, button *' }).closest('button');
  if (!found) throw new Error(`no button ${text}`);
  return found;
}

function projectItems(): HTMLElement[] {
  return screen.queryAllByTestId('project');
}

describe('App (zh)', () => {
  it('shows the detected mapping and writes nothing on open', async () => {
    const port = seededPort();
    await renderLoaded(port);
    expect(screen.getByRole('combobox', { name: /^项目名称/ })).toHaveTextContent('B: 项目名称');
    expect(screen.getByRole('combobox', { name: /^预算数/ })).toHaveTextContent('D: 全年预算数');
    expect(screen.getByRole('combobox', { name: /^实际执行数/ })).toHaveTextContent('E: 全年执行数');
    expect(screen.getByRole('combobox', { name: /^偏差原因/ })).toHaveTextContent('（不使用）');
    expect(screen.getByRole('combobox', { name: /^金额单位/ })).toHaveTextContent('万元');
    expect(screen.getByRole('spinbutton', { name: /表头行/ })).toHaveValue('3');
    expect(port.calls.filter((c) => !['loadSettings', 'listSheets', 'readSource', 'onSourceChanged'].includes(c))).toEqual([]);
    expect(projectItems()).toHaveLength(0);
  });

  it('labels every control in Chinese, including Fluent’s own spin and clear buttons', async () => {
    await renderLoaded(seededPort());
    const labels = Array.from(document.querySelectorAll('[aria-label]')).map((el) => el.getAttribute('aria-label') ?? '');
    expect(labels).toContain('增加');
    expect(labels).toContain('清除选择');
    expect(labels.filter((label) => /^[\x20-\x7e]+$/.test(label) && /[a-z]{3}/i.test(label))).toEqual([]);
  });

  it('evaluates: portfolio line, flagged projects first, flags with text, highlights applied', async () => {
    const { port, user } = await openSeeded();
    await user.click(button('评估'));
    // 725.45 / 918.45 = 78.99 %
    expect(await screen.findByTestId('portfolio-rate')).toHaveTextContent('78.99%');
    const items = projectItems();
    expect(items).toHaveLength(7);
    // 安全生产监察协管员劳务费 (98.5 %) is the only project without a flag: listed last.
    expect(items[6]).toHaveTextContent('安全生产监察协管员劳务费');
    expect(items[6]).toHaveTextContent('98.50%');
    expect(items[6]).toHaveTextContent('无问题');
    const third = items.find((el) => el.textContent?.includes('保障安全生产专项经费'));
    expect(third).toHaveTextContent('88.75%');
    expect(within(third as HTMLElement).getByText('执行率与填报不符')).toBeInTheDocument();
    const seventh = items.find((el) => el.textContent?.includes('社区安全协管员补助经费'));
    expect(within(seventh as HTMLElement).getByText('超预算')).toBeInTheDocument();
    expect(port.highlights).toHaveLength(1);
    expect(port.highlights[0]).toMatchObject({ sheet: '自评表', firstRow: 4, lastRow: 10, budgetCol: 4, actualCol: 5 });
    expect(port.summaries).toHaveLength(0);
  });

  it('changing the budget dropdown to 年初预算数 changes the rates', async () => {
    const { port, user } = await openSeeded();
    await user.click(button('评估'));
    await screen.findByTestId('portfolio-rate');
    // fireEvent rather than user-event: Fluent's listbox takes seconds per pointer sequence in jsdom.
    fireEvent.click(screen.getByRole('combobox', { name: /^预算数/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'C: 年初预算数' }));
    // 725.45 / 906.15 = 80.06 %; project 1: 271.46 / 300 = 90.49 %
    await waitFor(() => expect(screen.getByTestId('portfolio-rate')).toHaveTextContent('80.06%'));
    const first = projectItems().find((el) => el.textContent?.includes('安全生产责任经费'));
    expect(first).toHaveTextContent('90.49%');
    expect(screen.getByText(/尚未写入工作簿/)).toBeInTheDocument();
    // Applying it writes highlights on the start-of-year column and saves the choice.
    await user.click(button('评估'));
    await waitFor(() => expect(port.highlights).toHaveLength(2));
    expect(port.highlights[1].budgetCol).toBe(3);
    expect(port.settings?.override?.columns?.budget).toBe(2);
  });

  it('clicking a project selects its row in the sheet', async () => {
    const { port, user } = await openSeeded();
    await user.click(button('评估'));
    await user.click(await screen.findByRole('button', { name: /^局机关建设经费/ }));
    expect(port.selected).toEqual([{ sheet: '自评表', row: 7 }]);
  });

  it('filters by name and by flagged only', async () => {
    const { user } = await openSeeded();
    await user.click(button('评估'));
    await screen.findByTestId('portfolio-rate');
    await user.click(screen.getByRole('switch', { name: '只看需关注的项目' }));
    expect(projectItems()).toHaveLength(6);
    expect(screen.queryByText('安全生产监察协管员劳务费')).not.toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: '筛选项目' }), '经费');
    // 小微企业生产安全险及责任政府补贴 has no 经费 in its name.
    await waitFor(() => expect(projectItems()).toHaveLength(5));
  });

  it('shows a missing actual column in the dropdown and in a MessageBar', async () => {
    const grid = seedGrid().map((row) => row.filter((_cell, i) => i !== 4));
    const port = seededPort(grid);
    const user = await renderLoaded(port);
    expect(screen.getByText('未找到此列，请选择对应的列。')).toBeInTheDocument();
    await user.click(button('评估'));
    const alert = await screen.findByText(/未找到“实际执行数”列/);
    expect(alert.closest('[class*="fui-MessageBar"]')).not.toBeNull();
    expect(port.highlights).toHaveLength(0);
  });

  it('shows an Excel error from the port in a MessageBar with what to do', async () => {
    const port = seededPort();
    port.failures.writeSummary = new HostError('sheet_protected', 'AccessDenied');
    const user = await renderLoaded(port);
    await user.click(button('写入汇总表'));
    expect(await screen.findByText(/工作表或工作簿受保护或为只读，无法写入/)).toBeInTheDocument();
    expect(screen.getByText('出错了')).toBeInTheDocument();
  });

  it('reads another sheet when the officer picks it, and reports an empty one', async () => {
    const port = seededPort();
    port.otherSheets = { 空表: [], 第二张: seedGrid().slice(2, 6) };
    const user = await renderLoaded(port);
    fireEvent.click(screen.getByRole('combobox', { name: /^数据所在工作表/ }));
    fireEvent.click(await screen.findByRole('option', { name: '空表' }));
    expect(await screen.findByText(/工作表“空表”：工作表是空的/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('combobox', { name: /^数据所在工作表/ }));
    fireEvent.click(await screen.findByRole('option', { name: '第二张' }));
    await waitFor(() => expect(screen.getByText('工作表“第二张”，共 4 行')).toBeInTheDocument());
    await user.click(button('评估'));
    await waitFor(() => expect(projectItems()).toHaveLength(3));
    // Picked: read as on opening (the selection counts if that sheet is active); evaluated: the same block again.
    expect(port.reads.at(-2)).toEqual({ sheet: '第二张', scope: 'auto' });
    expect(port.reads.at(-1)).toEqual({ sheet: '第二张', source: { sheet: '第二张', kind: 'sheet' } });
    expect(port.highlights[0]).toMatchObject({ sheet: '第二张', firstRow: 2, lastRow: 4 });
  });

  it('keeps reading the sheet it opened on', async () => {
    const { port, user } = await openSeeded();
    await user.click(button('评估'));
    await screen.findByTestId('portfolio-rate');
    expect(port.reads.map((r) => r.sheet)).toEqual([undefined, '自评表']);
  });

  it('opens on the table the selection is in, says so, and evaluates that table from then on', async () => {
    const port = seededPort();
    const table = { sheet: '自评表', kind: 'table', table: 'Projects' } as const;
    port.autoSource = table;
    const user = await renderLoaded(port);
    expect(screen.getByText('表格“Projects”（工作表“自评表”），共 11 行')).toBeInTheDocument();
    // The officer clicks elsewhere in Excel before evaluating: the pane keeps to what it showed.
    port.autoSource = { sheet: '自评表', kind: 'selection', address: 'A1:B2' };
    await user.click(button('评估'));
    await screen.findByTestId('portfolio-rate');
    expect(port.reads).toEqual([{ scope: 'auto' }, { sheet: '自评表', source: table }]);
    expect(port.settings?.source).toEqual(table);
  });

  it('reopens on the source saved with the mapping', async () => {
    const port = seededPort();
    const selection = { sheet: '自评表', kind: 'selection', address: 'A1:I11' } as const;
    port.settings = { ...(port.settings as Settings), sheet: '自评表', source: selection };
    port.autoSource = { sheet: '自评表', kind: 'table', table: 'Other' };
    await renderLoaded(port);
    expect(screen.getByText('选区 A1:I11（工作表“自评表”），共 11 行')).toBeInTheDocument();
    expect(port.reads).toEqual([{ sheet: '自评表', source: selection }]);
  });

  it('shows an unexpected failure of the first read', async () => {
    const port = seededPort();
    port.failures.readSource = new Error('network down');
    render(<App port={port} host={excelHost()} />);
    expect(await screen.findByText(/发生意外错误：network down/)).toBeInTheDocument();
  });

  it('writes the summary, turns auto-refresh on, and refreshes after an edit in the table', async () => {
    const { port, user } = await openSeeded();
    const auto = screen.getByRole('switch', { name: '自动刷新' });
    expect(auto).not.toBeChecked();
    await user.click(button('写入汇总表'));
    expect(await screen.findByText('汇总已写入工作表“绩效自评汇总”。')).toBeInTheDocument();
    expect(port.summaries[0].preferredName).toBe('绩效自评汇总');
    expect(port.settings).toMatchObject({ sheet: '自评表', summarySheet: '绩效自评汇总' });
    await waitFor(() => expect(auto).toBeChecked());
    // Project 6 spends its whole budget now: (725.45 − 45 + 200) / 918.45 = 95.86 %.
    act(() => port.edit(9, 5, 200));
    await waitFor(() => expect(port.summaries).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId('portfolio-rate')).toHaveTextContent('95.86%'));
    // An edit outside the table (column K, far below) is ignored.
    act(() => port.edit(200, 11, 'note'));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(port.summaries).toHaveLength(2);
  });

  it('shows a failed automatic refresh and clears it when the next one succeeds', async () => {
    const { port, user } = await openSeeded();
    await user.click(button('写入汇总表'));
    await screen.findByText('汇总已写入工作表“绩效自评汇总”。');
    port.failures.applyHighlights = new HostError('busy', 'InvalidOperationInCellEditMode');
    act(() => port.edit(4, 5, 280));
    expect(await screen.findByText(/Excel 正忙/)).toBeInTheDocument();
    delete port.failures.applyHighlights;
    act(() => port.edit(4, 5, 281));
    await waitFor(() => expect(screen.queryByText(/Excel 正忙/)).not.toBeInTheDocument());
    // 281 / 305.5
    await waitFor(() => expect(projectItems().find((el) => el.textContent?.includes('安全生产责任经费'))).toHaveTextContent('91.98%'));
  });

  it('marks results stale when the source is edited with auto-refresh off', async () => {
    const { port, user } = await openSeeded();
    await user.click(button('评估'));
    await screen.findByTestId('portfolio-rate');
    expect(screen.getByText(/上次刷新：/)).toBeInTheDocument();
    act(() => port.edit(5, 5, 30));
    expect(await screen.findByText(/结果已过期/)).toBeInTheDocument();
    await user.click(button('刷新'));
    await waitFor(() => expect(screen.queryByText(/结果已过期/)).not.toBeInTheDocument());
  });
});

describe('App (long runs, schemes, highlights)', () => {
  it('shows the stage during a run and cancels it without writing', async () => {
    const { port, user } = await openSeeded();
    let release!: () => void;
    port.beforeRead = () => new Promise<void>((resolve) => (release = resolve));
    await user.click(button('评估'));
    expect(await screen.findByText('正在读取工作表…')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    await user.click(button('取消'));
    expect(await screen.findByText('已取消。')).toBeInTheDocument();
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(port.calls).not.toContain('applyHighlights');
    expect(port.calls).not.toContain('saveSettings');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('clears the add-in’s highlights on request', async () => {
    const { port, user } = await openSeeded();
    await user.click(button('评估'));
    await screen.findByTestId('portfolio-rate');
    await user.click(button('清除高亮'));
    expect(await screen.findByText('已清除本加载项设置的高亮；刷新不会再加上，点击“评估”可恢复。')).toBeInTheDocument();
    expect(port.cleared).toEqual(['自评表']);
    expect(port.settings?.highlights).toBe(false);
    // A refresh keeps them off; the next Evaluate brings them back.
    const applied = port.highlights.length;
    await user.click(button('刷新'));
    await waitFor(() => expect(port.calls.filter((c) => c === 'saveSettings').length).toBeGreaterThanOrEqual(3));
    expect(port.highlights).toHaveLength(applied);
    await user.click(button('评估'));
    await waitFor(() => expect(port.highlights).toHaveLength(applied + 1));
    expect(port.settings?.highlights).toBe(true);
  });

  it('takes a custom scheme from JSON, reporting mistakes first', async () => {
    const { port, user } = await openSeeded();
    fireEvent.click(screen.getByRole('combobox', { name: /^评分方案/ }));
    fireEvent.click(await screen.findByRole('option', { name: '自定义方案…' }));
    const textarea = await screen.findByRole('textbox', { name: /评分方案 JSON/ });
    fireEvent.change(textarea, { target: { value: '{"id": "strict",' } });
    await user.click(button('应用'));
    expect(await screen.findByText(/方案无效/)).toBeInTheDocument();
    const strict = {
      id: 'strict',
      name: { zh: '严格方案', en: 'Strict' },
      weights: { output: 50, benefit: 50 },
      execution: null,
      grades: { excellent: 95, good: 85, fair: 70 },
      rateBand: { low: 0.95, high: 1 },
    };
    fireEvent.change(textarea, { target: { value: JSON.stringify(strict) } });
    await user.click(button('应用'));
    await waitFor(() => expect(screen.getByRole('combobox', { name: /^评分方案/ })).toHaveTextContent('严格方案'));
    expect(screen.getByLabelText('执行率下限（%）')).toHaveValue(95);
    await user.click(button('评估'));
    await screen.findByTestId('portfolio-rate');
    // 90 points: excellent under 90/80/60, good under the custom 95/85/70.
    const first = projectItems().find((el) => el.textContent?.includes('安全生产责任经费'));
    expect(first).toHaveTextContent('等级：良');
    expect(port.settings?.schemeId).toBe('strict');
    expect(port.settings?.customScheme?.grades.excellent).toBe(95);
  });

  it('rejects a band whose low edge is above the high one', async () => {
    const { port, user } = await openSeeded();
    const low = screen.getByLabelText('执行率下限（%）');
    await user.clear(low);
    await user.type(low, '120');
    await user.tab();
    expect(await screen.findByText(/下限|low/i, { selector: '[class*="fui-Field__validationMessage"], [class*="fui-Field__validationMessage"] *' })).toBeInTheDocument();
    await user.click(button('评估'));
    await waitFor(() => expect(port.highlights).toHaveLength(1));
    expect(port.highlights[0].band).toEqual({ low: 0.9, high: 1 });
  });

  it('names the band mistake in the pane language, and anew after a switch to English', async () => {
    const { user } = await openSeeded();
    const low = screen.getByLabelText('执行率下限（%）');
    await user.clear(low);
    await user.type(low, '120');
    await user.tab();
    expect(await screen.findByText('执行率区间下限 1.2 大于上限 1')).toBeInTheDocument();
    await user.click(button('English'));
    expect(await screen.findByText("The band's low edge 1.2 is above its high edge 1")).toBeInTheDocument();
    expect(screen.queryByText('执行率区间下限 1.2 大于上限 1')).toBeNull();
  });
});

describe('App (en and hosts)', () => {
  it('speaks English from the display language', async () => {
    const port = seededPort();
    const user = await renderLoaded(port, excelHost('en-US'), undefined);
    expect(screen.getByRole('combobox', { name: /^Budget/ })).toHaveTextContent('D: 全年预算数');
    await user.click(button('Evaluate'));
    expect(await screen.findByText('Portfolio rate')).toBeInTheDocument();
    expect(screen.getAllByText('Over budget').length).toBe(2);
    expect(screen.getAllByText('Stated rate differs').length).toBe(1);
    expect(screen.getByText('Sheet “自评表”, 11 rows')).toBeInTheDocument();
  });

  it('names the range or the table it read, in English', async () => {
    const port = seededPort();
    port.autoSource = { sheet: '自评表', kind: 'selection', address: 'A1:I11' };
    await renderLoaded(port, excelHost('en-US'), undefined);
    expect(screen.getByText('Range A1:I11 (sheet “自评表”), 11 rows')).toBeInTheDocument();
    cleanup();
    port.reads = [];
    port.settings = { ...(port.settings as Settings), source: { sheet: '自评表', kind: 'table', table: 'Projects' } };
    await renderLoaded(port, excelHost('en-US'), undefined);
    expect(screen.getByText('Table “Projects” (sheet “自评表”), 11 rows')).toBeInTheDocument();
  });

  it('switches language with the language button', async () => {
    const { user } = await openSeeded();
    await user.click(button('English'));
    expect(button('Write summary')).toBeInTheDocument();
    await user.click(button('中文'));
    expect(button('写入汇总表')).toBeInTheDocument();
  });

  it('says so when opened outside Excel', () => {
    render(<App port={null} host={{ ...excelHost('en-US'), inExcel: false }} />);
    expect(screen.getByText('Not running in Excel')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Evaluate' })).not.toBeInTheDocument();
  });

  it('outside Excel in Chinese', () => {
    render(<App port={null} host={{ ...excelHost('zh-CN'), inExcel: false }} />);
    expect(screen.getByText('未在 Excel 中打开')).toBeInTheDocument();
  });

  it('follows Office’s dark theme', () => {
    // FluentProvider inserts its theme's CSS variables through CSSOM rules.
    const themeCss = () =>
      Array.from(document.styleSheets)
        .flatMap((sheet) => Array.from(sheet.cssRules).map((rule) => rule.cssText))
        .join('\n');
    const { unmount } = render(<App port={null} host={{ ...excelHost('en-US'), inExcel: false, dark: true }} />);
    expect(themeCss()).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
    unmount();
    render(<App port={null} host={{ ...excelHost('en-US'), inExcel: false, dark: false }} />);
    expect(themeCss()).toContain(`--colorNeutralBackground1: ${webLightTheme.colorNeutralBackground1}`);
  });

  it('names the missing API sets', () => {
    render(<App port={null} host={{ ...excelHost('en-US'), missingApiSets: ['ExcelApi 1.12', 'ExcelApi 1.14'] }} />);
    expect(screen.getByText(/Required APIs are missing: ExcelApi 1\.12, ExcelApi 1\.14/)).toBeInTheDocument();
  });
});
