// Exit 2: a single line on stderr, nothing on stdout, no file written, the input untouched.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildSeedWorkbook } from '../support/seedWorkbook';
import { addSheet, listFiles, makeTempDir, removeDir, runInProcess, save, sha256, expectRefused } from './cliHarness';

let dir: string;
beforeEach(() => (dir = makeTempDir()));
afterEach(() => removeDir(dir));


async function seedIn(name = 'book.xlsx'): Promise<string> {
  return save(buildSeedWorkbook(), join(dir, name));
}

describe('a workbook that cannot be evaluated', () => {
  it('names the missing actual-spend column and writes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, '说明', [['填表说明']]);
    addSheet(wb, '预算表', [['项目名称', '全年预算数', '产出指标'], ['甲项目', 100, 45]]);
    const input = await save(wb, join(dir, 'book.xlsx'));
    const before = sha256(input);
    const en = await runInProcess(['book.xlsx'], dir);
    expectRefused(en);
    expect(en.stderr).toContain('actual-spend');
    expect(en.stderr).toContain('预算表');
    const zh = await runInProcess(['book.xlsx', '--lang', 'zh'], dir);
    expectRefused(zh);
    expect(zh.stderr).toContain('实际执行数');
    expect(listFiles(dir)).toEqual(['book.xlsx']);
    expect(sha256(input)).toBe(before);
  });

  it('names the missing column when --sheet points at a sheet without it', async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, 'Sheet1', [['项目名称', '全年执行数'], ['甲项目', 100]]);
    await save(wb, join(dir, 'book.xlsx'));
    const run = await runInProcess(['book.xlsx', '--sheet', 'Sheet1'], dir);
    expectRefused(run);
    expect(run.stderr).toMatch(/budget/i);
    expect(listFiles(dir)).toEqual(['book.xlsx']);
  });

  it('refuses a text file renamed .xlsx', async () => {
    writeFileSync(join(dir, 'notes.xlsx'), '项目名称,预算数,执行数\n甲,1,1\n');
    const run = await runInProcess(['notes.xlsx', '--json'], dir);
    expectRefused(run);
    expect(run.stderr).toContain('Not an Excel workbook');
    expect(listFiles(dir)).toEqual(['notes.xlsx']);
  });

  it('refuses a zip that is not a workbook', async () => {
    // A minimal empty zip: just the end-of-central-directory record.
    const emptyZip = Buffer.alloc(22);
    emptyZip.writeUInt32LE(0x06054b50, 0);
    writeFileSync(join(dir, 'empty.xlsx'), Buffer.concat([Buffer.from('PK\u0003\u0004'), emptyZip]));
    const run = await runInProcess(['empty.xlsx'], dir);
    expectRefused(run);
    expect(run.stderr).toContain('empty.xlsx');
    expect(run.stderr).toMatch(/^(Cannot read the workbook|Not an Excel workbook)/);
    expect(listFiles(dir)).toEqual(['empty.xlsx']);
  });

  it('refuses a missing file, in the language of LANG', async () => {
    const en = await runInProcess(['nowhere.xlsx'], dir);
    expectRefused(en);
    expect(en.stderr).toContain('File not found');
    const zh = await runInProcess(['nowhere.xlsx'], dir, { LANG: 'zh_CN.UTF-8' });
    expectRefused(zh);
    expect(zh.stderr).toContain('文件不存在');
    expect(listFiles(dir)).toEqual([]);
  });

  it('refuses an unknown --sheet and lists the sheets', async () => {
    await seedIn();
    const run = await runInProcess(['book.xlsx', '--sheet', 'Sheet9'], dir);
    expectRefused(run);
    expect(run.stderr).toContain('Sheet9');
    expect(run.stderr).toContain('Sheet1');
    expect(listFiles(dir)).toEqual(['book.xlsx']);
  });
});

