// The batch command on a 20,000-row workbook against plain ExcelJS reading and writing the same file,
// in the same run and in-process (tsx start-up is not measured). Target: within 1.3× the plain read+write.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../src/cli/run';
import { measure, median, type Sample } from './timing';

const ROWS = 20_000;
const RUNS = 5;

async function buildWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell(1, 1).value = '项目支出绩效自评表（2023年度）';
  ws.mergeCells(1, 1, 1, 8);
  ws.getCell(2, 8).value = '单位：万元';
  ws.addRow(['序号', '项目名称', '全年预算数', '全年执行数', '执行率', '产出指标(50分)', '效益指标(30分)', '总分']);
  for (let i = 1; i <= ROWS; i++) {
    const budget = 10 + (i % 997) * 1.37;
    const actual = Math.round(budget * (0.6 + ((i * 7919) % 500) / 1000) * 100) / 100;
    const output = 30 + (i % 21);
    const benefit = 15 + (i % 16);
    ws.addRow([i, `项目${i}`, budget, actual, actual / budget, output, benefit, output + benefit]);
  }
  ws.addRow([null, '合计', null, null]);
  await wb.xlsx.writeFile(path);
}

async function plainReadWrite(input: string, out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  await wb.xlsx.writeFile(out);
}

async function command(input: string, out: string): Promise<void> {
  let stderr = '';
  const code = await runCli([input, '--out', out, '--json'], { stdout: () => undefined, stderr: (t) => (stderr += t), env: {}, cwd: process.cwd() });
  if (code !== 0) throw new Error(`command exited ${code}: ${stderr}`);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cli-bench-'));
  try {
    const input = join(dir, 'book.xlsx');
    await buildWorkbook(input);
    await plainReadWrite(input, join(dir, 'warm.xlsx'));
    await command(input, join(dir, 'warm.evaluated.xlsx'));
    // Interleaved, so both sides see the same machine load.
    const plain: Sample[] = [];
    const cmd: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      plain.push(await measure(() => plainReadWrite(input, join(dir, 'plain.xlsx'))));
      cmd.push(await measure(() => command(input, join(dir, 'evaluated.xlsx'))));
    }
    const wall = { plain: median(plain.map((s) => s.wall)), cmd: median(cmd.map((s) => s.wall)) };
    const cpu = { plain: median(plain.map((s) => s.cpu)), cmd: median(cmd.map((s) => s.cpu)) };
    const ratio = wall.cmd / wall.plain;
    console.log(`plain ExcelJS read+write, ${ROWS} rows: ${wall.plain.toFixed(2)} s (CPU ${cpu.plain.toFixed(2)} s)`);
    console.log(`evaluate command, ${ROWS} rows: ${wall.cmd.toFixed(2)} s (CPU ${cpu.cmd.toFixed(2)} s)`);
    console.log(`command / plain: ${ratio.toFixed(2)}× wall, ${(cpu.cmd / cpu.plain).toFixed(2)}× CPU (target ≤ 1.3×: ${ratio <= 1.3 ? 'met' : 'MISSED'}; medians of ${RUNS})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
