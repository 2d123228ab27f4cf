// The readable output (no --json): long names are cut to 40 terminal columns and the columns line up.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { addSheet, makeTempDir, removeDir, runInProcess, save } from './cliHarness';

let dir: string;
beforeEach(() => (dir = makeTempDir()));
afterEach(() => removeDir(dir));

it('cuts a long Chinese name to 19 characters and an ellipsis (40 columns), and keeps a short one whole', async () => {
  const long = '城乡社区公共安全与应急管理能力提升综合保障专项经费项目补助';
  expect(long.length).toBeGreaterThan(20);
  const wb = new ExcelJS.Workbook();
  addSheet(wb, 'Sheet1', [
    ['项目名称', '全年预算数', '全年执行数'],
    [long, 100, 95],
    ['甲项目', 50, 49],
  ]);
  await save(wb, join(dir, 'book.xlsx'));
  const run = await runInProcess(['book.xlsx', '--lang', 'en'], dir);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`${long.slice(0, 19)}…`);
  expect(run.stdout).not.toContain(long.slice(0, 20));
  const lines = run.stdout.split('\n');
  const longLine = lines.find((l) => l.includes('…'))!;
  const shortLine = lines.find((l) => l.includes('甲项目'))!;
  // CJK characters take two columns: the budget column ends at the same terminal column on both rows.
  const columnsBefore = (line: string, text: string): number => {
    let width = 0;
    for (const ch of line.slice(0, line.indexOf(text) + text.length)) width += /[\u2e80-\ua4cf\uff00-\uff60]/.test(ch) ? 2 : 1;
    return width;
  };
  expect(columnsBefore(longLine, '100.00')).toBe(columnsBefore(shortLine, '50.00'));
});
