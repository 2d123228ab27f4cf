import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../src/xlsx/xlsxWorkbook';
import { runEngine } from '../src/engine/workflow';
import { getScheme } from '../src/engine/schemes';
const T = () => performance.now();
(async () => {
  const book = await XlsxWorkbook.fromFile('/tmp/bench20k.xlsx');
  const sheet = await book.readSource({ sheet: 'Sheet1' });
  const scheme = getScheme('mof2020')!;
  const r = runEngine({ sheet, scheme, band: scheme.rateBand, summary: { lang: 'zh', time: new Date() } });
  if (!r.ok || !r.layout) throw new Error('x');
  for (const level of [6, 1, 1, 6]) {
    const empty = new XlsxWorkbook(new ExcelJS.Workbook());
    let t = T();
    await empty.writeSummary(r.layout, 'S'); const render = T() - t; t = T();
    await empty.workbook.xlsx.writeFile('/tmp/sum-only.xlsx', { zip: { compression: 'DEFLATE', compressionOptions: { level } } });
    console.log('level', level, 'render', Math.round(render), 'write summary only', Math.round(T() - t));
  }
  for (const level of [6, 1]) {
    const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile('/tmp/bench20k.xlsx');
    const t = T();
    await wb.xlsx.writeFile('/tmp/plain.xlsx', { zip: { compression: 'DEFLATE', compressionOptions: { level } } });
    console.log('level', level, 'plain write', Math.round(T() - t));
  }
})();
