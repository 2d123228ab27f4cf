// Every file the batch command writes goes through the same door as --out (a new or writable regular
// file, via a temp file); every file it reads is bounded; the copy's type is the input's; and what the
// copy could not keep as it was is said on stderr.
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { buildSeedWorkbook } from '../support/seedWorkbook';
import { strToU8, zipSync } from 'fflate';
import { odsPackage, sdkPackage, setDeclaredSize, sheetXml, TABLE } from '../xlsx/packages';
import { NATIONAL_EXAMPLE, formsWorkbook, nationalForm, stackForms } from '../support/forms';
import { listFiles, makeTempDir, removeDir, runInProcess, save, expectRefused } from './cliHarness';

let dir: string;
beforeEach(() => (dir = makeTempDir()));
afterEach(() => removeDir(dir));


async function seed(): Promise<void> {
  await save(buildSeedWorkbook(), join(dir, 'book.xlsx'));
}

describe('--report is written as --out is', () => {
  it('refuses a symlink, a device and a read-only file, before evaluating, and changes none of them', async () => {
    await seed();
    writeFileSync(join(dir, 'target.txt'), 'keep me');
    symlinkSync(join(dir, 'target.txt'), join(dir, 'link.docx'));
    expectRefused(await runInProcess(['book.xlsx', '--report', 'link.docx'], dir), /symbolic link/);
    expect(readlinkSync(join(dir, 'link.docx'))).toBe(join(dir, 'target.txt'));
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toBe('keep me');

    symlinkSync('/dev/null', join(dir, 'null.docx'));
    expectRefused(await runInProcess(['book.xlsx', '--report', 'null.docx', '--lang', 'zh'], dir), /符号链接/);
    const devNull = statSync('/dev/null');
    expect(devNull.isCharacterDevice()).toBe(true);

    writeFileSync(join(dir, 'old.docx'), 'an earlier draft');
    chmodSync(join(dir, 'old.docx'), 0o444);
    expectRefused(await runInProcess(['book.xlsx', '--report', 'old.docx'], dir), /read-only/);
    expect(readFileSync(join(dir, 'old.docx'), 'utf8')).toBe('an earlier draft');

    // No evaluated copy and no temp file was left by any of the refusals.
    expect(listFiles(dir)).toEqual(['book.xlsx', 'link.docx', 'null.docx', 'old.docx', 'target.txt']);
  });

  it('refuses a FIFO at --report without blocking on it', async () => {
    await seed();
    execFileSync('mkfifo', [join(dir, 'pipe.docx')]);
    expectRefused(await runInProcess(['book.xlsx', '--report', 'pipe.docx'], dir), /not a regular file/);
    expect(lstatSync(join(dir, 'pipe.docx')).isFIFO()).toBe(true);
  });

  it('writes the draft to a new file and replaces an earlier writable one', async () => {
    await seed();
    mkdirSync(join(dir, 'drafts'));
    writeFileSync(join(dir, 'drafts', 'r.docx'), 'old');
    const run = await runInProcess(['book.xlsx', '--report', 'drafts/r.docx'], dir);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'drafts', 'r.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(listFiles(join(dir, 'drafts'))).toEqual(['r.docx']);
  });
});

describe('--check-report reads only a bounded regular file', () => {
  it('refuses /dev/zero, a folder and a FIFO at once, with one line', async () => {
    await seed();
    expectRefused(await runInProcess(['book.xlsx', '--check-report', '/dev/zero.txt'], dir), /not found/);
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    expectRefused(await runInProcess(['book.xlsx', '--check-report', 'zero.txt'], dir), /not a regular file/);
    mkdirSync(join(dir, 'folder.docx'));
    expectRefused(await runInProcess(['book.xlsx', '--check-report', 'folder.docx'], dir), /not a regular file/);
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    expectRefused(await runInProcess(['book.xlsx', '--check-report', 'pipe.txt'], dir), /not a regular file/);
    expect(listFiles(dir)).toEqual(['book.xlsx', 'folder.docx', 'pipe.txt', 'zero.txt']);
  });

  it('refuses a .docx whose part declares 4 GB before inflating it', async () => {
    await seed();
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'),
      'word/media/a.bin': strToU8('x'),
    });
    writeFileSync(join(dir, 'bomb.docx'), setDeclaredSize(docx, 'word/media/a.bin', 4_000_000_000));
    expectRefused(await runInProcess(['book.xlsx', '--check-report', 'bomb.docx'], dir), /bomb\.docx \(it inflates beyond the limit; possibly a zip bomb\)/);
    expect(listFiles(dir)).toEqual(['bomb.docx', 'book.xlsx']);
  });
});

