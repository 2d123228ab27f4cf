import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../src/xlsx/xlsxWorkbook';
import { detectHeader } from '../src/engine/headers';
import { evaluateAndWrite } from '../src/engine/workflow';
import { getScheme } from '../src/engine/schemes';
import { toJsonReport } from '../src/cli/report';
import { promises as fs } from 'node:fs';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
(async () => {
  for (let i = 0; i < 4; i++) {
    const out: string[] = [];
    let t = cpu(); const s0 = t;
    const lap = (name: string) => { const n = cpu(); out.push(`${name} ${Math.round(n - t)}`); t = n; };
    const book = await XlsxWorkbook.fromFile('/tmp/bench20k.xlsx'); lap('load');
    const sheet = await book.readSource({ sheet: 'Sheet1' }); detectHeader(sheet.grid); lap('read+detect');
    const scheme = getScheme('mof2020')!;
    const o = await evaluateAndWrite(book, { version: 1, sheet: 'Sheet1', schemeId: 'mof2020', band: scheme.rateBand, lang: 'zh' }, { lang: 'zh' }); lap('evaluateAndWrite');
    const buf = await book.toBuffer(); lap('toBuffer');
    await fs.writeFile('/tmp/cmd3.xlsx', buf); lap('fs');
    JSON.stringify(toJsonReport(o.evaluation), null, 2); lap('json');
    out.push(`TOTAL ${Math.round(cpu() - s0)}`);
    t = cpu(); const s1 = t;
    const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile('/tmp/bench20k.xlsx'); lap('plain load');
    await wb.xlsx.writeFile('/tmp/p.xlsx'); lap('plain write');
    out.push(`PLAIN ${Math.round(cpu() - s1)}`);
    console.log(out.join(' | '));
  }
})();
