import ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import { readZipTexts, rebuildZip } from './src/xlsx/zipPatch';
(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (let i = 1; i <= 20000; i++) ws.addRow([i, `项目${i}`, 10 + i * 1.37, 9 + i, 0.9, 40, 20, 60]);
  const s2 = wb.addWorksheet('S2');
  for (let i = 1; i <= 20000; i++) s2.addRow([i, `项目${i}`, 10 + i * 1.37, 9 + i, 0.9, 40, '优', '']);
  const zip = Buffer.from(await wb.xlsx.writeBuffer());
  console.log('zip bytes', zip.length);
  for (let k = 0; k < 3; k++) {
    let t = performance.now();
    const texts = await readZipTexts(zip, (n) => n.includes('sheet2') || n.includes('sharedStrings'));
    const t1 = performance.now() - t;
    t = performance.now();
    const out = await rebuildZip(zip, new Map([...texts].map(([k2, v]) => [k2, Buffer.from(v)])), 1);
    console.log('read', t1.toFixed(0), 'rebuild', (performance.now() - t).toFixed(0), 'out', out.length);
  }
})();
