import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../src/xlsx/xlsxWorkbook';
import { runEngine } from '../src/engine/workflow';
import { getScheme } from '../src/engine/schemes';
const T = () => performance.now();
(async () => {
  const input = process.argv[2];
  let t = T();
  const book = await XlsxWorkbook.fromFile(input); console.log('load', Math.round(T() - t)); t = T();
  const sheet = await book.readSource({ sheet: 'Sheet1' }); console.log('readSheet', Math.round(T() - t)); t = T();
  const scheme = getScheme('mof2020')!;
  const r = runEngine({ sheet, scheme, band: scheme.rateBand, summary: { lang: 'zh', time: new Date() } }); console.log('engine+summary+layout', Math.round(T() - t)); t = T();
  if (!r.ok || !r.layout) throw new Error('x');
  console.log('blocks', r.layout.blocks.map(b => `${b.id}:${b.values.length}x${b.numberFormats.length}`).join(' '));
  await book.writeSummary(r.layout, 'S'); console.log('render', Math.round(T() - t)); t = T();
  await book.saveAs('/tmp/bench-out.xlsx'); console.log('write', Math.round(T() - t)); t = T();
  const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(input); console.log('plain load', Math.round(T() - t)); t = T();
  await wb.xlsx.writeFile('/tmp/bench-plain.xlsx'); console.log('plain write', Math.round(T() - t)); t = T();
})();