describe('the copy keeps the input’s type', () => {
  it('refuses --out x.xlsx for an .xlsm input (the macros would be lost), and the reverse', async () => {
    writeFileSync(join(dir, 'macro.xlsm'), sdkPackage([['预算表', sheetXml(TABLE)]]));
    expectRefused(await runInProcess(['macro.xlsm', '--out', 'copy.xlsx'], dir), /\.xlsm workbook \(it keeps the input's macros\).*copy\.xlsx/);
    expectRefused(await runInProcess(['macro.xlsm', '--out', 'copy.XLSX', '--lang', 'zh'], dir), /扩展名应为 \.xlsm/);
    await seed();
    expectRefused(await runInProcess(['book.xlsx', '--out', 'copy.xlsm'], dir), /give --out an \.xlsx name/);
    writeFileSync(join(dir, 'calc.ods'), odsPackage([['预算表', TABLE]]));
    expectRefused(await runInProcess(['calc.ods', '--out', 'calc2.ods'], dir), /\.xlsx workbook/);
    expect(listFiles(dir)).toEqual(['book.xlsx', 'calc.ods', 'macro.xlsm']);
  });
});

describe('what a values copy changes is said on stderr', () => {
  it('self-evaluation forms in an .xls: evaluated as forms, and the values-only copy said', async () => {
    const xlsx = join(dir, 'forms.xlsx');
    await save(formsWorkbook([stackForms('表1', [nationalForm(NATIONAL_EXAMPLE)])]), xlsx);
    const xls = XLSX.write(XLSX.read(readFileSync(xlsx), { type: 'buffer' }), { type: 'buffer', bookType: 'biff8' }) as Buffer;
    writeFileSync(join(dir, 'forms.xls'), xls);
    const run = await runInProcess(['forms.xls', '--json'], dir);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { layout: string; projects: { name: string }[] }).projects.map((p) => p.name)).toEqual([NATIONAL_EXAMPLE.name]);
    expect(run.stderr.split('\n')[0]).toMatch(/^Note: the input is not an \.xlsx\/\.xlsm workbook; the evaluated copy is an \.xlsx of its values only/);
  });

  it('an .ods with a 40-character sheet name: evaluated; the copy names it as Excel would, and says so', async () => {
    const long = '二〇一八年度项目支出绩效自评表（市直部门汇总，含追加预算及结转结余资金项目）';
    expect(long.length).toBeGreaterThan(31);
    writeFileSync(join(dir, 'calc.ods'), odsPackage([[long, TABLE]]));
    const run = await runInProcess(['calc.ods', '--json'], dir);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { projects: { name: string; budget: number; actual: number }[] };
    expect(report.projects.map((p) => [p.name, p.budget, p.actual])).toEqual([
      ['甲项目', 100, 95],
      ['乙项目', 200, 150],
    ]);
    const notes = run.stderr.trimEnd().split('\n');
    expect(notes[0]).toMatch(/^Note: the input is not an \.xlsx\/\.xlsm workbook; the evaluated copy is an \.xlsx of its values only/);
    expect(notes[1]).toBe(`Note: the sheet name "${long}" is over 31 characters or holds characters Excel refuses; in the evaluated copy it is "${long.slice(0, 31)}"`);
    expect(run.stderr).not.toMatch(/highlight rules could not be added/);
    const copy = XLSX.read(readFileSync(join(dir, 'calc.evaluated.xlsx')), { type: 'buffer' });
    expect(copy.SheetNames).toEqual([long.slice(0, 31), '绩效自评汇总']);
    expect(XLSX.utils.sheet_to_json(copy.Sheets[long.slice(0, 31)], { header: 1 })).toEqual(TABLE);
  });
});
