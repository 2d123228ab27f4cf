// --out goes only to a new or writable regular file; everything else is refused with exit 2 before
// anything is evaluated, and nothing at the target (nor a temp file) is left changed.
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSeedWorkbook } from '../support/seedWorkbook';
import { listFiles, makeTempDir, removeDir, runInProcess, save, expectRefused } from './cliHarness';

let dir: string;
beforeEach(() => (dir = makeTempDir()));
afterEach(() => removeDir(dir));


async function seed(): Promise<void> {
  await save(buildSeedWorkbook(), join(dir, 'book.xlsx'));
}

it('refuses a symlink at --out and leaves the link and its target as they were', async () => {
  await seed();
  writeFileSync(join(dir, 'target.txt'), 'keep me');
  symlinkSync(join(dir, 'target.txt'), join(dir, 'link.xlsx'));
  const run = await runInProcess(['book.xlsx', '--out', 'link.xlsx'], dir);
  expectRefused(run);
  expect(run.stderr).toContain('symbolic link');
  expect(lstatSync(join(dir, 'link.xlsx')).isSymbolicLink()).toBe(true);
  expect(readlinkSync(join(dir, 'link.xlsx'))).toBe(join(dir, 'target.txt'));
  expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toBe('keep me');
  expect(listFiles(dir)).toEqual(['book.xlsx', 'link.xlsx', 'target.txt']);
});

it('never replaces /dev/null, even with --json and as root; a link to it is refused too', async () => {
  await seed();
  const before = statSync('/dev/null');
  const direct = await runInProcess(['book.xlsx', '--json', '--out', '/dev/null'], dir);
  expectRefused(direct);
  expect(direct.stderr).toContain('not a regular file');
  symlinkSync('/dev/null', join(dir, 'null.xlsx'));
  const zh = await runInProcess(['book.xlsx', '--json', '--out', 'null.xlsx'], dir, { LANG: 'zh_CN.UTF-8' });
  expectRefused(zh);
  expect(zh.stderr).toContain('符号链接');
  const after = statSync('/dev/null');
  expect(after.isCharacterDevice()).toBe(true);
  expect(after.ino).toBe(before.ino);
  expect(listFiles(dir)).toEqual(['book.xlsx', 'null.xlsx']);
});

it('refuses a FIFO at --out without blocking on it', async () => {
  await seed();
  execFileSync('mkfifo', [join(dir, 'pipe.xlsx')]);
  const run = await runInProcess(['book.xlsx', '--out', 'pipe.xlsx'], dir);
  expectRefused(run);
  expect(lstatSync(join(dir, 'pipe.xlsx')).isFIFO()).toBe(true);
  expect(listFiles(dir)).toEqual(['book.xlsx', 'pipe.xlsx']);
});

it('refuses a folder at --out, also when spelled with a trailing slash that does not exist yet', async () => {
  await seed();
  mkdirSync(join(dir, 'copies'));
  expectRefused(await runInProcess(['book.xlsx', '--out', 'copies'], dir));
  expectRefused(await runInProcess(['book.xlsx', '--out', 'new-folder/'], dir));
  expect(listFiles(dir)).toEqual(['book.xlsx', 'copies']);
  expect(listFiles(join(dir, 'copies'))).toEqual([]);
});

it('refuses a read-only existing file by its mode bits (root ignores them when writing)', async () => {
  await seed();
  writeFileSync(join(dir, 'copy.xlsx'), 'signed copy');
  chmodSync(join(dir, 'copy.xlsx'), 0o444);
  const run = await runInProcess(['book.xlsx', '--out', 'copy.xlsx'], dir);
  expectRefused(run);
  expect(run.stderr).toContain('read-only');
  expect(readFileSync(join(dir, 'copy.xlsx'), 'utf8')).toBe('signed copy');
  expect(listFiles(dir)).toEqual(['book.xlsx', 'copy.xlsx']);
});

it('keeps the mode of a writable file it replaces', async () => {
  await seed();
  writeFileSync(join(dir, 'copy.xlsx'), 'old');
  chmodSync(join(dir, 'copy.xlsx'), 0o640);
  const run = await runInProcess(['book.xlsx', '--out', 'copy.xlsx'], dir);
  expect(run.code).toBe(0);
  expect(statSync(join(dir, 'copy.xlsx')).mode & 0o777).toBe(0o640);
  expect(readFileSync(join(dir, 'copy.xlsx')).subarray(0, 2).toString()).toBe('PK');
  expect(listFiles(dir)).toEqual(['book.xlsx', 'copy.xlsx']);
});

it('finds a folder it cannot create files in before reading the workbook', async () => {
  // /proc passes access(W_OK) as root but no file can be created there: only creating the temp file tells.
  // The workbook does not exist: the output folder is what gets reported, so it was checked first.
  const run = await runInProcess(['missing.xlsx', '--out', '/proc/evaluated.xlsx'], dir);
  expectRefused(run);
  expect(run.stderr).toContain('Cannot write files in the output folder /proc');
  expect(listFiles(dir)).toEqual([]);
});

(process.getuid?.() === 0 ? it.skip : it)('refuses a read-only folder before evaluating (non-root)', async () => {
  await seed();
  mkdirSync(join(dir, 'ro'));
  chmodSync(join(dir, 'ro'), 0o555);
  const run = await runInProcess(['book.xlsx', '--out', 'ro/copy.xlsx'], dir);
  chmodSync(join(dir, 'ro'), 0o755);
  expectRefused(run);
  expect(run.stderr).toContain('output folder');
});

it('leaves no temp file behind when the evaluation is refused after the output was reserved', async () => {
  await save(buildSeedWorkbook(), join(dir, 'book.xlsx'));
  const run = await runInProcess(['book.xlsx', '--sheet', 'Nope', '--out', 'copy.xlsx'], dir);
  expectRefused(run);
  expect(listFiles(dir)).toEqual(['book.xlsx']);
});
