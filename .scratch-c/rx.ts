import { XlsxWorkbook } from '../src/xlsx/xlsxWorkbook';
import { rowsXml } from '../src/xlsx/bulkRows';
import { runEngine } from '../src/engine/workflow';
import { getScheme } from '../src/engine/schemes';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
(async () => {
  const book = await XlsxWorkbook.fromFile('/tmp/bench20k.xlsx');
  const sheet = await book.readSource({ sheet: 'Sheet1' });
  const scheme = getScheme('mof2020')!;
  const r = runEngine({ sheet, scheme, band: scheme.rateBand, summary: { lang: 'zh', time: new Date() } });
  if (!r.ok || !r.layout) throw new Error('x');
  await book.writeSummary(r.layout, 'S');
  const patch = [...(book as any).pending.values()][0];
  for (let i = 0; i < 5; i++) {
    const o: string[] = [];
    for (const d of patch.deferred) { const t = cpu(); const x = rowsXml(d, new Map([['A', '1'], ['B', '2']])); const b = Buffer.from(x); o.push(`${d.rows.length} rows ${(x.length/1e6).toFixed(1)}M ${Math.round(cpu() - t)}ms`); }
    console.log(o.join(' | '));
  }
})();
