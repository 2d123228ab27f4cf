import ExcelJS from 'exceljs';
import JSZip from 'jszip';
const T = () => performance.now();
(async () => {
  const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile('/tmp/bench20k.xlsx');
  for (const level of [1, 6]) {
    let t = T();
    const buf = Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level } } }));
    console.log('level', level, 'writeBuffer', Math.round(T() - t), buf.length); t = T();
    const zip = await JSZip.loadAsync(buf); console.log('loadAsync', Math.round(T() - t)); t = T();
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string'); console.log('inflate sheet', Math.round(T() - t), xml.length); t = T();
    zip.file('xl/worksheets/sheet1.xml', xml + '');
    const out = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level } }); console.log('generate', Math.round(T() - t), out.length); t = T();
    const zip2 = await JSZip.loadAsync(buf);
    await zip2.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level } }); console.log('regenerate untouched', Math.round(T() - t));
  }
})();
