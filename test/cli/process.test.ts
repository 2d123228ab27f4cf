// The real command as a child process: the npm script, exit codes and streams as other tools see them.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSeedWorkbook } from '../support/seedWorkbook';
import type { JsonReport } from '../../src/cli/report';
import { listFiles, makeTempDir, removeDir, save, sha256 } from './cliHarness';

const ROOT = resolve(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');
jest.setTimeout(60_000);

let dir: string;
beforeEach(() => (dir = makeTempDir()));
afterEach(() => removeDir(dir));

function run(command: string, args: string[], cwd: string) {
  const env = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', NO_COLOR: '1' };
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 50_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

it('npm run evaluate -- <book> --json prints only the report on stdout and exits 0', async () => {
  const input = await save(buildSeedWorkbook(), join(dir, 'seed.xlsx'));
  const before = sha256(input);
  const r = run('npm', ['run', 'evaluate', '--', input, '--scheme', 'wuhan2018', '--json'], ROOT);
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout) as JsonReport;
  expect(report.grades).toEqual({ excellent: 5, good: 1, fair: 1, poor: 0 });
  expect(report.totals.flagged).toBe(6);
  expect(existsSync(join(dir, 'seed.evaluated.xlsx'))).toBe(true);
  expect(sha256(input)).toBe(before);
});

it('exits 2 with one line on stderr, nothing on stdout and no file for a sheet without an actual column', async () => {
  const wb = buildSeedWorkbook();
  const ws = wb.getWorksheet('Sheet1')!;
  ws.spliceColumns(4, 1);
  await save(wb, join(dir, 'book.xlsx'));
  const r = run(process.execPath, [TSX, MAIN, 'book.xlsx'], dir);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain('actual-spend');
  expect(listFiles(dir)).toEqual(['book.xlsx']);
});

it('exits 2 for a file that is not a workbook', () => {
  writeFileSync(join(dir, 'fake.xlsx'), 'not a zip at all');
  const r = run(process.execPath, [TSX, MAIN, 'fake.xlsx', '--json'], dir);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(listFiles(dir)).toEqual(['fake.xlsx']);
});
