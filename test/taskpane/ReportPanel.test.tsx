/** @jest-environment jsdom */
// The pane's report actions: "生成报告 / Draft report" writes the draft through the port (and offers the
// .docx where the host allows downloads); "核对报告 / Check report" reads an officer's .docx / .txt and lists
// the findings, each with a jump to its project's row.
import '../support/jsdomSetup';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import type { PaneHost } from '../../src/taskpane/hostInfo';
import { documentBytes, linesDocument } from '../../src/docx/renderReport';
import { readDocxLines } from '../../src/docx/readDocx';
import { FakePort } from './fakePort';
import { FakeFormsPort } from './fakeFormsPort';
import { NATIONAL_EXAMPLE, nationalForm, stackForms } from '../support/forms';
import { SEED_REPORT_LINES } from '../support/seedReport';

jest.setTimeout(90_000);
configure({ defaultHidden: true });

// jsdom has no TextDecoder / TextEncoder; the browser has both.
(globalThis as { TextDecoder?: unknown }).TextDecoder ??= NodeTextDecoder;
(globalThis as { TextEncoder?: unknown }).TextEncoder ??= NodeTextEncoder;

function seededPort(): FakePort {
  const port = new FakePort();
  port.settings = { version: 1, schemeId: 'wuhan2018', band: { low: 0.9, high: 1 } };
  return port;
}

const host = (displayLanguage: string, canDownload = false): PaneHost => ({
  inExcel: true,
  displayLanguage,
  dark: false,
  missingApiSets: [],
  canUseTriggerSource: true,
  canDownload,
});

async function renderLoaded(port: FakePort, paneHost: PaneHost) {
  render(<App port={port} host={paneHost} refreshDelayMs={20} />);
  await screen.findByText('D: 全年预算数', {}, { timeout: 5000 });
}

function button(text: string): HTMLElement {
  const found = screen.getByText(text, { selector: 'button, button *' }).closest('button');
  if (!found) throw new Error(`no button ${text}`);
  return found;
}

function pick(file: File): void {
  fireEvent.change(screen.getByTestId('report-file'), { target: { files: [file] } });
}

afterEach(cleanup);

describe('Draft report', () => {
  it('writes the draft to 自评报告（草稿） from the workbook, without evaluating into it first (zh)', async () => {
    const port = seededPort();
    await renderLoaded(port, host('zh-CN'));
    fireEvent.click(button('生成报告'));
    await screen.findByText('报告草稿已写入工作表“自评报告（草稿）”。', {}, { timeout: 5000 });
    expect(port.reportSheets).toHaveLength(1);
    const { layout, preferredName, sourceSheet } = port.reportSheets[0];
    expect(preferredName).toBe('自评报告（草稿）');
    expect(sourceSheet).toBe('自评表');
    const texts = layout.rows.map((r) => r.text);
    expect(texts).toContain('三、保障安全生产专项经费');
    expect(texts).toContain('经费使用率为88.75%，低于合理区间下限90.00%，须说明原因。');
    expect(texts).toContain('根据本次评价指标体系测算，社区安全协管员补助经费绩效评价结果是：产出绩效为50分，效益绩效为50分，总绩效为100分，等级为优。');
    expect(layout.rows.find((r) => r.text === '三、保障安全生产专项经费')?.bold).toBe(true);
    // The report sheet is the only thing written: no summary, no highlights.
    expect(port.calls).not.toContain('writeSummary');
    expect(port.calls).not.toContain('applyHighlights');
    // Desktop hosts drop downloads: no .docx offered.
    expect(screen.queryByText('下载 Word 文档')).toBeNull();
  });

  it('drafts in English in an English pane, and offers the .docx where the host allows downloads', async () => {
    const port = seededPort();
    const saved: { name: string; blob: Blob }[] = [];
    const url = URL as unknown as { createObjectURL?: (b: Blob) => string; revokeObjectURL?: (u: string) => void };
    const blobs = new Map<string, Blob>();
    url.createObjectURL = (b: Blob) => {
      const key = `blob:${blobs.size}`;
      blobs.set(key, b);
      return key;
    };
    url.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob: blobs.get(this.getAttribute('href') ?? '')! });
    });
    try {
      await renderLoaded(port, host('en-US', true));
      fireEvent.click(button('Draft report'));
      await screen.findByText('Draft report written to sheet “Self-evaluation report (draft)”.', {}, { timeout: 5000 });
      expect(port.reportSheets[0].preferredName).toBe('Self-evaluation report (draft)');
      fireEvent.click(button('Download Word document'));
      await waitFor(() => expect(saved.length + document.body.textContent!.indexOf('went wrong')).not.toBe(-1));
      expect(document.body.textContent).not.toMatch(/Unexpected error: .*/);
      expect(saved).toHaveLength(1);
      expect(saved[0].name).toMatch(/\.docx$/);
      const bytes = new Uint8Array(await blobBytes(saved[0].blob));
      const lines = readDocxLines(bytes);
      expect(lines).toContain("The usage rate is 88.75%, below the band's lower edge 90.00%; the reason must be explained.");
    } finally {
      click.mockRestore();
    }
  });
});

