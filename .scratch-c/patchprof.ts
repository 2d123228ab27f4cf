import JSZip from 'jszip';
import { XlsxWorkbook } from '../src/xlsx/xlsxWorkbook';
import { insertRows } from '../src/xlsx/bulkRows';
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
  const buf = Buffer.from(await book.workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } }));
  for (let i = 0; i < 3; i++) {
    let t = cpu(); const o: string[] = [];
    const lap = (n: string) => { const x = cpu(); o.push(`${n} ${Math.round(x - t)}`); t = x; };
    const zip = await JSZip.loadAsync(buf); lap('loadAsync');
    let xml = await zip.file(`xl/worksheets/sheet${patch.sheetId}.xml`)!.async('string'); lap('read xml');
    for (const d of patch.deferred) xml = insertRows(xml, d); lap(`insert (${(xml.length / 1e6).toFixed(1)}M chars)`);
    zip.file(`xl/worksheets/sheet${patch.sheetId}.xml`, xml);
    await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } }); lap('generate');
    const b = Buffer.from(xml, 'utf8'); lap('utf8 encode');
    const zlib = await import('node:zlib'); zlib.deflateRawSync(b, { level: 1 }); lap('native deflate');
    console.log(o.join(' | '));
  }
})();
