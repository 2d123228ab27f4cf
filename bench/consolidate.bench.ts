// `npm run bench -- consolidate`: 1,000 department workbooks of 50 projects each, built in a temp folder,
// consolidated with --out (worker threads, one per core) against reading the same files with plain
// ExcelJS in one thread. Each side runs in its own process (bench/consolidateChild.ts) so the peak RSS
// printed is that side's alone; start-up under tsx is included. Target: under 60 s on a 2-core machine.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const WORKBOOKS = Number(process.env.CONSOLIDATE_BENCH_WORKBOOKS ?? 1000);
const PROJECTS = 50;
const TARGET_SECONDS = 60;

async function buildWorkbook(i: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('自评表');
  ws.addRow([`${2023}年度项目支出绩效自评表`]);
  ws.addRow([`单位：某区第${i + 1}局`, null, null, null, null, null, null, '单位：万元']);
  ws.addRow(['序号', '项目名称', '全年预算数', '全年执行数', '执行率', '产出指标(50分)', '效益指标(30分)', '满意度指标(10分)', '总分']);
  for (let p = 1; p <= PROJECTS; p++) {
    const budget = 10 + ((i * 31 + p * 17) % 997) * 1.37;
    const actual = Math.round(budget * (0.55 + ((i * 7919 + p * 104729) % 500) / 1000) * 100) / 100;
    const output = 30 + ((i + p) % 21);
    const benefit = 15 + ((i * p) % 16);
    const satisfaction = 6 + (p % 5);
    ws.addRow([p, `项目${i + 1}-${p}`, budget, actual, actual / budget, output, benefit, satisfaction, output + benefit + satisfaction]);
  }
  ws.addRow([null, '合计']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function child(args: string[]): { wall: number; rssMB: number; detail: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'consolidateChild.ts'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`bench child failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { wall: number; rssMB: number; detail: string };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'consolidate-bench-'));
  try {
    const input = join(dir, 'in');
    mkdirSync(input);
    const t0 = Date.now();
    for (let i = 0; i < WORKBOOKS; i++) writeFileSync(join(input, `dept-${String(i + 1).padStart(4, '0')}.xlsx`), await buildWorkbook(i));
    console.log(`built ${WORKBOOKS} workbooks × ${PROJECTS} projects in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${availableParallelism()} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    const plain = child(['exceljs', input]);
    const consolidated = child(['consolidate', input, join(dir, 'consolidated.xlsx')]);
    const oneThread = child(['consolidate', input, join(dir, 'consolidated-1.xlsx'), '1']);
    console.log(`plain ExcelJS read, one thread:   ${plain.wall.toFixed(1)} s, peak RSS ${plain.rssMB.toFixed(0)} MB (${plain.detail})`);
    console.log(`consolidate --out, workers:       ${consolidated.wall.toFixed(1)} s, peak RSS ${consolidated.rssMB.toFixed(0)} MB (${consolidated.detail})`);
    console.log(`consolidate --out, --jobs 1:      ${oneThread.wall.toFixed(1)} s, peak RSS ${oneThread.rssMB.toFixed(0)} MB`);
    console.log(`target < ${TARGET_SECONDS} s: ${consolidated.wall < TARGET_SECONDS ? 'met' : 'NOT met'}; load after ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