function blobBytes(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

describe('Check report', () => {
  it('lists the seed report’s mistakes and jumps to the project a finding is about (zh)', async () => {
    const port = seededPort();
    await renderLoaded(port, host('zh-CN'));
    const docx = await documentBytes(linesDocument(SEED_REPORT_LINES));
    pick(new File([docx as Uint8Array<ArrayBuffer>], '洪山区安监局自评报告.docx'));
    await waitFor(() => expect(screen.getByLabelText('自评报告').textContent).toMatch(/报告核对（洪山区安监局自评报告\.docx）：发现 5 处问题/), { timeout: 5000 });
    const findings = screen.getAllByTestId('report-finding').map((li) => li.textContent ?? '');
    expect(findings).toHaveLength(5);
    expect(findings.some((t) => /（三\. 保障安全生产专项经费）：报告写经费使用率为88%，工作表为88.75%/.test(t))).toBe(true);
    expect(findings.some((t) => /编号“五”重复，此处应为“七”/.test(t))).toBe(true);
    // Project 3 is on sheet row 6 (title, unit and header rows above the seven projects).
    fireEvent.click(screen.getByRole('button', { name: '转到“保障安全生产专项经费”（第6行）' }));
    await waitFor(() => expect(port.selected).toEqual([{ sheet: '自评表', row: 6 }]));
  });

  it('finds our own draft clean, read as .txt', async () => {
    const port = seededPort();
    await renderLoaded(port, host('zh-CN'));
    fireEvent.click(button('生成报告'));
    await screen.findByText('报告草稿已写入工作表“自评报告（草稿）”。', {}, { timeout: 5000 });
    const text = port.reportSheets[0].layout.rows.map((r) => r.text).join('\r\n');
    pick(new File([text], 'draft.txt', { type: 'text/plain' }));
    await screen.findByText('draft.txt：未发现与工作表不一致之处。', {}, { timeout: 5000 });
    expect(screen.queryAllByTestId('report-finding')).toHaveLength(0);
  });

  it('checks a report pasted as text (en)', async () => {
    const port = seededPort();
    await renderLoaded(port, host('en-US'));
    expect(button('Paste report text')).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(button('Paste report text'));
    expect(button('Check pasted text')).toBeDisabled();
    fireEvent.change(screen.getByLabelText('The report’s text (one paragraph per line)'), { target: { value: SEED_REPORT_LINES.join('\n') } });
    fireEvent.click(button('Check pasted text'));
    await waitFor(() => expect(screen.getAllByTestId('report-finding')).toHaveLength(5), { timeout: 5000 });
    expect(screen.getByText('Report check (pasted text): 5 findings')).toBeInTheDocument();
    expect(port.calls).not.toContain('writeReportSheet');
  });

  it('says when a file is not a report it can read (en)', async () => {
    const port = seededPort();
    await renderLoaded(port, host('en-US'));
    pick(new File(['%PDF-1.7'], 'report.pdf'));
    await screen.findByText('“report.pdf” is not a .docx or .txt file.', {}, { timeout: 5000 });
    pick(new File(['not a zip'], 'broken.docx'));
    await screen.findByText('Cannot read “broken.docx”: the file is damaged or not a Word document.', {}, { timeout: 5000 });
    expect(screen.queryAllByTestId('report-finding')).toHaveLength(0);
  });
});

describe('the report on forms', () => {
  it('drafts from the forms’ indicators and checks a report against them, jumping to the form (zh)', async () => {
    const port = new FakeFormsPort([stackForms('表1', [nationalForm(NATIONAL_EXAMPLE)]), stackForms('表2', [nationalForm({ ...NATIONAL_EXAMPLE, name: '项目乙' })])]);
    render(<App port={port} host={host('zh-CN')} refreshDelayMs={20} />);
    await screen.findByTestId('forms-count', {}, { timeout: 10_000 });
    fireEvent.click(button('生成报告'));
    await screen.findByText('报告草稿已写入工作表“自评报告（草稿）”。', {}, { timeout: 5000 });
    const texts = port.reportSheets[0].layout.rows.map((r) => r.text);
    expect(texts).toContain('一、安全生产监察协管员劳务费');
    expect(texts).toContain('二、项目乙');
    expect(texts).toContain('数量指标·巡查企业数：年度目标≥200家次，实际完成236家次');
    expect(texts).toContain('项目资金预算150.00万元，项目资金来源于当年财政拨款150.00万元，项目实际支出147.75万元。');
    expect(texts).toContain('未完成指标：安全生产形势（年度目标持续向好，实际完成达成预期指标，得分14/15）。偏差原因：个别企业整改滞后');

    // The officer's copy states 97% where the second form's rate is 98.50%.
    const theirs = texts.map((t, i) => (i > texts.indexOf('二、项目乙') ? t.replace('经费使用率为98.50%', '经费使用率为97%') : t));
    pick(new File([theirs.join('\n')], 'theirs.txt'));
    await waitFor(() => expect(screen.getAllByTestId('report-finding')).toHaveLength(1), { timeout: 5000 });
    expect(screen.getByTestId('report-finding')).toHaveTextContent('报告写经费使用率为97%，工作表为98.50%');
    fireEvent.click(screen.getByRole('button', { name: /^转到“项目乙”/ }));
    await waitFor(() => expect(port.ranges.map((r) => r.sheet)).toEqual(['表2']));
  });
});
