// Scheme files and names from hostile or unusual sources: bounded reads, encodings, nesting, terminal escapes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildSeedWorkbook } from '../support/seedWorkbook';
import { callerCwd } from '../../src/cli/callerCwd';
import { visible } from '../../src/cli/consoleText';
import type { JsonReport } from '../../src/cli/report';
import { addSheet, listFiles, makeTempDir, removeDir, runInProcess, save, expectRefused } from './cliHarness';

// eslint-disable-next-line no-control-regex -- the test looks for raw control characters
const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;
// eslint-disable-next-line no-control-regex -- the test looks for raw control characters
const RAW_C0 = /[\u0000-\u0009\u000b-\u001f]/;

let dir: string;
beforeEach(() => (dir = makeTempDir()));
afterEach(() => removeDir(dir));


const SCHEME = { id: 'local', weights: { output: 50, benefit: 50 } };

describe('the scheme file', () => {
  beforeEach(async () => {
    await save(buildSeedWorkbook(), join(dir, 'book.xlsx'));
  });

  it('refuses a folder, /dev/zero, /dev/urandom and a FIFO with one line each', async () => {
    mkdirSync(join(dir, 'scheme.json'));
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    const folder = await runInProcess(['book.xlsx', '--scheme-file', 'scheme.json'], dir);
    expectRefused(folder);
    expect(folder.stderr).toContain('is a folder');
    for (const device of ['/dev/zero', '/dev/urandom', 'pipe.json']) {
      const run = await runInProcess(['book.xlsx', '--scheme-file', device], dir);
      expectRefused(run);
      expect(run.stderr).toContain('not a regular file');
    }
    expect(listFiles(dir)).toEqual(['book.xlsx', 'pipe.json', 'scheme.json']);
  });

  it('refuses a file above 1 MB: 5 million "[" end in one line, exit 2', async () => {
    writeFileSync(join(dir, 'deep.json'), '['.repeat(5_000_000));
    const run = await runInProcess(['book.xlsx', '--scheme-file', 'deep.json'], dir, { LANG: 'zh_CN.UTF-8' });
    expectRefused(run);
    expect(run.stderr).toContain('超过 1024 KB');
    expect(listFiles(dir)).toEqual(['book.xlsx', 'deep.json']);
  });

  it('refuses deep nesting under the size limit before any JSON parser recurses', async () => {
    writeFileSync(join(dir, 'deep.json'), '['.repeat(500_000));
    const run = await runInProcess(['book.xlsx', '--scheme-file', 'deep.json'], dir);
    expectRefused(run);
    expect(run.stderr).toContain('nested deeper than 64 levels');
    expect(run.stderr).not.toContain('call stack');
  });

  it('reads a GBK file (Notepad "ANSI") and says so; the Chinese name comes through', async () => {
    const before = Buffer.from(JSON.stringify({ ...SCHEME, name: { zh: '@@', en: 'Local' } }).replace('@@', '\u0000'));
    const [head, tail] = [before.subarray(0, before.indexOf(0)), before.subarray(before.indexOf(0) + 1)];
    writeFileSync(join(dir, 'gbk.json'), Buffer.concat([head, Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), tail])); // 你好 in GBK
    const run = await runInProcess(['book.xlsx', '--scheme-file', 'gbk.json', '--lang', 'zh'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('评分方案：你好');
    expect(run.stderr).toContain('已按 GBK（GB18030）读取');
  });

  it('refuses bytes that are neither UTF-8 nor GBK', async () => {
    writeFileSync(join(dir, 'bin.json'), Buffer.concat([Buffer.from('{"id":"x'), Buffer.from([0xff, 0x80]), Buffer.from('"}')]));
    const run = await runInProcess(['book.xlsx', '--scheme-file', 'bin.json'], dir);
    expectRefused(run);
    expect(run.stderr).toContain('neither UTF-8 nor GBK');
  });

  it('reads UTF-16 with a BOM (Notepad "Unicode")', async () => {
    const text = JSON.stringify({ ...SCHEME, name: '本地方案' });
    writeFileSync(join(dir, 'u16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const run = await runInProcess(['book.xlsx', '--scheme-file', 'u16.json'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('scheme: 本地方案');
  });

  it('takes a scheme without "name" under its id, and refuses a name that is not text', async () => {
    writeFileSync(join(dir, 'noname.json'), JSON.stringify(SCHEME));
    const ok = await runInProcess(['book.xlsx', '--scheme-file', 'noname.json'], dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('scheme: local,');
    writeFileSync(join(dir, 'badname.json'), JSON.stringify({ ...SCHEME, name: 42 }));
    const bad = await runInProcess(['book.xlsx', '--scheme-file', 'badname.json'], dir);
    expectRefused(bad);
    expect(bad.stderr).toContain('"name"');
  });
});

describe('names in the console', () => {
  // C0 controls do not survive today's .xlsx reader; C1 and bidi characters do, and every C0 is tested through visible().
  const hostile = ['乙项目\u009b[2J', 'abc\u202edcba', '\u009d52;c;ZXZpbA==\u009c丙'];

  async function book(): Promise<void> {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, 'Sheet1', [['项目名称', '全年预算数', '全年执行数'], ...hostile.map((n, i) => [n, 100, 90 + i])]);
    await save(wb, join(dir, 'book.xlsx'));
  }

  it('escapes C0 controls, DEL, C1 and bidi overrides visibly and leaves other text alone', () => {
    expect(visible('\u001b]0;pwned\u0007甲\t项目\u007f')).toBe('\\u001b]0;pwned\\u0007甲\\u0009项目\\u007f');
    expect(visible('a\u202eb\u2066c\u0085')).toBe('a\\u202eb\\u2066c\\u0085');
    expect(visible('安全生产责任经费 (2023) – ok')).toBe('安全生产责任经费 (2023) – ok');
  });

  it('shows C1 and bidi characters escaped in the table', async () => {
    await book();
    const run = await runInProcess(['book.xlsx'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(RAW_UNSAFE);
    expect(run.stdout).toContain('乙项目\\u009b[2J');
    expect(run.stdout).toContain('abc\\u202edcba');
  });

  it('escapes what an argument carries into a refusal on stderr', async () => {
    await book();
    const run = await runInProcess(['book.xlsx', '--sheet', '\u001b]0;pwned\u0007'], dir);
    expectRefused(run);
    expect(run.stderr).not.toMatch(RAW_C0);
    expect(run.stderr).toContain('\\u001b]0;pwned\\u0007');
  });

  it('keeps --json values exact while no raw C1 or bidi character reaches the terminal', async () => {
    await book();
    const run = await runInProcess(['book.xlsx', '--json'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(RAW_UNSAFE);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.projects.map((p) => p.name)).toEqual(hostile);
  });

  it('trims leading and trailing tabs and ideographic spaces from names (README says so)', async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, 'Sheet1', [['项目名称', '全年预算数', '全年执行数'], ['\t甲项目\u3000', 100, 90]]);
    await save(wb, join(dir, 'book.xlsx'));
    const run = await runInProcess(['book.xlsx', '--json'], dir);
    expect((JSON.parse(run.stdout) as JsonReport).projects[0].name).toBe('甲项目');
  });
});

describe('the rate column', () => {
  it('says the actual is missing for a project with a budget and a blank actual', async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, 'Sheet1', [['项目名称', '全年预算数', '全年执行数'], ['甲项目', 100, null], ['乙项目', 0, 5], ['丙项目', 100, 50]]);
    await save(wb, join(dir, 'book.xlsx'));
    const en = await runInProcess(['book.xlsx'], dir);
    const row = (out: string, name: string): string => out.split('\n').find((l) => l.includes(name)) ?? '';
    expect(row(en.stdout, '甲项目')).toContain('no actual');
    expect(row(en.stdout, '甲项目')).not.toContain('no budget');
    expect(row(en.stdout, '乙项目')).toContain('no budget');
    expect(row(en.stdout, '丙项目')).toContain('50.00%');
    const zh = await runInProcess(['book.xlsx'], dir, { LANG: 'zh_CN.UTF-8' });
    expect(row(zh.stdout, '甲项目')).toContain('无执行数');
  });
});

describe('the caller folder', () => {
  it('is INIT_CWD under `npm run evaluate`, and the process folder otherwise', () => {
    expect(callerCwd({ INIT_CWD: '/home/officer/2023', npm_lifecycle_event: 'evaluate' }, '/repo')).toBe('/home/officer/2023');
    expect(callerCwd({ INIT_CWD: '/elsewhere', npm_lifecycle_event: 'test' }, '/repo')).toBe('/repo');
    expect(callerCwd({}, '/repo')).toBe('/repo');
  });
});

describe('the workbook argument', () => {
  it('refuses a folder and a device as the workbook with one line', async () => {
    mkdirSync(join(dir, 'book.xlsx'));
    const folder = await runInProcess(['book.xlsx'], dir);
    expectRefused(folder);
    expect(folder.stderr).toContain('not a regular file');
    const zero = await runInProcess(['/dev/zero', '--out', join(dir, 'copy.xlsx')], dir);
    expectRefused(zero);
    expect(zero.stderr).toContain('not a regular file');
    expect(listFiles(dir)).toEqual(['book.xlsx']);
  });
});
