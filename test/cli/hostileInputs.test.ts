// Hostile and odd workbooks at the batch command: refused with exit 2 and one line, or evaluated.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { encryptedPackage, sdkPackage, setDeclaredSize, sheetjsBook, sheetXml, TABLE } from '../xlsx/packages';
import { listFiles, makeTempDir, removeDir, runInProcess, expectRefused } from './cliHarness';

let dir: string;
beforeEach(() => (dir = makeTempDir()));
afterEach(() => removeDir(dir));


function write(name: string, bytes: Uint8Array): string {
  writeFileSync(join(dir, name), bytes);
  return name;
}

describe('hostile workbooks', () => {
  it('refuses a sheet with one stray value at XFD1048576, naming the cell, instead of building 17 billion cells', async () => {
    const xml = sheetXml(TABLE, { extraRows: '<x:row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>' });
    const name = write('stray.xlsx', sdkPackage([['预算表', xml]]));
    const run = await runInProcess([name], dir);
    expectRefused(run, /A1:XFD1048576.*XFD1048576/);
    const zh = await runInProcess([name], dir, { LANG: 'zh_CN.UTF-8' });
    expectRefused(zh, /预算表.*XFD1048576/);
    expect(listFiles(dir)).toEqual(['stray.xlsx']);
  });

  it('refuses a zip bomb entry (declared 4 GB) before any library inflates it', async () => {
    const bomb = setDeclaredSize(sdkPackage([['S', sheetXml(TABLE)]], { 'xl/media/a.bin': strToU8('x') }), 'xl/media/a.bin', 4_000_000_000);
    const run = await runInProcess([write('bomb.xlsx', bomb)], dir);
    expectRefused(run, /xl\/media\/a\.bin.*zip bomb/);
  });

  it('says a password-protected workbook is encrypted', async () => {
    expectRefused(await runInProcess([write('secret.xlsx', encryptedPackage())], dir), /encrypted/);
    expectRefused(await runInProcess([write('secret.xlsx', encryptedPackage()), '--lang', 'zh'], dir), /已加密/);
  });

  it('refuses a folder and /dev/zero as the workbook, at once', async () => {
    expectRefused(await runInProcess(['.'], dir), /not a regular file/i);
    expectRefused(await runInProcess(['/dev/zero'], dir), /not a regular file.*\/dev\/zero/i);
    expectRefused(await runInProcess(['/dev/urandom'], dir), /not a regular file/i);
  });
});

describe('workbooks of other producers', () => {
  it.each([
    ['an OpenXML SDK package (absolute part names, inline strings, no docProps)', 'sdk.xlsx', () => sdkPackage([['预算表', sheetXml(TABLE)]])],
    ['an .xls (Excel 97–2003)', 'old.xls', () => sheetjsBook('biff8')],
    ['an .ods', 'calc.ods', () => sheetjsBook('ods')],
    ['an .ods whose sheet name is over 31 characters', 'long.ods', () => sheetjsBook('ods', TABLE, '二〇一八年度项目支出绩效自评表（市直部门汇总，含追加预算）')],
  ])('evaluates %s', async (_what, name, build) => {
    write(name, build());
    const run = await runInProcess([name, '--json'], dir);
    expect(run.stderr).not.toMatch(/Unexpected/);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { projects: { name: string; budget: number; actual: number }[] };
    expect(report.projects.map((p) => [p.name, p.budget, p.actual])).toEqual([
      ['甲项目', 100, 95],
      ['乙项目', 200, 150],
    ]);
    expect(existsSync(join(dir, name.replace(/\.\w+$/, '.evaluated.xlsx')))).toBe(true);
  });
});
