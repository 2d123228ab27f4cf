// Runs the batch command in-process with captured output, on workbooks built in a temp dir.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../../src/cli/run';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runInProcess(argv: string[], cwd: string, env: Record<string, string> = { LANG: 'en_US.UTF-8' }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env,
    cwd,
    now: () => new Date('2019-02-01T08:00:00Z'),
  });
  return { code, stdout, stderr };
}

export function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'evaluate-cli-'));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir).sort();
}

export async function save(workbook: ExcelJS.Workbook, path: string): Promise<string> {
  await workbook.xlsx.writeFile(path);
  return path;
}

export async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Every non-empty cell of a sheet as address → JSON of its value. */
export function cellMap(ws: ExcelJS.Worksheet): Map<string, string> {
  const map = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      map.set(cell.address, JSON.stringify(cell.value));
    });
  });
  return map;
}

/** Cells of a sheet whose value is exactly `text`. */
export function findCells(ws: ExcelJS.Worksheet, text: string): ExcelJS.Cell[] {
  const found: ExcelJS.Cell[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.value === text) found.push(cell);
    });
  });
  return found;
}

/** A sheet laid out as rows of values from A1 (null = empty cell). */
export function addSheet(wb: ExcelJS.Workbook, name: string, rows: (string | number | null)[][], at = { row: 1, col: 1 }): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  rows.forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (v !== null) ws.getCell(at.row + r, at.col + c).value = v;
    }),
  );
  return ws;
}

/** A refusal: exit 2, nothing on stdout, one line on stderr (no stack trace), matching `pattern` when given. */
export function expectRefused(run: CliRun, pattern?: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  if (pattern) expect(run.stderr).toMatch(pattern);
}
