// One side of `npm run bench -- consolidate`, run in its own process so its peak RSS is its own:
// `consolidate <folder> <out> [jobs]` runs the command in-process; `exceljs <folder>` reads every
// workbook of the folder with plain ExcelJS, one after another. Prints one line of JSON: wall seconds, peak RSS (MB).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { runConsolidate } from '../src/cli/consolidateRun';

async function main(): Promise<void> {
  const [mode, folder, out, jobs] = process.argv.slice(2);
  const start = performance.now();
  let detail = '';
  if (mode === 'consolidate') {
    const args = [folder, '--out', out, '--json', ...(jobs ? ['--jobs', jobs] : [])];
    let stdout = '';
    let stderr = '';
    const code = await runConsolidate(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, cwd: process.cwd() });
    if (code !== 0) throw new Error(`consolidate exited ${code}: ${stderr}`);
    const report = JSON.parse(stdout) as { totals: { files: number; projects: number; departments: number } };
    detail = `${report.totals.files} files, ${report.totals.projects} projects, ${report.totals.departments} departments`;
  } else {
    let rows = 0;
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.xlsx'))) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(folder, name));
      rows += wb.worksheets[0]?.rowCount ?? 0;
    }
    detail = `${rows} rows read`;
  }
  const wall = (performance.now() - start) / 1000;
  console.log(JSON.stringify({ wall, rssMB: process.resourceUsage().maxRSS / 1024, detail }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
