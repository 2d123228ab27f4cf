import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../src/xlsx/xlsxWorkbook';
import { applyBulkPatches } from '../src/xlsx/bulkRows';
import { runEngine } from '../src/engine/workflow';
import { getScheme } from '../src/engine/schemes';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
(async () => {
  for (let i = 0; i < 3; i++) {
    const out: string[] = [];
    let t = cpu(); const s0 = t;
    const lap = (name: string) => { const n = cpu(); out.push(`${name} ${Math.round(n - t)}`); t = n; };
    const book = await XlsxWorkbook.fromFile('/tmp/bench20k.xlsx'); lap('load');
    const sheet = await book.readSource({ sheet: 'Sheet1' }); lap('readSheet');
    const scheme = getScheme('mof2020')!;
    const r = runEngine({ sheet, scheme, band: scheme.rateBand, summary: { lang: 'zh', time: new Date() } }); lap('engine');
    if (!r.ok || !r.layout) throw new Error('x');
    await book.writeSummary(r.layout, 'S'); lap('render');
    const buf = Buffer.from(await book.workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } })); lap('writeBuffer');
    await applyBulkPatches(buf, [...(book as any).pending.values()], 1); lap('patch');
    out.push(`TOTAL ${Math.round(cpu() - s0)}`);
    t = cpu(); const s1 = t;
    const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile('/tmp/bench20k.xlsx'); lap('plain load');
    await wb.xlsx.writeFile('/tmp/p.xlsx'); lap('plain write');
    out.push(`PLAIN ${Math.round(cpu() - s1)}`);
    console.log(out.join(' | '));
  }
})();
