// --report writes the draft report beside the evaluated copy; --check-report checks an officer's report.
// Refusals (exit 2) write neither file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSeedWorkbook } from '../support/seedWorkbook';
import { documentBytes, linesDocument } from '../../src/docx/renderReport';
import { readDocxLines } from '../../src/docx/readDocx';
import { SEED_REPORT_LINES } from '../support/seedReport';
import { listFiles, makeTempDir, removeDir, runInProcess, save } from './cliHarness';

let dir: string;
let input: string;
let seedReport: string;

beforeEach(async () => {
  dir = makeTempDir();
  input = await save(buildSeedWorkbook(), join(dir, 'seed.xlsx'));
  seedReport = join(dir, 'their-report.docx');
  writeFileSync(seedReport, await documentBytes(linesDocument(SEED_REPORT_LINES)));
});
afterEach(() => removeDir(dir));

describe('--report', () => {
  it('writes the draft .docx besides the evaluated copy, in Chinese by default', async () => {
    const run = await runInProcess([input, '--scheme', 'wuhan2018', '--report', 'draft.docx'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Draft report written to ${join(dir, 'draft.docx')}`);
    const lines = readDocxLines(new Uint8Array(readFileSync(join(dir, 'draft.docx'))));
    expect(lines).toContain('三、保障安全生产专项经费');
    expect(lines).toContain('经费使用率为88.75%，低于合理区间下限90.00%，须说明原因。');
    expect(lines).toContain('根据本次评价指标体系测算，社区安全协管员补助经费绩效评价结果是：产出绩效为50分，效益绩效为50分，总绩效为100分，等级为优。');
    expect(lines.some((l) => l.includes('表内核对：第11行合计的预算数为918.40'))).toBe(true);
    expect(listFiles(dir)).toEqual(['draft.docx', 'seed.evaluated.xlsx', 'seed.xlsx', 'their-report.docx']);
  });

  it('writes it in English with --lang en', async () => {
    const run = await runInProcess([input, '--scheme', 'wuhan2018', '--report', 'draft.docx', '--lang', 'en'], dir);
    expect(run.code).toBe(0);
    const lines = readDocxLines(new Uint8Array(readFileSync(join(dir, 'draft.docx'))));
    expect(lines).toContain("The usage rate is 88.75%, below the band's lower edge 90.00%; the reason must be explained.");
  });

  it.each([
    ['the input', () => 'seed.xlsx', /--report must not name the input file/],
    ['the --out file', () => 'out.xlsx', /--report must not name the --out file/],
    ['a file that is not .docx', () => 'draft.pdf', /--report must name a \.docx file/],
    ['a missing folder', () => 'nowhere/draft.docx', /Report folder does not exist/],
  ])('refuses %s with exit 2 and writes neither file', async (_what, target, message) => {
    const run = await runInProcess([input, '--out', 'out.xlsx', '--report', target()], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
    expect(listFiles(dir)).toEqual(['seed.xlsx', 'their-report.docx']);
  });

  it('writes neither file when the workbook cannot be evaluated', async () => {
    const run = await runInProcess([input, '--sheet', 'Nope', '--report', 'draft.docx'], dir);
    expect(run.code).toBe(2);
    expect(listFiles(dir)).toEqual(['seed.xlsx', 'their-report.docx']);
  });
});

describe('--check-report', () => {
  it('lists the seed report’s mistakes under reportChecks, and in words on the console', async () => {
    const run = await runInProcess([input, '--scheme', 'wuhan2018', '--check-report', 'their-report.docx', '--json'], dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { reportChecks: { code: string; project: { index: number } | null; says: string; workbook: string }[] };
    const codes = json.reportChecks.map((f) => `${f.code}:${f.project?.index}`).sort();
    expect(codes).toEqual(['empty_section:5', 'name_mismatch:6', 'numbering:5', 'numbering:6', 'rate_differs:2']);
    expect(json.reportChecks.find((f) => f.code === 'rate_differs')).toMatchObject({ says: '88%', workbook: '88.75%' });
    expect(run.stderr).toContain('the report states a usage rate of 88%, the workbook 88.75%');

    const zh = await runInProcess([input, '--scheme', 'wuhan2018', '--check-report', 'their-report.docx'], dir, { LANG: 'zh_CN.UTF-8' });
    expect(zh.stdout).toMatch(/第\d+段（五\. 社区安全协管员补助经费）：编号“五”重复，此处应为“七”/);
    expect(zh.stdout).toMatch(/本段写的是“安全生产监察协管员劳务费”，而本节项目为“社区安全协管员补助经费”/);
  });

  it('checks a .txt report, and our own draft checks clean', async () => {
    await runInProcess([input, '--scheme', 'wuhan2018', '--report', 'draft.docx'], dir);
    const lines = readDocxLines(new Uint8Array(readFileSync(join(dir, 'draft.docx'))));
    writeFileSync(join(dir, 'draft.txt'), lines.join('\r\n'));
    const run = await runInProcess([input, '--scheme', 'wuhan2018', '--check-report', 'draft.txt'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('nothing differs from the workbook');
  });

  it('refuses a missing or unreadable report before writing anything', async () => {
    const missing = await runInProcess([input, '--check-report', 'none.docx'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Report to check not found/);
    writeFileSync(join(dir, 'fake.docx'), 'not a zip');
    const broken = await runInProcess([input, '--check-report', 'fake.docx'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/Cannot read the Word document/);
    expect(listFiles(dir)).toEqual(['fake.docx', 'seed.xlsx', 'their-report.docx']);
  });
});