describe('options that cannot be read', () => {
  const cases: [string, string[], RegExp][] = [
    ['a band edge that is not a number', ['--low', 'abc'], /--low/],
    ['a low edge above the high edge', ['--low', '1.1', '--high', '1.0'], /1\.1/],
    ['a band typed as percentages', ['--low', '90', '--high', '100'], /0\.9/],
    ['an unknown scheme', ['--scheme', 'beijing2030'], /beijing2030/],
    ['both --scheme and --scheme-file', ['--scheme', 'mof2020', '--scheme-file', 'x.json'], /--scheme-file/],
    ['a missing scheme file', ['--scheme-file', 'missing.json'], /missing\.json/],
    ['an unknown option', ['--sheets', 'Sheet1'], /--sheets/],
    ['an option without its value', ['--out'], /--out/],
    ['an unknown --lang', ['--lang', 'fr'], /fr/],
    ['two workbooks', ['other.xlsx'], /other\.xlsx/],
  ];
  it.each(cases)('refuses %s', async (_label, args, message) => {
    const input = await seedIn();
    const before = sha256(input);
    const run = await runInProcess(['book.xlsx', ...args], dir);
    expectRefused(run);
    expect(run.stderr).toMatch(message);
    expect(listFiles(dir)).toEqual(['book.xlsx']);
    expect(sha256(input)).toBe(before);
  });

  it('refuses a scheme file with mistakes and names them', async () => {
    await seedIn();
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ id: 'x', name: { zh: 'x', en: 'x' }, weights: { output: 'fifty' } }));
    const run = await runInProcess(['book.xlsx', '--scheme-file', 'bad.json'], dir);
    expectRefused(run);
    expect(run.stderr).toContain('bad.json');
    expect(run.stderr).toContain('weights.output');
    expect(listFiles(dir)).toEqual(['bad.json', 'book.xlsx']);
  });

  it('refuses a scheme file that is not JSON', async () => {
    await seedIn();
    writeFileSync(join(dir, 'bad.json'), '{ "id": "x", ');
    const run = await runInProcess(['book.xlsx', '--scheme-file', 'bad.json'], dir);
    expectRefused(run);
    expect(run.stderr).toMatch(/JSON/);
  });

  it('refuses --out naming the input file, however it is spelled', async () => {
    const input = await seedIn();
    const before = sha256(input);
    for (const out of ['book.xlsx', './book.xlsx', input, join(dir, '..', dir.split(/[\\/]/).pop() ?? '', 'book.xlsx')]) {
      const run = await runInProcess(['book.xlsx', '--out', out], dir);
      expectRefused(run);
      expect(run.stderr).toContain('--out');
    }
    expect(sha256(input)).toBe(before);
    expect(listFiles(dir)).toEqual(['book.xlsx']);
  });

  it('refuses --out naming a folder', async () => {
    await seedIn();
    const run = await runInProcess(['book.xlsx', '--out', '.'], dir);
    expectRefused(run);
    expect(listFiles(dir)).toEqual(['book.xlsx']);
  });

  it('refuses --out in a folder that does not exist', async () => {
    await seedIn();
    const run = await runInProcess(['book.xlsx', '--out', join(dir, 'no', 'such', 'copy.xlsx')], dir);
    expectRefused(run);
    expect(listFiles(dir)).toEqual(['book.xlsx']);
  });
});

describe('exit 0 cases around the edges', () => {
  it('writes to --out and nowhere else, replacing an earlier copy', async () => {
    await seedIn();
    writeFileSync(join(dir, 'copy.xlsx'), 'old');
    const run = await runInProcess(['book.xlsx', '--out', 'copy.xlsx'], dir);
    expect(run.code).toBe(0);
    expect(listFiles(dir)).toEqual(['book.xlsx', 'copy.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'copy.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sheet1', '绩效自评汇总']);
  });

  it('prints the usage with --help', async () => {
    const run = await runInProcess(['--help'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--scheme-file');
    expect(listFiles(dir)).toEqual([]);
  });
});

describe('an unexpected failure', () => {
  it('exits 1 with one line, nothing on stdout and no file', async () => {
    const { runCli } = await import('../../src/cli/run');
    await seedIn();
    let stdout = '';
    let stderr = '';
    const code = await runCli(['book.xlsx'], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env: { LANG: 'en_US.UTF-8' },
      cwd: dir,
      now: () => {
        throw new Error('clock broke\n    at somewhere (file.ts:1:1)');
      },
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain('Unexpected error: clock broke');
    expect(listFiles(dir)).toEqual(['book.xlsx']);
  });
});
